/**
 * Socket Mode (SLACK_APP_TOKEN): the bot connects through apps.connections.open to a loopback Socket
 * Mode server, acks slash command envelopes, posts the diagnosis in a thread, and still serves its
 * HTTP routes (health, webhook) on PORT.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SocketModeServer, startSocketModeServer } from '../fakes/slack-socket-mode-server.js';
import { type Harness, startHarness } from '../support/bot-harness.js';
import { slashCommandPayload } from '../support/slack-signing.js';

const SCENARIO = join(import.meta.dirname, '../fixtures/scenarios/oom-killed/seed-runbook-api');
const APP_TOKEN = 'xapp-1-A0APP-socket-mode-token';

let h: Harness;
let sm: SocketModeServer;
beforeAll(async () => {
  sm = await startSocketModeServer();
  h = await startHarness({
    kube: { scenario: SCENARIO },
    setup: async ({ slack }) => {
      slack.setSocketModeUrl(sm.url);
      return { SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: '' };
    },
  });
  await h.slack.waitFor(() => sm.connected());
});
afterAll(async () => {
  await h?.close();
  await sm?.close();
});

describe('Socket Mode', () => {
  it('connects with the app token and answers a slash command in a thread', async () => {
    expect(h.slack.callsTo('apps.connections.open')[0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);
    const ack = await sm.send('slash_commands', slashCommandPayload({ text: 'api-deployment-7d4b9c-xkp2z -n production', channel_id: 'C0SOCK' }));
    expect(ack.ms).toBeLessThan(3000);
    const root = await h.slack.waitFor(() => h.slack.roots('C0SOCK')[0]);
    const reply = await h.slack.waitFor(() => h.slack.replies(root.ts)[0]);
    expect(JSON.stringify(reply.blocks)).toContain('oom-killed');
  });

  it('acks help and bad input with an ephemeral answer in the envelope ack', async () => {
    const help = await sm.send('slash_commands', slashCommandPayload({ text: 'help' }));
    expect(help.payload).toMatchObject({ response_type: 'ephemeral' });
    const bad = await sm.send('slash_commands', slashCommandPayload({ text: 'api -x' }));
    expect(String(bad.payload.text)).toContain('Unknown option "-x"');
  });

  it('serves the HTTP routes on PORT beside the socket', async () => {
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.baseUrl}/alerts/alertmanager`, { method: 'POST' })).status).toBe(401);
  });
});
