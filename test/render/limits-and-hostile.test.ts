/**
 * Every message the bot can post stays within Slack's limits, even for a huge diagnosis, and nothing
 * from the cluster can become a mention, a broadcast or a link, or leak a secret.
 */
import { describe, expect, it } from 'vitest';
import { encodeButtonValue } from '../../src/domain/button-value.js';
import {
  actionFailedReply,
  actionRecordReply,
  alertUpdateReply,
  diagnosisMessage,
  errorMessage,
  helpMessage,
  resolvedReply,
  rolloutStatusReply,
  rootMessage,
  type SlackMessage,
} from '../../src/render/slack/index.js';
import { controlSequences, limitViolations, plainTexts } from './check-slack-message.js';
import { HOSTILE, hostile, huge } from './sample-diagnoses.js';

const evil = Object.values(HOSTILE).join(' ');
const long = (n: number) => `${evil} ${'&<>'.repeat(n)}`;

function everyMessage(text: (n: number) => string): Array<[string, SlackMessage]> {
  const t = text(3000);
  const pods = Array.from({ length: 200 }, (_, i) => `${text(50)}-${i}`);
  const target = { namespace: t, name: t, container: t };
  return [
    ['root alert', rootMessage({ target, trigger: 'alert', alertName: t, workload: t, state: 'investigating', replicas: pods, firingSince: t })],
    ['root slash', rootMessage({ target, trigger: 'slash-command', requestedBy: 'U0FAKEUSER1', state: 'diagnosed', cause: 'oom-killed', workload: t })],
    ['root resolved', rootMessage({ target, trigger: 'alert', alertName: t, state: 'resolved', replicas: pods, firingSince: '2026-01-01T00:00:00Z', resolvedAt: '2026-01-01T00:12:00Z' })],
    ['alert update', alertUpdateReply({ newPods: pods, totalPods: 203, alertName: t })],
    ['resolved', resolvedReply({ target, workload: t, alertName: t, firingSince: t, resolvedAt: t })],
    ['error', errorMessage({ title: t, detail: t, hint: t })],
    ['record', actionRecordReply({ userId: 'U0FAKEUSER1', action: 'rollback', namespace: t, deployment: t, fromRevision: 7, toRevision: 6, fromImages: pods, toImages: pods })],
    ['record pause', actionRecordReply({ userId: 'U0FAKEUSER1', action: 'pause_rollout', namespace: t, deployment: t, fromRevision: 7 })],
    ...(['forbidden', 'not-found', 'conflict', 'stale', 'paused', 'timeout', 'error'] as const).map(
      (reason): [string, SlackMessage] => [
        `failed ${reason}`,
        actionFailedReply({ action: 'rollback', namespace: t, deployment: t, reason, detail: t, resumeValue: encodeButtonValue({ ns: 'a', pod: 'b' }) }),
      ],
    ),
    ['rollout status', rolloutStatusReply({ namespace: t, deployment: t, revision: 8, outcome: 'failed', readyReplicas: 1, replicas: 3, seconds: 600, detail: t })],
    ['help', helpMessage({ defaultNamespace: t })],
  ];
}

describe('Slack limits', () => {
  it('a huge diagnosis still fits: <=50 blocks, sections <=3000, header <=150, buttons and confirms within limits', () => {
    for (const enabled of [true, false]) {
      const msg = diagnosisMessage(huge(), { actions: { enabled, hint: 'x'.repeat(5000) }, durationMs: 1e9 });
      expect(limitViolations(msg)).toEqual([]);
      expect(msg.blocks.length).toBeLessThanOrEqual(50);
      expect(msg.blocks.at(-1)?.type).toBe('actions'); // the buttons survive shortening
    }
  });

  it.each(everyMessage(long))('%s stays within limits with huge hostile input', (_name, msg) => {
    expect(limitViolations(msg)).toEqual([]);
  });
});

describe('hostile cluster text', () => {
  const allowed = (seq: string) => seq === '<@U0FAKEUSER1>' || seq.startsWith('<!date^');

  it('the diagnosis message escapes mentions, links and & everywhere, and redacts secrets', () => {
    const msg = diagnosisMessage(hostile(), { actions: { enabled: true } });
    expect(controlSequences(msg).filter((s) => !allowed(s))).toEqual([]);
    const json = JSON.stringify(msg);
    expect(json).toContain('&lt;!channel&gt; wake up');
    expect(json).toContain('ping &lt;@U123ABC&gt;');
    expect(json).toContain('see &lt;https://evil.example/login|your SSO&gt;');
    expect(json).toContain('a &amp; b &lt;tag&gt;');
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain('ab12cd34ef56gh78');
    for (const p of plainTexts(msg)) expect(p).not.toMatch(/[<>]/);
    expect(msg.text).not.toMatch(/<[!@#h]/);
  });

  it('the fallback text (which Slack parses for mentions) is escaped too', () => {
    const msg = diagnosisMessage(hostile(), { actions: { enabled: true } });
    expect(msg.text).toContain('&lt;!channel&gt;');
  });

  it.each(everyMessage(() => evil))('%s turns no cluster text into a mention or link', (_name, msg) => {
    expect(controlSequences(msg).filter((s) => !allowed(s))).toEqual([]);
    for (const p of plainTexts(msg)) expect(p).not.toMatch(/[<>]/);
    expect(JSON.stringify(msg)).not.toContain('hunter2');
  });
});
