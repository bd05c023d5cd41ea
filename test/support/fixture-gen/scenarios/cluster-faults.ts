/** evicted, image-pull, unknown, and a crash on an old revision: pod- and cluster-level signals. */
import type { ExpectedScenario } from '../../scenarios.js';
import { appScenario, COLLECTED_AT, crash, runningFor, type ScenarioDef } from '../define.js';
import { Clock } from '../ids.js';
import { lines, logTimes } from '../log-time.js';
import { node, type J, type NodeOpts, type StatusSpec } from '../objects.js';
import { deployment, type PodDef, type RevisionDef } from '../workload.js';

const T = logTimes(COLLECTED_AT);

interface Custom {
  dir: string;
  expected: Omit<ExpectedScenario, 'target' | 'collectedAt'>;
  ns: string;
  name: string;
  revisions: RevisionDef[];
  /** Index in the pods of `targetRevision` of the pod under diagnosis. */
  targetRevision: number;
  targetIndex?: number;
  node?: NodeOpts;
  logs: Record<string, { previous?: string; current?: string }>;
  progress?: 'complete' | 'progressing' | 'deadline';
}

function custom(c: Custom): ScenarioDef {
  const clock = new Clock(COLLECTED_AT);
  const nodeJson = node(clock, c.node);
  const built = deployment(clock, { ns: c.ns, name: c.name, revisions: c.revisions, ...(c.progress ? { progress: c.progress } : {}) });
  const rev = c.revisions.find((r) => r.revision === c.targetRevision)!;
  const pods = built.objects.filter((o: J) => o.kind === 'Pod' && o.metadata.labels['pod-template-hash'] === rev.hash);
  const target = pods[c.targetIndex ?? 0]!;
  const podName = target.metadata.name as string;
  return {
    dir: c.dir,
    expected: { target: { namespace: c.ns, name: podName }, collectedAt: COLLECTED_AT, ...c.expected },
    objects: [...built.objects, nodeJson],
    logs: { [podName]: c.logs },
  };
}

const NODE = 'aks-nodepool1-31718369-vmss000002';
const evictedTerm = { exitCode: 137, reason: 'Error', ran: 1480 };

/** The node ran low on memory and the kubelet evicted the BestEffort-ish pod using the most above its request. */
function memoryPressureEviction(): ScenarioDef {
  const msg = 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 87344Ki. Container api was using 1853264Ki, request is 256Mi, has larger consumption of memory. ';
  const evicted = (ago: number): PodDef => ({
    createdAgo: ago,
    nodeName: NODE,
    statuses: { api: { kind: 'terminated', term: { ...evictedTerm, finishedAgo: ago - 1480 } } },
    phase: 'Failed',
    reason: 'Evicted',
    message: msg,
    extraConditions: [{ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: clockAgo(ago - 1480), reason: 'TerminationByKubelet', message: msg }],
    events: [
      { reason: 'Evicted', type: 'Warning', message: msg, firstAgo: ago - 1480 },
      { reason: 'Killing', container: 'api', message: 'Stopping container api', firstAgo: ago - 1480 },
    ],
  });
  const c = { name: 'api', image: 'registry.example.com/search/api:6.2.0', ports: [{ containerPort: 8080 }], resources: { requests: { memory: '256Mi', cpu: '250m' } } };
  return custom({
    dir: 'evicted/node-memory-pressure',
    expected: { cause: 'evicted', container: 'api', initContainer: false, source: "seeds/004 section 'OOMKill versus eviction: two different memory deaths' (pod reason Evicted, node MemoryPressure)" },
    ns: 'search',
    name: 'search-api',
    node: { memoryPressure: true },
    targetRevision: 1,
    revisions: [{ revision: 1, hash: '7b9d5c6f48', createdAgo: 6 * 86400, containers: [c], replicas: 2, pods: [evicted(2380), evicted(1800 + 1480 - 400), { createdAgo: 880, nodeName: NODE, statuses: { api: runningFor(875) } }, { createdAgo: 86400, nodeName: 'aks-nodepool1-31718369-vmss000001', statuses: { api: runningFor(86390) } }] }],
    logs: { api: { current: lines(`${T.iso(2370)} INFO  search-api 6.2.0 listening on :8080`, `${T.iso(1200)} WARN  query cache at 1.6 GiB, evicting oldest entries`) } },
  });
}

function clockAgo(s: number): string {
  return new Clock(COLLECTED_AT).ago(s);
}

/** A container writes more scratch data than its ephemeral-storage limit. */
function ephemeralStorageEviction(): ScenarioDef {
  const msg = 'Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. ';
  const c = { name: 'exporter', image: 'registry.example.com/data/csv-exporter:1.4.2', resources: { limits: { memory: '512Mi', 'ephemeral-storage': '1Gi' }, requests: { memory: '256Mi', cpu: '100m', 'ephemeral-storage': '512Mi' } } };
  const term: StatusSpec = { kind: 'terminated', term: { exitCode: 137, reason: 'Error', ran: 610, finishedAgo: 420 } };
  return custom({
    dir: 'evicted/ephemeral-storage-limit',
    expected: { cause: 'evicted', container: 'exporter', initContainer: false, source: "seeds/004 section 'Node and Platform Factors That Look Like Crashes' (evicted for exceeding the ephemeral-storage limit)" },
    ns: 'data',
    name: 'csv-exporter',
    targetRevision: 1,
    revisions: [
      {
        revision: 1,
        hash: '5f7c8d9b6',
        createdAgo: 20 * 86400,
        containers: [c],
        replicas: 1,
        pods: [
          {
            createdAgo: 1030,
            nodeName: NODE,
            statuses: { exporter: term },
            phase: 'Failed',
            reason: 'Evicted',
            message: msg,
            extraConditions: [{ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: clockAgo(420), reason: 'TerminationByKubelet', message: msg }],
            events: [
              { reason: 'Evicted', type: 'Warning', message: msg, firstAgo: 420 },
              { reason: 'Killing', container: 'exporter', message: 'Stopping container exporter', firstAgo: 420 },
            ],
          },
          { createdAgo: 415, nodeName: NODE, statuses: { exporter: runningFor(410) } },
        ],
      },
    ],
    logs: { exporter: { current: lines(`${T.iso(1020)} exporting table orders (48211900 rows) to /tmp/export/orders.csv`, `${T.iso(700)} 22800000 rows written (812 MiB)`) } },
  });
}

/** The crash is on the OLD revision while the rollout to a fixed newest revision is under way: no rollback. */
function crashOnOldRevision(): ScenarioDef {
  const c = (tag: string, mem: string) => ({ name: 'api', image: `registry.example.com/search/indexer-api:${tag}`, ports: [{ containerPort: 8080 }], resources: { limits: { memory: mem }, requests: { memory: '256Mi', cpu: '100m' } } });
  const fin = 75;
  return custom({
    dir: 'oom-killed/old-revision-crash-newest-healthy',
    expected: {
      cause: 'oom-killed',
      container: 'api',
      initContainer: false,
      rollout: { rollbackOffered: false, currentRevision: 6, failingOnNewest: false },
      source: 'synthetic: a pod of the old revision 6 is OOMKilled while the rollout to revision 7 (the leak fix) is under way and its pods are healthy: rolling back would go the wrong way',
    },
    ns: 'search',
    name: 'indexer-api',
    targetRevision: 6,
    progress: 'progressing',
    revisions: [
      { revision: 5, hash: '6f8d7c5b94', createdAgo: 30 * 86400, containers: [c('3.3.0', '512Mi')], replicas: 0, pods: [] },
      { revision: 6, hash: '7c9b8d6f57', createdAgo: 5 * 86400, containers: [c('3.4.0', '512Mi')], replicas: 1, pods: [{ createdAgo: 5 * 86400 - 60, nodeName: NODE, statuses: { api: crash(137, { reason: 'OOMKilled', ran: 2900, finishedAgo: fin, restarts: 14 }) } }] },
      { revision: 7, hash: '8d5f6c9b73', createdAgo: 260, containers: [c('3.4.1', '512Mi')], replicas: 3, pods: [{ createdAgo: 255, nodeName: NODE, statuses: { api: runningFor(250) } }, { createdAgo: 190, nodeName: NODE, statuses: { api: runningFor(185) } }] },
    ],
    logs: { api: { previous: lines(`${T.iso(fin + 2900)} INFO indexer-api 3.4.0 listening on :8080`, `${T.iso(fin + 1500)} INFO reindex batch 1/3 done (1.2M docs)`, `${T.iso(fin + 200)} INFO reindex batch 2/3 done (1.2M docs)`) } },
  });
}

/** seeds/002 Fix 5: the new tag does not exist in the registry. */
function seedTagNotFound(): ScenarioDef {
  const failed = 'Failed to pull image "myapp:v2.1": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/myapp:v2.1": failed to resolve reference "docker.io/library/myapp:v2.1": docker.io/library/myapp:v2.1: not found';
  const c = (image: string) => ({ name: 'myapp', image, ports: [{ containerPort: 8080 }], resources: { requests: { memory: '256Mi', cpu: '250m' }, limits: { memory: '512Mi', cpu: '1000m' } } });
  return appScenario({
    dir: 'image-pull/seed-tag-not-found',
    source: "seeds/002 section 'Fix 5: Wrong Image or Tag' (Failed to pull image \"myapp:v2.1\": rpc error: code = NotFound)",
    cause: 'image-pull',
    app: 'myapp',
    ns: 'default',
    history: 'regression',
    podAge: 400,
    containers: [c('myapp:v2.1')],
    previousContainers: [c('myapp:v2.0.3')],
    statuses: { myapp: { kind: 'waiting', reason: 'ImagePullBackOff', message: 'Back-off pulling image "myapp:v2.1"' } },
    events: [
      { reason: 'Pulling', container: 'myapp', count: 6, firstAgo: 398, lastAgo: 95, message: 'Pulling image "myapp:v2.1"' },
      { reason: 'Failed', type: 'Warning', container: 'myapp', count: 6, firstAgo: 397, lastAgo: 94, message: failed },
      { reason: 'Failed', type: 'Warning', container: 'myapp', count: 6, firstAgo: 397, lastAgo: 94, message: 'Error: ErrImagePull' },
      { reason: 'BackOff', type: 'Normal', container: 'myapp', count: 22, firstAgo: 396, lastAgo: 6, message: 'Back-off pulling image "myapp:v2.1"' },
      { reason: 'Failed', type: 'Warning', container: 'myapp', count: 22, firstAgo: 396, lastAgo: 6, message: 'Error: ImagePullBackOff' },
    ],
    logs: {},
  });
}

/** Private registry rejects the node's credentials. */
function privateRegistryUnauthorized(): ScenarioDef {
  const image = 'acmecr.azurecr.io/billing/api:5.0.0';
  const failed = `Failed to pull image "${image}": failed to pull and unpack image "${image}": failed to resolve reference "${image}": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://acmecr.azurecr.io/oauth2/token?scope=repository%3Abilling%2Fapi%3Apull&service=acmecr.azurecr.io: 401 Unauthorized`;
  return appScenario({
    dir: 'image-pull/private-registry-401',
    source: 'synthetic: image in a private Azure Container Registry without an imagePullSecret or AcrPull role for the node identity (401 Unauthorized)',
    cause: 'image-pull',
    app: 'billing-api',
    ns: 'billing',
    history: 'single',
    podAge: 300,
    containers: [{ name: 'api', image, ports: [{ containerPort: 8080 }], resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '100m' } } }],
    statuses: { api: { kind: 'waiting', reason: 'ErrImagePull', message: failed.replace(/^Failed to pull image "[^"]+": /, '') } },
    events: [
      { reason: 'Pulling', container: 'api', count: 5, firstAgo: 298, lastAgo: 8, message: `Pulling image "${image}"` },
      { reason: 'Failed', type: 'Warning', container: 'api', count: 5, firstAgo: 297, lastAgo: 7, message: failed },
      { reason: 'Failed', type: 'Warning', container: 'api', count: 5, firstAgo: 297, lastAgo: 7, message: 'Error: ErrImagePull' },
      { reason: 'BackOff', type: 'Normal', container: 'api', count: 14, firstAgo: 296, lastAgo: 20, message: `Back-off pulling image "${image}"` },
      { reason: 'Failed', type: 'Warning', container: 'api', count: 14, firstAgo: 296, lastAgo: 20, message: 'Error: ImagePullBackOff' },
    ],
    logs: {},
  });
}

/** Exit 1, nothing in the logs, no probe, no events beyond the restarts: nothing to go on. */
function silentExit1(): ScenarioDef {
  return appScenario({
    dir: 'unknown/exit-1-empty-logs-no-signals',
    source: "seeds/004 section 'When the Previous Logs Are Empty' (an app that logs to a file inside the container: exit 1, empty captured output, nothing else)",
    cause: 'unknown',
    app: 'legacy-billing',
    ns: 'billing',
    history: 'single',
    podAge: 2700,
    containers: [{ name: 'app', image: 'registry.example.com/billing/legacy-billing:2019.4', command: ['/opt/legacy/bin/run'], resources: { limits: { memory: '1Gi' }, requests: { memory: '512Mi', cpu: '200m' } } }],
    statuses: { app: crash(1, { ran: 12, finishedAgo: 150, restarts: 10 }) },
    logs: { app: { previous: '' } },
  });
}

export const CLUSTER_SCENARIOS = [memoryPressureEviction, ephemeralStorageEviction, crashOnOldRevision, seedTagNotFound, privateRegistryUnauthorized, silentExit1];
