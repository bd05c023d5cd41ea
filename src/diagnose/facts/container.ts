import type { V1Container, V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { Evidence } from '../../domain/evidence.js';
import type { Facts, OtherContainer, Termination } from '../facts.js';
import { toIso, toMs } from '../time.js';

type ContainerPart = Omit<Facts, 'now' | 'probes' | 'ports' | 'events' | 'logs' | 'hits' | 'node' | 'siblings'>;

function termination(status: V1ContainerStatus | undefined): Termination | null {
  const last = status?.lastState?.terminated;
  const cur = status?.state?.terminated;
  const t = last ?? cur;
  if (!t) return null;
  const started = toMs(t.startedAt);
  const finished = toMs(t.finishedAt);
  return {
    reason: t.reason ?? null,
    exitCode: typeof t.exitCode === 'number' ? t.exitCode : null,
    signal: typeof t.signal === 'number' ? t.signal : null,
    message: t.message?.trim() || null,
    startedAt: toIso(t.startedAt),
    finishedAt: toIso(t.finishedAt),
    ranForSeconds: started !== null && finished !== null && finished >= started ? (finished - started) / 1000 : null,
    current: !last,
  };
}

function stateLabel(s: V1ContainerStatus | undefined): string {
  if (!s?.state) return 'Unknown';
  if (s.state.waiting) return s.state.waiting.reason ?? 'Waiting';
  if (s.state.running) return 'Running';
  if (s.state.terminated) return s.state.terminated.reason ?? 'Terminated';
  return 'Unknown';
}

function others(pod: V1Pod, focus: string): OtherContainer[] {
  const initSpecs = pod.spec?.initContainers ?? [];
  const list: OtherContainer[] = [];
  const add = (s: V1ContainerStatus, init: boolean) => {
    if (s.name === focus) return;
    const sidecar = init && initSpecs.find((c) => c.name === s.name)?.restartPolicy === 'Always';
    list.push({ name: s.name, init, sidecar, ready: !!s.ready, restarts: s.restartCount ?? 0, state: stateLabel(s) });
  };
  for (const s of pod.status?.initContainerStatuses ?? []) add(s, true);
  for (const s of pod.status?.containerStatuses ?? []) add(s, false);
  return list;
}

function workloadOf(evidence: Evidence): { kind: string; name: string } | null {
  const o = evidence.owners;
  const depName = o.deployment?.metadata?.name;
  if (depName) return { kind: 'Deployment', name: depName };
  const rsOwner = o.replicaSet?.metadata?.ownerReferences?.find((r) => r.controller);
  if (rsOwner?.kind === 'Deployment') return { kind: 'Deployment', name: rsOwner.name };
  if (o.statefulSet?.metadata?.name) return { kind: 'StatefulSet', name: o.statefulSet.metadata.name };
  if (o.daemonSet?.metadata?.name) return { kind: 'DaemonSet', name: o.daemonSet.metadata.name };
  if (o.job?.metadata?.name) return { kind: 'Job', name: o.job.metadata.name };
  if (o.controller?.kind === 'ReplicaSet') {
    // The ReplicaSet could not be read: a Deployment's ReplicaSet is named <deployment>-<pod-template-hash>.
    const hash = evidence.pod.metadata?.labels?.['pod-template-hash'];
    if (hash && o.controller.name.endsWith(`-${hash}`)) return { kind: 'Deployment', name: o.controller.name.slice(0, -hash.length - 1) };
  }
  if (o.controller) return { ...o.controller };
  return null;
}

function quantity(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  return String(v);
}

export function containerFacts(evidence: Evidence, now: number): ContainerPart {
  const pod = evidence.pod;
  const { name, init } = evidence.focus;
  const specs: V1Container[] = init ? (pod.spec?.initContainers ?? []) : (pod.spec?.containers ?? []);
  const statuses = init ? (pod.status?.initContainerStatuses ?? []) : (pod.status?.containerStatuses ?? []);
  const spec = specs.find((c) => c.name === name) ?? null;
  const status = statuses.find((s) => s.name === name) ?? null;
  const created = toMs(pod.metadata?.creationTimestamp) ?? toMs(pod.status?.startTime);
  const podAgeSeconds = created !== null && now >= created ? (now - created) / 1000 : null;
  const restarts = status?.restartCount ?? 0;
  const running = status?.state?.running;
  const runningSince = toMs(running?.startedAt);
  const stateName = status?.state?.waiting
    ? 'waiting'
    : running
      ? 'running'
      : status?.state?.terminated
        ? 'terminated'
        : 'unknown';
  return {
    podName: pod.metadata?.name ?? '',
    namespace: evidence.namespace,
    podPhase: pod.status?.phase ?? null,
    podReason: pod.status?.reason ?? null,
    podMessage: pod.status?.message ?? null,
    podAgeSeconds,
    nodeName: pod.spec?.nodeName ?? null,
    container: name,
    containerIndex: specs.findIndex((c) => c.name === name),
    init,
    sidecar: init && spec?.restartPolicy === 'Always',
    spec,
    status,
    image: status?.image || spec?.image || null,
    stateName,
    waitingReason: status?.state?.waiting?.reason ?? null,
    waitingMessage: status?.state?.waiting?.message ?? null,
    runningForSeconds: runningSince !== null && now >= runningSince ? (now - runningSince) / 1000 : null,
    last: termination(status ?? undefined),
    restarts,
    restartsPerHour: podAgeSeconds !== null && podAgeSeconds >= 60 ? restarts / (podAgeSeconds / 3600) : null,
    memoryLimit: quantity(spec?.resources?.limits?.['memory']),
    memoryRequest: quantity(spec?.resources?.requests?.['memory']),
    command: spec?.command ?? [],
    args: spec?.args ?? [],
    workload: workloadOf(evidence),
    others: others(pod, name),
  };
}
