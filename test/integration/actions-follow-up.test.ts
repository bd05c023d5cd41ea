/**
 * After a rollback: the rollout-status follow-up (complete, failed, timeout), and a click while Redis is
 * down. Same real parts as actions-flow.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, startHarness, type Harness } from './actions-bot.js';
import { NS } from './actions-cluster.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => h?.stop());

describe('rollout follow-up', () => {
  it('reports success only once the new pods outlive the old crash point, and failure when they crash too', async () => {
    const good = await h.setup('profile', { crashedAfterSeconds: 2 });
    await h.click(good.message, 'rollback');
    await h.replyWith(good.root, 'rolled back');
    h.addPods('profile', { startedSecondsAgo: 0, restarts: 0 });
    const ok = await h.replyWith(good.root, 'Rollout of');
    expect(ok.text).toMatch(/complete/);
    expect(JSON.stringify(ok.blocks)).toMatch(/stayed up past 2s/);

    const bad = await h.setup('reviews', { crashedAfterSeconds: 2 });
    await h.click(bad.message, 'rollback');
    await h.replyWith(bad.root, 'rolled back');
    h.addPods('reviews', { startedSecondsAgo: 0, restarts: 3, crashLoop: true });
    const failed = await h.replyWith(bad.root, 'Rollout of');
    expect(failed.text).toMatch(/failed/);
    expect(JSON.stringify(failed.blocks)).toMatch(/restarted 3 times \(CrashLoopBackOff\)/);
  });
});

describe('rollout follow-up timeout', () => {
  it('reports a rollout that does not finish in time, with the last kubectl-style status', async () => {
    const { name, root, message } = await h.setup('stuck');
    await h.click(message, 'rollback');
    await h.replyWith(root, 'rolled back');
    // Play a slow controller: only one of two new replicas ever comes up.
    const d = h.deployment(name);
    d.status = { ...d.status, updatedReplicas: 1, availableReplicas: 1, readyReplicas: 1 };
    h.setDeployment(d);
    const timeout = await h.replyWith(root, 'Rollout of');
    expect(timeout.text).toMatch(/not finished/);
    expect(JSON.stringify(timeout.blocks)).toContain('1 out of 2 new replicas have been updated');
    expect(JSON.stringify(timeout.blocks)).toContain(`kubectl -n ${NS} rollout status deployment/${name}`);
  });
});

describe('when Redis is down', () => {
  it('still acks the click and tells the clicker nothing was done', async () => {
    const { name, message } = await h.setup('inventory');
    await h.redis.stop();
    try {
      expect(await h.click(message, 'rollback')).toBe(200);
      const eph = await h.slack.waitFor(() => h.ephemeralsTo('U0ALICE').find((c) => JSON.stringify(c.args.blocks).includes('(Redis) is unavailable')), 10_000);
      expect(String(eph.args.text)).toMatch(/^Could not start this action/);
      expect(h.patchesTo(name)).toHaveLength(0);
    } finally {
      await h.redis.restart();
      // Let the bot's connections come back before the suite shuts it down.
      for (let i = 0; i < 100; i++) {
        if ((await h.deps.redis.ping().catch(() => null)) === 'PONG') break;
        await settle(100);
      }
    }
  });
});
