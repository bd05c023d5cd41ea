/**
 * The owner chain and siblings of a pod, in at most two rounds: the pod's controller (ReplicaSet,
 * StatefulSet, DaemonSet, Job, ReplicationController), then for a ReplicaSet its Deployment and all of the Deployment's
 * ReplicaSets (revision history, newest first), plus the other pods of the workload. Reads that
 * fail become notes.
 */
import type { V1DaemonSet, V1Job, V1LabelSelector, V1Pod, V1ReplicaSet, V1StatefulSet } from '@kubernetes/client-node';
import type { CollectNote, OwnerChain } from '../domain/evidence.js';
import type { KubeClients } from '../kube/clients.js';
import { selectorMatches, selectorToString, withoutTemplateHash } from './label-selector.js';
import { controllerOf } from './pod-status.js';
import { read, type ReadContext } from './read.js';

export interface OwnerRead {
  owners: OwnerChain;
  siblings: V1Pod[];
  notes: CollectNote[];
}

function revision(rs: V1ReplicaSet): number {
  return Number(rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0) || 0;
}

async function readSiblings(clients: KubeClients, ctx: ReadContext, namespace: string, selector: V1LabelSelector | undefined, workload: string, namespacePods?: V1Pod[]): Promise<{ pods: V1Pod[]; notes: CollectNote[] }> {
  if (!selector) return { pods: [], notes: [] };
  if (namespacePods) return { pods: namespacePods.filter((p) => selectorMatches(selector, p.metadata?.labels)), notes: [] };
  const labelSelector = selectorToString(selector);
  if (!labelSelector) return { pods: [], notes: [] };
  const r = await read(ctx, 'siblings', `the other pods of ${workload}`, 'whether they crash too is unknown', (o) => clients.core.listNamespacedPod({ namespace, labelSelector }, o));
  return r.ok ? { pods: r.value.items, notes: [] } : { pods: [], notes: [r.note] };
}

export async function readOwners(clients: KubeClients, ctx: ReadContext, pod: V1Pod, namespacePods?: V1Pod[]): Promise<OwnerRead> {
  const namespace = pod.metadata?.namespace ?? '';
  const ref = controllerOf(pod.metadata);
  const owners: OwnerChain = { replicaSets: [] };
  if (!ref) return { owners, siblings: [], notes: [] };
  owners.controller = { kind: ref.kind, name: ref.name };
  const label = `${ref.kind} ${namespace}/${ref.name}`;
  const impact = 'owner and rollout details are missing from the diagnosis';
  const name = ref.name;

  if (ref.kind === 'StatefulSet' || ref.kind === 'DaemonSet' || ref.kind === 'Job') {
    const r =
      ref.kind === 'StatefulSet' ? await read(ctx, 'owners', label, impact, (o) => clients.apps.readNamespacedStatefulSet({ name, namespace }, o))
      : ref.kind === 'DaemonSet' ? await read(ctx, 'owners', label, impact, (o) => clients.apps.readNamespacedDaemonSet({ name, namespace }, o))
      : await read(ctx, 'owners', label, impact, (o) => clients.batch.readNamespacedJob({ name, namespace }, o));
    if (!r.ok) return { owners, siblings: [], notes: [r.note] };
    if (ref.kind === 'StatefulSet') owners.statefulSet = r.value as V1StatefulSet;
    else if (ref.kind === 'DaemonSet') owners.daemonSet = r.value as V1DaemonSet;
    else owners.job = r.value as V1Job;
    const sib = await readSiblings(clients, ctx, namespace, r.value.spec?.selector, `${ref.kind}/${name}`, namespacePods);
    return { owners, siblings: sib.pods, notes: sib.notes };
  }
  if (ref.kind === 'ReplicationController') {
    // Older workloads (and OpenShift DeploymentConfigs) still run pods through ReplicationControllers.
    const rc = await read(ctx, 'owners', label, impact, (o) => clients.core.readNamespacedReplicationController({ name, namespace }, o));
    if (!rc.ok) return { owners, siblings: [], notes: [rc.note] };
    const selector = rc.value.spec?.selector ? { matchLabels: rc.value.spec.selector } : undefined;
    const sib = await readSiblings(clients, ctx, namespace, selector, `ReplicationController/${name}`, namespacePods);
    return { owners, siblings: sib.pods, notes: sib.notes };
  }
  if (ref.kind !== 'ReplicaSet') return { owners, siblings: [], notes: [] };

  const rsRead = await read(ctx, 'owners', label, impact, (o) => clients.apps.readNamespacedReplicaSet({ name, namespace }, o));
  if (!rsRead.ok) return { owners, siblings: [], notes: [rsRead.note] };
  const rs = rsRead.value;
  owners.replicaSet = rs;
  const deployRef = controllerOf(rs.metadata);
  if (deployRef?.kind !== 'Deployment') {
    owners.replicaSets = [rs];
    const sib = await readSiblings(clients, ctx, namespace, rs.spec?.selector, `ReplicaSet/${name}`, namespacePods);
    return { owners, siblings: sib.pods, notes: sib.notes };
  }

  // The Deployment's selector is its ReplicaSets' selector without pod-template-hash: read the
  // Deployment, its ReplicaSets and its pods at once.
  const selector = withoutTemplateHash(rs.spec?.selector);
  const labelSelector = selectorToString(selector);
  const dName = deployRef.name;
  const [dep, sets, sib] = await Promise.all([
    read(ctx, 'owners', `Deployment ${namespace}/${dName}`, 'rollout details are missing from the diagnosis', (o) => clients.apps.readNamespacedDeployment({ name: dName, namespace }, o)),
    labelSelector
      ? read(ctx, 'replicasets', `the ReplicaSets (revisions) of Deployment ${namespace}/${dName}`, 'no rollout history or rollback can be offered', (o) => clients.apps.listNamespacedReplicaSet({ namespace, labelSelector }, o))
      : Promise.resolve(null),
    readSiblings(clients, ctx, namespace, selector, `Deployment/${dName}`, namespacePods),
  ]);
  const notes: CollectNote[] = [...sib.notes];
  if (dep.ok) owners.deployment = dep.value;
  else notes.push(dep.note);
  if (sets && !sets.ok) notes.push(sets.note);
  const ownerUid = dep.ok ? dep.value.metadata?.uid : deployRef.uid;
  const history = sets?.ok ? sets.value.items.filter((s) => controllerOf(s.metadata)?.uid === ownerUid) : [rs];
  owners.replicaSets = history.sort((a, b) => revision(b) - revision(a));
  return { owners, siblings: sib.pods, notes };
}
