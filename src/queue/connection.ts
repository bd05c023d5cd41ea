/**
 * Redis connections. Three roles, three settings (see pitfalls.md, BullMQ on ioredis):
 *  - `command`: HTTP handlers and the job code; `enableOfflineQueue: false` so a command fails at once
 *    while Redis is down (-> 503 / an ephemeral error) instead of hanging until it comes back.
 *  - `producer`: the BullMQ Queue, the same fail-fast settings.
 *  - `worker`: BullMQ Worker's blocking connection; `maxRetriesPerRequest: null` as BullMQ requires.
 * A fail-fast connection must have been ready once: `waitReady` is the start-up gate.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { CrashloopError } from '../errors.js';

export type RedisRole = 'command' | 'producer' | 'worker';

export function redisOptions(role: RedisRole): RedisOptions {
  const base: RedisOptions = {
    lazyConnect: false,
    connectTimeout: 5_000,
    // Keep reconnecting (capped backoff); commands in between fail fast or block per role.
    retryStrategy: (times) => Math.min(200 * times, 2_000),
  };
  if (role === 'worker') return { ...base, maxRetriesPerRequest: null };
  return { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1 };
}

export function createRedis(url: string, role: RedisRole, name = 'crashloop'): Redis {
  const client = new Redis(url, { ...redisOptions(role), connectionName: `${name}-${role}` });
  // Errors are reported through commands and /readyz; keep ioredis from printing unhandled-error noise.
  client.on('error', () => {});
  return client;
}

/** Resolve once the connection is ready; a clear error after `timeoutMs`. */
export async function waitReady(client: Redis, timeoutMs = 15_000): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new CrashloopError('queue-unavailable', `Redis is not reachable (waited ${Math.round(timeoutMs / 1000)} s); check REDIS_URL`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      client.off('ready', onReady);
    };
    client.on('ready', onReady);
  });
}

/** Redis failures surface as this stable code at the edges (503, ephemeral message). */
export function asQueueUnavailable(err: unknown): CrashloopError {
  return new CrashloopError('queue-unavailable', 'the job queue (Redis) is unavailable', [], { cause: err });
}
