/**
 * The producer side of the one queue: typed `add` with deterministic ids and the default job options
 * (retries with exponential backoff, retention long enough to keep dedupe for an episode).
 */
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { asQueueUnavailable } from './connection.js';
import type { JobName, JobPayloads } from './jobs.js';

/** Retention: a job id is the dedupe key, so finished jobs are kept at least as long as an episode. */
export function defaultJobOptions(retentionSeconds: number): JobsOptions {
  return {
    attempts: 6,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: retentionSeconds, count: 50_000 },
    removeOnFail: { age: retentionSeconds * 7, count: 10_000 },
  };
}

export interface AddRequest<N extends JobName> {
  name: N;
  data: JobPayloads[N];
  /** Deterministic id (build with jobId()): adding an existing id is a no-op. */
  id: string;
  opts?: JobsOptions;
}

export class JobQueue {
  readonly queue: Queue;

  constructor(connection: Redis, name: string, retentionSeconds: number) {
    this.queue = new Queue(name, {
      connection,
      defaultJobOptions: defaultJobOptions(retentionSeconds),
      skipWaitingForReady: true,
    });
    this.queue.on('error', () => {});
  }

  /** Durably queue one job; throws a `queue-unavailable` CrashloopError when Redis is down. */
  async add<N extends JobName>(req: AddRequest<N>): Promise<void> {
    try {
      await this.queue.add(req.name, req.data as never, { ...req.opts, jobId: req.id });
    } catch (err) {
      throw asQueueUnavailable(err);
    }
  }

  /** Queue several jobs in one round trip (an Alertmanager group). */
  async addBulk(reqs: Array<AddRequest<JobName>>): Promise<void> {
    if (reqs.length === 0) return;
    try {
      await this.queue.addBulk(reqs.map((r) => ({ name: r.name, data: r.data as never, opts: { ...r.opts, jobId: r.id } })));
    } catch (err) {
      throw asQueueUnavailable(err);
    }
  }

  async counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
