/**
 * The bot's button side for the action tests, wired from the real parts: config from env, Bolt's
 * HTTPReceiver with our button listeners, BullMQ producer + worker on a real redis-server, the
 * exactly-once poster and the Slack WebClient pointed at the stub, client-node at the fake API.
 * (The diagnosis side is not needed here; the cluster port refuses if called.)
 */
import type { Server } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';
import type { Worker } from 'bullmq';
import type { DestinationStream } from 'pino';
import type { KubeConfig } from '@kubernetes/client-node';
import type { ActionOptions } from '../../src/actions/action-options.js';
import { actionProcessors } from '../../src/actions/processors.js';
import { loadConfig } from '../../src/config.js';
import { makeClients } from '../../src/kube/clients.js';
import { createLogger } from '../../src/log.js';
import { createMetrics } from '../../src/metrics.js';
import { createRedis, waitReady } from '../../src/queue/connection.js';
import { JobQueue } from '../../src/queue/producer.js';
import { createWorker } from '../../src/queue/worker.js';
import type { RuntimeDeps } from '../../src/runtime/deps.js';
import { registerButtonHandlers } from '../../src/slack/button-handlers.js';
import { SlackPoster } from '../../src/slack/post-once.js';
import { createWebClient } from '../../src/slack/web-client.js';
import { ThreadStore } from '../../src/threads/thread-store.js';

export interface ActionsBot {
  deps: RuntimeDeps;
  url: string;
  stop(): Promise<void>;
}

export async function startActionsBot(opts: {
  env: NodeJS.ProcessEnv;
  kubeConfig: KubeConfig;
  logDestination: DestinationStream;
  timings: Partial<ActionOptions>;
}): Promise<ActionsBot> {
  const config = loadConfig(opts.env);
  const logger = createLogger({ level: config.logLevel, destination: opts.logDestination });
  const redis = createRedis(config.redisUrl!, 'command', config.queueName);
  const producer = createRedis(config.redisUrl!, 'producer', config.queueName);
  await Promise.all([waitReady(redis), waitReady(producer)]);
  const queue = new JobQueue(producer, config.queueName, 3600);
  const metrics = createMetrics(() => queue.counts());
  const slack = createWebClient(config);
  const poster = new SlackPoster(redis, slack, metrics, logger, { prefix: `${config.queueName}:ledger`, ttlSeconds: 3600 });
  const threads = new ThreadStore(redis, `${config.queueName}:threads`, 3600);
  const cluster = {
    diagnose: () => Promise.reject(new Error('not used by the action tests')),
    workloadOf: () => Promise.reject(new Error('not used by the action tests')),
  };
  const deps = { config, logger, redis, queue, slack, poster, threads, kube: makeClients(opts.kubeConfig), cluster, metrics } as RuntimeDeps;

  const receiver = new HTTPReceiver({ signingSecret: config.slack.signingSecret!, endpoints: '/slack/events', processBeforeResponse: false });
  const app = new App({ token: config.slack.botToken, receiver, clientOptions: { slackApiUrl: config.slack.apiUrl! }, deferInitialization: true });
  await app.init();
  registerButtonHandlers(app, deps);
  const server = (await app.start(0)) as Server;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const worker: Worker = createWorker(deps, actionProcessors(opts.timings), {
    connection: createRedis(config.redisUrl!, 'worker', config.queueName),
    concurrency: 4,
  });
  return {
    deps,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await app.stop();
      await worker.close();
      await queue.close();
      await producer.quit().catch(() => producer.disconnect());
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
