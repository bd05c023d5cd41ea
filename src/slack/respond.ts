/** Ephemeral answers through a slash command's response_url (works even where the bot is not a member). */
import type { Logger } from '../log.js';
import type { SlackMessage } from '../render/slack/index.js';

export async function respondEphemeral(responseUrl: string, msg: SlackMessage, log: Logger): Promise<void> {
  const res = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: msg.text, blocks: msg.blocks }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) {
    log.warn({ status: res.status }, 'response_url answer failed');
    throw new Error(`response_url answered HTTP ${res.status}`);
  }
}
