/**
 * The queue producer as one stable object (`deps.queue`; listeners keep a reference to it) whose
 * BullMQ Queue is replaced once Redis is reachable. BullMQ checks the Redis version once when a Queue
 * is made; on a fail-fast connection that is not up yet that check fails for good, so until the gate
 * opens the handle points at such a Queue (every call fails fast: queue-unavailable -> 503 / an
 * ephemeral error, as during any Redis outage) and afterwards at a Queue made on the ready connection.
 */
import type { JobQueue } from '../queue/producer.js';

export interface QueueHandle {
  /** Hand this out as `deps.queue`. */
  queue: JobQueue;
  current(): JobQueue;
  /** Point the handle at `next`; closes the one it replaces. */
  switchTo(next: JobQueue): Promise<void>;
}

export function queueHandle(initial: JobQueue): QueueHandle {
  let current = initial;
  const queue = new Proxy({} as JobQueue, {
    get(_t, prop) {
      const target = current;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
    has: (_t, prop) => Reflect.has(current, prop),
  });
  return {
    queue,
    current: () => current,
    async switchTo(next) {
      const old = current;
      current = next;
      if (old !== next) await old.close().catch(() => {});
    },
  };
}
