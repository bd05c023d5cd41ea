import type {
  CoreV1Event,
  V1DaemonSet,
  V1Deployment,
  V1Job,
  V1Node,
  V1Pod,
  V1ReplicaSet,
  V1StatefulSet,
} from '@kubernetes/client-node';

/**
 * Everything the collector read about one crashing pod. Reuses the client's models;
 * the only stage that fills it is `src/collect/`. Diagnosis rules read it and nothing else.
 */
export interface Evidence {
  /** ISO time the evidence was read; the reference point for ages and durations. */
  collectedAt: string;
  namespace: string;
  pod: V1Pod;
  /** The container the diagnosis is about (the failing one, or the one asked for). */
  focus: ContainerFocus;
  /** Events whose involvedObject is the pod, oldest first. */
  events: CoreV1Event[];
  /** Log excerpts, redacted and bounded; the focus container's first. */
  logs: LogExcerpt[];
  owners: OwnerChain;
  node?: V1Node;
  /** Other pods of the same owner (same workload), without `pod` itself. */
  siblings: V1Pod[];
  /** What could not be read, or was read differently than hoped (e.g. no previous logs). */
  notes: CollectNote[];
}

export interface ContainerFocus {
  name: string;
  /** True when the focus is an init container (Init:CrashLoopBackOff). */
  init: boolean;
  /** Why this container was chosen: asked for with -c, the only one, or the one failing. */
  reason: 'requested' | 'only-container' | 'failing' | 'most-restarts' | 'first';
}

export interface LogExcerpt {
  container: string;
  /** True when these lines come from the previous (crashed) instance (`--previous`). */
  previous: boolean;
  /** The tail of the log, redacted; at most the configured number of lines/bytes. */
  lines: string[];
  /** True when older lines were cut off by the tail/byte bound. */
  truncated: boolean;
}

export interface OwnerChain {
  /** The pod's direct controller reference, if any (kind/name as in ownerReferences). */
  controller?: { kind: string; name: string };
  replicaSet?: V1ReplicaSet;
  deployment?: V1Deployment;
  statefulSet?: V1StatefulSet;
  daemonSet?: V1DaemonSet;
  job?: V1Job;
  /** For a Deployment: all of its ReplicaSets (its revision history), newest revision first. */
  replicaSets: V1ReplicaSet[];
}

export type NoteSource = 'pod' | 'events' | 'logs' | 'owners' | 'replicasets' | 'node' | 'siblings' | 'target';
export type NoteKind = 'forbidden' | 'not-found' | 'timeout' | 'unavailable' | 'error' | 'info';

export interface CollectNote {
  source: NoteSource;
  kind: NoteKind;
  /** One sentence for people: what could not be read and what that means for the diagnosis. */
  message: string;
}
