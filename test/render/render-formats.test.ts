import { describe, expect, it } from 'vitest';
import { CrashloopError } from '../../src/errors.js';
import { render, RENDER_FORMATS } from '../../src/render/index.js';
import { dnsFailure, hostile, initContainerPaused, oomAfterRollout } from './sample-diagnoses.js';

describe('render()', () => {
  it('knows text, json and slack', () => {
    expect(RENDER_FORMATS).toEqual(['text', 'json', 'slack']);
    for (const f of RENDER_FORMATS) expect(render(oomAfterRollout(), f).length).toBeGreaterThan(100);
  });
  it('rejects an unknown format with a usage error that lists the valid ones', () => {
    let err: unknown;
    try {
      render(oomAfterRollout(), 'yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CrashloopError);
    expect((err as CrashloopError).code).toBe('usage');
    expect((err as CrashloopError).message).toBe('unknown output format "yaml"; valid formats: text, json, slack');
  });
  it('slack format prints the Block Kit message as JSON', () => {
    const parsed = JSON.parse(render(oomAfterRollout(), 'slack'));
    expect(parsed.blocks[0].type).toBe('header');
    expect(parsed.text).toContain('cause: oom-killed');
  });
});

describe('json', () => {
  it('has exactly the documented fields, in a stable order', () => {
    const obj = JSON.parse(render(oomAfterRollout(), 'json'));
    expect(Object.keys(obj)).toEqual([
      'pod', 'namespace', 'container', 'initContainer', 'cause', 'detail', 'title', 'confidence', 'summary', 'evidence',
      'remedy', 'alternatives', 'rollout', 'facts', 'logExcerpt', 'notes', 'diagnosedAt',
    ]);
    expect(Object.keys(obj.rollout)).toEqual([
      'kind', 'name', 'namespace', 'currentRevision', 'previousRevision', 'changes', 'deploymentRevision', 'currentImages',
      'previousImages', 'changedAt', 'failingOnNewest', 'previousHealth', 'rollbackOffered', 'paused',
    ]);
    expect(Object.keys(obj.remedy)).toEqual(['text', 'commands']);
    expect(obj.evidence[0]).toEqual({ kind: 'state', text: 'lastState.terminated: reason OOMKilled, exit code 137, ran 38s' });
    expect(obj.alternatives).toEqual([{ cause: 'application-error', confidence: 0.12 }]);
    expect(obj.confidence).toBe(0.93);
  });
  it('is pretty-printed and ends with a newline', () => {
    const out = render(dnsFailure(), 'json');
    expect(out.startsWith('{\n  "pod": "orders-0",')).toBe(true);
    expect(out.endsWith('}\n')).toBe(true);
  });
  it('keeps rollout null without one, and detail for dependency failures', () => {
    const obj = JSON.parse(render(dnsFailure(), 'json'));
    expect(obj.rollout).toBeNull();
    expect(obj.detail).toBe('dns');
  });
  it('clamps confidences to 0..1 with two decimals', () => {
    const d = { ...oomAfterRollout(), confidence: 1.7, alternatives: [{ cause: 'unknown' as const, confidence: 0.123456 }] };
    const obj = JSON.parse(render(d, 'json'));
    expect(obj.confidence).toBe(1);
    expect(obj.alternatives[0].confidence).toBe(0.12);
  });
  it('redacts secrets that slipped into any text (but does not escape: JSON is not mrkdwn)', () => {
    const out = render(hostile(), 'json');
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('ab12cd34ef56gh78');
    expect(out).toContain('<!channel> wake up');
  });
});

describe('text', () => {
  it('renders the OOM-after-rollout diagnosis for a terminal (snapshot)', () => {
    expect(render(oomAfterRollout(), 'text')).toMatchSnapshot();
  });
  it('renders an init container on a paused rollout with notes (snapshot)', () => {
    expect(render(initContainerPaused(), 'text')).toMatchSnapshot();
  });
  it('leads with the title, target and cause id with confidence', () => {
    const lines = render(dnsFailure(), 'text').split('\n');
    expect(lines[0]).toBe('orders cannot resolve its database host');
    expect(lines[1]).toBe('  shop/orders-0 · container orders · CrashLoopBackOff');
    expect(lines[2]).toBe('  cause: dependency-unavailable (dns) · confidence 86% (high)');
  });
  it('has no ANSI codes unless colour is asked for', () => {
    expect(render(oomAfterRollout(), 'text')).not.toContain('\u001b[');
    const coloured = render(oomAfterRollout(), 'text', { color: true });
    expect(coloured).toContain('\u001b[1m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(render(oomAfterRollout(), 'text'));
  });
  it('neutralises terminal control sequences from the cluster and redacts secrets', () => {
    const d = { ...hostile(), summary: 'evil \u001b]0;pwned\u0007 \u001b[2J clear \r overwrite' };
    const out = render(d, 'text');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).not.toContain('hunter2');
  });
  it('shows the remedy commands and the rollback command when a rollback is offered', () => {
    const out = render(oomAfterRollout(), 'text');
    expect(out).toContain('  $ kubectl -n prod set resources deployment/payments-api -c api --limits=memory=1Gi');
    expect(out).toContain('  Deployment prod/payments-api went from revision 4 to revision 5 (payments-api:2.14.0)');
    expect(out).toContain('  $ kubectl -n prod rollout undo deployment/payments-api --to-revision=4');
  });
});
