/**
 * Start a bot process in one of three roles, in-process (tests and the bench use this directly):
 *   serve  - Slack receiver, alert webhook, health, metrics
 *   worker - BullMQ worker (diagnose, alert, action, rollout-status); /healthz, /readyz, /metrics on PORT
 *   all    - both; without REDIS_URL it also starts an embedded redis-server
 * Start-up never waits on Redis to serve HTTP: /healthz answers at once, /readyz says 503 "waiting for
 * Redis at ..." until the connections are ready (ioredis keeps retrying; ./redis-gate.ts logs it), and
 * then the worker starts. `ready` resolves then; `startBot` waits for it unless `waitForRedis: false`.
 * `stop()` is the bounded graceful shutdown (./shutdown.ts): stop taking work, give in-flight jobs
 * SHUTDOWN_GRACE_MS, hand back the rest (stalled-job recovery), close HTTP and Redis.
 */
import type { DestinationStream } from 'pino';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { actionProcessors } from '../actions/processors.js';
import { type Config, loadConfig } from '../config.js';
import { CrashloopError } from '../errors.js';
import { createLogger, type Logger } from '../log.js';
import { createRedis } from '../queue/connection.js';
import { processAlert } from '../queue/process-alert.js';
import { processDiagnose } from '../queue/process-diagnose.js';
import { createWorker, drainWorker } from '../queue/worker.js';
import { createSlackApp, type SlackApp } from '../slack/app.js';
import { type BuiltDeps, buildDeps } from './build-deps.js';
import type { JobProcessors, RuntimeDeps } from './deps.js';
import { type EmbeddedRedis, startEmbeddedRedis } from './embedded-redis.js';
import { GateCancelled, gateRedis } from './redis-gate.js';
import { buildRoutes } from './routes.js';
import { type RouteServer, startRouteServer } from './http-server.js';
import { CLOSE_BUDGET_MS, closeRedis, within } from './shutdown.js';

export type Role = 'serve' | 'worker' | 'all';

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  logDestination?: DestinationStream;
  /** Resolve only once Redis is reachable and the worker runs (default true; the process entry passes false). */
  waitForRedis?: boolean;
}

export interface RunningBot {
  role: Role;
  config: Config;
  deps: RuntimeDeps;
  logger: Logger;
  /** HTTP port. */
  port?: number;
  /** Set once Redis is reachable (worker/all). */
  worker?: Worker;
  /** Resolves once Redis is reachable and the worker (if any) started; rejects if stopped before. */
  ready: Promise<void>;
  /** In-flight jobs get this long after stop() before they are handed back. */
  shutdownGraceMs: number;
  stop(): Promise<void>;
}

export function processors(): JobProcessors {
  return { diagnose: processDiagnose, alert: processAlert, ...actionProcessors() };
}

export async function startBot(role: Role, opts: StartOptions = {}): Promise<RunningBot> {
  const env = opts.env ?? process.env;
  const config = loadConfig(env);
  const graceMs = config.shutdownGraceMs;
  const logger = createLogger({ level: config.logLevel, ...(opts.logDestination ? { destination: opts.logDestination } : {}) }).child({ role });
  let embedded: EmbeddedRedis | undefined;
  let redisUrl = config.redisUrl;
  if (!redisUrl) {
    if (role !== 'all') {
      throw new CrashloopError('config', `configuration error: REDIS_URL is required but not set (only \`crashloop all\` starts an embedded redis-server)`);
    }
    embedded = await startEmbeddedRedis();
    redisUrl = embedded.url;
    logger.warn({ redis: redisUrl }, 'REDIS_URL not set: started an embedded redis-server (no persistence; set REDIS_URL in production)');
  }
  let built: BuiltDeps;
  try {
    built = buildDeps(config, logger, redisUrl, { kube: role !== 'serve' });
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
  const { deps } = built;
  const gate = gateRedis(built.connections, redisUrl, logger);
  // Not ready until Redis answered and the queue (and the worker) are set up on it.
  let takingWork = false;
  const routes = buildRoutes(deps, { redisWaiting: () => (takingWork ? undefined : (gate.waiting() ?? 'Redis is reachable; starting')) });

  let slackApp: SlackApp | undefined;
  let port: number | undefined;
  let routeServer: RouteServer | undefined;
  try {
    if (role === 'serve' || role === 'all') {
      slackApp = await createSlackApp(deps, routes);
      port = await slackApp.start();
      logger.info({ port, mode: config.slack.mode }, 'serving /slack/events, /alerts/alertmanager, /healthz, /readyz, /metrics');
    } else {
      // Probes and the worker's own metrics (jobs, diagnosis duration, causes) on PORT.
      routeServer = await startRouteServer(routes.filter((r) => r.path !== '/alerts/alertmanager'), config.port);
      port = routeServer.port;
      logger.info({ port }, 'serving /healthz, /readyz, /metrics');
    }
  } catch (err) {
    gate.cancel();
    await slackApp?.stop().catch(() => {});
    await routeServer?.close();
    await built.close();
    await embedded?.stop();
    throw err;
  }

  let worker: Worker | undefined;
  let workerConnection: Redis | undefined;
  let stopped = false;
  const bot: RunningBot = {
    role,
    config,
    deps,
    logger,
    ...(port !== undefined ? { port } : {}),
    ready: gate.ready.then(async () => {
      await built.activate();
      if (stopped) return;
      if (role !== 'worker' && role !== 'all') {
        takingWork = true;
        return;
      }
      workerConnection = createRedis(redisUrl, 'worker', config.queueName);
      worker = createWorker(deps, processors(), {
        connection: workerConnection,
        concurrency: config.workerConcurrency,
        lockDuration: config.workerLockMs,
        stalledInterval: config.workerStalledIntervalMs,
      });
      bot.worker = worker;
      takingWork = true;
      logger.info({ queue: config.queueName, concurrency: config.workerConcurrency, ...(role === 'worker' ? { port } : {}) }, 'worker started');
    }),
    shutdownGraceMs: graceMs,
    stop: () => (stopping ??= shutdown()),
  };
  bot.ready.catch(() => {});
  let stopping: Promise<void> | undefined;

  async function shutdown(): Promise<void> {
    stopped = true;
    logger.info({ graceMs }, 'shutting down: no new work; finishing in-flight jobs');
    gate.cancel();
    // Stop the HTTP side first (no new jobs), then let the worker finish what it holds, within the grace.
    if (!(await within(slackApp?.stop(), CLOSE_BUDGET_MS / 2))) logger.warn('stopping the Slack app took too long');
    if (worker) {
      try {
        await drainWorker(worker, { graceMs, log: logger, ...(workerConnection ? { connection: workerConnection } : {}) });
      } catch (err) {
        logger.warn({ err }, 'closing the worker failed');
      }
    }
    await within(routeServer?.close(), 1_000);
    // BullMQ does not close a connection it was given.
    await closeRedis(workerConnection);
    await built.close();
    await embedded?.stop();
    logger.info('stopped');
  }

  if (opts.waitForRedis !== false) {
    try {
      await bot.ready;
    } catch (err) {
      if (!(err instanceof GateCancelled)) {
        await bot.stop();
        throw err;
      }
    }
  }
  return bot;
}
