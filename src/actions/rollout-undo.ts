/**
 * `kubectl rollout undo deployment/<name> --to-revision=<n>` against apps/v1 (kubectl's DeploymentRollbacker),
 * with one difference that makes it safe from a button: the PATCH carries `test` ops, so the API applies it
 * only while the Deployment is still at the revision (and generation) the decision was made on. The change is
 * one JSON patch (template + annotations), so nothing is ever half-done.
 */
import type { AppsV1Api, V1Deployment, V1ReplicaSet } from '@kubernetes/client-node';
import {
  REVISION_ANNOTATION,
  equalIgnoreHash,
  listOwnedReplicaSets,
  replicaSetForRevision,
  replicaSetOnceAtRevision,
  revisionOf,
  rollbackAnnotations,
  templateImages,
  templateWithoutHash,
} from './deployment-history.js';
import { pointerSegment } from './kube-json.js';
import { KubeActionError, kubeCall } from './kube-errors.js';

export interface RollbackRequest {
  namespace: string;
  deployment: string;
  /** Revision the button was rendered for: the precondition. */
  fromRevision: number;
  toRevision: number;
}

export type JsonPatchOp =
  | { op: 'test'; path: string; value: unknown }
  | { op: 'replace' | 'add'; path: string; value: unknown };

export type RollbackOutcome =
  | { kind: 'rolled-back'; fromRevision: number; toRevision: number; fromImages: string[]; toImages: string[]; generation: number | null }
  | { kind: 'already-at'; toRevision: number; images: string[] }
  | { kind: 'stale'; expectedRevision: number; actualRevision: number | null }
  | { kind: 'paused' }
  | { kind: 'revision-not-found'; toRevision: number };

/** kubectl's wording, with the command filled in. */
export function pausedRollbackMessage(deployment: string): string {
  return `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${deployment}' and try again`;
}

const REVISION_PATH = `/metadata/annotations/${pointerSegment(REVISION_ANNOTATION)}`;

/** The exact patch: preconditions first, then kubectl's two replace ops. */
export function buildRollbackPatch(
  deployment: V1Deployment,
  fromRevision: number,
  template: Record<string, unknown>,
  annotations: Record<string, string>,
): JsonPatchOp[] {
  const ops: JsonPatchOp[] = [{ op: 'test', path: REVISION_PATH, value: String(fromRevision) }];
  const generation = deployment.metadata?.generation;
  if (generation !== undefined) ops.push({ op: 'test', path: '/metadata/generation', value: generation });
  ops.push({ op: 'replace', path: '/spec/template', value: template });
  ops.push({ op: 'replace', path: '/metadata/annotations', value: annotations });
  return ops;
}

export async function readDeployment(apps: AppsV1Api, namespace: string, name: string, timeoutMs: number): Promise<V1Deployment> {
  return kubeCall({ verb: 'get', resource: 'deployments', namespace, name }, timeoutMs, (options) =>
    apps.readNamespacedDeployment({ name, namespace }, options),
  );
}

/** What is about to be patched; handed to `beforePatch` so a caller can record it first. */
export interface RollbackPlan {
  fromRevision: number;
  toRevision: number;
  fromImages: string[];
  toImages: string[];
  deployment: V1Deployment;
  /** The ReplicaSet of the revision being left (its pods are the crashing ones). */
  current: V1ReplicaSet | undefined;
}

export async function rollbackDeployment(
  apps: AppsV1Api,
  req: RollbackRequest,
  timeoutMs: number,
  beforePatch?: (plan: RollbackPlan) => Promise<void>,
): Promise<RollbackOutcome> {
  const { namespace, deployment: name, fromRevision, toRevision } = req;
  const deployment = await readDeployment(apps, namespace, name, timeoutMs);
  const replicaSets = await kubeCall({ verb: 'list', resource: 'replicasets', namespace }, timeoutMs, (options) =>
    listOwnedReplicaSets(apps, deployment, options),
  );

  // Done already (a re-sent action, a retry after a crash, or someone ran kubectl): no second patch.
  const onceTarget = replicaSetOnceAtRevision(replicaSets, toRevision);
  if (onceTarget && equalIgnoreHash(onceTarget.spec?.template, deployment.spec?.template)) {
    return { kind: 'already-at', toRevision, images: templateImages(deployment.spec?.template) };
  }
  const actual = revisionOf(deployment);
  if (actual !== fromRevision) return { kind: 'stale', expectedRevision: fromRevision, actualRevision: actual };
  if (deployment.spec?.paused) return { kind: 'paused' };
  const target = replicaSetForRevision(replicaSets, toRevision);
  if (!target) return { kind: 'revision-not-found', toRevision };

  const fromImages = templateImages(deployment.spec?.template);
  const toImages = templateImages(target.spec?.template);
  await beforePatch?.({ fromRevision, toRevision, fromImages, toImages, deployment, current: replicaSetForRevision(replicaSets, fromRevision) });
  const patch = buildRollbackPatch(deployment, fromRevision, templateWithoutHash(target.spec?.template), rollbackAnnotations(deployment, target));
  try {
    const patched = await kubeCall({ verb: 'patch', resource: 'deployments', namespace, name }, timeoutMs, (options) =>
      apps.patchNamespacedDeployment({ name, namespace, body: patch }, options),
    );
    return {
      kind: 'rolled-back',
      fromRevision,
      toRevision,
      fromImages,
      toImages,
      generation: patched.metadata?.generation ?? null,
    };
  } catch (err) {
    // A failed `test` op (422) or a conflict (409): the Deployment moved between our read and the patch.
    if (err instanceof KubeActionError && err.failure.kind === 'conflict') {
      const now = await readDeployment(apps, namespace, name, timeoutMs).catch(() => null);
      return { kind: 'stale', expectedRevision: fromRevision, actualRevision: now ? revisionOf(now) : null };
    }
    throw err;
  }
}
