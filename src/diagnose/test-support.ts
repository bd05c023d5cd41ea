/**
 * Builders of small Evidence objects for the diagnosis unit tests: one crashing pod with the fields a
 * test cares about, everything else plausible. Not used by production code.
 */
import type {
  CoreV1Event,
  V1Container,
  V1ContainerStatus,
  V1Deployment,
  V1EnvVar,
  V1Node,
  V1Pod,
  V1PodTemplateSpec,
  V1Probe,
  V1ReplicaSet,
} from '@kubernetes/client-node';
import type { Evidence } from '../domain/evidence.js';

export const NOW = '2026-04-04T08:30:00Z';
const NOW_MS = Date.parse(NOW);
const at = (secondsAgo: number) => new Date(NOW_MS - secondsAgo * 1000);

export interface EventSpec {
  reason: string;
  message: string;
  type?: 'Normal' | 'Warning';
  count?: number;
  /** Container in involvedObject.fieldPath; default the focus container; null for a pod-level event. */
  container?: string | null;
}

export interface PodSpec {
  name?: string;
  namespace?: string;
  container?: string;
  image?: string;
  /** The focus is an init container (sidecar: restartPolicy Always). */
  init?: boolean;
  sidecar?: boolean;
  exitCode?: number;
  reason?: string;
  signal?: number;
  message?: string;
  ranForSeconds?: number;
  restarts?: number;
  /** Current waiting state (default CrashLoopBackOff when there is a termination). */
  waiting?: { reason: string; message?: string } | null;
  podAgeSeconds?: number;
  /** Log lines of the focus container (a string is split on newlines). */
  logs?: string[] | string;
  /** Whether `logs` come from the previous instance (default true). */
  previous?: boolean;
  events?: EventSpec[];
  liveness?: V1Probe;
  readiness?: V1Probe;
  startup?: V1Probe;
  ports?: Array<{ containerPort: number; name?: string }>;
  memoryLimit?: string;
  env?: V1EnvVar[];
  command?: string[];
  args?: string[];
  nodeArch?: string;
  nodeConditions?: Array<{ type: string; status: string; message?: string }>;
  podReason?: string;
  podMessage?: string;
  /** Other app containers of the pod (running, ready). */
  otherContainers?: string[];
  hostNetwork?: boolean;
}

function focusStatus(s: PodSpec, name: string): V1ContainerStatus {
  const term =
    s.exitCode !== undefined || s.reason !== undefined
      ? {
          exitCode: s.exitCode ?? 0,
          reason: s.reason ?? (s.exitCode === 0 ? 'Completed' : 'Error'),
          ...(s.signal !== undefined ? { signal: s.signal } : {}),
          ...(s.message ? { message: s.message } : {}),
          startedAt: at(60 + (s.ranForSeconds ?? 5)),
          finishedAt: at(60),
        }
      : undefined;
  const waiting = s.waiting === null ? undefined : (s.waiting ?? (term ? { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=${name}` } : undefined));
  return {
    name,
    image: s.image ?? 'registry.example.com/team/app:1.2.3',
    imageID: '',
    ready: false,
    restartCount: s.restarts ?? (term ? 5 : 0),
    state: waiting ? { waiting } : { running: { startedAt: at(30) } },
    ...(term ? { lastState: { terminated: term } } : {}),
  };
}

export function podEvidence(s: PodSpec = {}): Evidence {
  const name = s.container ?? 'app';
  const podName = s.name ?? 'app-7d4b9c8f6-x2k9p';
  const namespace = s.namespace ?? 'prod';
  const spec: V1Container = {
    name,
    image: s.image ?? 'registry.example.com/team/app:1.2.3',
    ...(s.command ? { command: s.command } : {}),
    ...(s.args ? { args: s.args } : {}),
    ...(s.ports ? { ports: s.ports } : {}),
    ...(s.env ? { env: s.env } : {}),
    ...(s.liveness ? { livenessProbe: s.liveness } : {}),
    ...(s.readiness ? { readinessProbe: s.readiness } : {}),
    ...(s.startup ? { startupProbe: s.startup } : {}),
    ...(s.memoryLimit ? { resources: { limits: { memory: s.memoryLimit } } } : {}),
    ...(s.sidecar ? { restartPolicy: 'Always' } : {}),
  };
  const others: V1Container[] = (s.otherContainers ?? []).map((n) => ({ name: n, image: `registry.example.com/team/${n}:1` }));
  const otherStatuses: V1ContainerStatus[] = others.map((c) => ({ name: c.name, image: c.image ?? '', imageID: '', ready: true, restartCount: 0, state: { running: { startedAt: at(3600) } } }));
  const status = focusStatus(s, name);
  const init = s.init || s.sidecar;
  const pod: V1Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName,
      namespace,
      uid: 'pod-uid-1',
      labels: { app: 'app', 'pod-template-hash': '7d4b9c8f6' },
      creationTimestamp: at(s.podAgeSeconds ?? 1800),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'app-7d4b9c8f6', uid: 'rs-uid-4', controller: true }],
    },
    spec: {
      nodeName: 'node-1',
      ...(s.hostNetwork ? { hostNetwork: true } : {}),
      ...(init ? { initContainers: [spec], containers: others.length ? others : [{ name: 'main', image: 'registry.example.com/team/main:1' }] } : { containers: [spec, ...others] }),
    },
    status: {
      phase: s.podReason === 'Evicted' ? 'Failed' : init && !s.sidecar ? 'Pending' : 'Running',
      ...(s.podReason ? { reason: s.podReason } : {}),
      ...(s.podMessage ? { message: s.podMessage } : {}),
      startTime: at(s.podAgeSeconds ?? 1800),
      ...(init ? { initContainerStatuses: [status], containerStatuses: otherStatuses } : { containerStatuses: [status, ...otherStatuses] }),
    },
  };
  const events: CoreV1Event[] = (s.events ?? []).map((e, i) => {
    const c = e.container === undefined ? name : e.container;
    return {
      metadata: { name: `${podName}.${i}`, namespace },
      involvedObject: { kind: 'Pod', name: podName, namespace, uid: 'pod-uid-1', ...(c ? { fieldPath: `spec.${init ? 'initContainers' : 'containers'}{${c}}` } : {}) },
      reason: e.reason,
      message: e.message,
      type: e.type ?? 'Warning',
      count: e.count ?? 1,
      firstTimestamp: at(1500),
      lastTimestamp: at(60 + i),
    };
  });
  const node: V1Node = {
    metadata: { name: 'node-1', labels: { 'kubernetes.io/arch': s.nodeArch ?? 'amd64' } },
    status: { conditions: [{ type: 'Ready', status: 'True' }, ...(s.nodeConditions ?? [])] },
  };
  const lines = typeof s.logs === 'string' ? s.logs.split('\n') : (s.logs ?? []);
  return {
    collectedAt: NOW,
    namespace,
    pod,
    focus: { name, init: !!init, reason: 'failing' },
    events,
    logs: s.logs === undefined ? [] : [{ container: name, previous: s.previous ?? true, lines, truncated: false }],
    owners: { controller: { kind: 'ReplicaSet', name: 'app-7d4b9c8f6' }, replicaSets: [] },
    node,
    siblings: [],
    notes: [],
  };
}

export interface RevisionSpec {
  revision: number;
  image: string;
  replicas: number;
  readyReplicas?: number;
  createdSecondsAgo: number;
  env?: V1EnvVar[];
  memoryLimit?: string;
  restartedAt?: string;
}

function template(name: string, r: RevisionSpec): V1PodTemplateSpec {
  return {
    metadata: { labels: { app: 'app' }, ...(r.restartedAt ? { annotations: { 'kubectl.kubernetes.io/restartedAt': r.restartedAt } } : {}) },
    spec: {
      containers: [{ name, image: r.image, ...(r.env ? { env: r.env } : {}), ...(r.memoryLimit ? { resources: { limits: { memory: r.memoryLimit } } } : {}) }],
    },
  };
}

/** Put the pod under Deployment `app` with the given revisions; the pod belongs to `current`. */
export function withDeployment(e: Evidence, revisions: RevisionSpec[], current: number, opts: { paused?: boolean; siblings?: V1Pod[] } = {}): Evidence {
  const container = e.focus.name;
  const rsName = (r: RevisionSpec) => `app-rs${r.revision}`;
  const replicaSets: V1ReplicaSet[] = revisions
    .map((r) => ({
      metadata: {
        name: rsName(r),
        namespace: e.namespace,
        creationTimestamp: at(r.createdSecondsAgo),
        annotations: { 'deployment.kubernetes.io/revision': String(r.revision) },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'app', uid: 'dep-uid', controller: true }],
      },
      spec: { replicas: r.replicas, selector: { matchLabels: { app: 'app' } }, template: template(container, r) },
      status: { replicas: r.replicas, ...(r.readyReplicas !== undefined ? { readyReplicas: r.readyReplicas } : {}) },
    }))
    .sort((a, b) => Number(b.metadata.annotations['deployment.kubernetes.io/revision']) - Number(a.metadata.annotations['deployment.kubernetes.io/revision']));
  const cur = replicaSets.find((rs) => rs.metadata?.name === `app-rs${current}`);
  const newest = Math.max(...revisions.map((r) => r.revision));
  const deployment: V1Deployment = {
    metadata: { name: 'app', namespace: e.namespace, uid: 'dep-uid', annotations: { 'deployment.kubernetes.io/revision': String(newest) } },
    spec: { selector: { matchLabels: { app: 'app' } }, template: replicaSets[0]?.spec?.template ?? {}, ...(opts.paused ? { paused: true } : {}) },
  };
  const pod: V1Pod = {
    ...e.pod,
    metadata: { ...e.pod.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `app-rs${current}`, uid: 'rs', controller: true }] },
  };
  return {
    ...e,
    pod,
    owners: { controller: { kind: 'ReplicaSet', name: `app-rs${current}` }, ...(cur ? { replicaSet: cur } : {}), deployment, replicaSets },
    siblings: opts.siblings ?? [],
  };
}

/** A sibling pod of revision `revision` (ready, or crash-looping). */
export function siblingPod(revision: number, crashing: boolean, name = `app-rs${revision}-${crashing ? 'bad' : 'ok'}`): V1Pod {
  return {
    metadata: { name, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `app-rs${revision}`, uid: 'x', controller: true }] },
    spec: { nodeName: 'node-2', containers: [{ name: 'app' }] },
    status: {
      containerStatuses: [
        crashing
          ? { name: 'app', image: '', imageID: '', ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } } }
          : { name: 'app', image: '', imageID: '', ready: true, restartCount: 0, state: { running: { startedAt: at(86400) } } },
      ],
    },
  };
}

/** An httpGet probe on `port`. */
export function httpProbe(port: number | string, path = '/healthz', extra: Partial<V1Probe> = {}): V1Probe {
  return { httpGet: { port, path }, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3, ...extra };
}
