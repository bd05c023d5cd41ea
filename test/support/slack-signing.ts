/**
 * Drive Bolt's real HTTPReceiver like Slack does: v0 signatures (HMAC-SHA256 of `v0:${ts}:${body}`),
 * slash commands as application/x-www-form-urlencoded WITHOUT a charset (Bolt parses a charset'ed form
 * body as JSON and answers 400).
 */
import { createHmac } from 'node:crypto';

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedRequestOptions {
  secret: string;
  /** Seconds since epoch; default now. */
  timestamp?: number;
  /** Override the signature (bad-signature tests). */
  signature?: string;
}

export function signedHeaders(body: string, contentType: string, opts: SignedRequestOptions): Record<string, string> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': opts.signature ?? slackSignature(opts.secret, ts, body),
  };
}

export interface SlashCommandFields {
  text: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  team_id?: string;
  command?: string;
  response_url?: string;
  trigger_id?: string;
}

let seq = 0;

/** The fields Slack sends for a slash command (form body over HTTP, `payload` in Socket Mode). */
export function slashCommandPayload(fields: SlashCommandFields): Record<string, string> {
  seq += 1;
  const all: Record<string, string> = {
    token: 'deprecated-verification-token',
    team_id: fields.team_id ?? 'T0001',
    team_domain: 'example',
    channel_id: fields.channel_id ?? 'C0CHANNEL',
    channel_name: 'ops',
    user_id: fields.user_id ?? 'U0ALICE',
    user_name: fields.user_name ?? 'alice',
    command: fields.command ?? '/crashloop',
    text: fields.text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: fields.response_url ?? 'https://hooks.slack.invalid/commands/T0001/1/x',
    trigger_id: fields.trigger_id ?? `${Date.now()}.${process.pid}.${seq}.trigger`,
  };
  return all;
}

export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams(slashCommandPayload(fields)).toString();
}

/** POST a signed slash command to `${baseUrl}/slack/events`; returns status, body and elapsed ms. */
export async function sendSlashCommand(
  baseUrl: string,
  fields: SlashCommandFields,
  opts: SignedRequestOptions,
): Promise<{ status: number; body: string; ms: number }> {
  const body = slashCommandBody(fields);
  const started = performance.now();
  const res = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: signedHeaders(body, 'application/x-www-form-urlencoded', opts),
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text, ms: performance.now() - started };
}
