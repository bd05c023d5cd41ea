import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { ContainerFocus } from '../domain/evidence.js';
import { CrashloopError } from '../errors.js';

const WAITING_FAILURES = new Set([
  'CrashLoopBackOff',
  'Error',
  'RunContainerError',
  'CreateContainerError',
  'CreateContainerConfigError',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
]);

function isFailing(s: V1ContainerStatus): boolean {
  const waiting = s.state?.waiting?.reason;
  if (waiting && WAITING_FAILURES.has(waiting)) return true;
  const term = s.state?.terminated;
  if (term && (term.exitCode ?? 0) !== 0) return true;
  return false;
}

function isInitFailing(s: V1ContainerStatus): boolean {
  if (isFailing(s)) return true;
  // An init container that has restarted and has not completed is the one holding the pod.
  return (s.restartCount ?? 0) > 0 && s.state?.terminated?.exitCode !== 0 && !s.ready;
}

/**
 * Pick the container a diagnosis is about: the one asked for, else a failing init container
 * (it blocks every other), else the failing app container with the most restarts.
 * Pure; throws a usage error when the requested container does not exist.
 */
export function selectFocus(pod: V1Pod, requested?: string): ContainerFocus {
  const containers = pod.spec?.containers ?? [];
  const inits = pod.spec?.initContainers ?? [];
  if (requested) {
    if (containers.some((c) => c.name === requested)) return { name: requested, init: false, reason: 'requested' };
    if (inits.some((c) => c.name === requested)) return { name: requested, init: true, reason: 'requested' };
    const names = [...containers.map((c) => c.name), ...inits.map((c) => `${c.name} (init)`)];
    throw new CrashloopError(
      'usage',
      `pod ${pod.metadata?.name ?? '?'} has no container "${requested}"`,
      [`containers: ${names.join(', ') || 'none'}`],
    );
  }
  const initStatuses = pod.status?.initContainerStatuses ?? [];
  // Sidecars (restartPolicy: Always init containers) run beside the app; they count as failing like any init.
  const failingInit = initStatuses.find(isInitFailing);
  if (failingInit) return { name: failingInit.name, init: true, reason: 'failing' };

  const statuses = pod.status?.containerStatuses ?? [];
  const failing = statuses.filter(isFailing).sort((a, b) => (b.restartCount ?? 0) - (a.restartCount ?? 0));
  if (failing[0]) return { name: failing[0].name, init: false, reason: 'failing' };
  if (containers.length === 1 && containers[0]) return { name: containers[0].name, init: false, reason: 'only-container' };
  const restarted = [...statuses].sort((a, b) => (b.restartCount ?? 0) - (a.restartCount ?? 0))[0];
  if (restarted && (restarted.restartCount ?? 0) > 0) return { name: restarted.name, init: false, reason: 'most-restarts' };
  const first = containers[0]?.name ?? statuses[0]?.name ?? 'unknown';
  return { name: first, init: false, reason: 'first' };
}
