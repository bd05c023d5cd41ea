/**
 * A worker killed mid-job (SIGKILL, while Slack is still answering its post) -> another worker takes
 * the stalled job over -> the thread still gets exactly one root and one diagnosis reply.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, postKeyOf, startHarness, waitForIdleQueue } from '../support/bot-harness.js';
import { exited, spawnRole, waitForOutput } from '../support/run-role.js';

const SCENARIO = join(import.meta.dirname, '../fixtures/scenarios/oom-killed/seed-runbook-api');
const FAST_LOCKS = { WORKER_LOCK_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ role: 'serve', kube: { scenario: SCENARIO }, env: FAST_LOCKS });
});
afterAll(async () => {
  await h?.close();
});

describe('worker killed mid-job', () => {
  it('posts the diagnosis exactly once after another worker takes the job over', async () => {
    const child = spawnRole('worker', { ...h.env, LOG_LEVEL: 'info' });
    await waitForOutput(child, 'worker started');
    // Root answers at once; Slack keeps the diagnosis reply but answers it slowly: the worker dies waiting.
    h.slack.inject('chat.postMessage', { delayMs: 0 });
    h.slack.inject('chat.postMessage', { delayMs: 30_000 });

    const res = await h.command({ text: 'api-deployment-7d4b9c-xkp2z -n production', channel_id: 'C0OPS' });
    expect(res.status).toBe(200);
    await h.slack.waitFor(() => h.slack.messages.length === 2, 20_000);
    child.kill('SIGKILL');
    await exited(child);

    const takeover = await h.startBot('worker', FAST_LOCKS);
    await h.slack.waitFor(() => h.logs.some((l) => l.includes('found a message posted by an earlier attempt')), 20_000);
    await waitForIdleQueue(takeover);

    const roots = h.slack.roots('C0OPS');
    expect(roots).toHaveLength(1);
    const replies = h.slack.replies(roots[0]!.ts);
    expect(replies).toHaveLength(1);
    expect(postKeyOf(replies[0]!)).toMatch(/:diagnosis$/);
    expect(JSON.stringify(replies[0]!.blocks)).toContain('oom-killed');
    // The take-over looked the message up instead of posting again.
    expect(h.slack.callsTo('conversations.replies').length).toBeGreaterThan(0);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(2);
    // The worker process serves its own probes and metrics.
    const metrics = await (await fetch(`http://127.0.0.1:${takeover.port}/metrics`)).text();
    expect(metrics).toContain('crashloop_jobs_total{name="diagnose",state="completed"} 1');
    expect(metrics).toContain('crashloop_diagnoses_total{cause="oom-killed"} 1');
    expect((await fetch(`http://127.0.0.1:${takeover.port}/readyz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${takeover.port}/alerts/alertmanager`, { method: 'POST' })).status).toBe(404);
    await takeover.stop();
  });

  it('on SIGTERM finishes the job in flight, then exits 0', async () => {
    const child = spawnRole('worker', { ...h.env, LOG_LEVEL: 'info' });
    await waitForOutput(child, 'worker started');
    const slowLogs = h.kube.fault({ path: /\/log$/, delayMs: 1500 });
    const res = await h.command({ text: 'api-deployment-7d4b9c-xkp2z -n production', channel_id: 'C0TERM' });
    expect(res.status).toBe(200);
    await h.slack.waitFor(() => h.kube.requests.some((r) => r.path.endsWith('/log')), 10_000);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    slowLogs();
    const root = h.slack.roots('C0TERM')[0];
    expect(root).toBeDefined();
    expect(h.slack.replies(root!.ts)).toHaveLength(1);
    expect(child.output()).toContain('finishing in-flight jobs');
  });
});
