/**
 * The workload a pod belongs to (pod -> ReplicaSet -> Deployment, Job -> CronJob, StatefulSet,
 * DaemonSet): the key the Slack bot uses for one thread per crashing workload.
 */
import type { V1Pod } from '@kubernetes/client-node';
import { fatalError, retryOnReset, statusOf } from '../kube/api-error.js';
import type { KubeClients } from '../kube/clients.js';
import { controllerOf } from './pod-status.js';
import { read, requestOptions, type ReadContext } from './read.js';
import { REQUEST_TIMEOUT_MS } from '../kube/clients.js';

export interface WorkloadRef {
  kind: string;
  name: string;
  namespace: string;
}

/**
 * Returns null when the pod has no controller (a bare pod) or no longer exists. Throws a
 * CrashloopError (cluster-unreachable / cluster-forbidden) when the pod cannot be read at all.
 * When an intermediate owner cannot be read, the answer falls back to what the names tell
 * (ReplicaSet `<deployment>-<pod-template-hash>`).
 */
export async function resolveWorkload(
  clients: KubeClients,
  namespace: string,
  pod: string | V1Pod,
  opts: Partial<ReadContext> = {},
): Promise<WorkloadRef | null> {
  const ctx: ReadContext = { timeoutMs: opts.timeoutMs ?? REQUEST_TIMEOUT_MS };
  let p: V1Pod;
  if (typeof pod === 'string') {
    try {
      p = await retryOnReset(() => clients.core.readNamespacedPod({ name: pod, namespace }, requestOptions(ctx)));
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw fatalError(err, `read pod ${namespace}/${pod}`) ?? err;
    }
  } else p = pod;

  const ref = controllerOf(p.metadata);
  if (!ref) return null;
  if (ref.kind === 'ReplicaSet') {
    const rs = await read(ctx, 'owners', `ReplicaSet ${ref.name}`, 'guessing', (o) => clients.apps.readNamespacedReplicaSet({ name: ref.name, namespace }, o));
    if (rs.ok) {
      const up = controllerOf(rs.value.metadata);
      return up?.kind === 'Deployment' ? { kind: 'Deployment', name: up.name, namespace } : { kind: 'ReplicaSet', name: ref.name, namespace };
    }
    const hash = p.metadata?.labels?.['pod-template-hash'];
    if (hash && ref.name.endsWith(`-${hash}`)) return { kind: 'Deployment', name: ref.name.slice(0, -hash.length - 1), namespace };
    return { kind: 'ReplicaSet', name: ref.name, namespace };
  }
  if (ref.kind === 'Job') {
    const job = await read(ctx, 'owners', `Job ${ref.name}`, 'guessing', (o) => clients.batch.readNamespacedJob({ name: ref.name, namespace }, o));
    const up = job.ok ? controllerOf(job.value.metadata) : undefined;
    return up?.kind === 'CronJob' ? { kind: 'CronJob', name: up.name, namespace } : { kind: 'Job', name: ref.name, namespace };
  }
  return { kind: ref.kind, name: ref.name, namespace };
}
