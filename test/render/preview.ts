/**
 * Look at the messages without Slack: renders sample threads to slackview's JSON and, when slackview
 * is present, to HTML/PNG.
 *   npm run preview:slack -- [out-dir] [scenario-id ...]     (default /tmp/crashloop-preview)
 * Scenario ids (e.g. oom-killed/seed-runbook-api) are diagnosed by the real engine and shown too.
 * Not a test; a design aid. Needs chromium for the PNG (see /work/shared/tools/slackview/README.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src/diagnose/diagnose.js';
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
  withoutActions,
  type SlackMessage,
} from '../../src/render/slack/index.js';
import { loadScenario, SCENARIOS_ROOT } from '../support/scenarios.js';
import { dnsFailure, hostile, huge, initContainerPaused, oomAfterRollout } from './sample-diagnoses.js';

const SLACKVIEW = '/work/shared/tools/slackview/render.mjs';
const ALICE = 'U0FAKEUSER1';
const BOB = 'U0FAKEUSER2';
const out = process.argv[2] ?? '/tmp/crashloop-preview';
const scenarioIds = process.argv.slice(3);
mkdirSync(out, { recursive: true });

let clock = 1_764_637_800; // 2025-12-02 01:10 UTC
const bot = (m: SlackMessage, extra: Record<string, unknown> = {}) => ({ bot_id: 'B0FAKEBOT', ts: `${clock++}.000100`, ...m, ...extra });

function alertThread(resolved: boolean) {
  const oom = oomAfterRollout();
  const target = { namespace: 'prod', name: oom.pod };
  const replicas = [oom.pod, 'payments-api-7f9c6d5b8-9qrst', 'payments-api-7f9c6d5b8-m3n4p'];
  const root = bot(
    rootMessage({
      target,
      trigger: 'alert',
      alertName: 'KubePodCrashLooping',
      workload: 'Deployment/payments-api',
      state: resolved ? 'resolved' : 'diagnosed',
      cause: 'oom-killed',
      replicas,
      firingSince: '2025-12-02T00:55:00Z',
      ...(resolved ? { resolvedAt: '2025-12-02T01:07:00Z' } : {}),
    }),
    resolved ? { edited: true } : {},
  );
  const msg = diagnosisMessage(oom, { actions: { enabled: true }, durationMs: 2140 });
  const diag = resolved
    ? { ...msg, blocks: withoutActions(msg.blocks, { userId: ALICE, text: 'rolled back to revision 4' }), edited: true }
    : msg;
  const replies: SlackMessage[] = [diag, alertUpdateReply({ newPods: replicas.slice(1), totalPods: 3, alertName: 'KubePodCrashLooping' })];
  if (resolved) {
    replies.push(
      actionRecordReply({ userId: ALICE, action: 'rollback', namespace: 'prod', deployment: 'payments-api', fromRevision: 5, toRevision: 4, fromImages: ['payments-api:2.14.0'], toImages: ['payments-api:2.13.2'] }),
      rolloutStatusReply({ namespace: 'prod', deployment: 'payments-api', revision: 6, outcome: 'complete', readyReplicas: 3, replicas: 3, seconds: 41, stayedUpPastSeconds: 38 }),
      resolvedReply({ target, workload: 'Deployment/payments-api', alertName: 'KubePodCrashLooping', firingSince: '2025-12-02T00:55:00Z', resolvedAt: '2025-12-02T01:07:00Z' }),
    );
  }
  return [root, ...replies.map((r) => bot(r, { thread_ts: root.ts }))];
}

function slashThread() {
  const d = dnsFailure();
  const root = bot(rootMessage({ target: { namespace: 'shop', name: 'orders' }, trigger: 'slash-command', requestedBy: BOB, workload: 'StatefulSet/orders', state: 'diagnosed', cause: d.cause }));
  const hint = 'An admin can set `ACTION_APPROVERS` (Slack user or group ids) to turn them on.';
  return [root, bot(diagnosisMessage(d, { actions: { enabled: false, hint }, durationMs: 870 }), { thread_ts: root.ts })];
}

function pausedThread() {
  const d = initContainerPaused();
  const root = bot(rootMessage({ target: { namespace: d.namespace, name: 'billing' }, trigger: 'slash-command', requestedBy: ALICE, workload: 'Deployment/billing', state: 'diagnosed', cause: d.cause }));
  const resumeValue = encodeButtonValue({ ns: d.namespace, pod: d.pod, d: 'billing', from: 3 });
  return [
    root,
    bot(diagnosisMessage(d, { actions: { enabled: true } }), { thread_ts: root.ts }),
    bot(actionFailedReply({ action: 'rollback', namespace: 'billing', deployment: 'billing', reason: 'paused', detail: 'deployment spec.paused is true', resumeValue }), { thread_ts: root.ts }),
    bot(actionFailedReply({ action: 'pause_rollout', namespace: 'billing', deployment: 'billing', reason: 'forbidden', detail: 'deployments.apps "billing" is forbidden: User "system:serviceaccount:ops:crashloop-bot" cannot patch resource "deployments"' }), { thread_ts: root.ts }),
    bot(rolloutStatusReply({ namespace: 'billing', deployment: 'billing', revision: 4, outcome: 'failed', readyReplicas: 1, replicas: 3, seconds: 600, detail: 'ProgressDeadlineExceeded' }), { thread_ts: root.ts }),
  ];
}

function hostileThread() {
  const d = hostile();
  const root = bot(rootMessage({ target: { namespace: 'prod', name: '<!here>' }, trigger: 'alert', alertName: '<!channel> <https://x.example|click>', state: 'investigating', replicas: ['<@U0FAKEUSER1>'] }));
  return [root, bot(diagnosisMessage(d, { actions: { enabled: true } }), { thread_ts: root.ts })];
}

function ephemerals() {
  return [
    bot(errorMessage({ title: "Couldn't start a diagnosis for payments-api-zzz", detail: 'The job queue is unavailable (Redis is not answering), so nothing was queued.', hint: 'Try again in a minute; alerts from Alertmanager are not lost.' }), { ephemeral: BOB }),
    bot(errorMessage({ title: 'Not allowed', detail: 'Only approvers can roll back Deployments in prod.', hint: 'Ask someone in @oncall, or re-run the diagnosis instead.' }), { ephemeral: BOB }),
    bot(helpMessage({ defaultNamespace: 'default' }), { ephemeral: BOB }),
  ];
}

const sets: Record<string, unknown[]> = {
  'alert-thread': [...alertThread(false)],
  'alert-resolved': [...alertThread(true)],
  'slash-thread': [...slashThread(), ...ephemerals()],
  'paused-thread': pausedThread(),
  hostile: hostileThread(),
  huge: [bot(diagnosisMessage(huge(), { actions: { enabled: true } }))],
};
if (scenarioIds.length) {
  sets.scenarios = scenarioIds.map((id) =>
    bot(diagnosisMessage(diagnose(loadScenario(join(SCENARIOS_ROOT, id)).evidence), { actions: { enabled: true }, durationMs: 900 })),
  );
}

for (const [name, msgs] of Object.entries(sets)) {
  const json = join(out, `${name}.json`);
  writeFileSync(json, JSON.stringify(msgs, null, 2));
  if (!existsSync(SLACKVIEW)) continue;
  const r = spawnSync(process.execPath, [SLACKVIEW, json, '-o', join(out, `${name}.html`), '--png', join(out, `${name}.png`)], { stdio: 'inherit' });
  if (r.status !== 0) console.error(`slackview failed for ${name} (exit ${r.status})`);
}
console.log(`wrote ${Object.keys(sets).length} previews to ${out}`);
