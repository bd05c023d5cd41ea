/**
 * The root pino logger (JSON lines). Requests and jobs log through child loggers carrying their ids
 * (`log.child({ requestId })`, `log.child({ jobId, job })`). Tokens never reach a line: known secret
 * fields are censored by path, and every string message/argument goes through `redact()`.
 */
import { pino, type Logger, type DestinationStream } from 'pino';
import { redact } from './redact.js';

export type { Logger };

const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'webhookToken',
  '*.webhookToken',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'headers.cookie',
  'config.slack',
  'config.alerts.webhookToken',
];

export interface LoggerOptions {
  level?: string;
  /** Defaults to stdout; tests pass a capturing stream. */
  destination?: DestinationStream;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  return pino(
    {
      name: 'crashloop-bot',
      level: opts.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      serializers: { err: serializeError },
      hooks: {
        logMethod(args, method) {
          const clean = args.map((a) => (typeof a === 'string' ? redact(a) : a)) as Parameters<typeof method>;
          method.apply(this, clean);
        },
      },
    },
    opts.destination,
  );
}

/** Errors are logged with a redacted message and stack, plus the stable code when there is one. */
function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const out: Record<string, unknown> = { type: err.name, message: redact(err.message) };
  const e = err as Error & { code?: unknown; data?: { error?: unknown } };
  if (e.code !== undefined) out.code = e.code;
  if (e.data?.error !== undefined) out.slackError = e.data.error;
  if (err.stack) out.stack = redact(err.stack);
  return out;
}
