/**
 * The non-Slack HTTP routes, shared by Bolt's HTTPReceiver (customRoutes, same port as /slack/events)
 * and the small node:http server used in Socket Mode:
 *   GET /healthz  process alive          GET /readyz   Redis ping + Slack auth.test (cached); 503 with
 *                                                       the reason while still waiting for Redis at start
 *   GET /metrics  Prometheus             POST /alerts/alertmanager  the alert webhook
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RuntimeDeps } from './deps.js';
import { parseAlertmanagerPayload, planAlertJobs } from '../trigger/alertmanager.js';
import { isCrashloopError } from '../errors.js';

export const ALERT_BODY_LIMIT = 1024 * 1024;
const READY_CACHE_MS = 10_000;

export interface Route {
  path: string;
  method: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Constant-time bearer check over equal-length digests (no length leak, no early exit). */
export function bearerMatches(header: string | undefined, expected: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const given = createHash('sha256').update(m?.[1] ?? '').digest();
  const want = createHash('sha256').update(expected).digest();
  return timingSafeEqual(given, want) && m !== null;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface RouteOptions {
  /** While the process waits for Redis at start: the reason ("waiting for Redis at redis://host:port"). */
  redisWaiting?: () => string | undefined;
}

export function createReadiness(deps: RuntimeDeps, opts: RouteOptions = {}): () => Promise<{ ready: boolean; redis: string; slack: string }> {
  let slackOkUntil = 0;
  return async () => {
    let redis = 'ok';
    let slack = 'ok';
    const waiting = opts.redisWaiting?.();
    if (waiting) {
      redis = waiting;
    } else {
      try {
        await deps.redis.ping();
      } catch (err) {
        redis = `unavailable: ${(err as Error).message}`;
      }
    }
    if (Date.now() > slackOkUntil) {
      try {
        await deps.slack.auth.test();
        slackOkUntil = Date.now() + READY_CACHE_MS;
      } catch (err) {
        const e = err as { data?: { error?: string }; message?: string };
        slack = `auth.test failed: ${e.data?.error ?? e.message ?? 'unknown'}`;
      }
    }
    return { ready: redis === 'ok' && slack === 'ok', redis, slack };
  };
}

export function alertWebhookHandler(deps: RuntimeDeps): Route['handler'] {
  const { config, metrics } = deps;
  return (req, res) => {
    const requestId = String(req.headers['x-request-id'] ?? randomUUID());
    const log = deps.logger.child({ requestId, route: 'alertmanager' });
    void (async () => {
      const token = config.alerts.webhookToken;
      if (!token) return sendJson(res, 404, { error: 'the alert webhook is off: set ALERT_WEBHOOK_TOKEN' });
      if (!bearerMatches(req.headers.authorization, token)) {
        log.warn('alert webhook: missing or wrong bearer token');
        return sendJson(res, 401, { error: 'missing or wrong bearer token' }, { 'www-authenticate': 'Bearer' });
      }
      let raw: string;
      try {
        raw = await readBody(req, ALERT_BODY_LIMIT);
      } catch (err) {
        if (err instanceof BodyTooLarge) {
          res.setHeader('connection', 'close');
          return sendJson(res, 413, { error: `body larger than ${ALERT_BODY_LIMIT} bytes` });
        }
        throw err;
      }
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, { error: 'body is not JSON' });
      }
      const parsed = parseAlertmanagerPayload(body);
      if (!parsed.ok) {
        log.warn({ reason: parsed.reason }, 'alert webhook: malformed payload');
        return sendJson(res, 400, { error: `malformed Alertmanager payload: ${parsed.reason}` });
      }
      const plan = planAlertJobs(parsed.payload, config.alerts);
      try {
        await deps.queue.addBulk(plan.jobs);
      } catch (err) {
        if (!isCrashloopError(err, 'queue-unavailable')) throw err;
        log.error({ err }, 'alert webhook: queue unavailable; answering 503 so Alertmanager retries');
        return sendJson(res, 503, { error: 'queue unavailable, retry later' }, { 'retry-after': '5' });
      }
      for (const j of plan.jobs) metrics.alerts.inc({ status: j.data.status, outcome: 'queued' });
      for (const s of plan.skipped) {
        metrics.alerts.inc({ status: 'unknown', outcome: 'skipped' });
        log.warn({ fingerprint: s.fingerprint, reason: s.reason }, 'alert skipped');
      }
      log.info({ groupKey: parsed.payload.groupKey, queued: plan.jobs.length, skipped: plan.skipped.length }, 'alerts queued');
      sendJson(res, 200, { queued: plan.jobs.map((j) => j.id), skipped: plan.skipped });
    })().catch((err: unknown) => {
      log.error({ err }, 'alert webhook failed');
      sendJson(res, 500, { error: 'internal error' });
    });
  };
}

export function buildRoutes(deps: RuntimeDeps, opts: RouteOptions = {}): Route[] {
  const readiness = createReadiness(deps, opts);
  return [
    { path: '/healthz', method: 'GET', handler: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    {
      path: '/readyz',
      method: 'GET',
      handler: (_req, res) => {
        void readiness().then((r) => sendJson(res, r.ready ? 200 : 503, r));
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (_req, res) => {
        void deps.metrics.registry.metrics().then(
          (text) => {
            res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
            res.end(text);
          },
          () => sendJson(res, 500, { error: 'metrics unavailable' }),
        );
      },
    },
    { path: '/alerts/alertmanager', method: 'POST', handler: alertWebhookHandler(deps) },
  ];
}
