/**
 * Evidence collection through the real @kubernetes/client-node against the loopback fake API:
 * every scenario fixture collected over HTTP gives the same evidence the fixture describes and the
 * same cause as expected.json, within the request budget (<= 10 requests, <= 4 sequential rounds, nothing cluster-wide, no Secrets).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { collectEvidence } from '../../src/collect/index.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { isCrashloopError } from '../../src/errors.js';
import { makeClients } from '../../src/kube/clients.js';
import { startFakeKubeApi, type FakeKubeApi } from '../fakes/kube-api-server.js';
import { sequentialRounds } from '../fakes/kube-rounds.js';
import { sampleLogs, sampleObjects } from '../fakes/kube-sample.js';
import type { Evidence } from '../../src/domain/evidence.js';
import { listScenarios, loadScenario, type LoadedScenario } from '../support/scenarios.js';

let api: FakeKubeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

function names(items: Array<{ metadata?: { name?: string } }>): string[] {
  return items.map((i) => i.metadata?.name ?? '?');
}

function expectWithinBudget(a: FakeKubeApi): void {
  const reqs = a.apiRequests();
  expect(reqs.length).toBeLessThanOrEqual(10);
  expect(reqs.filter((r) => r.clusterWide)).toEqual([]);
  expect(reqs.filter((r) => r.resource === 'secrets')).toEqual([]);
  expect(reqs.every((r) => r.method === 'GET')).toBe(true);
  expect(sequentialRounds(reqs)).toBeLessThanOrEqual(4);
}

async function sample(): Promise<FakeKubeApi> {
  api = await startFakeKubeApi({ objects: sampleObjects(), logs: sampleLogs(), latencyMs: 30 });
  return api;
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; hints: string[] }> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  if (!isCrashloopError(err)) throw new Error(`expected a CrashloopError, got ${String(err)}`);
  return { code: err.code, message: err.message, hints: err.hints };
}

/** Serve a fixture folder, collect through the real client, and compare with the fixture's own evidence. */
async function collectLikeFixture(dir: string): Promise<{ evidence: Evidence; fixture: LoadedScenario }> {
  const fixture = loadScenario(dir);
  api = await startFakeKubeApi({ scenario: dir, latencyMs: 30 });
  const evidence = await collectEvidence(makeClients(api.kubeConfig()), fixture.expected.target, { now: () => new Date(fixture.expected.collectedAt) });
  const want = fixture.evidence;
  expect(evidence.pod.metadata?.name).toBe(want.pod.metadata?.name);
  expect(evidence.focus).toEqual(want.focus);
  // Same events (the API lists them by name, so ties in time may come in another order), oldest first.
  // A List cannot hold two objects of one name, so a fixture that repeats an event name is served once.
  expect(names(evidence.events).sort()).toEqual([...new Set(names(want.events))].sort());
  const times = evidence.events.map((e) => new Date((e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp) as unknown as string).getTime());
  expect(times).toEqual([...times].sort((x, y) => x - y));
  expect(evidence.logs.map((l) => [l.container, l.lines])).toEqual(want.logs.map((l) => [l.container, l.lines]));
  expect(evidence.owners.controller).toEqual(want.owners.controller);
  expect(evidence.owners.deployment?.metadata?.name).toBe(want.owners.deployment?.metadata?.name);
  expect(names(evidence.owners.replicaSets)).toEqual(names(want.owners.replicaSets));
  expect(names(evidence.siblings).sort()).toEqual(names(want.siblings).sort());
  expect(evidence.node?.metadata?.name).toBe(want.node?.metadata?.name);
  expect(evidence.notes.filter((n) => n.kind !== 'info')).toEqual([]);
  expectWithinBudget(api);
  return { evidence, fixture };
}

describe('collectEvidence over every scenario fixture', () => {
  const scenarios = listScenarios();
  it('has scenarios to serve', () => expect(scenarios.length).toBeGreaterThan(0));

  it.each(scenarios.map((s) => [s.id, s.dir]))('%s: same evidence as the fixture and the same cause, within budget', async (_id, dir) => {
    const { evidence, fixture } = await collectLikeFixture(dir);
    expect(evidence.focus.name).toBe(fixture.expected.container);
    expect(evidence.focus.init).toBe(fixture.expected.initContainer);
    // And the diagnosis made from what came over HTTP names the scenario's cause.
    const diagnosis = diagnose(evidence);
    expect(diagnosis.cause).toBe(fixture.expected.cause);
    expect(diagnosis.container).toBe(fixture.expected.container);
  });
});

describe('collectEvidence over the held-out incidents', () => {
  // Scored, never tuned (bench/score.ts): here only the collection path is checked, so the score
  // measured on fixture evidence holds for what the real client reads.
  const heldout = listScenarios('test/fixtures/heldout');
  it.each(heldout.map((s) => [s.id, s.dir]))('%s: same evidence as the fixture, within budget', async (_id, dir) => {
    await collectLikeFixture(dir);
  });
});

describe('collectEvidence: target resolution', () => {
  it('resolves a Deployment name to its most crash-looping pod, reusing the pod list for siblings', async () => {
    const a = await sample();
    const ev = await collectEvidence(makeClients(a.kubeConfig()), { namespace: 'shop', name: 'api' });
    expect(ev.pod.metadata?.name).toBe('api-7d9f8b6c5d-abcde');
    expect(ev.notes[0]).toMatchObject({ source: 'target', kind: 'info' });
    expect(ev.notes[0]?.message).toContain('Deployment/api');
    expect(names(ev.siblings)).toEqual(['api-7d9f8b6c5d-fghij']);
    expect(names(ev.owners.replicaSets)).toEqual(['api-7d9f8b6c5d', 'api-5c6b7d8f9']);
    expectWithinBudget(a);
    // Connections are kept alive and reused (client-node alone opens one per request), and the
    // requests say who they are.
    const reqs = a.apiRequests();
    expect(new Set(reqs.map((r) => r.connection)).size).toBeLessThan(reqs.length);
    expect(reqs.every((r) => r.userAgent === 'crashloop-bot')).toBe(true);
  });

  it('accepts kind/name and a unique prefix', async () => {
    const a = await sample();
    const clients = makeClients(a.kubeConfig());
    const byKind = await collectEvidence(clients, { namespace: 'shop', name: 'deploy/api' });
    expect(byKind.pod.metadata?.name).toBe('api-7d9f8b6c5d-abcde');
    const byPrefix = await collectEvidence(clients, { namespace: 'shop', name: 'api-7d9f8b6c5d-fg' });
    expect(byPrefix.pod.metadata?.name).toBe('api-7d9f8b6c5d-fghij');
    expect(byPrefix.notes[0]?.message).toContain('prefix');
  });

  it('refuses an ambiguous prefix, listing the candidates', async () => {
    const a = await sample();
    const err = await failure(collectEvidence(makeClients(a.kubeConfig()), { namespace: 'shop', name: 'api-7d9f' }));
    expect(err.code).toBe('target-ambiguous');
    expect(err.hints).toEqual(['api-7d9f8b6c5d-abcde (CrashLoopBackOff, 14 restarts)', 'api-7d9f8b6c5d-fghij (CrashLoopBackOff, 13 restarts)']);
  });

  it('says which of pod or namespace does not exist', async () => {
    const a = await sample();
    const clients = makeClients(a.kubeConfig());
    const pod = await failure(collectEvidence(clients, { namespace: 'shop', name: 'web' }));
    expect(pod).toMatchObject({ code: 'target-not-found', message: 'no pod, workload or pod-name prefix "web" in namespace "shop"' });
    expect(pod.hints[0]).toContain('api-7d9f8b6c5d-abcde');
    const ns = await failure(collectEvidence(clients, { namespace: 'nowhere', name: 'api' }));
    expect(ns).toMatchObject({ code: 'target-not-found', message: 'namespace "nowhere" not found' });
  });

  it('rejects a malformed name as a usage error before any request', async () => {
    const a = await sample();
    const err = await failure(collectEvidence(makeClients(a.kubeConfig()), { namespace: 'shop', name: 'API Pod!' }));
    expect(err.code).toBe('usage');
    expect(a.apiRequests()).toEqual([]);
  });
});

describe('collectEvidence: partial failures become notes', () => {
  it('a 403 on events, a 500 on the node and a hung ReplicaSet list still give evidence, with notes', async () => {
    const a = await sample();
    a.fault({ method: 'GET', path: '/api/v1/namespaces/shop/events', status: 403 });
    a.fault({ method: 'GET', path: '/api/v1/nodes/node-a', status: 500 });
    a.fault({ method: 'GET', path: '/apis/apps/v1/namespaces/shop/replicasets', hang: true });
    const ev = await collectEvidence(makeClients(a.kubeConfig()), { namespace: 'shop', name: 'api-7d9f8b6c5d-abcde' }, { timeoutMs: 400 });
    expect(ev.events).toEqual([]);
    expect(ev.node).toBeUndefined();
    expect(ev.logs[0]?.lines).toContain('Error: connect ECONNREFUSED 10.0.0.7:5432');
    expect(ev.owners.deployment?.metadata?.name).toBe('api');
    const kinds = Object.fromEntries(ev.notes.map((n) => [n.source, n.kind]));
    expect(kinds).toEqual({ events: 'forbidden', node: 'unavailable', replicasets: 'timeout' });
    expect(ev.notes.find((n) => n.source === 'events')?.message).toBe(
      'Could not read the events of pod shop/api-7d9f8b6c5d-abcde: forbidden (403); the diagnosis is made without events (probe failures, OOM kills, scheduling).',
    );
  });

  it('falls back to the current logs with a note when there is no previous instance', async () => {
    const a = await sample();
    a.store.setLog({ namespace: 'shop', pod: 'api-7d9f8b6c5d-fghij', container: 'api', text: 'current instance output\n' });
    const ev = await collectEvidence(makeClients(a.kubeConfig()), { namespace: 'shop', name: 'api-7d9f8b6c5d-fghij' });
    expect(ev.logs).toEqual([{ container: 'api', previous: false, lines: ['current instance output'], truncated: false }]);
    expect(ev.notes).toContainEqual(expect.objectContaining({ source: 'logs', kind: 'info' }));
    const logCalls = a.requests.filter((r) => r.resource === 'pods/log').map((r) => r.query.previous ?? 'false');
    expect(logCalls).toEqual(['true', 'false']);
    expectWithinBudget(a);
  });

  it('retries a read once when its kept-alive connection is reset', async () => {
    const a = await sample();
    a.fault({ method: 'GET', path: '/api/v1/namespaces/shop/pods/api-7d9f8b6c5d-abcde', reset: true, times: 1 });
    a.fault({ method: 'GET', path: '/api/v1/namespaces/shop/events', reset: true, times: 1 });
    const ev = await collectEvidence(makeClients(a.kubeConfig()), { namespace: 'shop', name: 'api-7d9f8b6c5d-abcde' });
    expect(ev.pod.metadata?.name).toBe('api-7d9f8b6c5d-abcde');
    expect(ev.events.map((e) => e.reason)).toEqual(['BackOff']);
    expect(ev.notes).toEqual([]);
    const count = (path: string) => a.requests.filter((r) => r.path === path).length;
    expect(count('/api/v1/namespaces/shop/pods/api-7d9f8b6c5d-abcde')).toBe(2);
    expect(count('/api/v1/namespaces/shop/events')).toBe(2);
  });

  it('keeps the last log lines when they are too long for one bounded request', async () => {
    const a = await sample();
    const filler = Array.from({ length: 300 }, (_, i) => `{"level":"info","i":${i},"payload":"${'x'.repeat(4000)}"}`);
    a.store.setLog({ namespace: 'shop', pod: 'api-7d9f8b6c5d-abcde', container: 'api', previous: true, text: [...filler, 'panic: runtime error: invalid memory address', ''].join('\n') });
    const ev = await collectEvidence(makeClients(a.kubeConfig()), { namespace: 'shop', name: 'api-7d9f8b6c5d-abcde' });
    expect(ev.logs[0]?.lines.at(-1)).toBe('panic: runtime error: invalid memory address');
    const asked = a.requests.filter((r) => r.resource === 'pods/log').map((r) => Number(r.query.tailLines));
    expect(asked[0]).toBe(120);
    expect(asked[1]).toBeLessThan(120);
    expectWithinBudget(a);
  });

  it('ends with cluster-forbidden on a 403 for the pod and cluster-unreachable when the API is down', async () => {
    const a = await sample();
    a.fault({ path: '/api/v1/namespaces/shop/pods/api-7d9f8b6c5d-abcde', status: 403 });
    const clients = makeClients(a.kubeConfig());
    const forbidden = await failure(collectEvidence(clients, { namespace: 'shop', name: 'api-7d9f8b6c5d-abcde' }));
    expect(forbidden.code).toBe('cluster-forbidden');
    expect(forbidden.hints[0]).toContain('cannot get resource "pods"');
    a.clearFaults();
    a.fault({ path: '/api/v1/namespaces/shop/pods/api-7d9f8b6c5d-abcde', status: 401, message: 'Unauthorized' });
    const unauthorised = await failure(collectEvidence(clients, { namespace: 'shop', name: 'api-7d9f8b6c5d-abcde' }));
    expect(unauthorised).toMatchObject({ code: 'cluster-forbidden', message: 'the API server did not accept the credentials: unauthorised (401)' });
    await a.close();
    api = undefined;
    const down = await failure(collectEvidence(clients, { namespace: 'shop', name: 'api-7d9f8b6c5d-abcde' }));
    expect(down.code).toBe('cluster-unreachable');
    expect(down.message).toContain('connection refused');
  });
});
