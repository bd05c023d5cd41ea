/**
 * Rollback, pause and resume against the loopback fake Kubernetes API through the real client-node:
 * the exact PATCH requests, the resulting Deployment and ReplicaSets, and what the real kubectl says.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppsV1Api, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { KubeActionError } from '../../src/actions/kube-errors.js';
import { setDeploymentPaused } from '../../src/actions/pause-resume.js';
import { rollbackDeployment } from '../../src/actions/rollout-undo.js';
import { startFakeKubeApi, type FakeKubeApi } from '../fakes/kube-api-server.js';
import { DEPLOY, historyCluster, NS, SEVEN_REVISIONS } from './actions-cluster.js';

const run = promisify(execFile);
const TIMEOUT = 2_000;
const started: FakeKubeApi[] = [];

async function cluster(opts: Partial<Parameters<typeof historyCluster>[0]> = {}) {
  const api = await startFakeKubeApi({ objects: historyCluster({ images: SEVEN_REVISIONS, ...opts }) });
  started.push(api);
  const kubeconfig = api.writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'actions-kube-')), 'config'));
  const kubectl = async (...args: string[]) => {
    try {
      const { stdout } = await run('kubectl', [...args, '-n', NS], { env: { ...process.env, KUBECONFIG: kubeconfig } });
      return { out: stdout, code: 0 };
    } catch (err) {
      const e = err as { stdout: string; stderr: string; code: number };
      return { out: e.stdout + e.stderr, code: e.code };
    }
  };
  const apps = api.kubeConfig().makeApiClient(AppsV1Api);
  return { api, apps, kubectl };
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((a) => a.close()));
});

function patches(api: FakeKubeApi) {
  return api.requests.filter((r) => r.method === 'PATCH');
}

/** REVISION column of `kubectl rollout history`. */
async function historyRevisions(kubectl: (...a: string[]) => Promise<{ out: string }>): Promise<number[]> {
  const { out } = await kubectl('rollout', 'history', `deployment/${DEPLOY}`);
  return out
    .split('\n')
    .map((l) => /^(\d+)\s/.exec(l)?.[1])
    .filter((x): x is string => Boolean(x))
    .map(Number);
}

function state(api: FakeKubeApi) {
  const deployment = api.store.list({ kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments' } as never, NS)[0]!;
  const replicaSets = api.store
    .list({ kind: 'ReplicaSet', group: 'apps', version: 'v1', plural: 'replicasets' } as never, NS)
    .map((rs) => ({
      name: rs.metadata.name,
      revision: rs.metadata.annotations?.['deployment.kubernetes.io/revision'],
      history: rs.metadata.annotations?.['deployment.kubernetes.io/revision-history'],
      replicas: rs.spec.replicas,
    }));
  return { deployment, replicaSets };
}

describe('rollback (kubectl rollout undo --to-revision, with a precondition)', () => {
  it('sends one JSON patch with test ops and leaves what kubectl rollout undo leaves', async () => {
    const ours = await cluster();
    const theirs = await cluster();

    const outcome = await rollbackDeployment(ours.apps, { namespace: NS, deployment: DEPLOY, fromRevision: 7, toRevision: 6 }, TIMEOUT);
    expect(outcome).toEqual({
      kind: 'rolled-back',
      fromRevision: 7,
      toRevision: 6,
      fromImages: ['registry.example.com/shop/api:1.4.2'],
      toImages: ['registry.example.com/shop/api:1.4.1'],
      generation: 8,
    });

    const [patch, ...more] = patches(ours.api);
    expect(more).toEqual([]);
    expect(patch!.path).toBe(`/apis/apps/v1/namespaces/${NS}/deployments/${DEPLOY}`);
    expect(patch!.contentType).toBe('application/json-patch+json');
    const ops = patch!.body as Array<{ op: string; path: string; value: any }>;
    expect(ops.map((o) => [o.op, o.path])).toEqual([
      ['test', '/metadata/annotations/deployment.kubernetes.io~1revision'],
      ['test', '/metadata/generation'],
      ['replace', '/spec/template'],
      ['replace', '/metadata/annotations'],
    ]);
    expect(ops[0]!.value).toBe('7');
    expect(ops[1]!.value).toBe(7);
    expect(ops[2]!.value.metadata.labels).toEqual({ app: 'api' }); // pod-template-hash dropped
    expect(ops[2]!.value.spec.containers[0].image).toBe('registry.example.com/shop/api:1.4.1');
    // kubectl's annotation rule: the Deployment keeps only its skip-listed ones, the rest come from the ReplicaSet.
    expect(ops[3]!.value).toEqual({ 'deployment.kubernetes.io/revision': '7' });

    // The real kubectl does the same on an identical cluster.
    expect((await theirs.kubectl('rollout', 'undo', `deployment/${DEPLOY}`, '--to-revision=6')).code).toBe(0);
    const a = state(ours.api);
    const b = state(theirs.api);
    expect(a.deployment.spec).toEqual(b.deployment.spec);
    expect(a.deployment.metadata.annotations).toEqual(b.deployment.metadata.annotations);
    expect(a.replicaSets).toEqual(b.replicaSets);
    // Revision 6's ReplicaSet is reused as revision 8, and it now has the replicas.
    expect(a.deployment.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('8');
    const reused = a.replicaSets.find((rs) => rs.revision === '8')!;
    expect(reused).toMatchObject({ history: '6', replicas: 2 });
    expect(await historyRevisions(ours.kubectl)).toEqual([1, 2, 3, 4, 5, 7, 8]);
    expect(await historyRevisions(ours.kubectl)).toEqual(await historyRevisions(theirs.kubectl));
  });

  it('rolls back to the previous revision of a two-revision history', async () => {
    const { api, apps, kubectl } = await cluster({ images: SEVEN_REVISIONS.slice(5) });
    const outcome = await rollbackDeployment(apps, { namespace: NS, deployment: DEPLOY, fromRevision: 2, toRevision: 1 }, TIMEOUT);
    expect(outcome.kind).toBe('rolled-back');
    expect(state(api).deployment.spec.template.spec.containers[0].image).toBe('registry.example.com/shop/api:1.4.1');
    expect(await historyRevisions(kubectl)).toEqual([2, 3]);
  });

  it('is idempotent: a repeat finds the template in place and sends no patch', async () => {
    const { api, apps } = await cluster();
    await rollbackDeployment(apps, { namespace: NS, deployment: DEPLOY, fromRevision: 7, toRevision: 6 }, TIMEOUT);
    const before = state(api);
    const again = await rollbackDeployment(apps, { namespace: NS, deployment: DEPLOY, fromRevision: 7, toRevision: 6 }, TIMEOUT);
    expect(again).toEqual({ kind: 'already-at', toRevision: 6, images: ['registry.example.com/shop/api:1.4.1'] });
    expect(patches(api)).toHaveLength(1);
    expect(state(api)).toEqual(before);
  });

  it('does nothing for a stale button (the Deployment moved on)', async () => {
    const { api, apps } = await cluster();
    const before = state(api);
    const outcome = await rollbackDeployment(apps, { namespace: NS, deployment: DEPLOY, fromRevision: 6, toRevision: 5 }, TIMEOUT);
    expect(outcome).toEqual({ kind: 'stale', expectedRevision: 6, actualRevision: 7 });
    expect(patches(api)).toHaveLength(0);
    expect(state(api)).toEqual(before);
  });

  it('lets the API enforce the precondition when the Deployment moves between read and patch (422, nothing changed)', async () => {
    const { api, apps } = await cluster();
    const outcome = await rollbackDeployment(apps, { namespace: NS, deployment: DEPLOY, fromRevision: 7, toRevision: 6 }, TIMEOUT, async () => {
      // Someone deploys 1.4.3 after our read: revision 8.
      await apps.patchNamespacedDeployment(
        { name: DEPLOY, namespace: NS, body: { spec: { template: { spec: { containers: [{ name: 'api', image: 'registry.example.com/shop/api:1.4.3' }] } } } } },
        setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
      );
    });
    expect(outcome).toEqual({ kind: 'stale', expectedRevision: 7, actualRevision: 8 });
    const [, ours] = patches(api);
    expect(ours!.status).toBe(422);
    expect(state(api).deployment.spec.template.spec.containers[0].image).toBe('registry.example.com/shop/api:1.4.3');
  });

  it("refuses a paused Deployment with kubectl's reason; resume is one merge patch and then the rollback works", async () => {
    const { api, apps } = await cluster({ paused: true });
    const refused = await rollbackDeployment(apps, { namespace: NS, deployment: DEPLOY, fromRevision: 7, toRevision: 6 }, TIMEOUT);
    expect(refused).toEqual({ kind: 'paused' });
    expect(patches(api)).toHaveLength(0);

    expect(await setDeploymentPaused(apps, { namespace: NS, deployment: DEPLOY }, false, TIMEOUT)).toEqual({ kind: 'changed', paused: false, revision: 7 });
    const [resume] = patches(api);
    expect(resume!.contentType).toBe('application/merge-patch+json');
    expect(resume!.body).toEqual({ spec: { paused: false } });
    expect(state(api).deployment.spec.paused).toBe(false);

    expect((await rollbackDeployment(apps, { namespace: NS, deployment: DEPLOY, fromRevision: 7, toRevision: 6 }, TIMEOUT)).kind).toBe('rolled-back');
  });

  it('pauses once: a second pause sends nothing', async () => {
    const { api, apps, kubectl } = await cluster();
    expect((await setDeploymentPaused(apps, { namespace: NS, deployment: DEPLOY }, true, TIMEOUT)).kind).toBe('changed');
    expect((await setDeploymentPaused(apps, { namespace: NS, deployment: DEPLOY }, true, TIMEOUT)).kind).toBe('already');
    expect(patches(api).map((p) => p.body)).toEqual([{ spec: { paused: true } }]);
    const undo = await kubectl('rollout', 'undo', `deployment/${DEPLOY}`);
    expect(undo.code).not.toBe(0);
    expect(undo.out).toContain('you cannot rollback a paused deployment');
  });

  it('reports a revision that is gone', async () => {
    const { api, apps } = await cluster();
    const outcome = await rollbackDeployment(apps, { namespace: NS, deployment: DEPLOY, fromRevision: 7, toRevision: 12 }, TIMEOUT);
    expect(outcome).toEqual({ kind: 'revision-not-found', toRevision: 12 });
    expect(patches(api)).toHaveLength(0);
  });

  it.each([
    ['403 on the patch', { method: 'PATCH', status: 403 }, { kind: 'forbidden', verb: 'patch', resource: 'deployments', status: 403 }],
    ['404 on the read', { method: 'GET', status: 404 }, { kind: 'not-found', verb: 'get', resource: 'deployments', status: 404 }],
    ['a hung patch', { method: 'PATCH', hang: true }, { kind: 'timeout', verb: 'patch', resource: 'deployments' }],
  ])('classifies %s (by status code or deadline) and changes nothing', async (_name, fault, expected) => {
    const { api, apps } = await cluster();
    const before = state(api);
    api.fault({ path: `/apis/apps/v1/namespaces/${NS}/deployments/${DEPLOY}`, ...fault });
    const err = await rollbackDeployment(apps, { namespace: NS, deployment: DEPLOY, fromRevision: 7, toRevision: 6 }, 500).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeActionError);
    expect((err as KubeActionError).failure).toMatchObject({ ...expected, namespace: NS });
    expect(state(api)).toEqual(before);
  });
});
