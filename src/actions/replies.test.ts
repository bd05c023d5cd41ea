import { describe, expect, it } from 'vitest';
import { decodeButtonValue } from '../domain/button-value.js';
import { allText, buttons, controlSequences, limitViolations } from '../../test/render/check-slack-message.js';
import { failureReply, notAllowedMessage, pauseReply, rollbackReply, type ActionTarget } from './replies.js';

const t: ActionTarget = { action: 'rollback', namespace: 'shop', deployment: 'api', userId: 'U0ALICE', fromRevision: 7, toRevision: 6, pod: 'api-1', container: 'api' };

describe('action replies', () => {
  it('audit line names who, what, and both revisions with short images', () => {
    const msg = rollbackReply(t, {
      kind: 'rolled-back',
      fromRevision: 7,
      toRevision: 6,
      fromImages: ['registry.example.com/shop/api:1.4.2'],
      toImages: ['registry.example.com/shop/api:1.4.1'],
      generation: 8,
    });
    expect(msg.text).toBe('<@U0ALICE> rolled back shop/api from revision 7 (api:1.4.2) to revision 6 (api:1.4.1)');
    expect(new Set(controlSequences(msg))).toEqual(new Set(['<@U0ALICE>']));
    expect(limitViolations(msg)).toEqual([]);
  });

  it("a paused refusal quotes kubectl and offers resume for the same Deployment", () => {
    const msg = rollbackReply(t, { kind: 'paused' });
    expect(allText(msg)).toContain("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/api' and try again");
    const [resume] = buttons(msg);
    expect(resume).toMatchObject({ action_id: 'resume_rollout' });
    expect(decodeButtonValue((resume as { value: string }).value)).toEqual({ v: 1, ns: 'shop', pod: 'api-1', c: 'api', d: 'api', from: 7 });
  });

  it('already-done and repeated pause say nothing changed', () => {
    expect(allText(rollbackReply(t, { kind: 'already-at', toRevision: 6, images: ['api:1.4.1'] }))).toMatch(/skipped rollback, nothing changed/);
    expect(allText(pauseReply({ ...t, action: 'pause_rollout' }, { kind: 'already', paused: true, revision: 7 }))).toMatch(/already paused: nothing changed/);
  });

  it('403 names the missing permission, whatever request was refused', () => {
    const patch = failureReply(t, { kind: 'forbidden', verb: 'patch', resource: 'deployments', namespace: 'shop', status: 403 });
    expect(allText(patch)).toContain('patch deployments.apps in namespace shop');
    const list = failureReply(t, { kind: 'forbidden', verb: 'list', resource: 'replicasets', namespace: 'shop', status: 403 });
    expect(allText(list)).toContain('list replicasets.apps in namespace shop');
    expect(allText(list)).toContain('Nothing was changed');
  });

  it('not allowed: says nothing changed and how to get access, escaping what it quotes', () => {
    const msg = notAllowedMessage('U0MALLORY', 'pause_rollout', 'shop/<!channel>', 'not-approver', '');
    expect(msg.text).toMatch(/^Not allowed/);
    expect(allText(msg)).toContain('may not pause');
    expect(new Set(controlSequences(msg))).toEqual(new Set(['<@U0MALLORY>'])); // no <!channel>
  });
});
