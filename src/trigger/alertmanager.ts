/**
 * Alertmanager webhook (payload version 4) -> one 'alert' job per alert. Pure: the HTTP route
 * (src/runtime/routes.ts) checks the token and size, this validates and maps.
 * Job ids are deterministic (fingerprint + startsAt + status): Alertmanager re-sending the same group
 * adds nothing. The workload lookup happens in the job, keeping the request fast.
 */
import { z } from 'zod';
import type { Config } from '../config.js';
import { type AlertJob, jobId } from '../queue/jobs.js';
import type { AddRequest } from '../queue/producer.js';
import { nameProblem } from './slash-command.js';

const labels = z.record(z.string(), z.string());

const alertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels,
  annotations: labels.default({}),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1).max(128),
});

export const alertmanagerPayloadSchema = z.object({
  version: z.literal('4', { error: 'version must be "4" (Alertmanager webhook payload version 4)' }),
  groupKey: z.string(),
  truncatedAlerts: z.number().int().nonnegative().optional(),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  groupLabels: labels,
  commonLabels: labels,
  commonAnnotations: labels,
  externalURL: z.string(),
  alerts: z.array(alertSchema).min(1, 'alerts must not be empty').max(1000),
});

export type AlertmanagerPayload = z.infer<typeof alertmanagerPayloadSchema>;

export type ParseResult = { ok: true; payload: AlertmanagerPayload } | { ok: false; reason: string };

/** Validate a parsed JSON body; the reason names the first bad field, e.g. `alerts.0.startsAt: ...`. */
export function parseAlertmanagerPayload(body: unknown): ParseResult {
  const r = alertmanagerPayloadSchema.safeParse(body);
  if (r.success) return { ok: true, payload: r.data };
  const issue = r.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  return { ok: false, reason: `${path ? `${path}: ` : ''}${issue.message}` };
}

export interface Skipped {
  fingerprint: string;
  reason: string;
}

export interface AlertPlan {
  jobs: Array<AddRequest<'alert'>>;
  skipped: Skipped[];
}

/** The channel for a namespace: its route, else ALERT_CHANNEL. */
export function channelFor(namespace: string, alerts: Config['alerts']): string | undefined {
  return alerts.routes[namespace] ?? alerts.defaultChannel;
}

export function planAlertJobs(payload: AlertmanagerPayload, alerts: Config['alerts']): AlertPlan {
  const plan: AlertPlan = { jobs: [], skipped: [] };
  for (const a of payload.alerts) {
    const l = { ...payload.commonLabels, ...a.labels };
    const namespace = l.namespace;
    const pod = l.pod;
    if (!namespace || !pod) {
      plan.skipped.push({ fingerprint: a.fingerprint, reason: 'no namespace and pod labels' });
      continue;
    }
    const problem = nameProblem(namespace, 'namespace') ?? nameProblem(pod, 'pod') ?? (l.container ? nameProblem(l.container, 'container') : null);
    if (problem) {
      plan.skipped.push({ fingerprint: a.fingerprint, reason: problem });
      continue;
    }
    const channel = channelFor(namespace, alerts);
    if (!channel) {
      plan.skipped.push({ fingerprint: a.fingerprint, reason: `no channel for namespace ${namespace} (set ALERT_CHANNEL or a route)` });
      continue;
    }
    const ann = { ...payload.commonAnnotations, ...a.annotations };
    const data: AlertJob = {
      status: a.status,
      fingerprint: a.fingerprint,
      startsAt: a.startsAt,
      ...(a.endsAt ? { endsAt: a.endsAt } : {}),
      alertName: l.alertname ?? 'alert',
      target: { namespace, name: pod, ...(l.container ? { container: l.container } : {}) },
      channel,
      ...(ann.summary || ann.description ? { summary: (ann.summary ?? ann.description)!.slice(0, 500) } : {}),
      ...(a.generatorURL ? { generatorURL: a.generatorURL } : {}),
    };
    plan.jobs.push({ name: 'alert', data, id: jobId('alert', a.fingerprint, Date.parse(a.startsAt), a.status) });
  }
  return plan;
}
