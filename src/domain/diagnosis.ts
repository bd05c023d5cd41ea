import type { CauseId, DependencyFailure } from './cause-id.js';

export type EvidenceKind = 'state' | 'event' | 'log' | 'probe' | 'spec' | 'node' | 'rollout' | 'timing' | 'siblings' | 'note';

/** One fact a finding rests on, quoting the exact field, event or log line. */
export interface EvidenceItem {
  kind: EvidenceKind;
  text: string;
}

export interface Remedy {
  /** What to do, in a sentence or two. */
  text: string;
  /** Concrete commands with the real names filled in. */
  commands: string[];
}

export interface Alternative {
  cause: CauseId;
  confidence: number;
}

/** The key facts about the focus container, for the message's fields. */
export interface ContainerFacts {
  /** e.g. CrashLoopBackOff, Init:CrashLoopBackOff, ImagePullBackOff, Running, Evicted. */
  state: string;
  exitCode: number | null;
  reason: string | null;
  signal: number | null;
  restarts: number;
  /** Seconds the last instance ran (lastState.terminated finishedAt - startedAt). */
  ranForSeconds: number | null;
  lastFinishedAt: string | null;
  image: string | null;
  node: string | null;
  memoryLimit: string | null;
  /** e.g. `Deployment/api` */
  owner: string | null;
  /** Pod age in seconds at collection time. */
  podAgeSeconds: number | null;
}

export interface RevisionHealth {
  /** `healthy`: old pods ran without restarts; `failing`; `scaled-down`: no pods left to judge; `unknown`. */
  status: 'healthy' | 'failing' | 'scaled-down' | 'unknown';
  /** One sentence for people. */
  text: string;
}

export interface RolloutInfo {
  kind: 'Deployment';
  name: string;
  namespace: string;
  /** Revision of the ReplicaSet the crashing pod belongs to. */
  currentRevision: number;
  /** The revision a rollback would go to (the newest older revision), or null. */
  previousRevision: number | null;
  /** Revision the Deployment is at now (its newest ReplicaSet). */
  deploymentRevision: number;
  currentImages: string[];
  previousImages: string[];
  /** What changed from previous to current: images, command/args, env names, resources, probes. */
  changes: string[];
  /** When the current revision's ReplicaSet was created. */
  changedAt: string | null;
  /** The failing pods run the Deployment's newest revision. */
  failingOnNewest: boolean;
  previousHealth: RevisionHealth;
  /** Whether the bot offers a rollback to previousRevision. */
  rollbackOffered: boolean;
  /**
   * Set when the current revision ran well before the crashes began (from the restart count and the
   * crash-loop backoff): the rollout is then probably not the cause and no rollback is offered.
   */
  ranBeforeCrashing?: string;
  paused: boolean;
}

export interface Diagnosis {
  pod: string;
  namespace: string;
  container: string;
  /** True when the focus container is an init container. */
  initContainer: boolean;
  cause: CauseId;
  /** Refinement for dependency-unavailable. */
  detail: DependencyFailure | null;
  /** Short headline, e.g. "api is being OOM-killed". */
  title: string;
  /** 0..1 */
  confidence: number;
  summary: string;
  evidence: EvidenceItem[];
  remedy: Remedy;
  alternatives: Alternative[];
  rollout: RolloutInfo | null;
  facts: ContainerFacts;
  /** The log lines to show (redacted), from the focus container. */
  logExcerpt: { container: string; previous: boolean; lines: string[] } | null;
  /** What could not be read, and other caveats. */
  notes: string[];
  diagnosedAt: string;
}
