/**
 * deploy/alerting: the PrometheusRule passes the prometheus-operator schema and fires alerts whose labels
 * the bot's webhook turns into a diagnosis job; the Alertmanager receiver snippet points at the bot's
 * Service, port and route, with the bearer token and resolved notifications.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseAlertmanagerPayload, planAlertJobs } from '../../src/trigger/alertmanager.js';
import { REPO_ROOT } from './dockerfile-replay.js';
import { byKind, DEPLOY_DIR, renderKustomization } from './render.js';
import { podSpecs } from './pod-spec.js';
import { checkKnownFields, validateWithModels } from './schema-validate.js';

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const alerting = renderKustomization(join(DEPLOY_DIR, 'alerting'));
const ruleObjects = byKind<{ metadata: { name: string }; spec: { groups: { rules: AlertRule[] }[] } }>(alerting, 'PrometheusRule');
const alertRules = ruleObjects.flatMap((r) => r.spec.groups.flatMap((g) => g.rules));
const crashLooping = alertRules.find((r) => r.alert === 'KubePodCrashLooping')!;

interface Receiver {
  route: { routes: { receiver: string; matchers: string[]; group_by?: string[]; continue?: boolean }[] };
  receivers: { name: string; webhook_configs: { url: string; send_resolved?: boolean; max_alerts?: number; http_config?: { authorization?: { type?: string; credentials_file?: string; credentials?: string } } }[] }[];
}
const receiver = parse(readFileSync(join(DEPLOY_DIR, 'alerting', 'alertmanager-receiver.yaml'), 'utf8')) as Receiver;

describe('PrometheusRule', () => {
  it('validates against the prometheus-operator schema, with no unknown field', async () => {
    expect(alerting.map((o) => o.kind).sort()).toEqual(['PodMonitor', 'PrometheusRule', 'PrometheusRule']);
    expect(await validateWithModels(alerting)).toEqual([]);
    expect(checkKnownFields(alerting)).toEqual([]);
  });

  it('alerts on CrashLoopBackOff per container, keeping the namespace, pod and container labels', () => {
    expect(crashLooping.expr).toMatch(/kube_pod_container_status_waiting_reason\{[^}]*reason="CrashLoopBackOff"/);
    // An aggregation (sum/max/count ... by) would drop the series labels the webhook needs.
    expect(crashLooping.expr).not.toMatch(/\b(sum|avg|min|max|count|group|topk|bottomk)\s*(by|without)?\s*\(/);
    expect(crashLooping.for).toMatch(/^\d+m$/);
  });

  it("fires alerts the bot's webhook turns into one diagnosis job for the crashing container", () => {
    // The series kube-state-metrics exports, plus the rule's labels, as Alertmanager sends them (payload v4).
    const series = { namespace: 'shop', pod: 'api-7d4b9c8f6-x2x9k', container: 'api', reason: 'CrashLoopBackOff', uid: 'u-1', job: 'kube-state-metrics', instance: '10.0.0.7:8080' };
    const labels = { alertname: crashLooping.alert, ...crashLooping.labels, ...series };
    const expand = (t: string) => t.replace(/\{\{\s*\$labels\.(\w+)\s*\}\}/g, (_m, k: string) => (labels as Record<string, string>)[k] ?? '');
    const annotations = Object.fromEntries(Object.entries(crashLooping.annotations ?? {}).map(([k, v]) => [k, expand(v)]));
    const payload = {
      version: '4',
      groupKey: '{}/{alertname="KubePodCrashLooping"}:{namespace="shop"}',
      truncatedAlerts: 0,
      status: 'firing',
      receiver: receiver.receivers[0]!.name,
      groupLabels: { namespace: 'shop' },
      commonLabels: labels,
      commonAnnotations: annotations,
      externalURL: 'http://alertmanager.monitoring.svc:9093',
      alerts: [{ status: 'firing', labels, annotations, startsAt: '2026-12-02T03:00:00Z', endsAt: '0001-01-01T00:00:00Z', generatorURL: 'http://prometheus/graph', fingerprint: 'a1b2c3d4e5f60718' }],
    };
    const parsed = parseAlertmanagerPayload(payload);
    expect(parsed.ok).toBe(true);
    const plan = planAlertJobs((parsed as { ok: true; payload: Parameters<typeof planAlertJobs>[0] }).payload, { defaultChannel: 'C0123ABCD', routes: {} });
    expect(plan.skipped).toEqual([]);
    expect(plan.jobs).toHaveLength(1);
    expect(plan.jobs[0]!.data.target).toEqual({ namespace: 'shop', name: 'api-7d4b9c8f6-x2x9k', container: 'api' });
    expect(plan.jobs[0]!.data.alertName).toBe('KubePodCrashLooping');
  });
});

describe("the bot's own monitoring", () => {
  const socket = renderKustomization(join(DEPLOY_DIR, 'overlays', 'socket-mode'));
  const [podMonitor] = byKind<{ metadata: { name: string; namespace: string }; spec: { selector: { matchLabels: Record<string, string>; matchExpressions: { key: string; operator: string; values: string[] }[] }; podMetricsEndpoints: { port: string; path: string }[] } }>(alerting, 'PodMonitor');
  const selfRules = ruleObjects.find((r) => r.metadata.name === 'crashloop-bot-self')!.spec.groups.flatMap((g) => g.rules);

  it('scrapes /metrics on the named port of both serve and worker pods', () => {
    const selected = podSpecs(socket).filter((p) =>
      Object.entries(podMonitor!.spec.selector.matchLabels).every(([k, v]) => p.labels[k] === v) &&
      podMonitor!.spec.selector.matchExpressions.every((e) => e.operator === 'In' && e.values.includes(p.labels[e.key] ?? '')),
    );
    expect(selected.map((p) => p.owner).sort()).toEqual(['Deployment/crashloop-bot-serve', 'Deployment/crashloop-bot-worker']);
    const [endpoint] = podMonitor!.spec.podMetricsEndpoints;
    for (const p of selected) expect(p.spec.containers[0]!.ports?.map((port) => port.name)).toContain(endpoint!.port);
    expect(endpoint!.path).toBe('/metrics');
    expect(podMonitor!.metadata.namespace).toBe(byKind(socket, 'Namespace')[0]!.metadata.name);
  });

  it('alerts only on metrics the code exports, and on the job label the PodMonitor gives', () => {
    const metricsSource = readFileSync(join(REPO_ROOT, 'src/metrics.ts'), 'utf8');
    const exported = new Set([...metricsSource.matchAll(/name: '(crashloop_\w+)'/g)].map((m) => m[1]!));
    const used = selfRules.flatMap((r) => [...r.expr.matchAll(/\b(crashloop_\w+?)(?:_bucket|_sum|_count)?\b/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(0);
    for (const m of used) expect(exported, m).toContain(m);
    // Prometheus Operator names a PodMonitor's job <namespace>/<name>.
    const down = selfRules.find((r) => r.alert === 'CrashloopBotDown')!;
    expect(down.expr).toContain(`job="${podMonitor!.metadata.namespace}/${podMonitor!.metadata.name}"`);
  });
});

describe('Alertmanager receiver snippet', () => {
  const socket = renderKustomization(join(DEPLOY_DIR, 'overlays', 'socket-mode'));
  const ns = byKind(socket, 'Namespace')[0]!.metadata.name;
  const svc = byKind<{ metadata: { name: string }; spec: { ports: { port: number }[] } }>(socket, 'Service').find((s) => s.metadata.name === 'crashloop-bot')!;
  const [webhook] = receiver.receivers.find((r) => r.name === 'crashloop-bot')!.webhook_configs;

  it("routes the rule's alert to the bot, grouped by namespace, without stopping other receivers", () => {
    const [route] = receiver.route.routes;
    expect(route!.receiver).toBe('crashloop-bot');
    expect(route!.matchers).toEqual([`alertname = "${crashLooping.alert}"`]);
    expect(route!.group_by).toContain('namespace');
    expect(route!.continue).toBe(true);
  });

  it("posts to the bot's Service, port and webhook route", () => {
    const url = new URL(webhook!.url);
    expect(url.hostname).toBe(`${svc.metadata.name}.${ns}.svc`);
    expect(Number(url.port)).toBe(svc.spec.ports[0]!.port);
    expect(url.pathname).toBe('/alerts/alertmanager');
    const routes = readFileSync(join(REPO_ROOT, 'src/runtime/routes.ts'), 'utf8');
    expect(routes).toMatch(/path: '\/alerts\/alertmanager', method: 'POST'/);
  });

  it('sends the bearer token from a file, resolved notifications, and every alert of a group', () => {
    expect(webhook!.http_config?.authorization?.type).toBe('Bearer');
    expect(webhook!.http_config?.authorization?.credentials_file).toMatch(/^\/etc\/alertmanager\/secrets\/[\w-]+\/token$/);
    expect(webhook!.http_config?.authorization?.credentials).toBeUndefined();
    expect(webhook!.send_resolved).toBe(true);
    expect(webhook!.max_alerts).toBe(0);
  });
});
