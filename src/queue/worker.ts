/**
 * The BullMQ worker: bounded concurrency, stalled-job recovery (a job whose worker died is taken again
 * after `lockDuration`), dispatch on `job.name`. Errors a retry cannot fix become UnrecoverableError;
 * the rest are retried with the queue's exponential backoff.
 */
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { isCrashloopError } from '../errors.js';
import type { Logger } from '../log.js';
import type { JobProcessors, RuntimeDeps } from '../runtime/deps.js';
import { ThreadNotReadyError } from './process-alert.js';

export interface WorkerOptions {
  /** A blocking connection (maxRetriesPerRequest: null); the worker owns and closes it. */
  connection: Redis;
  concurrency: number;
  /** ms; a job not renewed within this is stalled and taken by another worker. Default 30 s. */
  lockDuration?: number;
  /** ms between stalled-job checks. Default 30 s. */
  stalledInterval?: number;
}

const RETRYABLE_CODES = new Set(['cluster-unreachable', 'queue-unavailable']);
/** Slack errors a retry cannot fix. */
const PERMANENT_SLACK_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_blocks',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  'msg_too_long',
  'no_text',
]);

export function isPermanent(err: unknown): boolean {
  if (isCrashloopError(err)) return !RETRYABLE_CODES.has(err.code);
  const slackError = (err as { data?: { error?: string } })?.data?.error;
  return slackError !== undefined && PERMANENT_SLACK_ERRORS.has(slackError);
}

const CONNECTION_ERROR_LOG_EVERY_MS = 10_000;
const CONNECTION_ERRORS = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|Connection is closed|Stream isn't writeable/;

function isConnectionError(err: Error): boolean {
  return CONNECTION_ERRORS.test(`${(err as { code?: string }).code ?? ''} ${err.message}`);
}

/** The processor runs in flight per worker (for the bounded drain on shutdown). */
const inFlight = new WeakMap<Worker, Set<Promise<unknown>>>();

export function createWorker(deps: RuntimeDeps, processors: JobProcessors, opts: WorkerOptions): Worker {
  const running = new Set<Promise<unknown>>();
  const worker = new Worker(
    deps.config.queueName,
    (job: Job) => {
      const p = run(job);
      running.add(p);
      const forget = () => running.delete(p);
      p.then(forget, forget);
      return p;
    },
    {
      connection: opts.connection,
      concurrency: opts.concurrency,
      lockDuration: opts.lockDuration ?? 30_000,
      stalledInterval: opts.stalledInterval ?? 30_000,
      maxStalledCount: 2,
      autorun: true,
    },
  );
  inFlight.set(worker, running);
  async function run(job: Job): Promise<void> {
    const log = deps.logger.child({ jobId: job.id, job: job.name, attempt: job.attemptsMade + 1 });
    const processor = processors[job.name as keyof JobProcessors] as ((j: Job, c: unknown) => Promise<void>) | undefined;
    if (!processor) throw new UnrecoverableError(`no processor for job name "${job.name}"`);
    try {
      await processor(job, { deps, log });
    } catch (err) {
      if (err instanceof UnrecoverableError) throw err;
      if (isPermanent(err)) {
        log.error({ err }, 'job failed; not retrying');
        throw new UnrecoverableError((err as Error).message);
      }
      const level = err instanceof ThreadNotReadyError ? 'info' : 'warn';
      log[level]({ err }, 'job attempt failed; will retry');
      throw err;
    }
  }
  worker.on('completed', (job) => deps.metrics.jobs.inc({ name: job.name, state: 'completed' }));
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    deps.metrics.jobs.inc({ name: job.name, state: final ? 'failed' : 'retried' });
    if (final) deps.logger.error({ jobId: job.id, job: job.name, err }, 'job failed for good');
  });
  worker.on('stalled', (id) => deps.logger.warn({ jobId: id }, 'job stalled (worker gone?); it will be taken again'));
  // While Redis is down every reconnect attempt is an 'error': say so once per interval, not per attempt.
  let quietUntil = 0;
  worker.on('error', (err) => {
    if (!isConnectionError(err)) return deps.logger.error({ err }, 'worker error');
    if (Date.now() < quietUntil) return;
    quietUntil = Date.now() + CONNECTION_ERROR_LOG_EVERY_MS;
    deps.logger.warn({ error: err.message }, 'worker: Redis connection lost; reconnecting (jobs resume when it answers)');
  });
  return worker;
}

export interface DrainOptions {
  /** How long in-flight jobs may take to finish. */
  graceMs: number;
  /** Limit for closing the worker itself (its connections) after that. */
  closeMs?: number;
  /** The worker's connection: while it is not ready there is nothing to wait for in a normal close. */
  connection?: Redis;
  log: Logger;
}

/**
 * Shutdown in bounded time, also while Redis is down: stop taking jobs, give the jobs in flight
 * `graceMs` to finish, then close the worker (with force when some did not finish). A job still running then is handed back:
 * its lock is no longer renewed, so the stalled-job check (here or in another worker) queues it again.
 * Returns how many jobs were handed back that way.
 */
export async function drainWorker(worker: Worker, opts: DrainOptions): Promise<number> {
  const running = inFlight.get(worker) ?? new Set<Promise<unknown>>();
  // Not worker.close(false): its wait for the jobs has no limit and cannot be cut short by a later close(true).
  await bounded(worker.pause(true), 2_000);
  const deadline = Date.now() + opts.graceMs;
  while (running.size > 0 && Date.now() < deadline) {
    await bounded(Promise.allSettled([...running]), deadline - Date.now());
  }
  const unfinished = running.size;
  if (unfinished > 0) {
    opts.log.warn({ unfinished, graceMs: opts.graceMs }, 'grace period over: handing the unfinished jobs back (stalled-job recovery runs them again)');
  }
  // All done: a normal close also waits for BullMQ to record the last completions. Else (or while
  // Redis is down, when nothing can be recorded anyway) force.
  const force = unfinished > 0 || (opts.connection !== undefined && opts.connection.status !== 'ready');
  if (!(await bounded(worker.close(force), opts.closeMs ?? 3_000))) opts.log.warn('closing the worker took too long; dropping its connections');
  return unfinished;
}

async function bounded(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const done = p.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([done, new Promise<boolean>((r) => (timer = setTimeout(() => r(false), Math.max(0, ms))))]);
  } finally {
    clearTimeout(timer);
  }
}
