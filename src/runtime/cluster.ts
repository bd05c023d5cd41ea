/**
 * What the bot's jobs need from the cluster, over the shared pipeline (collect -> diagnose): a
 * diagnosis for a target, and the workload a pod belongs to (for the one-thread-per-workload map).
 * Errors keep their CrashloopError codes (target-not-found, cluster-unreachable, ...).
 */
import type { Diagnosis } from '../domain/diagnosis.js';
import type { TargetRequest } from '../domain/target.js';
import type { WorkloadRef } from '../threads/thread-store.js';

export interface ClusterPort {
  diagnose(target: TargetRequest): Promise<Diagnosis>;
  /** null when the pod has no controller (a bare pod) or is gone. */
  workloadOf(namespace: string, pod: string): Promise<WorkloadRef | null>;
}
