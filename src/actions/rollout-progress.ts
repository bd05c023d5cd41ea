/**
 * `kubectl rollout status` for a Deployment (kubectl's DeploymentStatusViewer), plus the check that the
 * new pods outlive the point where the old ones crashed. Pure: objects in, verdict out.
 */
import type { V1Deployment, V1Pod } from '@kubernetes/client-node';

export type RolloutProgress = { state: 'waiting' | 'done' | 'failed'; message: string };

/** kubectl's wording, so people recognise it. */
export function rolloutProgress(d: V1Deployment): RolloutProgress {
  const name = d.metadata?.name ?? '';
  const generation = d.metadata?.generation ?? 0;
  const s = d.status ?? {};
  if (generation > (s.observedGeneration ?? 0)) return { state: 'waiting', message: 'Waiting for deployment spec update to be observed...' };
  const progressing = (s.conditions ?? []).find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { state: 'failed', message: `deployment "${name}" exceeded its progress deadline` };
  const want = d.spec?.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  const total = s.replicas ?? 0;
  const available = s.availableReplicas ?? 0;
  if (updated < want) return { state: 'waiting', message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...` };
  if (total > updated) return { state: 'waiting', message: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...` };
  if (available < updated) return { state: 'waiting', message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...` };
  return { state: 'done', message: `deployment "${name}" successfully rolled out` };
}

export type SoakVerdict =
  | { state: 'crashing'; pod: string; restarts: number; reason: string | null }
  | { state: 'passed'; upSeconds: number }
  | { state: 'wait'; upSeconds: number; recheckInSeconds: number }
  | { state: 'no-pods' };

/** Seconds the pod's containers have been running (the youngest container counts), or null when not running. */
function upSeconds(pod: V1Pod, now: number): number | null {
  const statuses = pod.status?.containerStatuses ?? [];
  if (statuses.length === 0) return null;
  let min = Infinity;
  for (const c of statuses) {
    const started = c.state?.running?.startedAt;
    if (!started) return null;
    min = Math.min(min, (now - new Date(started as unknown as string).getTime()) / 1000);
  }
  return Math.max(0, min);
}

/**
 * Do the new pods stay up past `crashedAfterSeconds`? Any restart or a waiting reason like
 * CrashLoopBackOff fails at once; otherwise wait until the youngest pod has run long enough.
 */
export function soakVerdict(pods: V1Pod[], crashedAfterSeconds: number, now: number, marginSeconds = 5): SoakVerdict {
  if (pods.length === 0) return { state: 'no-pods' };
  let youngest = Infinity;
  for (const pod of pods) {
    for (const c of pod.status?.containerStatuses ?? []) {
      const waiting = c.state?.waiting?.reason ?? null;
      const terminated = c.state?.terminated?.reason ?? null;
      if ((c.restartCount ?? 0) > 0 || waiting === 'CrashLoopBackOff' || terminated) {
        return { state: 'crashing', pod: pod.metadata?.name ?? '', restarts: c.restartCount ?? 0, reason: waiting ?? terminated ?? c.lastState?.terminated?.reason ?? null };
      }
    }
    const up = upSeconds(pod, now);
    youngest = Math.min(youngest, up ?? 0);
  }
  const target = crashedAfterSeconds + marginSeconds;
  if (youngest >= target) return { state: 'passed', upSeconds: Math.floor(youngest) };
  return { state: 'wait', upSeconds: Math.floor(youngest), recheckInSeconds: Math.ceil(target - youngest) };
}
