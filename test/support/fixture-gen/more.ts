/** Scenarios whose pod belongs to a StatefulSet, DaemonSet, Job, or nothing (no rollout history). */
import type { ExpectedScenario } from '../scenarios.js';
import { COLLECTED_AT, type ScenarioDef } from './define.js';
import { Clock } from './ids.js';
import { node, type EventSpec, type J, type NodeOpts, type StatusSpec } from './objects.js';
import { barePod, daemonSet, job, statefulSet, type Built, type PodDef } from './workload.js';

export interface OwnedScenario {
  dir: string;
  source: string;
  cause: ExpectedScenario['cause'];
  detail?: ExpectedScenario['detail'];
  ns: string;
  name: string;
  containers: J[];
  initContainers?: J[];
  volumes?: J[];
  spec?: J;
  podAge: number;
  statuses: Record<string, StatusSpec>;
  events?: EventSpec[];
  logs: Record<string, { previous?: string; current?: string }>;
  focus?: string;
  focusInit?: boolean;
  node?: NodeOpts;
  /** Other pods of the workload (healthy or crashing), besides the target. */
  others?: Array<Omit<PodDef, 'nodeName'> & { nodeName?: string }>;
  collectedAt?: string;
  /** Pod phase/reason/message overrides (evicted pods). */
  phase?: string;
  reason?: string;
  message?: string;
  noLifecycleEvents?: boolean;
  extraNodes?: NodeOpts[];
  requestContainer?: string;
  secrets?: string[];
  hostile?: boolean;
}

type Kind = 'StatefulSet' | 'DaemonSet' | 'Job' | 'Pod';

function owned(kind: Kind, o: OwnedScenario & { serviceName?: string; backoffLimit?: number }): ScenarioDef {
  const clock = new Clock(o.collectedAt ?? COLLECTED_AT);
  const nodeJson = node(clock, o.node);
  const nodeName = nodeJson.metadata.name as string;
  const target: PodDef = {
    createdAgo: o.podAge,
    nodeName,
    statuses: o.statuses,
    ...(o.events ? { events: o.events } : {}),
    ...(o.phase ? { phase: o.phase } : {}),
    ...(o.reason ? { reason: o.reason } : {}),
    ...(o.message ? { message: o.message } : {}),
    ...(o.noLifecycleEvents ? { noLifecycleEvents: true } : {}),
  };
  const pods: PodDef[] = [target, ...(o.others ?? []).map((p) => ({ ...p, nodeName: p.nodeName ?? nodeName }))];
  const spec: J = { ...(o.spec ?? {}), ...(o.volumes ? { volumes: o.volumes } : {}) };
  const t = { containers: o.containers, ...(o.initContainers ? { initContainers: o.initContainers } : {}), spec };
  let built: Built;
  if (kind === 'StatefulSet') built = statefulSet(clock, { ...t, ns: o.ns, name: o.name, createdAgo: o.podAge + 86400 * 20, pods, serviceName: o.serviceName ?? o.name });
  else if (kind === 'DaemonSet') built = daemonSet(clock, { ...t, ns: o.ns, name: o.name, createdAgo: o.podAge + 86400 * 30, pods });
  else if (kind === 'Job') built = job(clock, { ...t, spec: { restartPolicy: 'OnFailure', ...spec }, ns: o.ns, name: o.name, createdAgo: o.podAge + 2, pods, ...(o.backoffLimit !== undefined ? { backoffLimit: o.backoffLimit } : {}) });
  else built = barePod(clock, { ...t, ns: o.ns, name: o.name, pod: target });
  const targetPod = built.objects.find((x) => x.kind === 'Pod')!;
  const podName = targetPod.metadata.name as string;
  const expected: ExpectedScenario = {
    target: { namespace: o.ns, name: podName, ...(o.requestContainer ? { container: o.requestContainer } : {}) },
    collectedAt: clock.collectedAt,
    cause: o.cause,
    container: o.focus ?? (o.focusInit ? o.initContainers![0]!.name : o.containers[0]!.name),
    initContainer: !!o.focusInit,
    ...(o.detail ? { detail: o.detail } : {}),
    rollout: null,
    source: o.source,
    ...(o.hostile ? { hostile: true } : {}),
    ...(o.secrets ? { secrets: o.secrets } : {}),
  };
  const nodes = [nodeJson, ...(o.extraNodes ?? []).map((n) => node(clock, n))];
  return { dir: o.dir, expected, objects: [...built.objects, ...nodes], logs: { [podName]: o.logs } };
}

export const statefulSetScenario = (o: OwnedScenario & { serviceName: string }) => owned('StatefulSet', o);
export const daemonSetScenario = (o: OwnedScenario) => owned('DaemonSet', o);
export const jobScenario = (o: OwnedScenario & { backoffLimit?: number }) => owned('Job', o);
export const barePodScenario = (o: OwnedScenario) => owned('Pod', o);
