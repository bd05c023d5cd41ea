/**
 * Buttons end to end: signed block_actions requests into the real `crashloop serve` (Bolt), a real
 * redis-server + BullMQ worker, the loopback fake Kubernetes API through client-node, and the Slack stub.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeButtonValue } from '../../src/domain/button-value.js';
import { CHANNEL, settle, startHarness, type Harness } from './actions-bot.js';
import { NS } from './actions-cluster.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => h?.stop());

describe('rollback button', () => {
  it('rolls back once, replies with the audit line, removes stale buttons, logs the audit and follows the rollout', async () => {
    const { name, root, message } = await h.setup('cart');
    expect(await h.click(message, 'rollback')).toBe(200);

    const reply = await h.replyWith(root, 'rolled back');
    expect(reply.text).toContain(`<@U0ALICE> rolled back ${NS}/${name} from revision 7 (api:1.4.2) to revision 6 (api:1.4.1)`);
    expect(h.patchesTo(name)).toHaveLength(1);
    expect(h.patchesTo(name)[0]!.contentType).toBe('application/json-patch+json');
    expect(h.deployment(name).spec.template.spec.containers[0].image).toBe('registry.example.com/shop/api:1.4.1');

    // The diagnosis message lost its cluster-changing buttons; re-run stays.
    await h.slack.waitFor(() => message.updates > 0, 5_000);
    const ids = JSON.stringify(message.blocks);
    expect(ids).not.toContain('"rollback"');
    expect(ids).not.toContain('"pause_rollout"');
    expect(ids).toContain('"rediagnose"');

    const audit = h.logLines.find((l) => l.audit === true && l.event === 'action' && l.deployment === name);
    expect(audit).toMatchObject({ action: 'rollback', user: 'U0ALICE', namespace: NS, fromRevision: 7, toRevision: 6, result: 'rolled-back' });
    expect(audit!.toImages).toEqual(['registry.example.com/shop/api:1.4.1']);

    // No pods to watch in the fake (no kubelet): the follow-up reports the rollout itself.
    const status = await h.replyWith(root, 'Rollout of');
    expect(status.text).toMatch(/complete/);
  });

  it('a double click, a second approver (via user group) and a re-sent action produce exactly one patch and one audit reply', async () => {
    const { name, root, message } = await h.setup('checkout');
    const asClicked = structuredClone(message); // the payload Slack would re-send carries the message as it was
    const statuses = await Promise.all([h.click(message, 'rollback'), h.click(message, 'rollback'), h.click(message, 'rollback', 'U0BOB')]);
    expect(statuses).toEqual([200, 200, 200]);
    await h.replyWith(root, 'rolled back');
    expect(await h.click(asClicked, 'rollback')).toBe(200); // Slack re-sends the same action later
    await settle();
    expect(h.patchesTo(name)).toHaveLength(1);
    expect(h.slack.replies(root).filter((m) => m.text.includes('rolled back'))).toHaveLength(1);
    expect(h.ephemeralsTo('U0ALICE').some((c) => String(c.args.text).startsWith('Already done'))).toBe(true);
  });

  it('a stale button (the Deployment moved on) changes nothing and says to re-run the diagnosis', async () => {
    const { name, root, message } = await h.setup('search');
    const stale = encodeButtonValue({ ns: NS, pod: `${name}-x`, d: name, from: 6, to: 5 });
    await h.click(message, 'rollback', 'U0ALICE', stale);
    const reply = await h.replyWith(root, 'moved on since this diagnosis');
    expect(JSON.stringify(reply.blocks)).toContain('Re-run the diagnosis');
    expect(h.patchesTo(name)).toHaveLength(0);
    expect(h.deployment(name).spec.template.spec.containers[0].image).toBe('registry.example.com/shop/api:1.4.2');
  });

  it("refuses a paused Deployment with kubectl's reason and offers resume; resume works, then the rollback", async () => {
    const { name, root, message } = await h.setup('payments', { paused: true });
    await h.click(message, 'rollback');
    const refusal = await h.replyWith(root, 'paused');
    expect(JSON.stringify(refusal.blocks)).toContain("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/payments' and try again");
    expect(h.patchesTo(name)).toHaveLength(0);

    await h.click(refusal, 'resume_rollout');
    await h.replyWith(root, 'resumed the rollout');
    expect(h.patchesTo(name).map((p) => [p.contentType, p.body])).toEqual([['application/merge-patch+json', { spec: { paused: false } }]]);

    await h.click(message, 'rollback'); // the same button again: the refused run does not block it
    await h.replyWith(root, 'rolled back');
    expect(h.patchesTo(name)).toHaveLength(2);
    expect(h.deployment(name).spec.template.spec.containers[0].image).toBe('registry.example.com/shop/api:1.4.1');
  });

  it('an unauthorised user changes nothing, gets an ephemeral "not allowed", and the refusal is logged', async () => {
    const { name, root, message } = await h.setup('ledger');
    expect(await h.click(message, 'rollback', 'U0MALLORY')).toBe(200);
    const eph = await h.slack.waitFor(() => h.ephemeralsTo('U0MALLORY')[0], 5_000);
    expect(String(eph.args.text)).toMatch(/^Not allowed/);
    await settle();
    expect(h.patchesTo(name)).toHaveLength(0);
    expect(h.slack.replies(root).filter((m) => m.text !== `${name} diagnosis`)).toHaveLength(0);
    expect(h.logLines.find((l) => l.event === 'action-denied' && l.deployment === name)).toMatchObject({ user: 'U0MALLORY', action: 'rollback', namespace: NS, reason: 'not-approver' });
  });

  it('reports 403 (naming the missing permission) and 404 in the thread', async () => {
    const forbidden = await h.setup('orders');
    h.kube.fault({ method: 'PATCH', path: `/apis/apps/v1/namespaces/${NS}/deployments/orders`, status: 403 });
    await h.click(forbidden.message, 'rollback');
    const denied = await h.replyWith(forbidden.root, 'Could not roll back');
    expect(JSON.stringify(denied.blocks)).toContain('patch deployments.apps in namespace shop');
    expect(h.deployment('orders').spec.template.spec.containers[0].image).toBe('registry.example.com/shop/api:1.4.2');

    const gone = await h.setup('billing');
    h.deleteDeployment('billing');
    await h.click(gone.message, 'pause_rollout');
    const missing = await h.replyWith(gone.root, 'Could not pause');
    expect(JSON.stringify(missing.blocks)).toContain('no longer exists');
  });

  it('a retry after the patch went through (the reply failed) reports the rollback once and patches once', async () => {
    const { name, root, message } = await h.setup('wishlist');
    h.slack.inject('chat.postMessage', { error: 'internal_error' }, 1); // the first reply attempt fails after the patch
    await h.click(message, 'rollback');
    const reply = await h.replyWith(root, 'rolled back');
    expect(reply.text).toContain(`<@U0ALICE> rolled back ${NS}/${name} from revision 7 (api:1.4.2) to revision 6 (api:1.4.1)`);
    await settle();
    expect(h.patchesTo(name)).toHaveLength(1);
    expect(h.slack.replies(root).filter((m) => m.text.includes('rolled back'))).toHaveLength(1);
  });

  it('turns actions off where ACTION_APPROVERS says none, and the answer says why', async () => {
    const { message } = await h.setup('dns');
    const value = encodeButtonValue({ ns: 'kube-system', pod: 'coredns-x', d: 'coredns', from: 3, to: 2 });
    await h.click(message, 'rollback', 'U0ALICE', value);
    const eph = await h.slack.waitFor(() => h.ephemeralsTo('U0ALICE').find((c) => JSON.stringify(c.args.blocks).includes('kube-system=none')), 5_000);
    expect(String(eph.args.text)).toMatch(/^Not allowed/);
    expect(h.kube.requests.some((r) => r.path.includes('/namespaces/kube-system/'))).toBe(false);
  });

  it('re-run queues a fresh diagnosis into the same thread', async () => {
    const { name, root, message } = await h.setup('gateway');
    await h.click(message, 'rediagnose', 'U0MALLORY'); // not cluster-changing: anyone may
    let diagnose: { data: unknown } | undefined;
    for (let i = 0; i < 100 && !diagnose; i++) {
      const jobs = await h.deps.queue.queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed']);
      diagnose = jobs.find((j) => j.name === 'diagnose' && j.data.target?.name === `${name}-x`);
      if (!diagnose) await settle(50);
    }
    expect(diagnose?.data).toMatchObject({ target: { namespace: NS, name: `${name}-x`, container: 'api' }, thread: { channel: CHANNEL, threadTs: root }, trigger: 'button', requestedBy: 'U0MALLORY' });
  });

  it('a bad button value gets an ephemeral error and queues nothing', async () => {
    const { name, message } = await h.setup('auth');
    await h.click(message, 'rollback', 'U0ALICE', '{"v":2}');
    const eph = await h.slack.waitFor(() => h.ephemeralsTo('U0ALICE').find((c) => String(c.args.text).includes('not one this bot made')), 5_000);
    expect(eph).toBeTruthy();
    expect(h.patchesTo(name)).toHaveLength(0);
  });
});

