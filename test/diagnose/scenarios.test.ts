/**
 * Every scenario fixture (test/fixtures/scenarios/<cause-id>/<name>/) through the real evidence assembly and
 * the pure diagnosis: the diagnosis must agree with the scenario's expected.json. No per-scenario cases here;
 * a scenario states its truth in expected.json.
 */
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../../src/domain/cause-id.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import type { Diagnosis } from '../../src/domain/diagnosis.js';
import { buildRaw, listScenarios, loadScenario, type ExpectedScenario } from '../support/scenarios.js';

const scenarios = listScenarios();

function isoStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value)) out.push(value);
  else if (Array.isArray(value)) for (const v of value) isoStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) isoStrings(v, out);
  return out;
}

/** The diagnosis's rollout, reduced to the fields the scenario states. */
function rolloutView(d: Diagnosis, want: NonNullable<ExpectedScenario['rollout']>): Record<string, unknown> | null {
  const r = d.rollout;
  if (!r) return null;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(want) as Array<keyof typeof want>) out[key] = r[key];
  return out;
}

describe('scenario fixtures', () => {
  it('exist for every cause id of the taxonomy', () => {
    const causes = new Set(scenarios.map((s) => s.id.split('/')[0]));
    const missing = CAUSE_IDS.filter((id) => !causes.has(id));
    expect(missing).toEqual([]);
  });

  for (const { id, dir } of scenarios) it(`${id}: loads, names its folder cause, the collector focuses the expected container`, () => {
    const { expected, evidence, objects, logs } = loadScenario(dir);
    expect(expected.cause).toBe(id.split('/')[0]);
    expect(evidence.pod.metadata?.namespace).toBe(expected.target.namespace);
    expect({ name: evidence.focus.name, init: evidence.focus.init }).toEqual({
      name: expected.container,
      init: expected.initContainer,
    });
    expect(evidence.events.length).toBeGreaterThan(0);
    for (const secret of expected.secrets ?? []) {
      expect(JSON.stringify(evidence.logs)).not.toContain(secret);
    }
    if (expected.hostile) expect(JSON.stringify(logs)).toContain('<!channel>');
    // Nothing in the cluster happened after the frozen clock.
    const late = isoStrings(objects).filter((t) => Date.parse(t) > Date.parse(expected.collectedAt));
    expect(late).toEqual([]);
  });
});

describe('diagnose(scenario) agrees with expected.json', () => {
  for (const { id, dir } of scenarios) it(id, () => {
    const { expected, evidence } = loadScenario(dir);
    const d = diagnose(evidence);
    const pick = (x: { cause: string; container: string; initContainer: boolean; detail?: string | null }) => ({
      cause: x.cause,
      container: x.container,
      initContainer: x.initContainer,
      ...(expected.detail ? { detail: x.detail } : {}),
    });
    expect(pick(d)).toEqual(pick(expected));
    if (expected.rollout === null) expect(d.rollout).toBeNull();
    else if (expected.rollout) expect(rolloutView(d, expected.rollout)).toEqual(expected.rollout);
    for (const secret of expected.secrets ?? []) expect(JSON.stringify(d)).not.toContain(secret);
    // Each fact is quoted once: the reader should not see the same line twice.
    const texts = d.evidence.map((e) => e.text);
    expect(texts.length).toBe(new Set(texts).size);
  });
});

describe('scenario loader (test/support/scenarios.ts)', () => {
  const regression = 'test/fixtures/scenarios/liveness-probe-failure/python-app-announces-other-port';

  it('resolves a workload name or a pod-name prefix to the crash-looping pod, as the collector does', () => {
    const { expected, objects, logs, raw } = loadScenario(regression);
    const byWorkload = buildRaw({ ...expected, target: { namespace: expected.target.namespace, name: 'recommender' } }, objects, logs);
    expect(byWorkload.pod.metadata?.name).toBe(raw.pod.metadata?.name);
    const prefix = raw.pod.metadata!.name!.slice(0, -3);
    expect(buildRaw({ ...expected, target: { namespace: expected.target.namespace, name: prefix } }, objects, logs).pod.metadata?.name).toBe(raw.pod.metadata?.name);
    expect(() => buildRaw({ ...expected, target: { namespace: expected.target.namespace, name: 'nope' } }, objects, logs)).toThrow(/matches no pod/);
  });

  it('reads the owner chain, the revision history newest first, the siblings and the node', () => {
    const { raw } = loadScenario(regression);
    expect(raw.owners.controller?.kind).toBe('ReplicaSet');
    expect(raw.owners.deployment?.metadata?.name).toBe('recommender');
    const revisions = raw.owners.replicaSets.map((rs) => rs.metadata?.annotations?.['deployment.kubernetes.io/revision']);
    expect(revisions).toEqual(['4', '3']);
    // the three healthy pods of revision 3 are the crashing pod's siblings
    expect(raw.siblings.filter((p) => p.metadata?.labels?.['pod-template-hash'] !== raw.pod.metadata?.labels?.['pod-template-hash'])).toHaveLength(3);
    expect(raw.node?.metadata?.name).toBe(raw.pod.spec?.nodeName);
    // client models, as the real client hands them over
    expect(raw.pod.metadata?.creationTimestamp).toBeInstanceOf(Date);
  });

  it('takes the focus container’s previous log, or notes why there is none', () => {
    const withPrevious = loadScenario(regression).raw;
    expect(withPrevious.logs).toEqual([expect.objectContaining({ container: 'recommender', previous: true })]);
    const neverStarted = loadScenario('test/fixtures/scenarios/missing-config/seed-secret-not-found').raw;
    expect(neverStarted.logs).toEqual([]);
    expect(neverStarted.notes).toEqual([expect.objectContaining({ source: 'logs', kind: 'info', message: expect.stringContaining('has not started yet (CreateContainerConfigError)') })]);
    const init = loadScenario('test/fixtures/scenarios/dependency-unavailable/init-wait-for-postgres-dns').raw;
    expect(init.logs.map((l) => [l.container, l.previous])).toEqual([['wait-for-postgres', true]]);
  });

  it('lists scenarios at any depth, heldout-style roots included', () => {
    const ids = listScenarios('test/fixtures/scenarios/oom-killed').map((s) => s.id);
    expect(ids).toContain('seed-runbook-api');
    expect(listScenarios('test/fixtures/does-not-exist')).toEqual([]);
  });
});
