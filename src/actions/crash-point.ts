/**
 * How long the crashing pods of the current revision ran before they crashed: read before a rollback
 * so the follow-up can tell whether the restored pods stay up past that point. Best effort.
 */
import type { CoreV1Api, V1Deployment, V1ReplicaSet } from '@kubernetes/client-node';
import { POD_TEMPLATE_HASH_LABEL, selectorString } from './deployment-history.js';
import { kubeCall } from './kube-errors.js';

function seconds(a: unknown, b: unknown): number | null {
  if (!a || !b) return null;
  const s = (new Date(b as string).getTime() - new Date(a as string).getTime()) / 1000;
  return Number.isFinite(s) && s >= 0 ? s : null;
}

/** The longest run before a crash among the ReplicaSet's pods, in whole seconds; undefined when none crashed. */
export async function crashPointSeconds(
  core: CoreV1Api,
  deployment: V1Deployment,
  rs: V1ReplicaSet | undefined,
  timeoutMs: number,
): Promise<number | undefined> {
  const hash = rs?.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL];
  if (!rs || !hash) return undefined;
  const selector = [selectorString(deployment.spec?.selector), `${POD_TEMPLATE_HASH_LABEL}=${hash}`].filter(Boolean).join(',');
  const namespace = deployment.metadata?.namespace ?? '';
  const pods = await kubeCall({ verb: 'list', resource: 'pods', namespace }, timeoutMs, (options) =>
    core.listNamespacedPod({ namespace, labelSelector: selector }, options),
  );
  let longest: number | undefined;
  for (const pod of pods.items) {
    for (const c of pod.status?.containerStatuses ?? []) {
      const t = c.lastState?.terminated ?? c.state?.terminated;
      const ran = seconds(t?.startedAt, t?.finishedAt);
      if (ran !== null && (c.restartCount ?? 0) > 0) longest = Math.max(longest ?? 0, Math.round(ran));
    }
  }
  return longest;
}
