/** Redis stopped: the slash command still acks and says so ephemerally; the webhook answers 503. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertPayload } from '../support/alert-payload.js';
import { type Harness, startHarness } from '../support/bot-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ role: 'serve' });
});
afterAll(async () => {
  await h?.close();
});

describe('Redis unavailable', () => {
  it('acks the slash command in time with an ephemeral error, answers the webhook 503, and recovers', async () => {
    await h.redis.stop();

    const res = await h.command({ text: 'api -n shop' });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const answer = await h.slack.waitFor(() => h.slack.responses[0]);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(answer.body.text)).toContain('Could not start the diagnosis');
    expect(JSON.stringify(answer.body.blocks)).toContain('The job queue (Redis) is unavailable');

    const hook = await h.postAlert(alertPayload({ pods: ['api-1'] }));
    expect(hook.status).toBe(503);
    expect(JSON.parse(hook.body).error).toContain('queue unavailable');

    const ready = await fetch(`${h.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { redis: string }).redis).toContain('unavailable');

    await h.redis.start();
    await expect.poll(async () => (await h.postAlert(alertPayload({ pods: ['api-1'] }))).status, { timeout: 15_000 }).toBe(200);
  });
});
