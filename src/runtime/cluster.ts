/**
 * What the bot's jobs need from the cluster, over the shared pipeline (collect -> diagnose): a
 * diagnosis for a target, and the workload a pod belongs to (for the one-thread-per-workload map).
 * Errors keep their CrashloopError codes (target-not-found, cluster-unreachable, ...).
 */
import { resolveWorkload } from '../collect/index.js';
import type { Diagnosis } from '../domain/diagnosis.js';
import type { TargetRequest } from '../domain/target.js';
import type { KubeClients } from '../kube/clients.js';
import { collectEvidence, diagnose } from '../pipeline.js';
import type { WorkloadRef } from '../threads/thread-store.js';

export interface ClusterPort {
  diagnose(target: TargetRequest): Promise<Diagnosis>;
  /** null when the pod has no controller (a bare pod) or is gone. */
  workloadOf(namespace: string, pod: string): Promise<WorkloadRef | null>;
}

export function createClusterPort(kube: KubeClients): ClusterPort {
  return {
    async diagnose(target) {
      return diagnose(await collectEvidence(kube, target));
    },
    workloadOf: (namespace, pod) => resolveWorkload(kube, namespace, pod),
  };
}
