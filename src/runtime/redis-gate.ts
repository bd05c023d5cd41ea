/**
 * The start-up gate on Redis: the process serves HTTP (/healthz alive, /readyz 503 with the reason) while
 * its Redis connections are still trying to connect, and starts taking work once all of them have been
 * ready. ioredis keeps reconnecting with its capped backoff (src/queue/connection.ts); the gate only
 * watches, and says so in one log line at most every `logEveryMs` (no crash, no restart loop).
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../log.js';

export interface RedisGate {
  /** Resolves once every connection has been ready; rejects with GateCancelled after cancel(). */
  readonly ready: Promise<void>;
  /** While waiting: "waiting for Redis at redis://host:port"; undefined once ready. */
  waiting(): string | undefined;
  /** Stop waiting (shutdown before Redis came up). */
  cancel(): void;
}

export class GateCancelled extends Error {
  constructor() {
    super('stopped before Redis became reachable');
  }
}

/** Where Redis is, for people: scheme, host and port; never the password or the database path. */
export function redisTarget(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}:${u.port || '6379'}`;
  } catch {
    return 'redis (REDIS_URL)';
  }
}

export function gateRedis(clients: Redis[], url: string, logger: Logger, opts: { logEveryMs?: number } = {}): RedisGate {
  const target = redisTarget(url);
  const reason = `waiting for Redis at ${target}`;
  const logEveryMs = opts.logEveryMs ?? 10_000;
  const startedAt = Date.now();
  let lastError: string | undefined;
  let lastLog = 0;
  let done = false;
  let passed = false;
  let cancel!: () => void;

  const say = () => {
    if (done || Date.now() - lastLog < logEveryMs) return;
    lastLog = Date.now();
    logger.warn(
      { redis: target, waitedSeconds: Math.round((Date.now() - startedAt) / 1000), ...(lastError ? { error: lastError } : {}) },
      `${reason} (still retrying; not ready until it answers)`,
    );
  };
  const onError = (err: Error) => {
    lastError = err.message || (err as { code?: string }).code || String(err);
    say();
  };
  for (const c of clients) c.on('error', onError);
  // ioredis may go quiet between attempts (connect timeouts, backoff): keep the heartbeat line.
  const timer = setInterval(say, Math.max(1_000, Math.floor(logEveryMs / 2)));
  timer.unref();

  const finish = () => {
    done = true;
    clearInterval(timer);
    for (const c of clients) c.off('error', onError);
  };
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => {
      if (done) return;
      if (clients.every((c) => c.status === 'ready')) {
        finish();
        passed = true;
        for (const c of clients) c.off('ready', check);
        if (lastLog > 0) logger.info({ redis: target, waitedSeconds: Math.round((Date.now() - startedAt) / 1000) }, 'Redis is reachable');
        resolve();
      }
    };
    cancel = () => {
      if (done) return;
      finish();
      for (const c of clients) c.off('ready', check);
      reject(new GateCancelled());
    };
    for (const c of clients) c.on('ready', check);
    check();
  });
  // A cancelled gate nobody awaits is not an unhandled rejection.
  ready.catch(() => {});
  return { ready, waiting: () => (passed ? undefined : reason), cancel: () => cancel() };
}
