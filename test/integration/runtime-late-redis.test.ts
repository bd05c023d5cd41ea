/**
 * Redis comes up only after the bot (a first install, a slow volume): the real `crashloop all` and
 * `crashloop serve` processes stay up, answer /healthz 200 at once and /readyz 503 with the reason, say
 * so in one log line (not one per reconnect), and become ready and do the work once Redis answers.
 * `serve` runs without any Kubernetes credentials (no kubeconfig, no in-cluster token).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, SIGNING_SECRET, startHarness } from '../support/bot-harness.js';
import { exited, spawnRole, waitForOutput } from '../support/run-role.js';
import { sendSlashCommand } from '../support/slack-signing.js';

const SCENARIO = join(import.meta.dirname, '../fixtures/scenarios/oom-killed/seed-runbook-api');
const POD = 'api-deployment-7d4b9c-xkp2z';

let h: Harness;
let redisDown = false;
async function stopRedis() {
  await h.redis.stop();
  redisDown = true;
}
async function startRedis() {
  if (!redisDown) return;
  await h.redis.start();
  redisDown = false;
}
beforeAll(async () => {
  // The harness's own in-process bot (serve) is only there for its fakes; the processes under test are spawned.
  h = await startHarness({ role: 'serve', kube: { scenario: SCENARIO } });
}, 30_000);
afterAll(async () => {
  await h?.close();
});

async function get(port: number, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(3000) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const portOf = (out: string) => Number(/"port":(\d+)[^\n]*"msg":"serving/.exec(out)?.[1]);
const waitingLines = (out: string) => out.split('\n').filter((l) => l.includes('"msg":"waiting for Redis at'));

describe('Redis started after the bot', () => {
  it('crashloop all: alive at once, unready with the reason, then ready and diagnosing once Redis answers', async () => {
    await stopRedis();
    const child = spawnRole('all', { ...h.env, PORT: '0', QUEUE_NAME: `late-${randomUUID().slice(0, 8)}` });
    try {
      await waitForOutput(child, '"msg":"serving /slack/events');
      const port = portOf(child.output());
      const base = `http://127.0.0.1:${port}`;

      expect((await get(port, '/healthz')).status).toBe(200);
      const unready = await get(port, '/readyz');
      expect(unready.status).toBe(503);
      expect(unready.body.redis).toBe(`waiting for Redis at redis://127.0.0.1:${h.redis.port}`);

      // While Redis is down the slash command still acks and says why, ephemerally (as during any outage).
      const early = await sendSlashCommand(base, { text: `${POD} -n production`, channel_id: 'C0EARLY', response_url: `${h.slack.baseUrl}/response/${randomUUID()}` }, { secret: SIGNING_SECRET });
      expect(early.status).toBe(200);
      expect(early.ms).toBeLessThan(3000);
      const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => JSON.stringify(r.body).includes('The job queue (Redis) is unavailable')));
      expect(answer.body).toMatchObject({ response_type: 'ephemeral' });

      // ioredis retries every 2 s at most; over 4 s that is several failed attempts, yet one log line.
      await new Promise((r) => setTimeout(r, 4000));
      expect(child.exitCode, child.output()).toBeNull();
      expect(waitingLines(child.output())).toHaveLength(1);
      expect(child.output()).not.toContain('worker started');

      await startRedis();
      await expect.poll(async () => (await get(port, '/readyz')).status, { timeout: 15_000, interval: 200 }).toBe(200);
      expect((await get(port, '/readyz')).body).toEqual({ ready: true, redis: 'ok', slack: 'ok' });
      expect(child.output()).toContain('"msg":"Redis is reachable"');
      expect(child.output()).toContain('worker started');

      const res = await sendSlashCommand(base, { text: `${POD} -n production`, channel_id: 'C0LATE', response_url: `${h.slack.baseUrl}/response/${randomUUID()}` }, { secret: SIGNING_SECRET });
      expect(res.status).toBe(200);
      const root = await h.slack.waitFor(() => h.slack.roots('C0LATE')[0], 20_000);
      const reply = await h.slack.waitFor(() => h.slack.replies(root.ts)[0], 20_000);
      expect(JSON.stringify(reply.blocks)).toContain('oom-killed');
      expect(h.slack.roots('C0EARLY')).toHaveLength(0);

      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await startRedis();
    }
  }, 60_000);

  it('crashloop serve: starts with no Kubernetes credentials at all and waits for Redis without exiting', async () => {
    await stopRedis();
    const { KUBECONFIG: _unused, ...env } = h.env;
    // No KUBECONFIG, an empty HOME (no ~/.kube/config) and no in-cluster service account.
    const child = spawnRole('serve', { ...env, PORT: '0', HOME: mkdtempSync(join(tmpdir(), 'crashloop-nohome-')) });
    try {
      await waitForOutput(child, '"msg":"serving /slack/events');
      const port = portOf(child.output());
      expect((await get(port, '/healthz')).status).toBe(200);
      expect((await get(port, '/readyz')).body.redis).toBe(`waiting for Redis at redis://127.0.0.1:${h.redis.port}`);
      await new Promise((r) => setTimeout(r, 2500));
      expect(child.exitCode, child.output()).toBeNull();

      await startRedis();
      await expect.poll(async () => (await get(port, '/readyz')).status, { timeout: 15_000, interval: 200 }).toBe(200);
      // It queues work; the harness's Redis holds the job for a worker (none runs here).
      const res = await sendSlashCommand(`http://127.0.0.1:${port}`, { text: `${POD} -n production`, channel_id: 'C0SERVE', response_url: `${h.slack.baseUrl}/response/${randomUUID()}` }, { secret: SIGNING_SECRET });
      expect(res.status).toBe(200);
      await expect.poll(async () => (await h.bots[0]!.deps.queue.counts()).waiting ?? 0, { timeout: 5_000 }).toBeGreaterThan(0);
      expect(child.output()).not.toMatch(/kubeconfig|KUBERNETES_SERVICE_HOST|serviceaccount/i);

      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await startRedis();
    }
  }, 60_000);
});
