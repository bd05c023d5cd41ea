/**
 * `kubectl rollout pause|resume deployment/<name>`: one merge patch of `spec.paused`, skipped when the
 * Deployment is already in the wanted state (so a repeat changes nothing and says so).
 */
import { PatchStrategy, setHeaderOptions, type AppsV1Api } from '@kubernetes/client-node';
import { kubeCall } from './kube-errors.js';
import { readDeployment } from './rollout-undo.js';
import { revisionOf } from './deployment-history.js';

export type PauseOutcome = { kind: 'changed' | 'already'; paused: boolean; revision: number | null };

export function pausePatch(paused: boolean): { spec: { paused: boolean } } {
  return { spec: { paused } };
}

export async function setDeploymentPaused(
  apps: AppsV1Api,
  target: { namespace: string; deployment: string },
  paused: boolean,
  timeoutMs: number,
): Promise<PauseOutcome> {
  const { namespace, deployment: name } = target;
  const current = await readDeployment(apps, namespace, name, timeoutMs);
  if (Boolean(current.spec?.paused) === paused) return { kind: 'already', paused, revision: revisionOf(current) };
  const patched = await kubeCall({ verb: 'patch', resource: 'deployments', namespace, name }, timeoutMs, (options) =>
    apps.patchNamespacedDeployment(
      { name, namespace, body: pausePatch(paused) },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch, options),
    ),
  );
  return { kind: 'changed', paused: Boolean(patched.spec?.paused), revision: revisionOf(patched) };
}
