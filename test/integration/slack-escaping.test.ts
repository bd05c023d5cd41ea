/** Cluster text is escaped and redacted on its way into Slack: no log line can ping @channel or leak a password. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, waitForIdleQueue } from '../support/bot-harness.js';

const SCENARIO = join(import.meta.dirname, '../fixtures/scenarios/oom-killed/seed-runbook-api');
const POD = 'api-deployment-7d4b9c-xkp2z';
const HOSTILE = 'ERROR paging <!channel> and <@U123>: db login failed password=hunter2 <https://evil.example|click>';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ kube: { scenario: SCENARIO } });
  const log = readFileSync(join(SCENARIO, 'logs', POD, 'api.previous.log'), 'utf8');
  h.kube.store.setLog({ namespace: 'production', pod: POD, container: 'api', previous: true, text: `${log.trimEnd()}\n${HOSTILE}\n` });
});
afterAll(async () => {
  await h?.close();
});

describe('hostile log lines', () => {
  it('arrive escaped and redacted in the posted blocks and fallback text', async () => {
    const res = await h.command({ text: `${POD} -n production`, channel_id: 'C0OPS' });
    expect(res.status).toBe(200);
    const root = await h.slack.waitFor(() => h.slack.roots('C0OPS')[0]);
    const reply = await h.slack.waitFor(() => h.slack.replies(root.ts)[0]);
    await waitForIdleQueue(h.bots[0]!);

    const posted = JSON.stringify(reply.blocks) + reply.text;
    expect(posted).toContain('paging &lt;!channel&gt; and &lt;@U123&gt;');
    expect(posted).toContain('password=[REDACTED]');
    expect(posted).not.toContain('hunter2');
    expect(posted).not.toContain('<!channel>');
    expect(posted).not.toContain('<@U123>');
    expect(posted).not.toContain('<https://evil.example');
    expect(h.logs.join('\n')).not.toContain('hunter2');
  });
});
