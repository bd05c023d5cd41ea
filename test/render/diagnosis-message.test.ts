import { describe, expect, it } from 'vitest';
import { decodeButtonValue } from '../../src/domain/button-value.js';
import { diagnosisMessage, withoutActions } from '../../src/render/slack/index.js';
import { allText, buttons, controlSequences, limitViolations } from './check-slack-message.js';
import { dnsFailure, initContainerPaused, oomAfterRollout } from './sample-diagnoses.js';

const enabled = { actions: { enabled: true } };

describe('diagnosisMessage', () => {
  it('renders the OOM-after-rollout diagnosis (snapshot)', () => {
    expect(diagnosisMessage(oomAfterRollout(), { ...enabled, durationMs: 2140 })).toMatchSnapshot();
  });
  it('renders a DNS failure without a rollout and with actions off (snapshot)', () => {
    expect(diagnosisMessage(dnsFailure(), { actions: { enabled: false, hint: 'Set ACTION_APPROVERS.' } })).toMatchSnapshot();
  });

  it('leads with pod, state and the cause, and makes the cause id searchable', () => {
    const msg = diagnosisMessage(oomAfterRollout(), enabled);
    expect(msg.blocks[0]).toMatchObject({ type: 'header', text: { text: '🔴 prod/payments-api-7f9c6d5b8-x2x4q · CrashLoopBackOff' } });
    expect(JSON.stringify(msg.blocks[1])).toContain('*payments-api is being OOM-killed*');
    expect(msg.blocks[2]).toMatchObject({ type: 'context' });
    expect(JSON.stringify(msg.blocks[2])).toContain('cause: `oom-killed`');
    expect(JSON.stringify(msg.blocks[2])).toContain('confidence: *high* (93%)');
    expect(msg.text).toBe('prod/payments-api-7f9c6d5b8-x2x4q: payments-api is being OOM-killed (cause: oom-killed, high confidence)');
  });

  it('shows the key facts as fields', () => {
    const msg = diagnosisMessage(oomAfterRollout(), enabled);
    const fieldsBlock = msg.blocks.find((b) => b.type === 'section' && b.fields);
    const labels = (fieldsBlock as { fields: Array<{ text: string }> }).fields.map((f) => f.text.split('\n')[0]);
    expect(labels).toEqual(['*Container*', '*Last exit*', '*Restarts*', '*Ran for*', '*Node*', '*Owner*', '*Memory limit*', '*Image*']);
    const text = allText(msg);
    expect(text).toContain('`137` · OOMKilled');
    expect(text).toContain('5 in 10m');
    expect(text).toContain('38s before it exited');
    expect(text).toContain('`Deployment/payments-api` · revision 5');
  });

  it('quotes the evidence, the log excerpt in a code block, and the remedy commands in a code block', () => {
    const text = allText(diagnosisMessage(oomAfterRollout(), enabled));
    expect(text).toContain('• lastState.terminated: reason OOMKilled, exit code 137, ran 38s');
    expect(text).toMatch(/```\n2026-12-02T01:02:11Z INFO {2}starting payments-api[\s\S]*available 14Mi &amp; gc stalled\n```/);
    expect(text).toContain('```\nkubectl -n prod rollout undo deployment/payments-api --to-revision=4\n');
  });

  it('says what changed in the rollout and how the older revision ran', () => {
    const text = allText(diagnosisMessage(oomAfterRollout(), enabled));
    expect(text).toContain('went from revision 4 to 5');
    expect(text).toContain('• env CACHE_WARMUP added');
    expect(text).toContain(':white_check_mark: Before it, revision 4 (payments-api:2.13.2): its pods ran 9 days');
  });

  it('offers rollback with a danger confirm that says exactly what will happen, plus pause and re-run', () => {
    const msg = diagnosisMessage(oomAfterRollout(), enabled);
    const [rollback, pause, rerun] = buttons(msg);
    expect(buttons(msg).map((b) => b.action_id)).toEqual(['rollback', 'pause_rollout', 'rediagnose']);
    expect(rollback).toMatchObject({
      style: 'danger',
      text: { text: 'Roll back to revision 4' },
      confirm: {
        title: { text: 'Roll back prod/payments-api?' },
        text: { text: 'Roll back Deployment prod/payments-api from revision 5 (payments-api:2.14.0) to revision 4 (payments-api:2.13.2)?' },
        style: 'danger',
      },
    });
    expect(decodeButtonValue(rollback!.value!)).toEqual({ v: 1, ns: 'prod', pod: 'payments-api-7f9c6d5b8-x2x4q', c: 'api', d: 'payments-api', from: 5, to: 4 });
    expect(pause!.confirm?.text?.text).toContain('Pause the rollout of Deployment prod/payments-api at revision 5');
    expect(decodeButtonValue(pause!.value!)).toMatchObject({ d: 'payments-api', from: 5 });
    expect(rerun!.confirm).toBeUndefined();
    expect(decodeButtonValue(rerun!.value!)).toEqual({ v: 1, ns: 'prod', pod: 'payments-api-7f9c6d5b8-x2x4q', c: 'api' });
  });

  it('offers resume instead of pause on a paused rollout, and no rollback when none is offered', () => {
    const msg = diagnosisMessage(initContainerPaused(), enabled);
    expect(buttons(msg).map((b) => b.action_id)).toEqual(['resume_rollout', 'rediagnose']);
    expect(allText(msg)).toContain('No rollback offered');
    expect(allText(msg)).toContain('The rollout is *paused*');
    expect(allText(msg)).toContain('*Init container*');
  });

  it('shows the notes (what could not be read)', () => {
    expect(allText(diagnosisMessage(initContainerPaused(), enabled))).toContain(':warning: Events could not be read (forbidden)');
  });

  it('with actions off: no cluster-changing buttons, a hint how to turn them on, re-run kept', () => {
    const msg = diagnosisMessage(oomAfterRollout(), { actions: { enabled: false, hint: 'Ask an admin to set ACTION_APPROVERS.' } });
    expect(buttons(msg).map((b) => b.action_id)).toEqual(['rediagnose']);
    expect(allText(msg)).toContain('Rollback and pause buttons are off. Ask an admin to set ACTION_APPROVERS.');
  });

  it('has only the re-run button when there is no rollout', () => {
    expect(buttons(diagnosisMessage(dnsFailure(), enabled)).map((b) => b.action_id)).toEqual(['rediagnose']);
  });

  it('stays within limits and contains no control sequences for every sample', () => {
    for (const d of [oomAfterRollout(), dnsFailure(), initContainerPaused()]) {
      for (const actions of [{ enabled: true }, { enabled: false }]) {
        const msg = diagnosisMessage(d, { actions, durationMs: 1234 });
        expect(limitViolations(msg)).toEqual([]);
        expect(controlSequences(msg).every((s) => s.startsWith('<!date^'))).toBe(true);
      }
    }
  });
});

describe('withoutActions', () => {
  it('removes stale cluster-changing buttons and the hint, keeps re-run, and says who acted', () => {
    const posted = diagnosisMessage(oomAfterRollout(), enabled);
    const blocks = withoutActions(posted.blocks, { userId: 'U0FAKEUSER1', text: 'rolled back to revision 4' });
    const msg = { text: posted.text, blocks };
    expect(buttons(msg).map((b) => b.action_id)).toEqual(['rediagnose']);
    expect(allText(msg)).toContain('<@U0FAKEUSER1> rolled back to revision 4');
    expect(limitViolations(msg)).toEqual([]);
  });
  it('can remove every button', () => {
    const posted = diagnosisMessage(oomAfterRollout(), { actions: { enabled: false } });
    const blocks = withoutActions(posted.blocks, undefined, 'none');
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(allText({ text: '', blocks })).not.toContain('buttons are off');
  });
  it('escapes the note text', () => {
    const blocks = withoutActions(diagnosisMessage(dnsFailure(), enabled).blocks, { text: '<!channel>' });
    expect(allText({ text: '', blocks })).toContain('&lt;!channel&gt;');
  });
});

describe('diagnosisMessage rollout section', () => {
  it('is left out for a single-revision Deployment with nothing to tell, pause still offered', () => {
    const d = oomAfterRollout();
    const single = { ...d, rollout: { ...d.rollout!, previousRevision: null, changes: [], rollbackOffered: false, currentRevision: 1, deploymentRevision: 1 } };
    const msg = diagnosisMessage(single, enabled);
    expect(allText(msg)).not.toContain('*Rollout');
    expect(buttons(msg).map((b) => b.action_id)).toEqual(['pause_rollout', 'rediagnose']);
  });
});
