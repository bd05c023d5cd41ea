/**
 * Rollout analysis for Deployments, from the owner chain's ReplicaSets (their
 * `deployment.kubernetes.io/revision` annotations). Pure. Reported whatever the cause.
 */
import type { V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import type { RevisionHealth, RolloutInfo } from '../domain/diagnosis.js';
import type { Evidence } from '../domain/evidence.js';
import { podIsCrashing } from './facts/node.js';
import { templateChanges } from './rollout-changes.js';
import { formatDuration, toIso, toMs } from './time.js';

const REVISION = 'deployment.kubernetes.io/revision';

export function revisionOf(rs: V1ReplicaSet | undefined): number | null {
  const raw = rs?.metadata?.annotations?.[REVISION];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) ? n : null;
}

function images(rs: V1ReplicaSet | undefined): string[] {
  return (rs?.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? '?');
}

function ownedBy(p: V1Pod, rs: V1ReplicaSet): boolean {
  return !!p.metadata?.ownerReferences?.some((r) => r.kind === 'ReplicaSet' && r.name === rs.metadata?.name);
}

/** Latest time the controller touched the ReplicaSet (managedFields), as a hint of when it was scaled down. */
function lastTouched(rs: V1ReplicaSet): string | null {
  let max: number | null = null;
  for (const m of rs.metadata?.managedFields ?? []) {
    const t = toMs(m.time);
    if (t !== null && (max === null || t > max)) max = t;
  }
  return max === null ? null : new Date(max).toISOString();
}

function health(prev: V1ReplicaSet, pods: readonly V1Pod[]): RevisionHealth {
  const rev = revisionOf(prev);
  const mine = pods.filter((p) => ownedBy(p, prev));
  if (mine.length > 0) {
    const crashing = mine.filter(podIsCrashing);
    if (crashing.length > 0) return { status: 'failing', text: `${crashing.length} of ${mine.length} pod(s) of revision ${rev} are crash-looping too` };
    const restarts = mine.reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m, s) => m + (s.restartCount ?? 0), 0), 0);
    const ready = mine.filter((p) => (p.status?.containerStatuses ?? []).every((s) => s.ready)).length;
    if (ready > 0) return { status: 'healthy', text: `revision ${rev} still runs ${ready} ready pod(s)${restarts ? ` (${restarts} restarts in total)` : ' without restarts'}` };
  }
  const readyReplicas = prev.status?.readyReplicas ?? 0;
  if (readyReplicas > 0) return { status: 'healthy', text: `revision ${rev} reports ${readyReplicas} ready replica(s)` };
  if ((prev.spec?.replicas ?? 0) === 0 && (prev.status?.replicas ?? 0) === 0) {
    const when = lastTouched(prev);
    return { status: 'scaled-down', text: `revision ${rev} is scaled to 0${when ? ` (last changed ${when})` : ''}; no pods are left to judge its health` };
  }
  return { status: 'unknown', text: `the health of revision ${rev} could not be judged` };
}

/** How long `restarts` crashes take at least under the kubelet's backoff (10s doubling, capped at 5m). */
export function crashLoopSeconds(restarts: number, ranForSeconds: number | null): number {
  let total = 0;
  for (let i = 0; i < restarts; i++) total += Math.min(10 * 2 ** i, 300) + (ranForSeconds ?? 0);
  return total;
}

export interface LoopFacts {
  /** Whether the diagnosed pod is in trouble (a rollback is only offered then). */
  failing: boolean;
  restarts: number;
  ranForSeconds: number | null;
  /** Reference time in ms. */
  now: number;
}

/** A current revision that had been running for over an hour before the loop could have begun is not a regression. */
function ranBefore(created: number | null, loop: LoopFacts): string | undefined {
  if (created === null || loop.restarts === 0) return undefined;
  const loopStart = loop.now - 1.5 * crashLoopSeconds(loop.restarts, loop.ranForSeconds) - 600;
  const clean = loopStart - created;
  if (clean / 1000 < 3600) return undefined;
  return `the revision was rolled out ${formatDuration((loop.now - created) / 1000)} ago, but ${loop.restarts} restart(s) under the crash backoff span well under that: it ran for about ${formatDuration(clean / 1000)} before the crashes began, so the rollout is probably not the cause`;
}

export function analyseRollout(evidence: Evidence, loop: LoopFacts): RolloutInfo | null {
  const failing = loop.failing;
  const { owners } = evidence;
  const deployment = owners.deployment;
  const name = deployment?.metadata?.name ?? owners.replicaSet?.metadata?.ownerReferences?.find((r) => r.kind === 'Deployment')?.name;
  if (!name) return null;
  const podRs = evidence.pod.metadata?.ownerReferences?.find((r) => r.kind === 'ReplicaSet')?.name;
  const all = owners.replicaSets.length ? owners.replicaSets : owners.replicaSet ? [owners.replicaSet] : [];
  const current = all.find((rs) => rs.metadata?.name === podRs) ?? owners.replicaSet;
  const currentRevision = revisionOf(current);
  if (!current || currentRevision === null) return null;
  const revisions = all.map(revisionOf).filter((r): r is number => r !== null);
  const depRev = Number(deployment?.metadata?.annotations?.[REVISION]);
  const deploymentRevision = Math.max(currentRevision, ...revisions, Number.isInteger(depRev) ? depRev : 0);
  const older = all
    .filter((rs) => (revisionOf(rs) ?? Infinity) < currentRevision)
    .sort((a, b) => (revisionOf(b) ?? 0) - (revisionOf(a) ?? 0));
  const previous = older[0];
  const previousRevision = revisionOf(previous);
  const diff = previous ? templateChanges(previous.spec?.template, current.spec?.template) : { changes: [], restartOnly: false };
  const failingOnNewest = currentRevision === deploymentRevision;
  const previousHealth: RevisionHealth = previous
    ? health(previous, evidence.siblings)
    : { status: 'unknown', text: 'there is no older revision to compare with' };
  const settled = ranBefore(toMs(current.metadata?.creationTimestamp), loop);
  // Offered whenever the failing pods run the Deployment's newest revision and an older one exists,
  // also when that older ReplicaSet is at 0 (Recreate, or a rollout that finished before the crashes).
  // Whether the rollout is the likely cause is said in words (rolloutSentence), not by hiding the button.
  const rollbackOffered = failing && failingOnNewest && previousRevision !== null;
  return {
    kind: 'Deployment',
    name,
    namespace: evidence.namespace,
    currentRevision,
    previousRevision,
    deploymentRevision,
    currentImages: images(current),
    previousImages: images(previous),
    changes: diff.changes,
    changedAt: toIso(current.metadata?.creationTimestamp),
    failingOnNewest,
    previousHealth,
    rollbackOffered,
    paused: deployment?.spec?.paused === true,
    ...(settled ? { ranBeforeCrashing: settled } : {}),
  };
}

/** One sentence for the summary, or null when there is nothing to say. */
export function rolloutSentence(r: RolloutInfo): string | null {
  if (r.previousRevision === null) return null;
  if (!r.failingOnNewest) return `The failing pod runs revision ${r.currentRevision}, but the Deployment is already at revision ${r.deploymentRevision}.`;
  const what = r.changes.length ? r.changes.slice(0, 2).join('; ') + (r.changes.length > 2 ? `; +${r.changes.length - 2} more` : '') : 'no template change found';
  const when = r.changedAt ? ` (created ${r.changedAt})` : '';
  const caveat =
    r.ranBeforeCrashing ??
    (r.previousHealth.status === 'failing'
      ? `revision ${r.previousRevision} was failing too (${r.previousHealth.text}), so a rollback may not help`
      : r.changes.length > 0 && r.changes.every((c) => c.startsWith('rollout restart'))
        ? 'the template only records a restart, so a rollback is only another restart'
        : null);
  if (caveat) return `Revision ${r.currentRevision}${when} changed: ${what}; ${caveat}. Rolling back to revision ${r.previousRevision} is still offered.`;
  return `This started with revision ${r.currentRevision}${when}: ${what}. Rolling back to revision ${r.previousRevision} is offered (${r.previousHealth.text}).`;
}
