/**
 * Scenario fixtures (test/fixtures/README.md): list them and load one into the RawObservation the real
 * collector would have read from the cluster, then into Evidence through the real assembly.
 * Objects go through the client's own ObjectSerializer, so timestamps are Dates exactly as the real
 * @kubernetes/client-node hands them to the collector.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { CoreV1Event, V1Node, V1ObjectMeta, V1OwnerReference, V1Pod, V1ReplicaSet } from '@kubernetes/client-node';
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import { assembleEvidence, type RawLogs, type RawObservation } from '../../src/collect/assemble.js';
import { focusLogState } from '../../src/collect/logs.js';
import { selectFocus } from '../../src/collect/select-container.js';
import type { CauseId, DependencyFailure } from '../../src/domain/cause-id.js';
import type { CollectNote, ContainerFocus, Evidence, OwnerChain } from '../../src/domain/evidence.js';

export const SCENARIOS_ROOT = 'test/fixtures/scenarios';

/** expected.json: what the diagnosis of this scenario must say. */
export interface ExpectedRollout {
  /** Revision a rollback goes to (null: there is none). Absent: not asserted. */
  previousRevision?: number | null;
  rollbackOffered: boolean;
  /** Revision of the crashing pod's ReplicaSet, when the scenario pins it. */
  currentRevision?: number;
  /** Whether the crashing pods run the Deployment's newest revision. */
  failingOnNewest?: boolean;
  /** Whether the Deployment is paused. */
  paused?: boolean;
}

export interface ExpectedScenario {
  target: { namespace: string; name: string; container?: string };
  /** ISO time, the frozen clock of the scenario. */
  collectedAt: string;
  cause: CauseId;
  container: string;
  initContainer: boolean;
  detail?: DependencyFailure;
  /** Absent: the scenario says nothing about rollout; null: no rollout info at all is expected. */
  rollout?: ExpectedRollout | null;
  /** Seed section or `synthetic: <what it models>`. */
  source: string;
  /** Log/event text that tries to break out of Slack formatting or leak secrets. */
  hostile?: boolean;
  /** Secret values planted in logs/objects that must never appear in evidence or a diagnosis. */
  secrets?: string[];
}

/** An object of the List as `kubectl get -o json` prints it. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: V1ObjectMeta & { name: string };
  [field: string]: unknown;
}

/** Log texts by pod, then container. `previous` absent: the API answers 400 for `--previous`. */
export type ScenarioLogs = Record<string, Record<string, { previous?: string; current?: string }>>;

export interface ScenarioRef {
  /** Path below the root with `/`, e.g. `oom-killed/java-heap`. */
  id: string;
  dir: string;
}

export interface LoadedScenario {
  id?: string;
  dir: string;
  expected: ExpectedScenario;
  objects: KubeObject[];
  logs: ScenarioLogs;
  raw: RawObservation;
  evidence: Evidence;
}

/** Every folder below root (at any depth) holding an expected.json, sorted by id. */
export function listScenarios(root: string = SCENARIOS_ROOT): ScenarioRef[] {
  const found: ScenarioRef[] = [];
  const walk = (dir: string): void => {
    if (existsSync(join(dir, 'expected.json'))) {
      found.push({ id: relative(root, dir).split(sep).join('/'), dir });
      return;
    }
    for (const entry of readdirSync(dir).sort()) {
      const child = join(dir, entry);
      if (statSync(child).isDirectory()) walk(child);
    }
  };
  if (existsSync(root)) walk(root);
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as Error).message}`);
  }
}

export function readObjects(dir: string): KubeObject[] {
  const list = readJson(join(dir, 'objects.json')) as { kind?: string; items?: KubeObject[] };
  if (list.kind !== 'List' || !Array.isArray(list.items)) throw new Error(`${dir}/objects.json is not a v1 List`);
  for (const item of list.items) {
    if (!item.kind || !item.metadata?.name) throw new Error(`${dir}/objects.json: an item lacks kind or metadata.name`);
  }
  return list.items;
}

export function readLogs(dir: string): ScenarioLogs {
  const logs: ScenarioLogs = {};
  const root = join(dir, 'logs');
  if (!existsSync(root)) return logs;
  for (const pod of readdirSync(root)) {
    const podDir = join(root, pod);
    if (!statSync(podDir).isDirectory()) continue;
    const byContainer: ScenarioLogs[string] = {};
    for (const file of readdirSync(podDir)) {
      const m = /^(.+?)(\.previous)?\.log$/.exec(file);
      if (!m?.[1]) continue;
      const entry = (byContainer[m[1]] ??= {});
      entry[m[2] ? 'previous' : 'current'] = readFileSync(join(podDir, file), 'utf8');
    }
    logs[pod] = byContainer;
  }
  return logs;
}

function des<T>(obj: KubeObject, type: string): T {
  return ObjectSerializer.deserialize(obj, type, '') as T;
}

function controllerRef(meta: V1ObjectMeta | undefined): V1OwnerReference | undefined {
  return meta?.ownerReferences?.find((r) => r.controller);
}

function revisionOf(rs: V1ReplicaSet): number {
  return Number(rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
}

function ownedBy(meta: V1ObjectMeta | undefined, kind: string, name: string, uid?: string): boolean {
  const ref = controllerRef(meta);
  return !!ref && ref.kind === kind && ref.name === name && (!uid || !ref.uid || ref.uid === uid);
}

/** Crash-looping first, then most restarts: the pod a workload name resolves to. */
function crashScore(pod: V1Pod): number {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const crashing = statuses.some((s) => /BackOff|Error/.test(s.state?.waiting?.reason ?? ''));
  const restarts = statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
  return (crashing ? 1e6 : 0) + restarts + (pod.status?.reason === 'Evicted' ? 1e5 : 0);
}

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicaSet'];

function resolvePod(pods: V1Pod[], objects: KubeObject[], rsList: V1ReplicaSet[], name: string): V1Pod {
  const exact = pods.find((p) => p.metadata?.name === name);
  if (exact) return exact;
  const workload = objects.find((o) => WORKLOAD_KINDS.includes(o.kind) && o.metadata.name === name);
  let candidates: V1Pod[] = [];
  if (workload?.kind === 'Deployment') {
    const rsNames = rsList.filter((rs) => ownedBy(rs.metadata, 'Deployment', name)).map((rs) => rs.metadata?.name);
    candidates = pods.filter((p) => rsNames.some((n) => n && ownedBy(p.metadata, 'ReplicaSet', n)));
  } else if (workload) {
    candidates = pods.filter((p) => ownedBy(p.metadata, workload.kind, name));
  } else {
    candidates = pods.filter((p) => p.metadata?.name?.startsWith(name));
  }
  const best = [...candidates].sort((a, b) => crashScore(b) - crashScore(a))[0];
  if (!best) throw new Error(`target "${name}" matches no pod, workload or pod-name prefix in the scenario`);
  return best;
}

function ownerChain(pod: V1Pod, objects: KubeObject[], rsList: V1ReplicaSet[]): OwnerChain {
  const ref = controllerRef(pod.metadata);
  const chain: OwnerChain = { replicaSets: [] };
  if (!ref) return chain;
  chain.controller = { kind: ref.kind, name: ref.name };
  const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
  const direct = find(ref.kind, ref.name);
  if (!direct) return chain;
  if (ref.kind === 'ReplicaSet') {
    const rs = des<V1ReplicaSet>(direct, 'V1ReplicaSet');
    chain.replicaSet = rs;
    const depRef = controllerRef(rs.metadata);
    const dep = depRef?.kind === 'Deployment' ? find('Deployment', depRef.name) : undefined;
    if (dep) {
      chain.deployment = des(dep, 'V1Deployment');
      chain.replicaSets = rsList
        .filter((rs) => ownedBy(rs.metadata, 'Deployment', dep.metadata.name, dep.metadata.uid))
        .sort((a, b) => revisionOf(b) - revisionOf(a));
    }
  } else if (ref.kind === 'StatefulSet') chain.statefulSet = des(direct, 'V1StatefulSet');
  else if (ref.kind === 'DaemonSet') chain.daemonSet = des(direct, 'V1DaemonSet');
  else if (ref.kind === 'Job') chain.job = des(direct, 'V1Job');
  return chain;
}

function siblingsOf(pod: V1Pod, pods: V1Pod[], owners: OwnerChain): V1Pod[] {
  const ref = controllerRef(pod.metadata);
  if (!ref) return [];
  const others = pods.filter((p) => p.metadata?.name !== pod.metadata?.name);
  if (owners.deployment) {
    // Same workload: pods of every ReplicaSet of the Deployment (what its label selector lists).
    const rsNames = new Set(owners.replicaSets.map((rs) => rs.metadata?.name));
    return others.filter((p) => {
      const r = controllerRef(p.metadata);
      return r?.kind === 'ReplicaSet' && rsNames.has(r.name);
    });
  }
  return others.filter((p) => ownedBy(p.metadata, ref.kind, ref.name, ref.uid));
}

/**
 * The focus container's logs as src/collect/logs.ts reads them: nothing (with a note) when it never
 * started; the current log when it never restarted; the previous instance when it restarted, else
 * (the API's 400) the current log with a note.
 */
function focusLogs(pod: V1Pod, focus: ContainerFocus, logs: ScenarioLogs, notes: CollectNote[]): RawLogs[] {
  const c = focus.name;
  const { started, restarted, notStarted, noPrevious } = focusLogState(pod, focus);
  const entry = logs[pod.metadata?.name ?? '']?.[c];
  if (!started) {
    notes.push(notStarted);
    return [];
  }
  if (restarted && entry?.previous !== undefined) return [{ container: c, previous: true, text: entry.previous }];
  if (restarted) notes.push(noPrevious);
  return [{ container: c, previous: false, text: entry?.current ?? '' }];
}

/** Build what the collector would have read for expected.target from the scenario's objects and logs. */
export function buildRaw(expected: ExpectedScenario, objects: KubeObject[], logs: ScenarioLogs): RawObservation {
  const ns = expected.target.namespace;
  const inNs = objects.filter((o) => o.kind === 'Node' || o.metadata.namespace === ns);
  const pods = inNs.filter((o) => o.kind === 'Pod').map((o) => des<V1Pod>(o, 'V1Pod'));
  const rsList = inNs.filter((o) => o.kind === 'ReplicaSet').map((o) => des<V1ReplicaSet>(o, 'V1ReplicaSet'));
  const pod = resolvePod(pods, inNs, rsList, expected.target.name);
  const podName = pod.metadata?.name ?? '';
  const podUid = pod.metadata?.uid;
  const events = inNs
    .filter((o) => o.kind === 'Event')
    .map((o) => des<CoreV1Event>(o, 'CoreV1Event'))
    .filter((e) => {
      const io = e.involvedObject;
      return io.kind === 'Pod' && io.name === podName && (!io.uid || !podUid || io.uid === podUid);
    });
  const owners = ownerChain(pod, inNs, rsList);
  const nodeObj = inNs.find((o) => o.kind === 'Node' && o.metadata.name === pod.spec?.nodeName);
  const notes: CollectNote[] = [];
  const focus = selectFocus(pod, expected.target.container);
  const raw: RawObservation = {
    collectedAt: expected.collectedAt,
    namespace: ns,
    pod,
    events,
    logs: focusLogs(pod, focus, logs, notes),
    owners,
    siblings: siblingsOf(pod, pods, owners),
    notes,
  };
  if (expected.target.container) raw.requestedContainer = expected.target.container;
  if (nodeObj) raw.node = des<V1Node>(nodeObj, 'V1Node');
  return raw;
}

export function readExpected(dir: string): ExpectedScenario {
  const expected = readJson(join(dir, 'expected.json')) as ExpectedScenario;
  if (!expected.target?.namespace || !expected.target?.name || !expected.collectedAt || !expected.cause) {
    throw new Error(`${dir}/expected.json lacks target.namespace, target.name, collectedAt or cause`);
  }
  return expected;
}

export function loadScenario(dir: string): LoadedScenario {
  const expected = readExpected(dir);
  const objects = readObjects(dir);
  const logs = readLogs(dir);
  const raw = buildRaw(expected, objects, logs);
  return { dir, expected, objects, logs, raw, evidence: assembleEvidence(raw) };
}
