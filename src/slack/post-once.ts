/**
 * Exactly-once posting to Slack from jobs that may be retried or taken over after a worker died.
 *
 * Slack's chat.postMessage has no idempotency key, so each post is recorded in a Redis ledger keyed by
 * job id + step, and carries that key in its message metadata:
 *   1. `SET <key> pending:<time> NX` claims the post. Winner posts, then records `{ts}` under the key.
 *   2. Key already holds a ts: the post happened; return that ts without posting.
 *   3. Key holds `pending` (a worker died between claim and record, or the answer was lost): look for a
 *      message carrying the key in its metadata (conversations.replies for a thread reply,
 *      conversations.history for a root) and record it; post only when none is found.
 * Guarantee: one message per key, as long as the ledger lives (its TTL) and the bot may read the
 * channel's history (channels:history / groups:history). Without that scope step 3 degrades to
 * at-least-once, and a warning is logged. Jobs of one id never run concurrently (BullMQ's lock).
 */
import type { webApi } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';

export const POST_EVENT_TYPE = 'crashloop_post';

export interface OutgoingMessage {
  channel: string;
  /** Reply in this thread. */
  threadTs?: string;
  text: string;
  blocks?: KnownBlock[];
}

export interface PostResult {
  channel: string;
  ts: string;
  /** False when the ledger showed the message was already posted. */
  posted: boolean;
}

interface LedgerEntry {
  ts: string;
  channel: string;
}

export class SlackPoster {
  constructor(
    private readonly redis: Redis,
    private readonly slack: webApi.WebClient,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    private readonly opts: { prefix: string; ttlSeconds: number },
  ) {}

  private key(postKey: string): string {
    return `${this.opts.prefix}:post:${postKey}`;
  }

  /** Post `msg` once per `postKey` (e.g. `${job.id}:reply`). Returns the message ts. */
  async post(postKey: string, msg: OutgoingMessage): Promise<PostResult> {
    const key = this.key(postKey);
    const claimed = await this.redis.set(key, `pending:${Math.floor(Date.now() / 1000)}`, 'EX', this.opts.ttlSeconds, 'NX');
    if (claimed !== 'OK') {
      const value = (await this.redis.get(key)) ?? '';
      if (!value.startsWith('pending:')) {
        const entry = JSON.parse(value) as LedgerEntry;
        return { ...entry, posted: false };
      }
      const found = await this.findPosted(postKey, msg, Number(value.slice('pending:'.length)));
      if (found) {
        await this.record(key, found);
        this.log.info({ postKey, ts: found.ts }, 'found a message posted by an earlier attempt; not posting again');
        return { ...found, posted: false };
      }
    }
    try {
      const res = await this.slack.chat.postMessage({
        channel: msg.channel,
        text: msg.text,
        ...(msg.blocks ? { blocks: msg.blocks } : {}),
        ...(msg.threadTs ? { thread_ts: msg.threadTs } : {}),
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: POST_EVENT_TYPE, event_payload: { post_key: postKey } },
      });
      const entry = { ts: String(res.ts), channel: String(res.channel ?? msg.channel) };
      await this.record(key, entry);
      return { ...entry, posted: true };
    } catch (err) {
      this.countError('chat.postMessage', err);
      // A definite refusal from Slack means nothing was posted: free the claim for the retry.
      if (isPlatformError(err)) await this.redis.del(key);
      throw err;
    }
  }

  /** chat.update is idempotent by nature: the same content twice is the same message. */
  async update(channel: string, ts: string, msg: { text: string; blocks?: KnownBlock[] }): Promise<void> {
    try {
      await this.slack.chat.update({ channel, ts, text: msg.text, ...(msg.blocks ? { blocks: msg.blocks } : {}) });
    } catch (err) {
      this.countError('chat.update', err);
      throw err;
    }
  }

  /** Count and log a failed Slack call made elsewhere (ephemeral answers, lookups). */
  countError(method: string, err: unknown): void {
    const code = slackErrorCode(err);
    this.metrics.slackErrors.inc({ method, error: code });
    this.log.warn({ method, slackError: code }, 'Slack API call failed');
  }

  private async record(key: string, entry: LedgerEntry): Promise<void> {
    await this.redis.set(key, JSON.stringify(entry), 'EX', this.opts.ttlSeconds);
  }

  private async findPosted(postKey: string, msg: OutgoingMessage, claimedAt: number): Promise<LedgerEntry | null> {
    try {
      const res = msg.threadTs
        ? await this.slack.conversations.replies({ channel: msg.channel, ts: msg.threadTs, include_all_metadata: true, limit: 200 })
        : await this.slack.conversations.history({
            channel: msg.channel,
            include_all_metadata: true,
            limit: 200,
            oldest: String(Math.max(0, claimedAt - 120)),
          });
      for (const m of res.messages ?? []) {
        const meta = (m as { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }).metadata;
        if (meta?.event_type === POST_EVENT_TYPE && meta.event_payload?.post_key === postKey && m.ts) {
          return { ts: m.ts, channel: msg.channel };
        }
      }
      return null;
    } catch (err) {
      this.countError(msg.threadTs ? 'conversations.replies' : 'conversations.history', err);
      this.log.warn({ postKey }, 'cannot check whether an earlier attempt already posted; posting (may duplicate)');
      return null;
    }
  }
}

export function slackErrorCode(err: unknown): string {
  const e = err as { code?: string; data?: { error?: string } };
  if (e?.data?.error) return e.data.error;
  if (typeof e?.code === 'string') return e.code;
  return 'unknown';
}

function isPlatformError(err: unknown): boolean {
  return (err as { code?: string })?.code === 'slack_webapi_platform_error';
}
