/**
 * Process configuration: read from the environment once, validated, frozen.
 * Nothing else reads `process.env`. A missing or malformed variable is a `config` CrashloopError whose
 * message is one line naming the variable; the runtime entry prints that line and exits non-zero.
 */
import { z } from 'zod';

/** Below the worker Deployment's 60 s and the serve Deployment's 30 s terminationGracePeriodSeconds. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 20_000;
import { parseActionApprovers, type ApproverPolicy } from './actions/approvers.js';
import { CrashloopError, isCrashloopError } from './errors.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** Slack channel ids: C… (public), G… (private), D… (DM). */
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const intIn = (min: number, max: number) =>
  z.coerce.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

const envSchema = z.object({
  SLACK_BOT_TOKEN: nonEmpty.regex(/^xox[bp]-\S+$/, 'must be a bot token starting with xoxb-'),
  SLACK_APP_TOKEN: optional(z.string().trim().regex(/^xapp-\S+$/, 'must be an app-level token starting with xapp-')),
  SLACK_SIGNING_SECRET: optional(z.string().trim().regex(/^\S{8,}$/, 'must be the app signing secret')),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })),
  QUEUE_NAME: optional(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be letters, digits, _ or -')),
  ALERT_CHANNEL: optional(z.string().trim().regex(CHANNEL_ID, 'must be a Slack channel id like C0123ABCD')),
  ALERT_CHANNEL_ROUTES: optional(z.string()),
  ALERT_WEBHOOK_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  PORT: optional(intIn(0, 65535)),
  DEFAULT_NAMESPACE: optional(z.string().regex(DNS_LABEL, 'must be a Kubernetes namespace name')),
  ACTION_APPROVERS: optional(z.string()),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })),
  WORKER_CONCURRENCY: optional(intIn(1, 256)),
  EPISODE_TTL_SECONDS: optional(intIn(60, 30 * 24 * 3600)),
  WORKER_LOCK_MS: optional(intIn(1_000, 600_000)),
  WORKER_STALLED_INTERVAL_MS: optional(intIn(1_000, 600_000)),
  SHUTDOWN_GRACE_MS: optional(intIn(0, 600_000)),
  KUBECONFIG: optional(z.string()),
  KUBE_CONTEXT: optional(z.string()),
});

export interface Config {
  slack: {
    botToken: string;
    /** Socket Mode when set. */
    appToken?: string;
    /** HTTP mode (Bolt's /slack/events) when there is no app token. */
    signingSecret?: string;
    mode: 'socket' | 'http';
    apiUrl?: string;
  };
  /** Unset: `crashloop all` starts an embedded redis-server. */
  redisUrl?: string;
  queueName: string;
  alerts: {
    defaultChannel?: string;
    /** namespace -> channel id */
    routes: Readonly<Record<string, string>>;
    /** Unset: the webhook is off (404). */
    webhookToken?: string;
  };
  port: number;
  defaultNamespace: string;
  /** Raw ACTION_APPROVERS, and its parse (src/actions/approvers.ts), validated at start. */
  actionApprovers?: string;
  approvers: ApproverPolicy;
  logLevel: (typeof LOG_LEVELS)[number];
  workerConcurrency: number;
  /** In-flight jobs get this long after SIGTERM before they are handed back (stalled-job recovery). */
  shutdownGraceMs: number;
  /** A job whose worker stopped renewing its lock for this long is taken by another worker. */
  workerLockMs: number;
  workerStalledIntervalMs: number;
  /** How long a workload's alert thread lives without a resolve. */
  episodeTtlSeconds: number;
  kube: { kubeconfig?: string; context?: string };
}

function configError(variable: string, problem: string): CrashloopError {
  return new CrashloopError('config', `configuration error: ${variable} ${problem}`);
}

/** "prod=C123,staging=C456" -> { prod: 'C123', staging: 'C456' } */
export function parseChannelRoutes(raw: string | undefined): Record<string, string> {
  const routes: Record<string, string> = {};
  if (!raw) return routes;
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [ns, channel, extra] = part.split('=').map((s) => s.trim());
    if (!ns || !channel || extra !== undefined || !DNS_LABEL.test(ns) || !CHANNEL_ID.test(channel)) {
      throw configError('ALERT_CHANNEL_ROUTES', `has a bad entry "${part}" (expected namespace=CHANNEL_ID, comma-separated)`);
    }
    routes[ns] = channel;
  }
  return routes;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const missing = env[variable] === undefined || env[variable]?.trim() === '';
    throw configError(variable, missing ? 'is required but not set' : `is malformed: ${issue.message}`);
  }
  const e = parsed.data;
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    throw configError('SLACK_SIGNING_SECRET', 'is required but not set (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  const routes = parseChannelRoutes(e.ALERT_CHANNEL_ROUTES);
  if (e.ALERT_WEBHOOK_TOKEN && !e.ALERT_CHANNEL && Object.keys(routes).length === 0) {
    throw configError('ALERT_CHANNEL', 'is required when ALERT_WEBHOOK_TOKEN is set (or set ALERT_CHANNEL_ROUTES)');
  }
  let approvers: ApproverPolicy;
  try {
    approvers = parseActionApprovers(e.ACTION_APPROVERS);
  } catch (err) {
    if (isCrashloopError(err, 'config')) throw new CrashloopError('config', `configuration error: ${err.message}`);
    throw err;
  }
  const config: Config = {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
      mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
      ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/` } : {}),
    },
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    queueName: e.QUEUE_NAME ?? 'crashloop',
    alerts: {
      ...(e.ALERT_CHANNEL ? { defaultChannel: e.ALERT_CHANNEL } : {}),
      routes: Object.freeze(routes),
      ...(e.ALERT_WEBHOOK_TOKEN ? { webhookToken: e.ALERT_WEBHOOK_TOKEN } : {}),
    },
    port: e.PORT ?? 3000,
    defaultNamespace: e.DEFAULT_NAMESPACE ?? 'default',
    ...(e.ACTION_APPROVERS ? { actionApprovers: e.ACTION_APPROVERS } : {}),
    approvers,
    logLevel: e.LOG_LEVEL ?? 'info',
    workerConcurrency: e.WORKER_CONCURRENCY ?? 4,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS ?? DEFAULT_SHUTDOWN_GRACE_MS,
    workerLockMs: e.WORKER_LOCK_MS ?? 30_000,
    workerStalledIntervalMs: e.WORKER_STALLED_INTERVAL_MS ?? 30_000,
    episodeTtlSeconds: e.EPISODE_TTL_SECONDS ?? 24 * 3600,
    kube: {
      ...(e.KUBECONFIG ? { kubeconfig: e.KUBECONFIG } : {}),
      ...(e.KUBE_CONTEXT ? { context: e.KUBE_CONTEXT } : {}),
    },
  };
  return deepFreeze(config);
}

function deepFreeze<T extends object>(o: T): T {
  if (o instanceof Map || o instanceof Set) return o;
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}
