/**
 * Derived facts about the focus container, computed once from Evidence for every rule: its spec and
 * status, the last termination and how long it ran, probes and ports, classified events, log hits,
 * node and siblings. Pure; the reference time is Evidence.collectedAt.
 */
import type { V1Container, V1ContainerStatus } from '@kubernetes/client-node';
import type { Evidence } from '../domain/evidence.js';
import { containerFacts } from './facts/container.js';
import { classifyEvents, type EventFact } from './facts/events.js';
import { logFacts, type LogFacts } from './facts/logs.js';
import { nodeFacts, siblingFacts, type NodeFacts, type SiblingFacts } from './facts/node.js';
import { probeFacts, type PortFacts, type ProbeFacts } from './facts/probes.js';
import type { LogHit } from './log-patterns/index.js';
import { toMs } from './time.js';

export type { EventCategory, EventFact } from './facts/events.js';
export type { LogFacts } from './facts/logs.js';
export type { NodeFacts, SiblingFacts } from './facts/node.js';
export type { PortFacts, ProbeFacts, ProbeKind } from './facts/probes.js';

export interface Termination {
  reason: string | null;
  exitCode: number | null;
  signal: number | null;
  message: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** finishedAt - startedAt, in seconds. */
  ranForSeconds: number | null;
  /** True when taken from state.terminated (the container is terminated now), false for lastState. */
  current: boolean;
}

export interface OtherContainer {
  name: string;
  init: boolean;
  sidecar: boolean;
  ready: boolean;
  restarts: number;
  state: string;
}

export interface Facts {
  /** Reference time (Evidence.collectedAt) in ms. */
  now: number;
  podName: string;
  namespace: string;
  podPhase: string | null;
  /** pod.status.reason, e.g. Evicted. */
  podReason: string | null;
  podMessage: string | null;
  podAgeSeconds: number | null;
  nodeName: string | null;
  container: string;
  /** Index of the focus container in spec.containers (or spec.initContainers); -1 when absent. */
  containerIndex: number;
  init: boolean;
  /** An init container with restartPolicy Always (a native sidecar). */
  sidecar: boolean;
  spec: V1Container | null;
  status: V1ContainerStatus | null;
  image: string | null;
  /** Coarse current state of the focus container. */
  stateName: 'waiting' | 'running' | 'terminated' | 'unknown';
  waitingReason: string | null;
  waitingMessage: string | null;
  runningForSeconds: number | null;
  /** The last termination (lastState.terminated, else state.terminated). */
  last: Termination | null;
  restarts: number;
  /** Restarts per hour of pod age (null when the age is unknown or under a minute). */
  restartsPerHour: number | null;
  memoryLimit: string | null;
  memoryRequest: string | null;
  command: string[];
  args: string[];
  /** Workload the pod belongs to, for commands: Deployment through its ReplicaSet, else the controller. */
  workload: { kind: string; name: string } | null;
  probes: ProbeFacts[];
  ports: PortFacts;
  /** Events about the focus container or the pod as a whole, oldest first. */
  events: EventFact[];
  logs: LogFacts;
  /** Pattern hits in the focus logs and the termination message. */
  hits: LogHit[];
  node: NodeFacts;
  siblings: SiblingFacts;
  others: OtherContainer[];
}

export function deriveFacts(evidence: Evidence): Facts {
  const now = toMs(evidence.collectedAt) ?? 0;
  const c = containerFacts(evidence, now);
  const logs = logFacts(evidence, c.last?.message ?? null);
  return {
    now,
    ...c,
    ...probeFacts(c.spec, logs.lines),
    events: classifyEvents(evidence.events, c.container),
    logs,
    hits: logs.hits,
    node: nodeFacts(evidence.node, c.image),
    siblings: siblingFacts(evidence.siblings),
  };
}
