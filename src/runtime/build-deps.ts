/**
 * Build the shared runtime dependencies once per process: Redis connections (fail-fast command and
 * producer connections, ready-gated), the queue producer, the Slack Web API client, the thread map,
 * the exactly-once poster, the Kubernetes clients and metrics.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { makeClients } from '../kube/clients.js';
import { loadKubeConfig } from '../kube/config.js';
import type { Logger } from '../log.js';
import { createMetrics } from '../metrics.js';
import { createRedis, waitReady } from '../queue/connection.js';
import { JobQueue } from '../queue/producer.js';
import { boltLogger } from '../slack/bolt-logger.js';
import { SlackPoster } from '../slack/post-once.js';
import { createWebClient } from '../slack/web-client.js';
import { ThreadStore } from '../threads/thread-store.js';
import { createClusterPort } from './cluster.js';
import type { RuntimeDeps } from './deps.js';

const WEEK = 7 * 24 * 3600;

export interface BuiltDeps {
  deps: RuntimeDeps;
  /** Extra connections to close (the producer's). */
  close(): Promise<void>;
}

export async function buildDeps(config: Config, logger: Logger, redisUrl: string): Promise<BuiltDeps> {
  const redis = createRedis(redisUrl, 'command', config.queueName);
  const producer = createRedis(redisUrl, 'producer', config.queueName);
  try {
    await Promise.all([waitReady(redis), waitReady(producer)]);
  } catch (err) {
    redis.disconnect();
    producer.disconnect();
    throw err;
  }
  // Dedupe lives as long as both the job records and the ledger: at least an episode, at least a week.
  const retention = Math.max(WEEK, config.episodeTtlSeconds);
  const queue = new JobQueue(producer, config.queueName, retention);
  const metrics = createMetrics(() => queue.counts());
  const slack = createWebClient(config, boltLogger(logger.child({ component: 'slack-web-api' })));
  const poster = new SlackPoster(redis, slack, metrics, logger.child({ component: 'poster' }), {
    prefix: `${config.queueName}:ledger`,
    ttlSeconds: retention,
  });
  const threads = new ThreadStore(redis, `${config.queueName}:threads`, config.episodeTtlSeconds);
  const kube = makeClients(loadKubeConfig(config.kube));
  const cluster = createClusterPort(kube);
  const deps: RuntimeDeps = { config, logger, redis, queue, slack, poster, threads, kube, cluster, metrics };
  return {
    deps,
    async close() {
      await queue.close().catch(() => {});
      await quit(producer);
      await quit(redis);
    },
  };
}

async function quit(r: Redis): Promise<void> {
  try {
    await r.quit();
  } catch {
    r.disconnect();
  }
}
