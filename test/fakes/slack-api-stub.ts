/**
 * A loopback Slack Web API for tests: point the bot at it with SLACK_API_URL=`${stub.apiUrl}`.
 * Answers like Slack (HTTP 200, `{ ok, ... }`): auth.test, chat.postMessage (real-looking ts, keeps the
 * message with its metadata), chat.update, chat.postEphemeral, users.info, usergroups.users.list,
 * conversations.replies/history (with `include_all_metadata`). Also takes `response_url` POSTs at
 * `${stub.baseUrl}/response/<id>`. Records every call; can inject 429 + Retry-After, ok:false errors
 * and slow answers (the message is kept before the slow answer, as on Slack).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface StubCall {
  method: string;
  args: Record<string, unknown>;
  authorization?: string;
  at: number;
}

export interface StubMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  user: string;
  updates: number;
}

type Injection = { status: 429; retryAfter: number } | { error: string } | { delayMs: number };

export interface SlackApiStub {
  baseUrl: string;
  /** Value for SLACK_API_URL. */
  apiUrl: string;
  calls: StubCall[];
  responses: Array<{ path: string; body: Record<string, unknown>; at: number }>;
  messages: StubMessage[];
  callsTo(method: string): StubCall[];
  /** The next `times` calls of `method` get this answer instead. */
  inject(method: string, injection: Injection, times?: number): void;
  /** What apps.connections.open answers (a Socket Mode server's URL). */
  setSocketModeUrl(url: string): void;
  /** Top-level messages (thread roots) in a channel. */
  roots(channel?: string): StubMessage[];
  replies(threadTs: string): StubMessage[];
  /** Resolves when `predicate` holds, polling; rejects after timeoutMs. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  reset(): void;
  close(): Promise<void>;
}

export const BOT_USER_ID = 'U0BOT';

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export async function startSlackApiStub(opts: { usergroups?: Record<string, string[]> } = {}): Promise<SlackApiStub> {
  const calls: StubCall[] = [];
  const responses: SlackApiStub['responses'] = [];
  const messages: StubMessage[] = [];
  const injections = new Map<string, Array<Injection>>();
  let seq = 0;
  let socketModeUrl: string | undefined;
  const nextTs = () => {
    seq += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(seq).padStart(6, '0')}`;
  };

  const answer = (method: string, a: Record<string, unknown>): Record<string, unknown> => {
    const channel = String(a.channel ?? '');
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'crashloop', team_id: 'T0001', user_id: BOT_USER_ID, bot_id: 'B0BOT' };
      case 'chat.postMessage': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (!a.text && !a.blocks) return { ok: false, error: 'no_text' };
        if (Array.isArray(a.blocks) && a.blocks.length > 50) return { ok: false, error: 'invalid_blocks' };
        const m: StubMessage = {
          channel,
          ts: nextTs(),
          text: String(a.text ?? ''),
          user: BOT_USER_ID,
          updates: 0,
          ...(a.thread_ts ? { thread_ts: String(a.thread_ts) } : {}),
          ...(Array.isArray(a.blocks) ? { blocks: a.blocks } : {}),
          ...(a.metadata ? { metadata: a.metadata as StubMessage['metadata'] } : {}),
        };
        messages.push(m);
        return { ok: true, channel, ts: m.ts, message: { ...m, type: 'message', bot_id: 'B0BOT' } };
      }
      case 'chat.update': {
        const m = messages.find((x) => x.channel === channel && x.ts === a.ts);
        if (!m) return { ok: false, error: 'message_not_found' };
        m.text = String(a.text ?? m.text);
        if (Array.isArray(a.blocks)) m.blocks = a.blocks;
        m.updates += 1;
        return { ok: true, channel, ts: m.ts, text: m.text };
      }
      case 'apps.connections.open':
        return socketModeUrl ? { ok: true, url: socketModeUrl } : { ok: false, error: 'not_allowed_token_type' };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'users.info':
        return { ok: true, user: { id: a.user, name: String(a.user).toLowerCase(), real_name: `User ${String(a.user)}`, is_bot: false } };
      case 'usergroups.users.list': {
        const users = opts.usergroups?.[String(a.usergroup)];
        return users ? { ok: true, users } : { ok: false, error: 'no_such_subteam' };
      }
      case 'conversations.replies': {
        const root = messages.find((x) => x.channel === channel && x.ts === a.ts);
        if (!root) return { ok: false, error: 'thread_not_found' };
        const thread = [root, ...messages.filter((x) => x.channel === channel && x.thread_ts === a.ts)];
        return { ok: true, messages: thread.map((m) => view(m, a.include_all_metadata)), has_more: false };
      }
      case 'conversations.history': {
        const oldest = Number(a.oldest ?? 0);
        const list = messages.filter((x) => x.channel === channel && !x.thread_ts && Number(x.ts) >= oldest).reverse();
        return { ok: true, messages: list.map((m) => view(m, a.include_all_metadata)), has_more: false };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const body = await readBody(req);
    if (url.pathname.startsWith('/response/')) {
      responses.push({ path: url.pathname, body, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    calls.push({ method, args: body, authorization: req.headers.authorization, at: Date.now() });
    const queue = injections.get(method);
    const inj = queue?.shift();
    if (inj && 'status' in inj) {
      res.writeHead(429, { 'retry-after': String(inj.retryAfter), 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (inj && 'error' in inj) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: inj.error }));
      return;
    }
    const result = answer(method, body);
    if (inj && 'delayMs' in inj) await new Promise((r) => setTimeout(r, inj.delayMs));
    if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    apiUrl: `${baseUrl}/api/`,
    calls,
    responses,
    messages,
    callsTo: (method) => calls.filter((c) => c.method === method),
    inject(method, injection, times = 1) {
      const q = injections.get(method) ?? [];
      for (let i = 0; i < times; i++) q.push(injection);
      injections.set(method, q);
    },
    setSocketModeUrl(url) {
      socketModeUrl = url;
    },
    roots: (channel) => messages.filter((m) => !m.thread_ts && (!channel || m.channel === channel)),
    replies: (threadTs) => messages.filter((m) => m.thread_ts === threadTs),
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const v = predicate();
        if (v) return v as never;
        if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    reset() {
      calls.length = 0;
      responses.length = 0;
      messages.length = 0;
      injections.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function view(m: StubMessage, withMetadata: unknown): Record<string, unknown> {
  const { metadata, updates: _u, channel: _c, ...rest } = m;
  const include = withMetadata === true || withMetadata === 'true';
  return { type: 'message', bot_id: 'B0BOT', ...rest, ...(include && metadata ? { metadata } : {}) };
}
