/**
 * npm run bench:slack — signed slash command -> thread reply, end to end with real parts: the bot runs
 * as `crashloop all` (Bolt's HTTPReceiver + BullMQ worker in one process) against a real redis-server,
 * the fake Kubernetes API answering every request after 20 ms, and the Slack Web API stub. The fakes and
 * the load generator live in this process, so the bot's process carries only the bot, as in production.
 * Commands are sent open-loop at a fixed rate; ack and reply latency percentiles are printed.
 * Targets: ack p99 < 200 ms, reply p99 < 1 s.
 *
 *   BENCH_REQUESTS (default 240), BENCH_RATE per second (default 10), WORKER_CONCURRENCY (default 8)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeKubeApi } from '../test/fakes/kube-api-server.js';
import { startSlackApiStub } from '../test/fakes/slack-api-stub.js';
import { postKeyOf } from '../test/support/bot-harness.js';
import { startRedisServer } from '../test/support/redis-server.js';
import { exited, spawnRole, waitForOutput } from '../test/support/run-role.js';
import { sendSlashCommand } from '../test/support/slack-signing.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 240);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const CONCURRENCY = process.env.WORKER_CONCURRENCY ?? '8';
const KUBE_LATENCY_MS = 20;
const SECRET = 'bench-signing-secret-0123456789';
const SCENARIO = join(import.meta.dirname, '../test/fixtures/scenarios/oom-killed/seed-runbook-api');
const POD = 'api-deployment-7d4b9c-xkp2z';

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

const redis = await startRedisServer();
const slack = await startSlackApiStub();
const kube = await startFakeKubeApi({ scenario: SCENARIO, latencyMs: KUBE_LATENCY_MS });
const bot = spawnRole('all', {
  SLACK_BOT_TOKEN: 'xoxb-bench-token',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: slack.apiUrl,
  REDIS_URL: redis.url,
  QUEUE_NAME: `bench-${randomUUID().slice(0, 8)}`,
  PORT: '0',
  KUBECONFIG: kube.writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'crashloop-bench-')), 'config')),
  LOG_LEVEL: 'info',
  WORKER_CONCURRENCY: CONCURRENCY,
});
let failed = false;
try {
  await waitForOutput(bot, 'worker started', 60_000);
  const port = Number(/"port":(\d+)/.exec(bot.output())?.[1]);
  const baseUrl = `http://127.0.0.1:${port}`;
  const send = (trigger: string) =>
    sendSlashCommand(
      baseUrl,
      { text: `${POD} -n production`, channel_id: 'C0BENCH', trigger_id: trigger, response_url: `${slack.baseUrl}/response/${trigger}` },
      { secret: SECRET },
    );
  const diagnoses = () => slack.callsTo('chat.postMessage').filter((c) => postKeyOf(c.args as never).endsWith(':diagnosis'));

  // Warm-up (JIT, connections), not measured.
  for (let i = 0; i < 10; i++) await send(`warm.${i}`);
  await slack.waitFor(() => diagnoses().length >= 10, 30_000);

  const sent = new Map<string, number>();
  const acks: number[] = [];
  const failures: string[] = [];
  const inflight: Array<Promise<void>> = [];
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const wait = started + (i * 1000) / RATE - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const trigger = `bench.${i}`;
    sent.set(`cmd--T0001--${trigger}:diagnosis`, Date.now());
    inflight.push(
      send(trigger).then((r) => {
        if (r.status !== 200) failures.push(`ack ${r.status}`);
        acks.push(r.ms);
      }),
    );
  }
  await Promise.all(inflight);
  const replyAt = new Map<string, number>();
  await slack.waitFor(() => {
    for (const c of diagnoses()) {
      const key = postKeyOf(c.args as never);
      if (sent.has(key) && !replyAt.has(key)) replyAt.set(key, c.at);
    }
    return replyAt.size >= REQUESTS;
  }, 120_000);
  const replies = [...sent].map(([key, at]) => replyAt.get(key)! - at);
  const wall = (performance.now() - started) / 1000;
  const ok = (v: number, target: number) => (v < target ? 'ok' : 'MISSED');
  const line = (name: string, v: number[], target: number) =>
    `  ${name.padEnd(12)} p50 ${pct(v, 50).toFixed(1)} ms   p99 ${pct(v, 99).toFixed(1)} ms   max ${Math.max(...v).toFixed(1)} ms   (target p99 < ${target} ms: ${ok(pct(v, 99), target)})`;
  console.log(`bench:slack  ${REQUESTS} signed /crashloop commands at ${RATE}/s; bot = crashloop all, worker concurrency ${CONCURRENCY}; kube API +${KUBE_LATENCY_MS} ms/request`);
  console.log(`  kube API requests per diagnosis: ${(kube.apiRequests().length / (REQUESTS + 10)).toFixed(1)}`);
  console.log(line('ack', acks, 200));
  console.log(line('thread reply', replies, 1000));
  console.log(`  wall ${wall.toFixed(1)} s, failed acks ${failures.length}`);
  failed = failures.length > 0 || pct(acks, 99) >= 200 || pct(replies, 99) >= 1000;
} finally {
  bot.kill('SIGTERM');
  await exited(bot);
  await slack.close();
  await kube.close();
  await redis.stop();
}
process.exit(failed ? 1 : 0);
