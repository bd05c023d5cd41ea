/**
 * Bounded shutdown: every step that talks to Redis or a socket gets a time limit, so SIGTERM during a
 * Redis outage still ends in a clean exit 0 within the Deployment's terminationGracePeriodSeconds.
 *   SHUTDOWN_GRACE_MS (src/config.ts)  how long in-flight jobs get to finish after SIGTERM (default 20000, below the
 *                      worker Deployment's 60 s and the serve Deployment's 30 s); unfinished jobs are
 *                      handed back through BullMQ's stalled-job recovery.
 */
import type { Redis } from 'ioredis';

/** What closing connections and servers may take on top of the grace period. */
export const CLOSE_BUDGET_MS = 8_000;

/** Wait for `p` at most `ms`; true when it settled in time (a rejection counts as settled). */
export async function within(p: Promise<unknown> | undefined, ms: number): Promise<boolean> {
  if (!p) return true;
  let timer: NodeJS.Timeout | undefined;
  const settled = p.then(
    () => true,
    () => true,
  );
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** QUIT when connected (bounded), else drop the socket: never waits for a Redis that is down. */
export async function closeRedis(r: Redis | undefined, ms = 1_000): Promise<void> {
  if (!r || r.status === 'end') return;
  if (r.status === 'ready' && (await within(r.quit(), ms))) return;
  r.disconnect();
}
