/**
 * The whole bot for end-to-end tests, with real parts: a real redis-server, the loopback fake
 * Kubernetes API (read through @kubernetes/client-node), the loopback Slack Web API stub, and the bot
 * itself started in-process with `startBot` (Bolt's real HTTPReceiver, the real BullMQ worker).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type RunningBot, type Role, startBot } from '../../src/runtime/start.js';
import { type FakeKubeApi, type FakeKubeApiOptions, startFakeKubeApi } from '../fakes/kube-api-server.js';
import { type SlackApiStub, startSlackApiStub } from '../fakes/slack-api-stub.js';
import { type RedisServer, startRedisServer } from './redis-server.js';
import { type SlashCommandFields, sendSlashCommand } from './slack-signing.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const WEBHOOK_TOKEN = 'test-webhook-token-0123456789';
export const BOT_TOKEN = 'xoxb-test-0000-secret-bot-token';
export const ALERT_CHANNEL = 'C0ALERTS';

export interface Harness {
  redis: RedisServer;
  slack: SlackApiStub;
  kube: FakeKubeApi;
  env: Record<string, string>;
  bots: RunningBot[];
  /** JSON log lines the bots wrote. */
  logs: string[];
  baseUrl: string;
  startBot(role: Role, extraEnv?: Record<string, string>): Promise<RunningBot>;
  command(fields: SlashCommandFields, opts?: { timestamp?: number; signature?: string }): ReturnType<typeof sendSlashCommand>;
  postAlert(body: unknown, token?: string | null): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  kube?: FakeKubeApiOptions;
  role?: Role;
  env?: Record<string, string>;
  /** Runs after the fakes are up and before the bot starts; may return more env. */
  setup?: (parts: { slack: SlackApiStub; kube: FakeKubeApi }) => Promise<Record<string, string> | void>;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const redis = await startRedisServer();
  const slack = await startSlackApiStub();
  const kube = await startFakeKubeApi(opts.kube ?? {});
  const kubeconfig = kube.writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'crashloop-kube-')), 'config'));
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    REDIS_URL: redis.url,
    QUEUE_NAME: `test-${randomUUID().slice(0, 8)}`,
    PORT: '0',
    ALERT_CHANNEL,
    ALERT_WEBHOOK_TOKEN: WEBHOOK_TOKEN,
    KUBECONFIG: kubeconfig,
    LOG_LEVEL: 'info',
    WORKER_CONCURRENCY: '4',
    ...opts.env,
    ...((await opts.setup?.({ slack, kube })) ?? {}),
  };
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  const bots: RunningBot[] = [];
  const h: Harness = {
    redis,
    slack,
    kube,
    env,
    bots,
    logs,
    baseUrl: '',
    async startBot(role, extraEnv = {}) {
      const bot = await startBot(role, { env: { ...env, ...extraEnv }, logDestination: destination });
      bots.push(bot);
      if (bot.port !== undefined && !h.baseUrl) h.baseUrl = `http://127.0.0.1:${bot.port}`;
      return bot;
    },
    command: (fields, o = {}) =>
      sendSlashCommand(h.baseUrl, { response_url: `${slack.baseUrl}/response/${randomUUID()}`, ...fields }, { secret: SIGNING_SECRET, ...o }),
    async postAlert(body, token = WEBHOOK_TOKEN) {
      const res = await fetch(`${h.baseUrl}/alerts/alertmanager`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: await res.text() };
    },
    async close() {
      for (const b of bots.reverse()) await b.stop().catch(() => {});
      await slack.close();
      await kube.close();
      await redis.stop();
    },
  };
  await h.startBot(opts.role ?? 'all');
  return h;
}

/** Wait until the queue has nothing waiting, active or delayed (twice in a row). */
export async function waitForIdleQueue(bot: RunningBot, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < deadline) {
    const c = await bot.deps.queue.counts();
    const busy = (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0);
    quiet = busy === 0 ? quiet + 1 : 0;
    if (quiet >= 3) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('queue did not become idle in time');
}

/** The post-once key a message was posted under (its metadata), e.g. `cmd--T0001--123:diagnosis`. */
export function postKeyOf(m: { metadata?: { event_payload?: Record<string, unknown> } }): string {
  return String(m.metadata?.event_payload?.post_key ?? '');
}
