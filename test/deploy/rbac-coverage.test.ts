/**
 * The RBAC rules of every install shape grant every Kubernetes API call the code makes, and nothing more.
 * The calls come from running the real collector and the real action processors against the loopback
 * fake API (test/deploy/rbac-drive.ts); each recorded request is mapped to its RBAC attributes the way
 * the API server does it, then checked against the rules bound to the bot's ServiceAccount in the
 * rendered manifests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiMethodsInSource, driveActions, driveCollect, type DrivenCall, type SourceApiCall } from './rbac-drive.js';
import { allowed, describeAttributes, grants, requestAttributes, resourceKey, rulesFor, type PolicyRule, type RequestAttributes } from './rbac-map.js';
import { byKind, listShapes, renderKustomization } from './render.js';

interface Observed {
  attributes: RequestAttributes;
  call: DrivenCall;
}

let collect: Observed[] = [];
let actions: Observed[] = [];
let nonResource: DrivenCall[] = [];
let scenarioCount = 0;
let actionResults: string[] = [];
let sourceCalls: SourceApiCall[] = [];

function observe(calls: DrivenCall[]): Observed[] {
  const out: Observed[] = [];
  for (const call of calls) {
    const attributes = requestAttributes(call);
    if (attributes) out.push({ attributes, call });
    else nonResource.push(call);
  }
  return out;
}

/** One line per distinct (verb, group, resource), with one example of who made it. */
function distinct(observed: Observed[]): Map<string, Observed> {
  const m = new Map<string, Observed>();
  for (const o of observed) {
    const k = describeAttributes({ ...o.attributes, namespace: undefined } as RequestAttributes);
    if (!m.has(k)) m.set(k, o);
  }
  return m;
}

beforeAll(async () => {
  const c = await driveCollect();
  const a = await driveActions();
  scenarioCount = c.scenarios;
  actionResults = a.results;
  collect = observe(c.calls);
  actions = observe(a.calls);
  sourceCalls = await apiMethodsInSource();
}, 120_000);

describe('the calls the code makes (recorded by the fake API)', () => {
  it('come from every scenario and every action', () => {
    expect(scenarioCount).toBeGreaterThan(5);
    expect(actionResults).toEqual(['rollback: rolled-back', 'pause_rollout: paused', 'resume_rollout: resumed']);
    // The collector reads at least the pod, its events, its logs and its owners.
    const kinds = [...distinct(collect).keys()];
    for (const k of ['get core/pods', 'list core/events', 'get core/pods/log', 'get apps/replicasets']) expect(kinds).toContain(k);
    expect([...distinct(actions).keys()]).toContain('patch apps/deployments');
  });

  it('never touch Secrets, never watch, never write outside the actions', () => {
    for (const o of [...collect, ...actions]) expect(o.attributes.resource, describeAttributes(o.attributes)).not.toBe('secrets');
    for (const o of [...collect, ...actions]) expect(o.attributes.verb).not.toBe('watch');
    for (const o of collect) expect(['get', 'list'], `${describeAttributes(o.attributes)} by ${o.call.by}`).toContain(o.attributes.verb);
  });

  it('cover every Kubernetes API method src/ calls, and come only from those', () => {
    const key = (a: RequestAttributes) => describeAttributes({ ...a, namespace: undefined } as RequestAttributes);
    const observed = new Set([...collect, ...actions].map((o) => key(o.attributes)));
    const named = new Map(sourceCalls.map((c) => [key(requestAttributes(c.call)!), c]));
    const unexercised = [...named.entries()].filter(([k]) => !observed.has(k)).map(([k, c]) => `${c.method} (${k}) at ${c.where.join(', ')}`);
    expect(unexercised, 'a call site no scenario reaches: add a fixture that does').toEqual([]);
    expect([...observed].filter((k) => !named.has(k))).toEqual([]);
  });

  it('are all resource requests (no discovery or other non-resource URL needs a grant)', () => {
    expect(nonResource.map((c) => `${c.method} ${c.path}`)).toEqual([]);
  });
});

describe.each(listShapes())('RBAC of overlay $name', (shape) => {
  const objects = renderKustomization(shape.dir);
  const ns = byKind(objects, 'Namespace')[0]!.metadata.name;
  const rules = rulesFor(objects, { name: 'crashloop-bot', namespace: ns });
  const allRules: PolicyRule[] = [...rules.clusterWide, ...Object.values(rules.byNamespace).flat()];
  const rbacObjects = objects.filter((o) => o.apiVersion.startsWith('rbac.authorization.k8s.io/'));

  it('grants every call the collector makes', () => {
    const denied = [...distinct(collect).values()].filter((o) => !allowed(rules, o.attributes));
    expect(denied.map((o) => `${describeAttributes(o.attributes)} (by ${o.call.by}: ${o.call.method} ${o.call.path})`)).toEqual([]);
  });

  it(shape.actions ? 'grants every call the actions make' : 'denies the actions their patch (actions off = read-only)', () => {
    const distinctActions = [...distinct(actions).values()];
    const denied = distinctActions.filter((o) => !allowed(rules, o.attributes)).map((o) => describeAttributes({ ...o.attributes, namespace: undefined } as RequestAttributes));
    if (shape.actions) expect(denied).toEqual([]);
    else expect(denied).toEqual(['patch apps/deployments']);
  });

  it('grants nothing the code does not use', () => {
    const used = [...collect, ...(shape.actions ? actions : [])].map((o) => o.attributes);
    const unused = allRules.flatMap(grants).filter(
      (g) => !used.some((a) => a.apiGroup === g.apiGroup && resourceKey(a) === g.resource && a.verb === g.verb),
    );
    expect(unused.map((g) => `${g.verb} ${g.apiGroup || 'core'}/${g.resource}`)).toEqual([]);
  });

  it('has no wildcard, no Secret, no non-resource URL, no escalation verb', () => {
    expect(allRules.length).toBeGreaterThan(0);
    for (const role of rbacObjects.filter((o) => o.kind === 'ClusterRole' || o.kind === 'Role')) {
      for (const rule of (role as unknown as { rules: PolicyRule[] }).rules) {
        const where = `${role.kind}/${role.metadata.name}`;
        for (const v of [...(rule.apiGroups ?? []), ...(rule.resources ?? []), ...rule.verbs]) expect(v, where).not.toContain('*');
        expect(rule.resources ?? [], where).not.toContain('secrets');
        expect(rule.nonResourceURLs, where).toBeUndefined();
        for (const verb of ['escalate', 'bind', 'impersonate', 'create', 'delete', 'deletecollection', 'update']) expect(rule.verbs, where).not.toContain(verb);
      }
    }
  });

  it('binds its roles to the bot ServiceAccount only', () => {
    for (const b of rbacObjects.filter((o) => o.kind.endsWith('Binding'))) {
      expect((b as unknown as { subjects: unknown[] }).subjects).toEqual([{ kind: 'ServiceAccount', name: 'crashloop-bot', namespace: ns }]);
    }
  });
});
