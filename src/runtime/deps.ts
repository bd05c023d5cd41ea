/**
 * The shared runtime dependencies: built once per process by src/runtime/build-deps.ts and passed
 * explicitly to every listener, route and job processor. Nothing below this reads env or makes clients.
 *
 * For job processors (the worker dispatches on `job.name`): a processor is a `JobProcessor<N>`.
 * It gets the job and a `JobContext` with `deps` and a child logger that carries the job id. Throw
 * `UnrecoverableError` (bullmq) for what a retry cannot fix; anything else is retried with backoff.
 * Post to Slack through `deps.poster.post(...)` with a step name so a retried job never posts twice.
 */
import type { webApi } from '@slack/bolt';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { KubeClients } from '../kube/clients.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { JobName, JobPayloads } from '../queue/jobs.js';
import type { JobQueue } from '../queue/producer.js';
import type { SlackPoster } from '../slack/post-once.js';
import type { ThreadStore } from '../threads/thread-store.js';
import type { ClusterPort } from './cluster.js';

export type { KubeClients };

export interface RuntimeDeps {
  config: Config;
  logger: Logger;
  /**
   * Redis for commands (thread map, post ledger, readiness ping). `enableOfflineQueue: false`:
   * fails fast while Redis is down instead of queueing commands.
   */
  redis: Redis;
  /** BullMQ producer for QUEUE_NAME (its own fail-fast connection). */
  queue: JobQueue;
  /** Slack Web API client (SLACK_API_URL honoured); retries 429 and 5xx itself. */
  slack: webApi.WebClient;
  /** Exactly-once posting to Slack, keyed by job id + step (see src/slack/post-once.ts). */
  poster: SlackPoster;
  threads: ThreadStore;
  kube: KubeClients;
  /** collect -> diagnose, and pod -> workload, over `kube` (src/runtime/cluster.ts). */
  cluster: ClusterPort;
  metrics: Metrics;
}

export interface JobContext {
  deps: RuntimeDeps;
  /** Child logger with jobId, job name and attempt. */
  log: Logger;
}

export type JobProcessor<N extends JobName = JobName> = (job: Job<JobPayloads[N], unknown, N>, ctx: JobContext) => Promise<void>;

/** Processors by job name; the worker refuses (UnrecoverableError) a job whose name has none. */
export type JobProcessors = { [N in JobName]?: JobProcessor<N> };
