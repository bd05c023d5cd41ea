import { describe, expect, it } from 'vitest';
import { alertPayload } from '../../test/support/alert-payload.js';
import { parseAlertmanagerPayload, planAlertJobs } from './alertmanager.js';

const alerts = { defaultChannel: 'C0ALERTS', routes: { prod: 'C0PROD' } };

describe('Alertmanager payload', () => {
  it('maps each alert of a group to one job with a deterministic id and the routed channel', () => {
    const p = parseAlertmanagerPayload(alertPayload({ pods: ['api-1', 'api-2'] }));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const plan = planAlertJobs(p.payload, alerts);
    expect(plan.skipped).toEqual([]);
    expect(plan.jobs.map((j) => j.id)).toEqual(['alert--fp-api-1--1796119200000--firing', 'alert--fp-api-2--1796119200000--firing']);
    expect(plan.jobs[0]!.data).toMatchObject({ channel: 'C0ALERTS', target: { namespace: 'shop', name: 'api-1', container: 'api' } });
    const prod = parseAlertmanagerPayload(alertPayload({ pods: ['db-0'], namespace: 'prod' }));
    if (prod.ok) expect(planAlertJobs(prod.payload, alerts).jobs[0]!.data.channel).toBe('C0PROD');
  });

  it('skips alerts without pod labels, and with nowhere to post, saying why', () => {
    const body = alertPayload({ pods: ['api-1'] });
    body.alerts[0]!.labels = { alertname: 'Watchdog' } as never;
    body.commonLabels = { alertname: 'Watchdog' } as never;
    const p = parseAlertmanagerPayload(body);
    if (!p.ok) throw new Error(p.reason);
    expect(planAlertJobs(p.payload, alerts).skipped).toEqual([{ fingerprint: 'fp-api-1', reason: 'no namespace and pod labels' }]);
    const q = parseAlertmanagerPayload(alertPayload({ pods: ['api-1'], namespace: 'other' }));
    if (!q.ok) throw new Error(q.reason);
    expect(planAlertJobs(q.payload, { routes: {} }).skipped[0]!.reason).toContain('no channel for namespace other');
  });

  it.each([
    [{ ...alertPayload({ pods: ['a'] }), version: '3' }, 'version must be "4"'],
    [{ ...alertPayload({ pods: [] }) }, 'alerts: alerts must not be empty'],
    [{ ...alertPayload({ pods: ['a'] }), alerts: [{ status: 'firing' }] }, 'alerts.0.labels'],
    ['not an object', 'expected object'],
  ])('rejects a malformed payload with the reason', (body, reason) => {
    const p = parseAlertmanagerPayload(body);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reason).toContain(reason);
  });
});
