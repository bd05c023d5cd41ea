/**
 * Every scenario fixture, diagnosed by the real engine, renders within Slack's limits in every
 * format, shows its cause id, and (for hostile ones) leaks no mention, link or planted secret.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { render } from '../../src/render/index.js';
import { diagnosisMessage } from '../../src/render/slack/index.js';
import { listScenarios, loadScenario } from '../support/scenarios.js';
import { allText, controlSequences, limitViolations } from './check-slack-message.js';

const scenarios = listScenarios();

describe('rendering every scenario', () => {
  it('has scenarios', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  it.each(scenarios.map((s) => [s.id, s.dir] as const))('%s', (_id, dir) => {
    const scenario = loadScenario(dir);
    const d = diagnose(scenario.evidence);
    const outputs: string[] = [];
    for (const enabled of [true, false]) {
      const msg = diagnosisMessage(d, { actions: { enabled, hint: 'Set ACTION_APPROVERS.' }, durationMs: 500 });
      expect(limitViolations(msg)).toEqual([]);
      expect(allText(msg)).toContain(`cause: \`${d.cause}\``);
      expect(controlSequences(msg).filter((s) => !s.startsWith('<!date^'))).toEqual([]);
      outputs.push(JSON.stringify(msg));
    }
    const json = JSON.parse(render(d, 'json'));
    expect(json.cause).toBe(d.cause);
    expect(json.pod).toBe(d.pod);
    const text = render(d, 'text');
    expect(text).toContain(`cause: ${d.cause}`);
    outputs.push(render(d, 'json'), text);
    for (const secret of scenario.expected.secrets ?? []) {
      for (const out of outputs) expect(out).not.toContain(secret);
    }
  });
});
