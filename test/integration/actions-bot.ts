/**
 * The bot for the action tests: the real `crashloop serve` (startBot: config from env, Bolt's
 * HTTPReceiver with all listeners, Redis, the Slack WebClient and client-node from KUBECONFIG) plus a
 * BullMQ worker running the action processors with short follow-up timings (production polls every 5 s).
 */
import type { Worker } from 'bullmq';
import type { DestinationStream } from 'pino';
import type { ActionOptions } from '../../src/actions/action-options.js';
import { actionProcessors } from '../../src/actions/processors.js';
import { createRedis } from '../../src/queue/connection.js';
import { createWorker } from '../../src/queue/worker.js';
import type { RuntimeDeps } from '../../src/runtime/deps.js';
import { startBot } from '../../src/runtime/start.js';

export interface ActionsBot {
  deps: RuntimeDeps;
  url: string;
  stop(): Promise<void>;
}

export async function startActionsBot(opts: { env: NodeJS.ProcessEnv; logDestination: DestinationStream; timings: Partial<ActionOptions> }): Promise<ActionsBot> {
  const bot = await startBot('serve', { env: opts.env, logDestination: opts.logDestination });
  const worker: Worker = createWorker(bot.deps, actionProcessors(opts.timings), {
    connection: createRedis(bot.config.redisUrl!, 'worker', bot.config.queueName),
    concurrency: 4,
  });
  return {
    deps: bot.deps,
    url: `http://127.0.0.1:${bot.port}`,
    async stop() {
      await worker.close();
      await bot.stop();
    },
  };
}
