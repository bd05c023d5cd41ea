/** Small reads of a pod's status shared by target resolution and log collection. */
import type { V1ContainerStatus, V1OwnerReference, V1Pod } from '@kubernetes/client-node';

export function allStatuses(pod: V1Pod): V1ContainerStatus[] {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
}

export function totalRestarts(pod: V1Pod): number {
  return allStatuses(pod).reduce((n, s) => n + (s.restartCount ?? 0), 0);
}

const FAILING = /CrashLoopBackOff|Error|ImagePull|ErrImage|RunContainerError|CreateContainer/;

/** CrashLoopBackOff or another failing waiting reason on any container. */
export function isCrashing(pod: V1Pod): boolean {
  return allStatuses(pod).some((s) => FAILING.test(s.state?.waiting?.reason ?? '') || (s.state?.terminated?.exitCode ?? 0) !== 0);
}

/** e.g. "CrashLoopBackOff, 14 restarts" for candidate lists. */
export function podSummary(pod: V1Pod): string {
  const waiting = allStatuses(pod).map((s) => s.state?.waiting?.reason).find(Boolean);
  const state = waiting ?? pod.status?.reason ?? pod.status?.phase ?? 'Unknown';
  const restarts = totalRestarts(pod);
  return `${state}, ${restarts} restart${restarts === 1 ? '' : 's'}`;
}

export function controllerOf(meta: { ownerReferences?: V1OwnerReference[] } | undefined): V1OwnerReference | undefined {
  return meta?.ownerReferences?.find((r) => r.controller) ?? undefined;
}

function created(pod: V1Pod): number {
  const t = pod.metadata?.creationTimestamp;
  return t ? new Date(t as unknown as string).getTime() : 0;
}

/** The pod a diagnosis of a workload should look at: crash-looping first, then most restarts, then newest. */
export function mostCrashing(pods: V1Pod[]): V1Pod | undefined {
  return [...pods].sort(
    (a, b) => Number(isCrashing(b)) - Number(isCrashing(a)) || totalRestarts(b) - totalRestarts(a) || created(b) - created(a),
  )[0];
}
