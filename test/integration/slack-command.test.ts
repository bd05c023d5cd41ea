/**
 * /crashloop end to end: Bolt's real HTTPReceiver with signed requests, real Redis and BullMQ worker,
 * the fake Kubernetes API and the Slack Web API stub.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, postKeyOf, startHarness, waitForIdleQueue } from '../support/bot-harness.js';

const SCENARIO = join(import.meta.dirname, '../fixtures/scenarios/oom-killed/seed-runbook-api');
const POD = 'api-deployment-7d4b9c-xkp2z';
const CHANNEL = 'C0OPS';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ kube: { scenario: SCENARIO } });
});
afterAll(async () => {
  await h?.close();
});

describe('/crashloop', () => {
  it('acks in time, posts a root naming the target and who asked, and the diagnosis in its thread', async () => {
    const res = await h.command({ text: `${POD} -n production`, channel_id: CHANNEL, user_id: 'U0ALICE' });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    expect(res.body).toBe('');

    const root = await h.slack.waitFor(() => h.slack.roots(CHANNEL)[0]);
    const reply = await h.slack.waitFor(() => h.slack.replies(root.ts)[0]);
    const rootText = JSON.stringify(root.blocks);
    expect(rootText).toContain('<@U0ALICE>');
    expect(rootText).toContain('api-deployment');
    expect(rootText).toContain('production');
    expect(rootText).toContain('cause: `oom-killed`');
    expect(JSON.stringify(reply.blocks)).toContain('oom-killed');
    expect(reply.text.length).toBeGreaterThan(0);
    expect(postKeyOf(reply)).toMatch(/:diagnosis$/);
    // The bot authenticated with its token, and never put it anywhere else.
    const post = h.slack.callsTo('chat.postMessage')[0]!;
    expect(post.authorization).toBe(`Bearer ${h.env.SLACK_BOT_TOKEN}`);
    await waitForIdleQueue(h.bots[0]!);
    expect(h.logs.join('\n')).not.toContain(h.env.SLACK_BOT_TOKEN);
    expect(h.logs.some((l) => l.includes('"jobId"') && l.includes('diagnosed'))).toBe(true);
  });

  it('answers help and bad input ephemerally in the ack, saying what is wrong and how to ask', async () => {
    const help = await h.command({ text: 'help' });
    expect(help.status).toBe(200);
    expect(JSON.parse(help.body)).toMatchObject({ response_type: 'ephemeral' });
    expect(help.body).toContain('/crashloop &lt;pod|workload&gt;');

    for (const [text, problem] of [
      ['', 'tell me which pod or workload to look at'],
      ['Bad_Name', 'is not a valid pod or workload name'],
      ['api --force', 'unknown option'],
    ] as const) {
      const res = await h.command({ text });
      expect(res.status).toBe(200);
      const body = JSON.parse(res.body) as { response_type: string; text: string };
      expect(body.response_type).toBe('ephemeral');
      expect(body.text.toLowerCase()).toContain(problem.toLowerCase());
      expect(res.body).toContain('Ask like this');
    }
  });

  it('tells the asker ephemerally when the pod does not exist, without posting in the channel', async () => {
    const before = h.slack.roots().length;
    const res = await h.command({ text: 'no-such-pod -n production', channel_id: CHANNEL });
    expect(res.status).toBe(200);
    const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => JSON.stringify(r.body).includes('no-such-pod')));
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(answer.body.text)).toMatch(/Nothing to diagnose|not found/i);
    await waitForIdleQueue(h.bots[0]!);
    expect(h.slack.roots().length).toBe(before);
  });

  it('rides out a 429 from Slack (Retry-After) without posting twice', async () => {
    h.slack.inject('chat.postMessage', { status: 429, retryAfter: 1 });
    const res = await h.command({ text: `${POD} -n production`, channel_id: 'C0RATE' });
    expect(res.status).toBe(200);
    const root = await h.slack.waitFor(() => h.slack.roots('C0RATE')[0], 15_000);
    await h.slack.waitFor(() => h.slack.replies(root.ts)[0], 15_000);
    await waitForIdleQueue(h.bots[0]!);
    expect(h.slack.roots('C0RATE')).toHaveLength(1);
    expect(h.slack.replies(root.ts)).toHaveLength(1);
    const posts = h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0RATE');
    expect(posts).toHaveLength(3); // the 429, its retry, the reply
  });

  it('tells the asker to invite the bot when Slack refuses the channel, and does not retry', async () => {
    h.slack.inject('chat.postMessage', { error: 'not_in_channel' });
    const res = await h.command({ text: `${POD} -n production`, channel_id: 'C0PRIVATE' });
    expect(res.status).toBe(200);
    const answer = await h.slack.waitFor(() => h.slack.responses.find((r) => JSON.stringify(r.body).includes('not_in_channel')));
    expect(JSON.stringify(answer.body)).toContain('/invite @crashloop');
    await waitForIdleQueue(h.bots[0]!);
    expect(h.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0PRIVATE')).toHaveLength(1);
    const metrics = await (await fetch(`${h.baseUrl}/metrics`)).text();
    expect(metrics).toContain('crashloop_slack_errors_total{method="chat.postMessage",error="not_in_channel"} 1');
  });

  it('refuses a bad signature or a stale timestamp with 401', async () => {
    const bad = await h.command({ text: POD }, { signature: 'v0=deadbeef' });
    expect(bad.status).toBe(401);
    const stale = await h.command({ text: POD }, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
  });

  it('serves health, readiness and metrics on the same port', async () => {
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, redis: 'ok', slack: 'ok' });
    const metrics = await (await fetch(`${h.baseUrl}/metrics`)).text();
    expect(metrics).toContain('crashloop_diagnoses_total{cause="oom-killed"} 2');
    expect(metrics).toMatch(/crashloop_diagnosis_duration_seconds_count\{trigger="slash-command"\} 3/);
    expect(metrics).toMatch(/crashloop_queue_jobs\{state="completed"\} \d+/);
    expect(metrics).toMatch(/crashloop_jobs_total\{name="diagnose",state="completed"\} 4/);
  });
});
