/**
 * Every scenario fixture (test/fixtures/scenarios/<cause-id>/<name>/) through the real evidence assembly and
 * the pure diagnosis: the diagnosis must agree with the scenario's expected.json. No per-scenario cases here;
 * a scenario states its truth in expected.json.
 */
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../../src/domain/cause-id.js';
import type { Diagnosis } from '../../src/domain/diagnosis.js';
import type { Evidence } from '../../src/domain/evidence.js';
import { listScenarios, loadScenario, type ExpectedScenario } from '../support/scenarios.js';

const scenarios = listScenarios();

type Diagnose = (evidence: Evidence) => Diagnosis;
// diagnose.ts is written in parallel; a variable specifier keeps this file typechecking until it lands.
const DIAGNOSE_MODULE = '../../src/diagnose/diagnose.js';
const diagnose: Diagnose | undefined = await import(/* @vite-ignore */ DIAGNOSE_MODULE)
  .then((m: { diagnose: Diagnose }) => m.diagnose)
  .catch(() => undefined);

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

  it.each(scenarios)('$id: loads, names its folder cause, and the collector focuses the expected container', ({ id, dir }) => {
    const { expected, evidence } = loadScenario(dir);
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
  });
});

describe.skipIf(!diagnose)('diagnose(scenario) agrees with expected.json', () => {
  it.each(scenarios)('$id', ({ dir }) => {
    const { expected, evidence } = loadScenario(dir);
    const d = diagnose!(evidence);
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
  });
});
