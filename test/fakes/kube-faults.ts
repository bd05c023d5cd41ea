/**
 * Fault injection and scenario loading for the fake Kubernetes API: which requests a fault or an
 * expectation matches, the Status a fault answers with (built like the API server's), and loading a
 * scenario folder (objects.json + logs/) into the store.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from './kube-handlers.js';
import { forbidden, notFound, status, type StatusBody } from './kube-status.js';
import type { KubeObject, KubeStore } from './kube-store.js';

export interface RequestMatcher {
  method?: string;
  /** Exact path, or a pattern tested against the path. */
  path: string | RegExp;
}

export interface Fault extends RequestMatcher {
  /** HTTP status to answer with; the Status body is built like the API server's when `body` is absent. */
  status?: number;
  message?: string;
  body?: unknown;
  /** Added before answering (or before the fault's status). */
  delayMs?: number;
  /** Never answer (until close): a timeout for the client. */
  hang?: boolean;
  /** Drop the connection without answering (a reset, as when a load balancer closes it). */
  reset?: boolean;
  /** Apply to this many matching requests, then stop (default: all). */
  times?: number;
}

export function matches(m: RequestMatcher, method: string, path: string): boolean {
  if (m.method && m.method.toUpperCase() !== method) return false;
  return typeof m.path === 'string' ? m.path === path : m.path.test(path);
}

export function loadScenario(store: KubeStore, dir: string): void {
  const list = JSON.parse(readFileSync(join(dir, 'objects.json'), 'utf8')) as { items?: KubeObject[] };
  for (const o of list.items ?? []) store.add(o);
  const logDir = join(dir, 'logs');
  if (!existsSync(logDir)) return;
  for (const pod of readdirSync(logDir)) {
    for (const file of readdirSync(join(logDir, pod))) {
      const m = /^(.+?)(\.previous)?\.log$/.exec(file);
      if (!m) continue;
      store.setLog({ pod, container: m[1]!, previous: Boolean(m[2]), text: readFileSync(join(logDir, pod, file), 'utf8') });
    }
  }
}

/** The Status a fault answers with when it names only a status code. */
export function faultBody(code: number, message: string | undefined, route: Route | undefined, method: string): StatusBody {
  if (message) return status(code, message);
  if (route && code === 403) {
    const verb = method === 'PATCH' ? 'patch' : method === 'PUT' ? 'update' : route.name === undefined ? 'list' : 'get';
    return forbidden({ verb, resource: route.type.plural, group: route.type.group, name: route.name, namespace: route.namespace, subresource: route.subresource });
  }
  if (route && code === 404 && route.name) return notFound(route.type.plural, route.type.group, route.name);
  const defaults: Record<number, string> = {
    500: 'Internal error occurred: fake fault',
    503: 'the server is currently unable to handle the request',
    504: 'the server was unable to return a response in the time allotted, but may still be processing the request',
    429: 'the server has received too many requests and has asked us to try again later',
  };
  return status(code, defaults[code] ?? `fake fault ${code}`);
}

