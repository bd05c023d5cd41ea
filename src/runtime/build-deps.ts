/**
 * Build the shared runtime dependencies once per process: Redis connections (fail-fast command and
 * producer connections; they connect in the background, see ./redis-gate.ts), the queue producer, the
 * Slack Web API client, the thread map, the exactly-once poster, metrics, and the Kubernetes clients
 * for the roles that run jobs (`serve` makes them only if something uses them: ./lazy-kube.ts).
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { makeClients } from '../kube/clients.js';
import { loadKubeConfig } from '../kube/config.js';
import type { Logger } from '../log.js';
import { createMetrics } from '../metrics.js';
import { createRedis } from '../queue/connection.js';
import { JobQueue } from '../queue/producer.js';
import { boltLogger } from '../slack/bolt-logger.js';
import { SlackPoster } from '../slack/post-once.js';
import { createWebClient } from '../slack/web-client.js';
import { ThreadStore } from '../threads/thread-store.js';
import { createClusterPort } from './cluster.js';
import { closeRedis, within } from './shutdown.js';
import type { RuntimeDeps } from './deps.js';
import { lazyKubeClients } from './lazy-kube.js';
import { queueHandle } from './queue-handle.js';

const WEEK = 7 * 24 * 3600;

export interface BuiltDeps {
  deps: RuntimeDeps;
  /** The fail-fast connections (command, producer), for the start-up gate. */
  connections: Redis[];
  /** Once the connections are ready: make the producer's BullMQ Queue (./queue-handle.ts). */
  activate(): Promise<void>;
  /** Extra connections to close (the producer's). */
  close(): Promise<void>;
}

export interface BuildOptions {
  /** Load a kubeconfig and make API clients at start (worker, all); false for serve (first use only). */
  kube: boolean;
}

export function buildDeps(config: Config, logger: Logger, redisUrl: string, opts: BuildOptions): BuiltDeps {
  // First, so that a bad kubeconfig stops the start before any connection is open. serve: on first use
  // only, which serve itself never makes (no kubeconfig, no ServiceAccount token needed).
  const makeKube = () => makeClients(loadKubeConfig(config.kube));
  const kube = opts.kube ? makeKube() : lazyKubeClients(makeKube);
  const cluster = createClusterPort(kube);
  const redis = createRedis(redisUrl, 'command', config.queueName);
  const producer = createRedis(redisUrl, 'producer', config.queueName);
  // Dedupe lives as long as both the job records and the ledger: at least an episode, at least a week.
  const retention = Math.max(WEEK, config.episodeTtlSeconds);
  // Until Redis is reachable the handle's Queue fails fast; activate() swaps in the working one.
  const handle = queueHandle(new JobQueue(producer, config.queueName, retention));
  const queue = handle.queue;
  const metrics = createMetrics(() => queue.counts());
  const slack = createWebClient(config, boltLogger(logger.child({ component: 'slack-web-api' })));
  const poster = new SlackPoster(redis, slack, metrics, logger.child({ component: 'poster' }), {
    prefix: `${config.queueName}:ledger`,
    ttlSeconds: retention,
  });
  const threads = new ThreadStore(redis, `${config.queueName}:threads`, config.episodeTtlSeconds);
  const deps: RuntimeDeps = { config, logger, redis, queue, slack, poster, threads, kube, cluster, metrics };
  return {
    deps,
    connections: [redis, producer],
    async activate() {
      await within(handle.switchTo(new JobQueue(producer, config.queueName, retention)), 2_000);
    },
    async close() {
      await within(handle.current().close(), 2_000);
      await closeRedis(producer);
      await closeRedis(redis);
    },
  };
}
