/**
 * Runs the real code that talks to Kubernetes against the loopback fake API and returns every request it
 * made: the RBAC rules are then checked against what the code does, not against a hand-written list.
 *
 *  - collect: for every scenario under test/fixtures/{scenarios,heldout}, `collectEvidence` for its pod, the same by
 *    its workload's name (resolution lists the namespace's pods), `resolveWorkload` (the alert path),
 *    and once a pod in a namespace that does not exist (the "no such namespace" answer).
 *  - actions: the worker's action job (rollback, pause, resume) and the rollout-status follow-up, run
 *    through their real processors on a Deployment with a revision history.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AppsV1Api, BatchV1Api, CoreV1Api } from '@kubernetes/client-node';
import type { Job } from 'bullmq';
import pino from 'pino';
import { processActionJob } from '../../src/actions/process-action-job.js';
import { processRolloutStatusJob } from '../../src/actions/process-rollout-status.js';
import { collectEvidence, resolveWorkload } from '../../src/collect/index.js';
import { makeClients } from '../../src/kube/clients.js';
import type { ActionJob, RolloutStatusJob } from '../../src/queue/jobs.js';
import type { JobContext, RuntimeDeps } from '../../src/runtime/deps.js';
import { FakeKubeApi, type RecordedRequest } from '../fakes/kube-api-server.js';
import { DEPLOY, historyCluster, NS } from '../integration/actions-cluster.js';
import { listScenarios, readExpected } from '../support/scenarios.js';
import { REPO_ROOT } from './dockerfile-replay.js';
import type { ApiCall } from './rbac-map.js';

export interface DrivenCall extends ApiCall {
  /** What ran: e.g. `collect oom-killed/seed-runbook-api`, `action rollback`. */
  by: string;
  status: number;
}

const toCalls = (requests: RecordedRequest[], by: string): DrivenCall[] =>
  requests.map((r) => ({ method: r.method, path: r.path, query: r.query, by, status: r.status }));

async function withFake<T>(api: FakeKubeApi, run: (api: FakeKubeApi) => Promise<T>): Promise<void> {
  await api.listen();
  try {
    await run(api).catch(() => undefined); // errors are answers too (not found, forbidden); only requests matter here
  } finally {
    await api.close();
  }
}

export async function driveCollect(): Promise<{ calls: DrivenCall[]; scenarios: number }> {
  const calls: DrivenCall[] = [];
  // The tuned scenarios and the held-out real incidents (the latter include a ReplicationController owner).
  const scenarios = [...listScenarios(), ...listScenarios('test/fixtures/heldout').map((s) => ({ ...s, id: `heldout/${s.id}` }))];
  for (const s of scenarios) {
    const { target } = readExpected(s.dir);
    const api = new FakeKubeApi({ scenario: s.dir });
    await withFake(api, async () => {
      const clients = makeClients(api.kubeConfig());
      await collectEvidence(clients, { namespace: target.namespace, name: target.name, ...(target.container ? { container: target.container } : {}) }).catch(() => undefined);
      const workload = await resolveWorkload(clients, target.namespace, target.name).catch(() => null);
      if (workload && workload.name !== target.name) {
        await collectEvidence(clients, { namespace: target.namespace, name: workload.name }).catch(() => undefined);
      }
    });
    calls.push(...toCalls(api.requests, `collect ${s.id}`));
  }
  const empty = new FakeKubeApi({ objects: [] });
  await withFake(empty, async () => {
    await collectEvidence(makeClients(empty.kubeConfig()), { namespace: 'no-such-namespace', name: 'api-0' });
  });
  calls.push(...toCalls(empty.requests, 'collect: pod in a namespace that does not exist'));
  return { calls, scenarios: scenarios.length };
}

function fakeJob<T>(id: string, data: T): Job<T> {
  const job = { id, data, opts: { attempts: 1 }, attemptsMade: 0, name: 'test' } as unknown as Job<T>;
  (job as unknown as { updateData: (d: T) => Promise<void> }).updateData = async (d: T) => {
    (job as { data: T }).data = d;
  };
  return job;
}

/** A JobContext whose Kubernetes side is real (client-node -> fake API); Slack and the queue only record. */
function jobContext(api: FakeKubeApi, queued: unknown[]): JobContext {
  const silent = pino({ level: 'silent' });
  const deps = {
    kube: makeClients(api.kubeConfig()),
    queue: { add: async (req: unknown) => void queued.push(req) },
    poster: {
      post: async (_key: string, msg: { channel: string }) => ({ channel: msg.channel, ts: '1700000000.000200', posted: true }),
      update: async () => undefined,
      countError: () => undefined,
    },
    logger: silent,
  } as unknown as RuntimeDeps;
  return { deps, log: silent as unknown as JobContext['log'] };
}

export async function driveActions(): Promise<{ calls: DrivenCall[]; results: string[] }> {
  const calls: DrivenCall[] = [];
  const results: string[] = [];
  const images = ['registry.example.com/shop/api:1.4.1', 'registry.example.com/shop/api:1.4.2'];
  const thread = { channel: 'C0123ABCD', threadTs: '1700000000.000100' };
  const action = (kind: ActionJob['action'], fromRevision: number): ActionJob => ({
    action: kind,
    namespace: NS,
    deployment: DEPLOY,
    fromRevision,
    ...(kind === 'rollback' ? { toRevision: fromRevision - 1 } : {}),
    userId: 'U0ALICE',
    thread,
    messageTs: '1700000000.000150',
    requestedAt: new Date().toISOString(),
  });

  for (const kind of ['rollback', 'pause_rollout', 'resume_rollout'] as const) {
    const api = new FakeKubeApi({ objects: historyCluster({ images, paused: kind === 'resume_rollout', crashedAfterSeconds: 42 }) });
    const queued: unknown[] = [];
    await withFake(api, async () => {
      const job = fakeJob(`action-${kind}`, action(kind, images.length));
      await processActionJob(job, jobContext(api, queued));
      results.push(`${kind}: ${job.data.progress?.result ?? 'no result'}`);
      if (kind === 'rollback') {
        const follow: RolloutStatusJob = { namespace: NS, deployment: DEPLOY, revision: images.length + 1, thread, startedAt: new Date(Date.now() - 600_000).toISOString(), crashedAfterSeconds: 42, check: 0 };
        await processRolloutStatusJob(fakeJob('rollout-status-0', follow), jobContext(api, queued));
      }
    });
    calls.push(...toCalls(api.requests, `action ${kind}`));
  }
  return { calls, results };
}

export interface SourceApiCall {
  /** e.g. `CoreV1Api.readNamespacedPod` */
  method: string;
  where: string[];
  /** The request the method sends (called once against the fake API with placeholder arguments). */
  call: ApiCall;
}

const API_CLASSES = { CoreV1Api, AppsV1Api, BatchV1Api } as const;

/**
 * Every Kubernetes API method of the typed clients (CoreV1Api, AppsV1Api, BatchV1Api) that src/ names in a
 * call, with the request it sends: a static cross-check that the drive above reached every call site.
 */
export async function apiMethodsInSource(srcDir = join(REPO_ROOT, 'src')): Promise<SourceApiCall[]> {
  const owner = new Map<string, keyof typeof API_CLASSES>();
  for (const [cls, C] of Object.entries(API_CLASSES) as [keyof typeof API_CLASSES, { prototype: object }][]) {
    for (const n of Object.getOwnPropertyNames(C.prototype)) if (n !== 'constructor' && !n.endsWith('WithHttpInfo')) owner.set(n, cls);
  }
  const found = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        const text = readFileSync(p, 'utf8');
        for (const m of text.matchAll(/\.\s*([a-z]\w+)\s*\(/g)) {
          if (!owner.has(m[1]!)) continue;
          const where = `${relative(REPO_ROOT, p)}:${text.slice(0, m.index).split('\n').length}`;
          found.set(m[1]!, [...(found.get(m[1]!) ?? []), where]);
        }
      }
    }
  };
  walk(srcDir);

  const api = await new FakeKubeApi({ objects: [] }).listen();
  try {
    const kc = api.kubeConfig();
    const out: SourceApiCall[] = [];
    for (const [name, where] of [...found.entries()].sort()) {
      const cls = owner.get(name)!;
      const clients = { CoreV1Api: kc.makeApiClient(CoreV1Api), AppsV1Api: kc.makeApiClient(AppsV1Api), BatchV1Api: kc.makeApiClient(BatchV1Api) };
      const client = clients[cls] as unknown as Record<string, (p: unknown) => Promise<unknown>>;
      api.clearRequests();
      await client[name]!({ name: 'probe', namespace: 'probe', body: [] }).catch(() => undefined);
      const [r] = api.requests;
      if (!r) throw new Error(`${cls}.${name} sent no request with placeholder arguments`);
      out.push({ method: `${cls}.${name}`, where, call: { method: r.method, path: r.path, query: r.query } });
    }
    return out;
  } finally {
    await api.close();
  }
}
