/**
 * The fake Kubernetes API checked by independent clients: the real kubectl binary and the real
 * @kubernetes/client-node. If kubectl and client-node both accept its answers, the fake speaks the protocol.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppsV1Api, CoreV1Api, ApiException, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeKubeApi, type FakeKubeApi } from '../fakes/kube-api-server.js';
import { sampleLogs, sampleObjects } from '../fakes/kube-sample.js';

const run = promisify(execFile);
const NS = 'shop';
const CRASHING = 'api-7d9f8b6c5d-abcde';

let api: FakeKubeApi;
let kubeconfig: string;

async function kubectl(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run('kubectl', args, { env: { ...process.env, KUBECONFIG: kubeconfig } });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

async function apiError(p: Promise<unknown>): Promise<{ code: number; body: any }> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiException);
  const e = err as ApiException<string>;
  return { code: e.code, body: JSON.parse(e.body) };
}

beforeEach(async () => {
  api = await startFakeKubeApi({ objects: sampleObjects(), logs: sampleLogs() });
  kubeconfig = api.writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'fake-kube-')), 'config'));
});
afterEach(async () => api.close());

describe('kubectl against the fake API', () => {
  it('lists pods and reads previous logs, with the real 400 when there is no previous instance', async () => {
    const pods = await kubectl('get', 'pods', '-n', NS, '-o', 'name');
    expect(pods.stdout.trim().split('\n')).toEqual([`pod/${CRASHING}`, 'pod/api-7d9f8b6c5d-fghij']);
    const logs = await kubectl('logs', CRASHING, '-n', NS, '--previous');
    expect(logs.stdout).toContain('ECONNREFUSED 10.0.0.7:5432');
    const none = await kubectl('logs', 'api-7d9f8b6c5d-fghij', '-n', NS, '--previous');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('previous terminated container "api" in pod "api-7d9f8b6c5d-fghij" not found');
  });

  it('shows rollout history and rolls back to a revision like a real cluster', async () => {
    const before = await kubectl('rollout', 'history', 'deployment/api', '-n', NS);
    expect(before.stdout).toMatch(/1\s+<none>\s+2\s+<none>/);
    const undo = await kubectl('rollout', 'undo', 'deployment/api', '-n', NS, '--to-revision=1');
    expect(undo.stdout).toContain('deployment.apps/api rolled back');
    const after = await kubectl('rollout', 'history', 'deployment/api', '-n', NS);
    expect(after.stdout).toMatch(/2\s+<none>\s+3\s+<none>/);
    const patch = api.requests.find((r) => r.method === 'PATCH');
    expect(patch?.contentType).toBe('application/json-patch+json');
    const rs = await api.kubeConfig().makeApiClient(AppsV1Api).readNamespacedReplicaSet({ name: 'api-5c6b7d8f9', namespace: NS });
    expect(rs.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(rs.spec?.replicas).toBe(2);
    const dep = await api.kubeConfig().makeApiClient(AppsV1Api).readNamespacedDeployment({ name: 'api', namespace: NS });
    expect(dep.spec?.template.spec?.containers[0]?.image).toBe('registry.example.com/api:1.4.1');
    expect(dep.metadata?.generation).toBe(3);
  });

  it('streams watch events: kubectl rollout status waits until the controller completes a rollout', async () => {
    const status = kubectl('rollout', 'status', 'deployment/api', '-n', NS, '--timeout=20s');
    // Wait until kubectl has listed and is watching, then roll out.
    for (let i = 0; i < 200 && !api.requests.some((r) => r.query.watch === 'true'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(api.requests.some((r) => r.query.watch === 'true')).toBe(true);
    const apps = api.kubeConfig().makeApiClient(AppsV1Api);
    await apps.patchNamespacedDeployment(
      { name: 'api', namespace: NS, body: { spec: { template: { spec: { containers: [{ name: 'api', image: 'registry.example.com/api:1.4.3' }] } } } } },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    const done = await status;
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('deployment "api" successfully rolled out');
  });

  it('refuses to roll back a paused deployment, as kubectl checks spec.paused', async () => {
    await kubectl('rollout', 'pause', 'deployment/api', '-n', NS);
    const undo = await kubectl('rollout', 'undo', 'deployment/api', '-n', NS);
    expect(undo.stderr).toContain('you cannot rollback a paused deployment');
  });
});

describe('client-node against the fake API', () => {
  it('serves Lists with kind, apiVersion and resourceVersion, filtered by label and field selectors', async () => {
    const core = api.kubeConfig().makeApiClient(CoreV1Api);
    const events = await core.listNamespacedEvent({ namespace: NS, fieldSelector: `involvedObject.name=${CRASHING},involvedObject.namespace=${NS}` });
    expect(events.kind).toBe('EventList');
    expect(events.apiVersion).toBe('v1');
    expect(Number(events.metadata?.resourceVersion)).toBeGreaterThan(0);
    expect(events.items.map((e) => e.reason)).toEqual(['BackOff']);
    const none = await core.listNamespacedEvent({ namespace: NS, fieldSelector: 'involvedObject.name=other' });
    expect(none.items).toHaveLength(0);
    const inSel = await core.listNamespacedPod({ namespace: NS, labelSelector: 'app in (api,web),pod-template-hash,!missing' });
    expect(inSel.items).toHaveLength(2);
    const notIn = await core.listNamespacedPod({ namespace: NS, labelSelector: 'app notin (api)' });
    expect(notIn.items).toHaveLength(0);
    const bad = await apiError(core.listNamespacedEvent({ namespace: NS, fieldSelector: 'spec.bogus=x' }));
    expect(bad.code).toBe(400);
    expect(bad.body.message).toBe('field label not supported: spec.bogus');
  });

  it('pages Lists with limit and continue', async () => {
    const core = api.kubeConfig().makeApiClient(CoreV1Api);
    const first = await core.listNamespacedPod({ namespace: NS, limit: 1 });
    expect(first.items.map((p) => p.metadata?.name)).toEqual([CRASHING]);
    expect(first.metadata?.remainingItemCount).toBe(1);
    const rest = await core.listNamespacedPod({ namespace: NS, limit: 1, _continue: first.metadata!._continue! });
    expect(rest.items.map((p) => p.metadata?.name)).toEqual(['api-7d9f8b6c5d-fghij']);
    expect(rest.metadata?._continue).toBeUndefined();
  });

  it('answers a missing object with a NotFound Status naming it', async () => {
    const err = await apiError(api.kubeConfig().makeApiClient(CoreV1Api).readNamespacedPod({ name: 'nope', namespace: NS }));
    expect(err.code).toBe(404);
    expect(err.body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'NotFound', message: 'pods "nope" not found', details: { name: 'nope', kind: 'pods' } });
  });

  it('bounds logs by tailLines and limitBytes', async () => {
    const core = api.kubeConfig().makeApiClient(CoreV1Api);
    const tail = await core.readNamespacedPodLog({ name: CRASHING, namespace: NS, container: 'api', previous: true, tailLines: 1 });
    expect(tail).toBe('Error: connect ECONNREFUSED 10.0.0.7:5432\n');
    const bytes = await core.readNamespacedPodLog({ name: CRASHING, namespace: NS, container: 'api', previous: true, limitBytes: 8 });
    expect(bytes).toBe('starting');
  });

  it('makes JSON-patch test ops preconditions (422) and stale resourceVersions conflicts (409)', async () => {
    const apps = api.kubeConfig().makeApiClient(AppsV1Api);
    const failed = await apiError(
      apps.patchNamespacedDeployment({
        name: 'api',
        namespace: NS,
        body: [
          { op: 'test', path: '/metadata/annotations/deployment.kubernetes.io~1revision', value: '7' },
          { op: 'replace', path: '/spec/replicas', value: 0 },
        ],
      }),
    );
    expect(failed.code).toBe(422);
    const stale = await apiError(
      apps.patchNamespacedDeployment(
        { name: 'api', namespace: NS, body: { metadata: { resourceVersion: '1' }, spec: { replicas: 0 } } },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      ),
    );
    expect(stale.code).toBe(409);
    expect(stale.body.reason).toBe('Conflict');
    const unchanged = await apps.readNamespacedDeployment({ name: 'api', namespace: NS });
    expect(unchanged.spec?.replicas).toBe(2);
  });

  it('holds a template change while paused and rolls it out on resume', async () => {
    const apps = api.kubeConfig().makeApiClient(AppsV1Api);
    const merge = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
    await apps.patchNamespacedDeployment({ name: 'api', namespace: NS, body: { spec: { paused: true } } }, merge);
    await apps.patchNamespacedDeployment(
      { name: 'api', namespace: NS, body: { spec: { template: { spec: { containers: [{ name: 'api', image: 'registry.example.com/api:1.5.0' }] } } } } },
      merge,
    );
    expect((await apps.listNamespacedReplicaSet({ namespace: NS })).items).toHaveLength(2);
    const resumed = await apps.patchNamespacedDeployment({ name: 'api', namespace: NS, body: { spec: { paused: false } } }, merge);
    expect(resumed.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    const sets = (await apps.listNamespacedReplicaSet({ namespace: NS, labelSelector: 'app=api' })).items;
    const newest = sets.find((rs) => rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '3');
    expect(newest?.spec?.template?.spec?.containers[0]).toMatchObject({ name: 'api', image: 'registry.example.com/api:1.5.0', ports: [{ containerPort: 8080 }] });
    expect(newest?.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'api', controller: true });
    expect(newest?.spec?.replicas).toBe(2);
  });

  it('injects faults with RBAC-style Status bodies and records every request', async () => {
    api.fault({ method: 'GET', path: `/api/v1/namespaces/${NS}/events`, status: 403 });
    const err = await apiError(api.kubeConfig().makeApiClient(CoreV1Api).listNamespacedEvent({ namespace: NS }));
    expect(err.code).toBe(403);
    expect(err.body.message).toBe(
      'events is forbidden: User "system:serviceaccount:ops:crashloop-bot" cannot list resource "events" in API group "" in the namespace "shop"',
    );
    expect(api.requests.at(-1)).toMatchObject({ method: 'GET', path: `/api/v1/namespaces/${NS}/events`, status: 403, resource: 'events', clusterWide: false });
  });

  it('in strict mode answers 404 to requests outside the expected list and reports them', async () => {
    api.expectOnly([{ method: 'GET', path: `/api/v1/namespaces/${NS}/pods/${CRASHING}` }, { method: 'GET', path: '/api/v1/nodes/node-a' }]);
    const core = api.kubeConfig().makeApiClient(CoreV1Api);
    await core.readNamespacedPod({ name: CRASHING, namespace: NS });
    const surplus = await apiError(core.listPodForAllNamespaces());
    expect(surplus.code).toBe(404);
    expect(api.unexpectedRequests().map((r) => [r.path, r.clusterWide])).toEqual([['/api/v1/pods', true]]);
    expect(api.unmetExpectations()).toEqual([{ method: 'GET', path: '/api/v1/nodes/node-a' }]);
  });
});
