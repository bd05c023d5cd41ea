/**
 * Prometheus metrics (prom-client) on a registry of our own, so two apps in one process (tests) don't collide.
 * Served at /metrics. Queue depth by state is read from BullMQ when scraped.
 */
import client from 'prom-client';

export interface Metrics {
  registry: client.Registry;
  /** Jobs finished by the worker: name (diagnose, alert, action, ...) and state (completed, failed, retried). */
  jobs: client.Counter<'name' | 'state'>;
  /** Queue depth by BullMQ state, read at scrape time. */
  queueDepth: client.Gauge<'state'>;
  /** collect + diagnose, seconds. */
  diagnosisDuration: client.Histogram<'trigger'>;
  causes: client.Counter<'cause'>;
  slackErrors: client.Counter<'method' | 'error'>;
  clusterErrors: client.Counter<'code'>;
  alerts: client.Counter<'status' | 'outcome'>;
  slashCommands: client.Counter<'outcome'>;
}

export function createMetrics(queueCounts?: () => Promise<Record<string, number>>): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'crashloop_' });
  const m: Metrics = {
    registry,
    jobs: new client.Counter({
      name: 'crashloop_jobs_total',
      help: 'Queue jobs processed by this worker, by job name and outcome',
      labelNames: ['name', 'state'],
      registers: [registry],
    }),
    queueDepth: new client.Gauge({
      name: 'crashloop_queue_jobs',
      help: 'Jobs in the queue by state (waiting, active, delayed, failed, completed)',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        if (!queueCounts) return;
        try {
          const counts = await queueCounts();
          for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
        } catch {
          // Redis down: leave the last values; /readyz says why.
        }
      },
    }),
    diagnosisDuration: new client.Histogram({
      name: 'crashloop_diagnosis_duration_seconds',
      help: 'Time to collect evidence and diagnose one pod',
      labelNames: ['trigger'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: [registry],
    }),
    causes: new client.Counter({
      name: 'crashloop_diagnoses_total',
      help: 'Diagnoses posted, by cause id (taxonomy)',
      labelNames: ['cause'],
      registers: [registry],
    }),
    slackErrors: new client.Counter({
      name: 'crashloop_slack_errors_total',
      help: 'Slack Web API calls that failed, by method and error code',
      labelNames: ['method', 'error'],
      registers: [registry],
    }),
    clusterErrors: new client.Counter({
      name: 'crashloop_cluster_errors_total',
      help: 'Kubernetes API failures that ended a job attempt, by error code',
      labelNames: ['code'],
      registers: [registry],
    }),
    alerts: new client.Counter({
      name: 'crashloop_alerts_total',
      help: 'Alertmanager alerts received, by status and outcome (queued, skipped)',
      labelNames: ['status', 'outcome'],
      registers: [registry],
    }),
    slashCommands: new client.Counter({
      name: 'crashloop_slash_commands_total',
      help: 'Slash commands received, by outcome (queued, help, invalid, queue-unavailable)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
  return m;
}
