/**
 * SIGTERM ends the worker cleanly in bounded time: during a Redis outage (it is reconnecting) it exits 0
 * at once instead of hanging; with a job that outlasts SHUTDOWN_GRACE_MS it exits 0 after the grace and
 * the job is handed back (stalled-job recovery), so another worker finishes it: one root, one reply.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, postKeyOf, startHarness, waitForIdleQueue } from '../support/bot-harness.js';
import { exited, spawnRole, waitForOutput } from '../support/run-role.js';

const SCENARIO = join(import.meta.dirname, '../fixtures/scenarios/oom-killed/seed-runbook-api');
const POD = 'api-deployment-7d4b9c-xkp2z';
const FAST_LOCKS = { WORKER_LOCK_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ role: 'serve', kube: { scenario: SCENARIO }, env: FAST_LOCKS });
}, 30_000);
afterAll(async () => {
  await h?.close();
});

async function terminate(child: ReturnType<typeof spawnRole>): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  child.kill('SIGTERM');
  const code = await exited(child);
  return { code, ms: Date.now() - t0 };
}

describe('SIGTERM', () => {
  it('while the worker is reconnecting to Redis: exits 0 well within the grace period', async () => {
    const child = spawnRole('worker', { ...h.env, SHUTDOWN_GRACE_MS: '10000' });
    try {
      await waitForOutput(child, 'worker started');
      await h.redis.stop();
      // Let the worker notice and start reconnecting (ioredis backs off up to 2 s between attempts).
      await new Promise((r) => setTimeout(r, 2500));
      const { code, ms } = await terminate(child);
      expect(code, child.output()).toBe(0);
      expect(ms, child.output()).toBeLessThan(5_000);
      expect(child.output()).toContain('"msg":"stopped"');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await h.redis.start();
    }
  }, 40_000);

  it('mid-job past the grace period: exits 0 after the grace, and the job is finished by another worker, once', async () => {
    const child = spawnRole('worker', { ...h.env, SHUTDOWN_GRACE_MS: '1000' });
    let slowLogs: (() => void) | undefined;
    try {
      await waitForOutput(child, 'worker started');
      slowLogs = h.kube.fault({ path: /\/log$/, delayMs: 6000 });
      const res = await h.command({ text: `${POD} -n production`, channel_id: 'C0GRACE' });
      expect(res.status).toBe(200);
      await h.slack.waitFor(() => h.kube.requests.some((r) => r.path.endsWith('/log')), 10_000);

      const { code, ms } = await terminate(child);
      expect(code, child.output()).toBe(0);
      // The grace (1 s) plus closing; far below the 6 s the job would still have needed.
      expect(ms, child.output()).toBeGreaterThanOrEqual(900);
      expect(ms, child.output()).toBeLessThan(5000);
      expect(child.output()).toContain('handing the unfinished jobs back');
      slowLogs();
      slowLogs = undefined;

      const takeover = await h.startBot('worker', FAST_LOCKS);
      const root = await h.slack.waitFor(() => h.slack.roots('C0GRACE')[0], 20_000);
      const reply = await h.slack.waitFor(() => h.slack.replies(root.ts)[0], 20_000);
      await waitForIdleQueue(takeover);
      expect(h.slack.roots('C0GRACE')).toHaveLength(1);
      expect(h.slack.replies(root.ts)).toHaveLength(1);
      expect(postKeyOf(reply)).toMatch(/:diagnosis$/);
      expect(JSON.stringify(reply.blocks)).toContain('oom-killed');
      expect(h.logs.some((l) => l.includes('job stalled'))).toBe(true);
      await takeover.stop();
    } finally {
      slowLogs?.();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
