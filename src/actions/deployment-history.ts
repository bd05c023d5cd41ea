/**
 * A Deployment's revision history as kubectl reads it (pkg/polymorphichelpers/rollback.go, deploymentutil):
 * the ReplicaSets the Deployment controls, their `deployment.kubernetes.io/revision` annotation, and template
 * comparison that ignores the `pod-template-hash` label.
 */
import type { AppsV1Api, ConfigurationOptions, V1Deployment, V1LabelSelector, V1PodTemplateSpec, V1ReplicaSet } from '@kubernetes/client-node';
import { jsonEqual, podTemplateJson } from './kube-json.js';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** Annotations kubectl keeps from the Deployment rather than copying from the ReplicaSet. */
export const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export function revisionOf(obj: { metadata?: { annotations?: Record<string, string> } }): number | null {
  const raw = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  if (raw === undefined || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/** Earlier revisions a reused ReplicaSet carried (the controller records them when it re-numbers it). */
export function revisionHistoryOf(rs: V1ReplicaSet): number[] {
  const raw = rs.metadata?.annotations?.[REVISION_HISTORY_ANNOTATION];
  if (!raw) return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
}

/** `app=api,tier in (web)` from a LabelSelector, as the list call's labelSelector. */
export function selectorString(selector: V1LabelSelector | undefined): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) parts.push(`${k}=${v}`);
  for (const e of selector?.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/** The ReplicaSets controlled by the Deployment (selector match plus controller ownerReference). */
export async function listOwnedReplicaSets(apps: AppsV1Api, deployment: V1Deployment, options?: ConfigurationOptions): Promise<V1ReplicaSet[]> {
  const namespace = deployment.metadata?.namespace ?? '';
  const list = await apps.listNamespacedReplicaSet({ namespace, labelSelector: selectorString(deployment.spec?.selector) }, options);
  const uid = deployment.metadata?.uid;
  return list.items.filter((rs) =>
    (rs.metadata?.ownerReferences ?? []).some((o) => o.controller && o.kind === 'Deployment' && (uid ? o.uid === uid : o.name === deployment.metadata?.name)),
  );
}

/** The ReplicaSet with revision n: kubectl's `--to-revision=n` lookup. */
export function replicaSetForRevision(replicaSets: V1ReplicaSet[], revision: number): V1ReplicaSet | undefined {
  return replicaSets.find((rs) => revisionOf(rs) === revision);
}

/** The ReplicaSet that is or once was revision n (a rollback re-numbers the reused ReplicaSet). */
export function replicaSetOnceAtRevision(replicaSets: V1ReplicaSet[], revision: number): V1ReplicaSet | undefined {
  return replicaSetForRevision(replicaSets, revision) ?? replicaSets.find((rs) => revisionHistoryOf(rs).includes(revision));
}

/** The template as plain JSON without the pod-template-hash label (what kubectl patches back). */
export function templateWithoutHash(template: V1PodTemplateSpec | undefined): Record<string, unknown> {
  const json = structuredClone(template ? podTemplateJson(template) : {}) as { metadata?: { labels?: Record<string, string> } };
  if (json.metadata?.labels) {
    delete json.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    if (Object.keys(json.metadata.labels).length === 0) delete json.metadata.labels;
  }
  return json as Record<string, unknown>;
}

/** kubectl's equalIgnoreHash. */
export function equalIgnoreHash(a: V1PodTemplateSpec | undefined, b: V1PodTemplateSpec | undefined): boolean {
  return jsonEqual(templateWithoutHash(a), templateWithoutHash(b));
}

/** Container images of a template, e.g. ['registry.example/shop/api:1.4.2']. */
export function templateImages(template: V1PodTemplateSpec | undefined): string[] {
  return (template?.spec?.containers ?? []).map((c) => c.image ?? '').filter(Boolean);
}

/** `registry.example/shop/api:1.4.2` -> `api:1.4.2` (for messages; the audit log keeps full images). */
export function shortImage(image: string): string {
  const at = image.indexOf('@');
  const withoutDigest = at >= 0 ? `${image.slice(0, at)}@${image.slice(at + 1, at + 20)}` : image;
  const slash = withoutDigest.lastIndexOf('/', at >= 0 ? at : undefined);
  return slash >= 0 ? withoutDigest.slice(slash + 1) : withoutDigest;
}

/** The annotations kubectl writes on rollback: the Deployment's skip-listed ones plus the ReplicaSet's others. */
export function rollbackAnnotations(deployment: V1Deployment, rs: V1ReplicaSet): Record<string, string> {
  const out: Record<string, string> = {};
  const current = deployment.metadata?.annotations ?? {};
  for (const k of ANNOTATIONS_TO_SKIP) if (current[k] !== undefined) out[k] = current[k];
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) out[k] = v;
  return out;
}
