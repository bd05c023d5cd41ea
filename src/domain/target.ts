/** What a user (or an alert) asked to diagnose. `name` may be a pod, a workload or a unique pod-name prefix. */
export interface TargetRequest {
  namespace: string;
  name: string;
  /** Container the user asked for (`-c`); otherwise the failing one is chosen. */
  container?: string;
}

/** A target after resolution: always one concrete pod. */
export interface ResolvedTarget {
  namespace: string;
  pod: string;
  container?: string;
  /** How `name` was resolved, for notes: exact pod, workload → pod, or prefix. */
  resolvedBy: 'pod' | 'workload' | 'prefix';
}
