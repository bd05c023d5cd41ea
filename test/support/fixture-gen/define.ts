/** The common scenario shape: one app Deployment on one node, with a revision history mode. */
import type { ExpectedScenario } from '../scenarios.js';
import { Clock } from './ids.js';
import { node, type EventSpec, type J, type NodeOpts, type StatusSpec } from './objects.js';
import { deployment, type PodDef, type RevisionDef } from './workload.js';

export type LogTexts = Record<string, Record<string, { previous?: string; current?: string }>>;

export interface ScenarioDef {
  dir: string;
  expected: ExpectedScenario;
  objects: J[];
  logs: LogTexts;
}

export const COLLECTED_AT = '2026-04-04T08:30:00Z';

export interface AppScenario {
  dir: string;
  source: string;
  cause: ExpectedScenario['cause'];
  detail?: ExpectedScenario['detail'];
  hostile?: boolean;
  /** Secret values planted in the logs that must come out redacted. */
  secrets?: string[];
  ns?: string;
  app?: string;
  collectedAt?: string;
  /** The pod spec's containers of the crashing revision (first one is the main container unless `focus`). */
  containers: J[];
  initContainers?: J[];
  spec?: J;
  /** Container the diagnosis must name; default the first container. */
  focus?: string;
  focusInit?: boolean;
  /** Status of each container of the crashing pod, by name. */
  statuses: Record<string, StatusSpec>;
  podAge: number;
  events?: EventSpec[];
  /** Logs of the crashing pod, by container. */
  logs: Record<string, { previous?: string; current?: string }>;
  /**
   * single: revision 1 only, every pod crashing. regression: revision N crashes, N-1 still serves.
   * recreate: revision N crashes, N-1 scaled to 0 by the Recreate strategy. settled: revision N rolled out
   * long ago (N-1 at 0), crashes began later.
   */
  history: 'single' | 'regression' | 'recreate' | 'settled';
  /** Containers of the previous revision (regression/recreate/settled); default: same with an older image tag. */
  previousContainers?: J[];
  previousSpec?: J;
  /** Crashing pods (target included); default 2 (single/settled/recreate), 1 (regression). */
  crashingPods?: number;
  /** Hash of the crashing revision's ReplicaSet; default derived from app. */
  hash?: string;
  podName?: string;
  node?: NodeOpts;
  changeCause?: string;
  /** settled: when the crashes began (the revision ran fine before); default 2700 s. */
  crashesBeganAgo?: number;
  /** Override the expected rollout (default derived from history). */
  rollout?: ExpectedScenario['rollout'];
  /** The Deployment is paused (kubectl rollout pause). */
  paused?: boolean;
  /** Ask for this container explicitly (target.container). */
  requestContainer?: string;
}

function olderImage(image: string): string {
  const m = /^(.*):v?(\d+)\.(\d+)\.(\d+)(.*)$/.exec(image);
  if (!m) return image.replace(/:([^:/]+)$/, ':$1-prev');
  const minor = Number(m[3]);
  return minor > 0 ? `${m[1]}:${image.includes(':v') ? 'v' : ''}${m[2]}.${minor - 1}.${m[4]}${m[5]}` : `${m[1]}:${image.includes(':v') ? 'v' : ''}${Number(m[2]) - 1}.9.0${m[5]}`;
}

/** Sibling crash status: same failure, one restart behind. */
function siblingStatus(s: StatusSpec, i: number): StatusSpec {
  if (s.kind === 'crashloop') return { ...s, restarts: Math.max(1, s.restarts - i), last: { ...s.last, finishedAgo: s.last.finishedAgo + 17 * i } };
  return s;
}

export function appScenario(a: AppScenario): ScenarioDef {
  const clock = new Clock(a.collectedAt ?? COLLECTED_AT);
  const ns = a.ns ?? 'production';
  const app = a.app ?? 'api';
  const nodeJson = node(clock, a.node);
  const nodeName = nodeJson.metadata.name as string;
  const hashes = ['5d8c7f9b46', '6c9f8d7b5', '7d4b9c8f6', '84f6d7c9b'];
  const hash = a.hash ?? hashes[(app.length + a.dir.length) % hashes.length]!;
  const prevHash = hash === '6b7c9d8f45' ? '58d9c6b7f4' : '6b7c9d8f45';
  const nCrash = a.crashingPods ?? (a.history === 'regression' ? 1 : 2);
  const settledAge = 3 * 86400 + 4210;
  const podAgeFor = (i: number) => (a.history === 'settled' ? settledAge - i * 40 : a.podAge + i * 23);
  const crashing: PodDef[] = [];
  for (let i = 0; i < nCrash; i++) {
    const statuses: Record<string, StatusSpec> = {};
    for (const [k, v] of Object.entries(a.statuses)) statuses[k] = i === 0 ? v : siblingStatus(v, i);
    crashing.push({
      ...(i === 0 && a.podName ? { name: a.podName } : {}),
      createdAgo: i === 0 ? (a.history === 'settled' ? settledAge : a.podAge) : podAgeFor(i),
      nodeName,
      statuses,
      ...(i === 0 && a.events ? { events: a.events } : {}),
      ...(a.history === 'settled' ? { crashesBeganAgo: (a.crashesBeganAgo ?? 2700) - i * 60 } : {}),
    });
  }
  const current: RevisionDef = {
    revision: 1,
    hash,
    createdAgo: a.history === 'settled' ? settledAge + 30 : a.podAge + 5,
    containers: a.containers,
    ...(a.initContainers ? { initContainers: a.initContainers } : {}),
    ...(a.spec ? { spec: a.spec } : {}),
    pods: crashing,
    ...(a.history === 'regression' ? { replicas: 3 } : {}),
    ...(a.changeCause ? { changeCause: a.changeCause } : {}),
  };
  const revisions: RevisionDef[] = [];
  if (a.history !== 'single') {
    const prevContainers: J[] = a.previousContainers ?? a.containers.map((c): J => ({ ...c, image: olderImage(c.image) }));
    const healthy = (i: number): PodDef => ({
      createdAgo: 9 * 86400 + 3600 * i,
      nodeName,
      statuses: Object.fromEntries(
        [...prevContainers, ...(a.initContainers ?? [])].map((c) => [
          c.name,
          (a.initContainers ?? []).some((x) => x.name === c.name)
            ? ({ kind: 'terminated', term: { exitCode: 0, ran: 3, finishedAgo: 9 * 86400 + 3600 * i - 5 } } as StatusSpec)
            : ({ kind: 'running', startedAgo: 9 * 86400 + 3600 * i - 8 } as StatusSpec),
        ]),
      ),
    });
    revisions.push({
      revision: 3,
      hash: prevHash,
      createdAgo: 9 * 86400 + 7200,
      containers: prevContainers,
      ...(a.initContainers ? { initContainers: a.initContainers } : {}),
      ...((a.previousSpec ?? a.spec) ? { spec: a.previousSpec ?? a.spec } : {}),
      pods: a.history === 'regression' ? [healthy(0), healthy(1), healthy(2)] : [],
      replicas: a.history === 'regression' ? 3 : 0,
    });
    current.revision = 4;
  }
  revisions.push(current);
  const built = deployment(clock, {
    ns,
    name: app,
    revisions,
    ...(a.history === 'recreate' ? { strategy: 'Recreate' as const } : {}),
    ...(a.paused ? { paused: true } : {}),
    // Revisions 1-2 were pruned: only the newest older ReplicaSet is kept.
    ...(a.history !== 'single' ? { historyLimit: 1 } : {}),
    progress: a.history === 'settled' ? 'complete' : current.createdAgo > 600 ? 'deadline' : 'progressing',
  });
  const target = built.objects.find((o) => o.kind === 'Pod' && o.metadata.labels['pod-template-hash'] === hash)!;
  const podName = target.metadata.name as string;
  const focus = a.focus ?? (a.containers[0]!.name as string);
  const rollout: ExpectedScenario['rollout'] =
    a.rollout !== undefined
      ? a.rollout
      : a.history === 'single'
        ? { previousRevision: null, rollbackOffered: false }
        : a.history === 'settled'
          ? { previousRevision: 3, rollbackOffered: true, currentRevision: 4, failingOnNewest: true }
          : { previousRevision: 3, rollbackOffered: true, currentRevision: 4, failingOnNewest: true };
  const expected: ExpectedScenario = {
    target: { namespace: ns, name: podName, ...(a.requestContainer ? { container: a.requestContainer } : {}) },
    collectedAt: clock.collectedAt,
    cause: a.cause,
    container: focus,
    initContainer: !!a.focusInit,
    ...(a.detail ? { detail: a.detail } : {}),
    ...(rollout !== undefined ? { rollout } : {}),
    source: a.source,
    ...(a.hostile ? { hostile: true } : {}),
    ...(a.secrets ? { secrets: a.secrets } : {}),
  };
  return { dir: a.dir, expected, objects: [...built.objects, nodeJson], logs: { [podName]: a.logs } };
}

/** A crash-looping container: last instance exited `exitCode` after running `ran` s, `finishedAgo` s ago. */
export function crash(
  exitCode: number,
  o: { ran: number; finishedAgo: number; restarts: number; reason?: string; signal?: number; message?: string },
): StatusSpec {
  return {
    kind: 'crashloop',
    restarts: o.restarts,
    last: {
      exitCode,
      ran: o.ran,
      finishedAgo: o.finishedAgo,
      ...(o.reason ? { reason: o.reason } : {}),
      ...(o.signal !== undefined ? { signal: o.signal } : {}),
      ...(o.message ? { message: o.message } : {}),
    },
  };
}

export function runningFor(startedAgo: number, restarts = 0): StatusSpec {
  return { kind: 'running', startedAgo, restarts };
}
