/**
 * Request handling of the fake Kubernetes API: URL -> resource route, then GET (object, List),
 * pods/log, PATCH (three patch types, 409 on a stale resourceVersion, generation bump,
 * Deployment controller) and PUT. Answers exactly like the API server, Status JSON on failure.
 */
import { reconcileDeployment } from './kube-deployment-controller.js';
import { readLog } from './kube-logs.js';
import { applyPatch, deepEqual, PatchError, PATCH_TYPES } from './kube-patch.js';
import * as discovery from './kube-resources.js';
import { apiVersionOf, typeByPlural, type ResourceType } from './kube-resources.js';
import { matchFields, matchLabels, parseFieldSelector, parseLabelSelector, SelectorError } from './kube-selectors.js';
import { conflict, invalid, notFound, status, type StatusBody } from './kube-status.js';
import type { KubeObject, KubeStore } from './kube-store.js';

export interface Route {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

export function json(code: number, value: unknown): Answer {
  return { status: code, contentType: 'application/json', body: JSON.stringify(value) };
}

function fail(body: StatusBody): Answer {
  return json(body.code, body);
}

/** Parse a resource URL; undefined when the path is not a resource path (discovery or unknown). */
export function parseRoute(pathname: string): Route | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group = '';
  let version: string | undefined;
  let rest: string[];
  if (parts[0] === 'api') {
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    group = parts[1] ?? '';
    version = parts[2];
    rest = parts.slice(3);
  } else return undefined;
  if (!version || rest.length === 0) return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const type = typeByPlural(group, version, rest[0]!);
  if (!type || rest.length > 3) return undefined;
  if (namespace !== undefined && !type.namespaced) return undefined;
  return { type, namespace, name: rest[1], subresource: rest[2] };
}

/** Discovery documents kubectl reads (/version, /api, /apis, /api/v1, /apis/g, /apis/g/v). */
export function discoveryAnswer(pathname: string, serverAddress: string): Answer | undefined {
  const p = pathname.replace(/\/+$/, '') || '/';
  if (p === '/version') return json(200, discovery.SERVER_VERSION);
  if (p === '/api') return json(200, discovery.coreVersions(serverAddress));
  if (p === '/apis') return json(200, discovery.groupList());
  const m = /^\/(?:api\/(v1)|apis\/([^/]+)(?:\/([^/]+))?)$/.exec(p);
  if (!m) return undefined;
  const doc = m[1] ? discovery.resourceList('', 'v1') : m[3] ? discovery.resourceList(m[2]!, m[3]) : discovery.group(m[2]!);
  return doc ? json(200, doc) : undefined;
}

function withTypeMeta(t: ResourceType, o: KubeObject): KubeObject {
  return { apiVersion: apiVersionOf(t), kind: t.kind, ...o };
}

function list(store: KubeStore, route: Route, query: URLSearchParams): Answer {
  const t = route.type;
  let items = store.list(t, route.namespace);
  try {
    const ls = query.get('labelSelector');
    if (ls) {
      const reqs = parseLabelSelector(ls);
      items = items.filter((o) => matchLabels(reqs, o.metadata.labels));
    }
    const fs = query.get('fieldSelector');
    if (fs) {
      const reqs = parseFieldSelector(fs, t.fields);
      items = items.filter((o) => matchFields(reqs, o));
    }
  } catch (err) {
    if (err instanceof SelectorError) return fail(status(400, err.message));
    throw err;
  }
  // Pagination: `limit` cuts the list and `continue` carries the offset (opaque to clients).
  const offset = query.get('continue') ? Number(Buffer.from(query.get('continue')!, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(offset) || offset < 0) return fail(status(400, 'The provided continue parameter is too old to display a consistent list result.'));
  const limit = Number(query.get('limit') ?? 0);
  const page = limit > 0 ? items.slice(offset, offset + limit) : items.slice(offset);
  const more = limit > 0 && offset + limit < items.length;
  return json(200, {
    kind: `${t.kind}List`,
    apiVersion: apiVersionOf(t),
    metadata: {
      resourceVersion: store.resourceVersion,
      ...(more ? { continue: Buffer.from(String(offset + limit)).toString('base64url'), remainingItemCount: items.length - offset - limit } : {}),
    },
    items: page.map(({ apiVersion: _a, kind: _k, ...rest }) => rest),
  });
}

/** Decoding into the typed object drops nulls (e.g. kubectl's `creationTimestamp: null`). */
function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, pruneNulls(x)]));
  }
  return v;
}

function parseBody(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new PatchError(`error decoding patch: invalid character in request body`, 400);
  }
}

function write(store: KubeStore, route: Route, method: string, contentType: string, raw: string, dryRun: boolean): Answer {
  const t = route.type;
  const name = route.name!;
  const current = store.get(t, route.namespace, name);
  if (!current) return fail(notFound(t.plural, t.group, name));
  if (!t.verbs.includes('patch')) return fail(status(405, 'the server does not allow this method on the requested resource'));
  let next: KubeObject;
  try {
    if (method === 'PUT') {
      if (contentType !== 'application/json') return fail(status(415, `the body of the request was in an unknown format - accepted media types include: application/json`));
      next = parseBody(raw) as KubeObject;
    } else {
      if (!Object.values(PATCH_TYPES).includes(contentType as never) || contentType === PATCH_TYPES.apply) {
        return fail(status(415, `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`));
      }
      next = applyPatch(contentType, withTypeMeta(t, current), parseBody(raw)) as KubeObject;
    }
  } catch (err) {
    if (err instanceof PatchError) return fail(status(err.code, err.message));
    throw err;
  }
  if (!next || typeof next !== 'object' || !next.metadata) return fail(status(400, 'the patched object has no metadata'));
  next = pruneNulls(next) as KubeObject;
  const sentRv = next.metadata.resourceVersion;
  if (sentRv !== undefined && sentRv !== '' && sentRv !== current.metadata.resourceVersion) return fail(conflict(t.plural, t.group, name));
  if (next.metadata.name !== name) return fail(invalid(t.kind, t.group, name, 'metadata.name', `Invalid value: "${next.metadata.name}": field is immutable`));
  if (t.kind === 'Deployment') {
    const sel = next.spec?.selector?.matchLabels ?? {};
    const labels = next.spec?.template?.metadata?.labels ?? {};
    if (Object.entries(sel).some(([k, v]) => labels[k] !== v)) {
      return fail(invalid(t.kind, t.group, name, 'spec.template.metadata.labels', `Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\``));
    }
  }
  // Server-managed fields are kept.
  next.metadata = { ...next.metadata, uid: current.metadata.uid, creationTimestamp: current.metadata.creationTimestamp, namespace: current.metadata.namespace, generation: current.metadata.generation, resourceVersion: current.metadata.resourceVersion };
  next.kind = t.kind;
  next.apiVersion = apiVersionOf(t);
  if (deepEqual(next, withTypeMeta(t, current))) return json(200, withTypeMeta(t, current));
  if (dryRun) return json(200, next);
  let saved = store.update(t, next, !deepEqual(next.spec, current.spec));
  if (t.kind === 'Deployment') saved = reconcileDeployment(store, saved);
  return json(200, withTypeMeta(t, saved));
}

export function handleResource(store: KubeStore, route: Route, method: string, query: URLSearchParams, contentType: string, body: string): Answer {
  const t = route.type;
  if (route.subresource) {
    if (t.kind === 'Pod' && route.subresource === 'log' && method === 'GET') {
      const answer = readLog(store, route.namespace ?? 'default', route.name!, query);
      return answer.ok ? { status: 200, contentType: 'text/plain', body: answer.text } : fail(answer.body);
    }
    return fail(status(404, 'the server could not find the requested resource', undefined, 'NotFound'));
  }
  if (method === 'GET') {
    if (route.name === undefined) return list(store, route, query);
    const o = store.get(t, route.namespace, route.name);
    return o ? json(200, withTypeMeta(t, o)) : fail(notFound(t.plural, t.group, route.name));
  }
  if ((method === 'PATCH' || method === 'PUT') && route.name !== undefined) {
    return write(store, route, method, contentType, body, query.getAll('dryRun').includes('All'));
  }
  return fail(status(405, 'the server does not allow this method on the requested resource'));
}
