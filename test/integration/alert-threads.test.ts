/**
 * Alertmanager webhook end to end: one thread per crashing workload per episode, resolved updates,
 * and the webhook's refusals (token, payload, size).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeByKind } from '../fakes/kube-resources.js';
import { alertPayload } from '../support/alert-payload.js';
import { ALERT_CHANNEL, type Harness, postKeyOf, startHarness, waitForIdleQueue } from '../support/bot-harness.js';

const SCENARIO = join(import.meta.dirname, '../fixtures/scenarios/oom-killed/seed-runbook-api');
const PODS = ['api-deployment-7d4b9c-xkp2z', 'api-deployment-7d4b9c-gwwct', 'api-deployment-7d4b9c-third'];

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ kube: { scenario: SCENARIO } });
  // A third replica of the same Deployment.
  const first = h.kube.store.get(typeByKind('Pod')!, 'production', PODS[0]!)!;
  const third = structuredClone(first);
  third.metadata = { ...third.metadata, name: PODS[2]!, uid: undefined, resourceVersion: undefined };
  h.kube.store.add(third);
});
afterAll(async () => {
  await h?.close();
});

const firing = () => alertPayload({ pods: PODS, namespace: 'production', startsAt: '2026-12-01T10:00:00Z' });

describe('Alertmanager webhook', () => {
  it('opens exactly one thread and one diagnosis for three replicas of one Deployment, also when sent twice', async () => {
    const first = await h.postAlert(firing());
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).queued).toHaveLength(3);
    await waitForIdleQueue(h.bots[0]!);
    const again = await h.postAlert(firing());
    expect(again.status).toBe(200);
    await waitForIdleQueue(h.bots[0]!);

    const roots = h.slack.roots(ALERT_CHANNEL);
    expect(roots).toHaveLength(1);
    const root = roots[0]!;
    const replies = h.slack.replies(root.ts);
    const diagnoses = replies.filter((m) => postKeyOf(m).endsWith(':diagnosis'));
    expect(diagnoses).toHaveLength(1);
    expect(JSON.stringify(diagnoses[0]!.blocks)).toContain('oom-killed');
    // The other two replicas joined with a short reply each, and the root lists all three.
    const joined = replies.filter((m) => postKeyOf(m).endsWith(':joined'));
    expect(joined).toHaveLength(2);
    expect(replies).toHaveLength(3);
    const rootText = JSON.stringify(root.blocks);
    expect(rootText).toContain('Deployment/api-deployment');
    expect(rootText).toContain('3 pods');
    expect(rootText).toContain('cause: `oom-killed`');
  });

  it('shows the resolve on the root and replies once when every alert of the episode resolved', async () => {
    const root = h.slack.roots(ALERT_CHANNEL)[0]!;
    const before = h.slack.replies(root.ts).length;
    const partly = await h.postAlert(alertPayload({ status: 'resolved', pods: PODS.slice(0, 2), namespace: 'production', startsAt: '2026-12-01T10:00:00Z' }));
    expect(partly.status).toBe(200);
    await waitForIdleQueue(h.bots[0]!);
    expect(h.slack.replies(root.ts)).toHaveLength(before);
    expect(JSON.stringify(root.blocks)).not.toContain('Resolved');

    const all = await h.postAlert(alertPayload({ status: 'resolved', pods: PODS, namespace: 'production', startsAt: '2026-12-01T10:00:00Z' }));
    expect(all.status).toBe(200);
    await waitForIdleQueue(h.bots[0]!);
    const replies = h.slack.replies(root.ts);
    expect(replies).toHaveLength(before + 1);
    expect(JSON.stringify(replies.at(-1)!.blocks)).toContain('resolved for');
    expect(JSON.stringify(root.blocks)).toContain('Resolved');
    expect(root.text).toContain('Resolved');

    // A new episode (the alert fires again later) gets a new thread.
    const next = await h.postAlert(alertPayload({ pods: [PODS[0]!], namespace: 'production', startsAt: '2026-12-01T12:00:00Z' }));
    expect(next.status).toBe(200);
    await waitForIdleQueue(h.bots[0]!);
    expect(h.slack.roots(ALERT_CHANNEL)).toHaveLength(2);
  });

  it('refuses a missing or wrong token (401), a malformed payload (400) and an oversized body (413)', async () => {
    expect((await h.postAlert(firing(), null)).status).toBe(401);
    expect((await h.postAlert(firing(), 'wrong-token-wrong-token')).status).toBe(401);
    const notJson = await h.postAlert('{"version":');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error).toBe('body is not JSON');
    const bad = await h.postAlert({ ...firing(), alerts: [{ status: 'firing', labels: {} }] });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toContain('alerts.0.startsAt');
    const v3 = await h.postAlert({ ...firing(), version: '3' });
    expect(JSON.parse(v3.body).error).toContain('version must be "4"');
    const huge = await h.postAlert({ ...firing(), commonAnnotations: { description: 'x'.repeat(1_100_000) } });
    expect(huge.status).toBe(413);
  });

  it('retries an alert while the cluster API is unavailable, then opens the thread', async () => {
    const first = h.kube.store.get(typeByKind('Pod')!, 'production', PODS[0]!)!;
    const bare = structuredClone(first);
    bare.metadata = { ...bare.metadata, name: 'standalone-1', uid: undefined, resourceVersion: undefined, ownerReferences: undefined };
    h.kube.store.add(bare);
    h.kube.fault({ method: 'GET', path: '/api/v1/namespaces/production/pods/standalone-1', status: 503, times: 2 });
    const res = await h.postAlert(alertPayload({ pods: ['standalone-1'], namespace: 'production', startsAt: '2026-12-01T13:00:00Z' }));
    expect(res.status).toBe(200);
    const root = await h.slack.waitFor(() => h.slack.roots(ALERT_CHANNEL).find((m) => JSON.stringify(m.blocks).includes('standalone-1')), 20_000);
    await h.slack.waitFor(() => h.slack.replies(root.ts).find((m) => postKeyOf(m).endsWith(':diagnosis')), 20_000);
    const metrics = await (await fetch(`${h.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/crashloop_cluster_errors_total\{code="cluster-unreachable"\} [12]/);
    expect(metrics).toMatch(/crashloop_jobs_total\{name="alert",state="retried"\} [1-9]\d*/);
  });
});
