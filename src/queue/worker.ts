/**
 * The BullMQ worker: bounded concurrency, stalled-job recovery (a job whose worker died is taken again
 * after `lockDuration`), dispatch on `job.name`. Errors a retry cannot fix become UnrecoverableError;
 * the rest are retried with the queue's exponential backoff.
 */
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { isCrashloopError } from '../errors.js';
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

export function createWorker(deps: RuntimeDeps, processors: JobProcessors, opts: WorkerOptions): Worker {
  const worker = new Worker(
    deps.config.queueName,
    async (job: Job) => {
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
  worker.on('completed', (job) => deps.metrics.jobs.inc({ name: job.name, state: 'completed' }));
  worker.on('failed', (job, err) => {
    if (!job) return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    deps.metrics.jobs.inc({ name: job.name, state: final ? 'failed' : 'retried' });
    if (final) deps.logger.error({ jobId: job.id, job: job.name, err }, 'job failed for good');
  });
  worker.on('stalled', (id) => deps.logger.warn({ jobId: id }, 'job stalled (worker gone?); it will be taken again'));
  worker.on('error', (err) => deps.logger.error({ err }, 'worker error'));
  return worker;
}
