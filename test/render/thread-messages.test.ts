import { describe, expect, it } from 'vitest';
import { encodeButtonValue } from '../../src/domain/button-value.js';
import {
  actionFailedReply,
  actionRecordReply,
  alertUpdateReply,
  errorMessage,
  helpMessage,
  resolvedReply,
  rolloutStatusReply,
  rootMessage,
} from '../../src/render/slack/index.js';
import { allText, buttons } from './check-slack-message.js';

const target = { namespace: 'shop', name: 'api-7f9c-x2x4q' };

describe('rootMessage', () => {
  it('slash command: names the target and who asked', () => {
    const msg = rootMessage({ target, trigger: 'slash-command', requestedBy: 'U0FAKEUSER1', state: 'investigating' });
    expect(allText(msg)).toContain(':mag: <@U0FAKEUSER1> asked why `api-7f9c-x2x4q` in `shop` is crash-looping');
    expect(allText(msg)).toContain('status: *investigating…*');
    expect(msg.text).toBe('Crash-loop diagnosis for api-7f9c-x2x4q in shop');
  });

  it('alert: alert name, workload, pods affected, firing since, cause once diagnosed', () => {
    const msg = rootMessage({
      target,
      trigger: 'alert',
      alertName: 'KubePodCrashLooping',
      workload: 'Deployment/api',
      state: 'diagnosed',
      cause: 'oom-killed',
      replicas: ['api-1', 'api-2', 'api-3'],
      firingSince: '2026-12-02T01:00:00Z',
    });
    const text = allText(msg);
    expect(text).toContain(':rotating_light: *KubePodCrashLooping* · `Deployment/api` in `shop`');
    expect(text).toContain('3 pods affected: `api-1`, `api-2`, `api-3`');
    expect(text).toContain('cause: `oom-killed`');
    expect(text).toContain('firing since <!date^1796173200^');
    expect(msg.text).toBe('KubePodCrashLooping: Deployment/api in shop (cause: oom-killed)');
  });

  it('resolved: visibly resolved, state struck through, how long it fired', () => {
    const msg = rootMessage({
      target,
      trigger: 'alert',
      alertName: 'KubePodCrashLooping',
      workload: 'Deployment/api',
      state: 'resolved',
      firingSince: '2026-12-02T01:00:00Z',
      resolvedAt: '2026-12-02T01:12:00Z',
    });
    const text = allText(msg);
    expect(text).toContain(':white_check_mark: *Resolved* · ~KubePodCrashLooping~');
    expect(text).toContain('Stopped firing after 12m.');
    expect(msg.text).toBe('Resolved: Deployment/api in shop');
  });

  it('lists at most five pods and counts the rest', () => {
    const replicas = Array.from({ length: 8 }, (_, i) => `api-${i}`);
    expect(allText(rootMessage({ target, trigger: 'alert', state: 'investigating', replicas }))).toContain('8 pods affected: `api-0`, `api-1`, `api-2`, `api-3`, `api-4` and 3 more');
  });
});

describe('thread replies', () => {
  it('alert update says more replicas joined, without a new diagnosis', () => {
    const msg = alertUpdateReply({ newPods: ['api-2', 'api-3'], totalPods: 3 });
    expect(msg.text).toBe('2 more pods crash-looping: `api-2`, `api-3` (3 pods in this episode). Same workload, so no new diagnosis; the one above applies.');
  });
  it('resolved reply says for what and after how long', () => {
    const msg = resolvedReply({ target, workload: 'Deployment/api', alertName: 'KubePodCrashLooping', firingSince: '2026-12-02T01:00:00Z', resolvedAt: '2026-12-02T02:30:00Z' });
    expect(allText(msg)).toContain(':white_check_mark: *KubePodCrashLooping* resolved for `Deployment/api` in `shop` after 1h 30m.');
  });
});

describe('actionRecordReply', () => {
  it('mentions the user and says exactly what the rollback did', () => {
    const msg = actionRecordReply({ userId: 'U1ALICE', action: 'rollback', namespace: 'shop', deployment: 'api', fromRevision: 7, toRevision: 6, fromImages: ['api:1.4.2'], toImages: ['registry.io/x/api:1.4.1'] });
    expect(msg.text).toBe('<@U1ALICE> rolled back shop/api from revision 7 (api:1.4.2) to revision 6 (api:1.4.1)');
    expect(allText(msg)).toContain(':leftwards_arrow_with_hook: <@U1ALICE> rolled back');
  });
  it('words pause, resume and re-run', () => {
    const base = { userId: 'U1ALICE', namespace: 'shop', deployment: 'api', fromRevision: 7 };
    expect(actionRecordReply({ ...base, action: 'pause_rollout' }).text).toBe('<@U1ALICE> paused the rollout of shop/api at revision 7');
    expect(actionRecordReply({ ...base, action: 'resume_rollout' }).text).toBe('<@U1ALICE> resumed the rollout of shop/api (at revision 7)');
    expect(actionRecordReply({ ...base, action: 'rediagnose' }).text).toBe('<@U1ALICE> asked for a fresh diagnosis of shop/api');
  });
});

describe('actionFailedReply', () => {
  const base = { action: 'rollback' as const, namespace: 'shop', deployment: 'api', detail: 'from the API' };
  it.each([
    ['forbidden', 'RBAC answered 403', 'Nothing was changed.'],
    ['not-found', 'no longer exists', 'Nothing was changed.'],
    ['conflict', '409 conflict', 'Nothing was changed.'],
    ['stale', 'Re-run the diagnosis', 'Nothing was changed.'],
    ['paused', 'resume it first', 'Nothing was changed.'],
    ['timeout', 'did not answer in time', 'It may not have been applied.'],
    ['error', 'answered with an error', 'Nothing was changed.'],
  ] as const)('%s: says why and whether anything changed', (reason, why, changed) => {
    const msg = actionFailedReply({ ...base, reason });
    const text = allText(msg);
    expect(text).toContain(':x: Could not roll back `shop/api`.');
    expect(text).toContain(why);
    expect(text).toContain(changed);
    expect(text).toContain(`reason: \`${reason}\``);
    expect(text).toContain('`from the API`');
  });
  it('offers a confirmed resume button for a paused Deployment', () => {
    const resumeValue = encodeButtonValue({ ns: 'shop', pod: 'api-1', d: 'api', from: 7 });
    const [resume] = buttons(actionFailedReply({ ...base, reason: 'paused', resumeValue }));
    expect(resume).toMatchObject({ action_id: 'resume_rollout', value: resumeValue, confirm: { title: { text: 'Resume shop/api?' } } });
  });
});

describe('rolloutStatusReply', () => {
  it('complete, with whether the new pods stayed up past the crash point', () => {
    const msg = rolloutStatusReply({ namespace: 'shop', deployment: 'api', revision: 8, outcome: 'complete', readyReplicas: 3, replicas: 3, seconds: 41, stayedUpPastSeconds: 38 });
    expect(msg.text).toBe('Rollout of `deployment/api` to revision 8 complete: 3/3 pods ready after 41s.');
    expect(allText(msg)).toContain('the new pods stayed up past 38s, when the old ones crashed');
  });
  it('failed and timeout say so and how to watch it', () => {
    const failed = rolloutStatusReply({ namespace: 'shop', deployment: 'api', revision: 8, outcome: 'failed', readyReplicas: 1, replicas: 3, seconds: 600, detail: 'ProgressDeadlineExceeded' });
    expect(allText(failed)).toContain(':x: Rollout of `deployment/api` to revision 8 failed: 1/3 pods ready after 10m.');
    expect(allText(failed)).toContain('`kubectl -n shop rollout status deployment/api`');
    const timeout = rolloutStatusReply({ namespace: 'shop', deployment: 'api', revision: 8, outcome: 'timeout', readyReplicas: 2, replicas: 3, seconds: 300 });
    expect(allText(timeout)).toContain('not finished: 2/3 pods ready after 5m.');
  });
});

describe('errorMessage and helpMessage', () => {
  it('error: title, detail and hint, with user input escaped', () => {
    const msg = errorMessage({ title: 'No such pod', detail: 'pod "<!here>" not found in shop', hint: 'Try `/crashloop api -n shop`.' });
    expect(allText(msg)).toContain(':warning: *No such pod*\npod "&lt;!here&gt;" not found in shop');
    expect(allText(msg)).toContain('Try `/crashloop api -n shop`.');
    expect(msg.text).toBe('No such pod: pod "&lt;!here&gt;" not found in shop');
  });
  it('help shows usage with escaped angle brackets and examples', () => {
    const msg = helpMessage();
    expect(allText(msg)).toContain('`/crashloop &lt;pod|workload&gt; [-n namespace] [-c container]`');
    expect(allText(msg)).toContain('/crashloop help');
    expect(allText(msg)).not.toContain('Without `-n`');
    expect(allText(helpMessage({ defaultNamespace: 'prod' }))).toContain('Without `-n` the namespace is `prod`.');
  });
});
