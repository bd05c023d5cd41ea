/**
 * npm run bench:slack — signed slash command -> thread reply, with every real part in one process:
 * Bolt's HTTPReceiver, a real redis-server, the BullMQ worker, the fake Kubernetes API answering each
 * request after 20 ms, and the Slack Web API stub. Sends N commands open-loop at a fixed rate and
 * prints ack and reply latency percentiles. Targets: ack p99 < 200 ms, reply p99 < 1 s.
 *
 *   BENCH_REQUESTS (default 240), BENCH_RATE per second (default 20), WORKER_CONCURRENCY (default 16)
 */
import { join } from 'node:path';
import { postKeyOf, startHarness } from '../test/support/bot-harness.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 240);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const CONCURRENCY = process.env.WORKER_CONCURRENCY ?? '16';
const KUBE_LATENCY_MS = 20;
const SCENARIO = join(import.meta.dirname, '../test/fixtures/scenarios/oom-killed/seed-runbook-api');
const POD = 'api-deployment-7d4b9c-xkp2z';

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function main(): Promise<void> {
  const h = await startHarness({
    kube: { scenario: SCENARIO, latencyMs: KUBE_LATENCY_MS },
    env: { LOG_LEVEL: 'warn', WORKER_CONCURRENCY: CONCURRENCY },
  });
  try {
    // Warm-up (JIT, connections), not measured.
    for (let i = 0; i < 5; i++) await h.command({ text: `${POD} -n production`, trigger_id: `warm.${i}` });
    await h.slack.waitFor(() => h.slack.messages.filter((m) => postKeyOf(m).endsWith(':diagnosis')).length >= 5, 30_000);

    const sent = new Map<string, number>();
    const acks: number[] = [];
    const failures: string[] = [];
    const inflight: Array<Promise<void>> = [];
    const started = performance.now();
    for (let i = 0; i < REQUESTS; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const trigger = `bench.${i}`;
      sent.set(`cmd--T0001--${trigger}:diagnosis`, Date.now());
      inflight.push(
        h.command({ text: `${POD} -n production`, channel_id: 'C0BENCH', trigger_id: trigger }).then((r) => {
          if (r.status !== 200) failures.push(`ack ${r.status}`);
          acks.push(r.ms);
        }),
      );
    }
    await Promise.all(inflight);
    const replyAt = new Map<string, number>();
    await h.slack.waitFor(() => {
      for (const c of h.slack.callsTo('chat.postMessage')) {
        const key = postKeyOf(c.args as never);
        if (sent.has(key) && !replyAt.has(key)) replyAt.set(key, c.at);
      }
      return replyAt.size >= REQUESTS;
    }, 120_000);
    const replies = [...sent].map(([key, at]) => replyAt.get(key)! - at);
    const wall = (performance.now() - started) / 1000;

    const ok = (v: number, target: number) => (v < target ? 'ok' : 'MISSED');
    console.log(`bench:slack  ${REQUESTS} signed /crashloop commands at ${RATE}/s, worker concurrency ${CONCURRENCY}, kube API +${KUBE_LATENCY_MS} ms/request`);
    console.log(`  kube requests per diagnosis: ${(h.kube.apiRequests().length / (REQUESTS + 5)).toFixed(1)}`);
    console.log(`  ack          p50 ${pct(acks, 50).toFixed(1)} ms   p99 ${pct(acks, 99).toFixed(1)} ms   max ${Math.max(...acks).toFixed(1)} ms   (target p99 < 200 ms: ${ok(pct(acks, 99), 200)})`);
    console.log(`  thread reply p50 ${pct(replies, 50).toFixed(1)} ms   p99 ${pct(replies, 99).toFixed(1)} ms   max ${Math.max(...replies).toFixed(1)} ms   (target p99 < 1000 ms: ${ok(pct(replies, 99), 1000)})`);
    console.log(`  wall ${wall.toFixed(1)} s, failures ${failures.length}`);
    if (failures.length || pct(acks, 99) >= 200 || pct(replies, 99) >= 1000) process.exitCode = 1;
  } finally {
    await h.close();
  }
}

await main();
