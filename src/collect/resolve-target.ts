/**
 * Target resolution: what the user typed -> one concrete pod. In order: an exact pod name (one GET);
 * otherwise one LIST of the namespace's pods, matched as a workload (Deployment, StatefulSet,
 * DaemonSet, Job, CronJob, ReplicaSet) by the pods' owner references, then as a unique pod-name
 * prefix. `kind/name` (deploy/api, sts/db, pod/x) restricts the match. Ambiguity and absence are
 * CrashloopErrors listing what exists.
 */
import type { V1Pod } from '@kubernetes/client-node';
import type { CollectNote } from '../domain/evidence.js';
import type { ResolvedTarget, TargetRequest } from '../domain/target.js';
import { CrashloopError } from '../errors.js';
import { fatalError, retryOnReset, statusOf } from '../kube/api-error.js';
import type { KubeClients } from '../kube/clients.js';
import { controllerOf, mostCrashing, podSummary } from './pod-status.js';
import { read, requestOptions, type ReadContext } from './read.js';

export interface Resolution {
  pod: V1Pod;
  target: ResolvedTarget;
  /** The namespace's pods, when resolution had to list them (reused for siblings). */
  namespacePods?: V1Pod[];
  note?: CollectNote;
}

const KINDS: Record<string, string> = {
  po: 'Pod', pod: 'Pod', pods: 'Pod',
  deploy: 'Deployment', deployment: 'Deployment', deployments: 'Deployment',
  sts: 'StatefulSet', statefulset: 'StatefulSet', statefulsets: 'StatefulSet',
  ds: 'DaemonSet', daemonset: 'DaemonSet', daemonsets: 'DaemonSet',
  job: 'Job', jobs: 'Job', cj: 'CronJob', cronjob: 'CronJob', cronjobs: 'CronJob',
  rs: 'ReplicaSet', replicaset: 'ReplicaSet', replicasets: 'ReplicaSet',
  rc: 'ReplicationController', replicationcontroller: 'ReplicationController', replicationcontrollers: 'ReplicationController',
};
const NAME = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
/** Names controllers give pods: `<rs>-<5 chars>` (Deployment, ReplicaSet, DaemonSet, Job) or `<sts>-<ordinal>`. */
const GENERATED_POD_NAME = /-([bcdfghjklmnpqrstvwxz2456789]{5}|\d+)$/;

export function parseTargetName(raw: string): { kind?: string; name: string } {
  const text = raw.trim();
  const slash = text.indexOf('/');
  const kindWord = slash >= 0 ? text.slice(0, slash).toLowerCase().replace(/\.(apps|batch)$/, '') : undefined;
  const name = slash >= 0 ? text.slice(slash + 1) : text;
  const kind = kindWord === undefined ? undefined : KINDS[kindWord];
  if (kindWord !== undefined && !kind) {
    throw new CrashloopError('usage', `unknown kind "${kindWord}" in "${raw}"`, ['use a pod name, a workload name, or kind/name with kind one of pod, deploy, sts, ds, job, cronjob, rs']);
  }
  if (!NAME.test(name)) {
    throw new CrashloopError('usage', `"${name}" is not a valid pod or workload name`, ['names are lower-case letters, digits, "-" and "."']);
  }
  return { kind, name };
}

/** The workload (kind/name) a pod belongs to that is called `name`, judged from its owner reference. */
function workloadMatch(pod: V1Pod, name: string, kind?: string): string | null {
  const ref = controllerOf(pod.metadata);
  if (!ref) return null;
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  const found =
    ref.kind === 'ReplicaSet' && hash && ref.name === `${name}-${hash}` ? 'Deployment'
    : ref.kind === 'ReplicaSet' && ref.name === name ? 'ReplicaSet'
    : ['StatefulSet', 'DaemonSet', 'Job', 'ReplicationController'].includes(ref.kind) && ref.name === name ? ref.kind
    : ref.kind === 'Job' && ref.name.startsWith(`${name}-`) && /^\d+$/.test(ref.name.slice(name.length + 1)) ? 'CronJob'
    : null;
  return found && (!kind || kind === found) ? `${found}/${name}` : null;
}

async function namespaceMissing(clients: KubeClients, ctx: ReadContext, namespace: string): Promise<boolean> {
  const r = await read(ctx, 'target', `namespace ${namespace}`, 'cannot tell whether it exists', (o) => clients.core.readNamespace({ name: namespace }, o));
  return !r.ok && statusOf(r.error) === 404;
}

function server(clients: KubeClients): string | undefined {
  return clients.kubeConfig.getCurrentCluster()?.server;
}

export async function resolveTarget(clients: KubeClients, request: TargetRequest, ctx: ReadContext): Promise<Resolution> {
  const { namespace } = request;
  if (!NAME.test(namespace)) throw new CrashloopError('usage', `"${namespace}" is not a valid namespace name`);
  const { kind, name } = parseTargetName(request.name);
  const container = request.container ? { container: request.container } : {};

  const listPods = () =>
    read(ctx, 'target', `the pods of namespace ${namespace}`, 'cannot look for a workload or prefix', (o) => clients.core.listNamespacedPod({ namespace }, o));
  // A name that does not look generated (api, worker) is more likely a workload than a pod: list the
  // namespace's pods in the same round as the pod GET, so resolving it costs no extra round trip.
  // When the name is a pod after all, the list still serves as its siblings.
  const early = !kind && !GENERATED_POD_NAME.test(name) ? listPods() : undefined;

  if (!kind || kind === 'Pod') {
    try {
      const pod = await retryOnReset(() => clients.core.readNamespacedPod({ name, namespace }, requestOptions(ctx)));
      const listedEarly = await early;
      return { pod, target: { namespace, pod: name, resolvedBy: 'pod', ...container }, ...(listedEarly?.ok ? { namespacePods: listedEarly.value.items } : {}) };
    } catch (err) {
      const fatal = fatalError(err, `read pod ${namespace}/${name}`, server(clients));
      if (fatal) throw fatal;
    }
  }

  const listed = await (early ?? listPods());
  if (!listed.ok) {
    const fatal = fatalError(listed.error, `list pods in namespace ${namespace}`, server(clients));
    if (fatal && fatal.code === 'cluster-unreachable') throw fatal;
    throw new CrashloopError('target-not-found', `pod "${name}" not found in namespace "${namespace}"`, [listed.note.message]);
  }
  const pods = listed.value.items;

  const byWorkload = new Map<string, V1Pod[]>();
  for (const p of pods) {
    const w = workloadMatch(p, name, kind);
    if (w) byWorkload.set(w, [...(byWorkload.get(w) ?? []), p]);
  }
  if (byWorkload.size > 1) {
    throw new CrashloopError('target-ambiguous', `"${name}" names several workloads in namespace "${namespace}"`, [
      ...[...byWorkload.keys()].map((w) => `${w}`),
      'ask for one with kind/name, e.g. deploy/<name>',
    ]);
  }
  const [workload, members] = [...byWorkload.entries()][0] ?? [];
  if (workload && members) {
    const pod = mostCrashing(members)!;
    const podName = pod.metadata?.name ?? '?';
    const message = `"${name}" is ${workload}: diagnosing its pod ${podName} (${podSummary(pod)}), the most crash-looping of its ${members.length} pod${members.length === 1 ? '' : 's'}.`;
    return { pod, namespacePods: pods, target: { namespace, pod: podName, resolvedBy: 'workload', ...container }, note: { source: 'target', kind: 'info', message } };
  }

  const prefixed = kind && kind !== 'Pod' ? [] : pods.filter((p) => p.metadata?.name?.startsWith(name));
  if (prefixed.length === 1) {
    const pod = prefixed[0]!;
    const podName = pod.metadata?.name ?? '?';
    return {
      pod,
      namespacePods: pods,
      target: { namespace, pod: podName, resolvedBy: 'prefix', ...container },
      note: { source: 'target', kind: 'info', message: `"${name}" is the prefix of pod ${podName}, the only pod starting with it.` },
    };
  }
  if (prefixed.length > 1) {
    const shown = prefixed.slice(0, 10).map((p) => `${p.metadata?.name} (${podSummary(p)})`);
    const more = prefixed.length > 10 ? [`... and ${prefixed.length - 10} more`] : [];
    throw new CrashloopError('target-ambiguous', `"${name}" matches ${prefixed.length} pods in namespace "${namespace}"; name one of them`, [...shown, ...more]);
  }

  const what = kind && kind !== 'Pod' ? `${kind} "${name}" with pods` : kind === 'Pod' ? `pod "${name}"` : `pod, workload or pod-name prefix "${name}"`;
  if (pods.length === 0 && (await namespaceMissing(clients, ctx, namespace))) {
    throw new CrashloopError('target-not-found', `namespace "${namespace}" not found`, ['list namespaces with: kubectl get namespaces']);
  }
  const names = pods.slice(0, 8).map((p) => p.metadata?.name ?? '?');
  const hint = pods.length === 0 ? `namespace "${namespace}" has no pods` : `pods in ${namespace}: ${names.join(', ')}${pods.length > 8 ? `, ... (${pods.length} in all)` : ''}`;
  throw new CrashloopError('target-not-found', `no ${what} in namespace "${namespace}"`, [hint]);
}
