import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.js';
import { analyseRollout, crashLoopSeconds, rolloutSentence } from './rollout.js';
import { podEvidence, siblingPod, withDeployment } from './test-support.js';

const crashing = () => podEvidence({ exitCode: 1, restarts: 5, logs: ['panic: boom'] });
const loop = { failing: true, restarts: 5, ranForSeconds: 5, now: Date.parse('2026-04-04T08:30:00Z') };

describe('rollout analysis', () => {
  it('offers the rollback to the previous revision and says what changed', () => {
    const e = withDeployment(
      crashing(),
      [
        { revision: 3, image: 'app:1.2.3', replicas: 2, readyReplicas: 2, createdSecondsAgo: 86400 * 7, env: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'DB_PASSWORD', value: 'old-pw' }] },
        { revision: 4, image: 'app:1.3.0', replicas: 1, createdSecondsAgo: 600, env: [{ name: 'LOG_LEVEL', value: 'debug' }, { name: 'DB_PASSWORD', value: 'new-pw' }, { name: 'FEATURE_X', value: 'on' }] },
      ],
      4,
      { siblings: [siblingPod(3, false)] },
    );
    const r = analyseRollout(e, loop);
    expect(r).toMatchObject({ name: 'app', currentRevision: 4, previousRevision: 3, deploymentRevision: 4, failingOnNewest: true, rollbackOffered: true, paused: false });
    expect(r?.previousHealth.status).toBe('healthy');
    expect(r?.changes).toEqual([
      'image of app: app:1.2.3 → app:1.3.0',
      'env added in app: FEATURE_X',
      'env LOG_LEVEL of app changed: "info" → "debug"',
      'env DB_PASSWORD of app changed (value not shown)',
    ]);
    expect(JSON.stringify(r)).not.toMatch(/old-pw|new-pw/);
    const d = diagnose(e);
    expect(d.remedy.commands.slice(0, 2)).toEqual(['kubectl -n prod rollout undo deployment/app --to-revision=3', 'kubectl -n prod rollout status deployment/app']);
    expect(d.summary).toMatch(/Rolling back to revision 3 is offered/);
  });

  it('finds the previous revision when its ReplicaSet is scaled to 0 (Recreate, finished rollout)', () => {
    const e = withDeployment(crashing(), [
      { revision: 1, image: 'app:1', replicas: 0, createdSecondsAgo: 86400 * 30 },
      { revision: 2, image: 'app:2', replicas: 0, createdSecondsAgo: 86400 * 7 },
      { revision: 3, image: 'app:3', replicas: 2, createdSecondsAgo: 900 },
    ], 3);
    const r = analyseRollout(e, loop);
    expect(r).toMatchObject({ previousRevision: 2, rollbackOffered: true });
    expect(r?.previousHealth.status).toBe('scaled-down');
  });

  it('offers the rollback to a revision that fails too, and says so', () => {
    const e = withDeployment(crashing(), [
      { revision: 1, image: 'app:1', replicas: 1, createdSecondsAgo: 3600 },
      { revision: 2, image: 'app:2', replicas: 1, createdSecondsAgo: 900 },
    ], 2, { siblings: [siblingPod(1, true)] });
    const r = analyseRollout(e, loop);
    expect(r?.previousHealth.status).toBe('failing');
    expect(r?.rollbackOffered).toBe(true);
    expect(rolloutSentence(r!)).toMatch(/failing too.*may not help/);
  });

  it('a pod of an older revision is not on the newest', () => {
    const e = withDeployment(crashing(), [
      { revision: 1, image: 'app:1', replicas: 1, createdSecondsAgo: 3600 },
      { revision: 2, image: 'app:2', replicas: 1, createdSecondsAgo: 900 },
    ], 1);
    expect(analyseRollout(e, loop)).toMatchObject({ currentRevision: 1, deploymentRevision: 2, failingOnNewest: false, rollbackOffered: false, previousRevision: null });
  });

  it('does not blame a revision that ran long before the crashes began, but still offers the rollback', () => {
    const e = withDeployment(crashing(), [
      { revision: 1, image: 'app:1', replicas: 0, createdSecondsAgo: 86400 * 30 },
      { revision: 2, image: 'app:2', replicas: 1, createdSecondsAgo: 86400 * 3 },
    ], 2);
    const r = analyseRollout(e, loop);
    expect(r?.rollbackOffered).toBe(true);
    expect(r?.ranBeforeCrashing).toMatch(/before the crashes began/);
    expect(rolloutSentence(r!)).toMatch(/probably not the cause.*still offered/);
  });

  it('a restart-only revision is not called a regression', () => {
    const e = withDeployment(crashing(), [
      { revision: 1, image: 'app:1', replicas: 0, createdSecondsAgo: 86400 },
      { revision: 2, image: 'app:1', replicas: 1, createdSecondsAgo: 600, restartedAt: '2026-04-04T08:20:00Z' },
    ], 2);
    const r = analyseRollout(e, loop);
    expect(r?.changes).toEqual(['rollout restart at 2026-04-04T08:20:00Z']);
    expect(r?.rollbackOffered).toBe(true);
    expect(rolloutSentence(r!)).toMatch(/only records a restart/);
  });

  it('reports a paused Deployment and nothing for a pod without one', () => {
    const e = withDeployment(crashing(), [{ revision: 1, image: 'app:1', replicas: 1, createdSecondsAgo: 600 }], 1, { paused: true });
    expect(analyseRollout(e, loop)).toMatchObject({ paused: true, previousRevision: null, rollbackOffered: false });
    expect(diagnose(e).notes.join('\n')).toMatch(/is paused/);
    expect(analyseRollout(crashing(), loop)).toBeNull();
  });

  it('bounds the crash-loop duration by the kubelet backoff', () => {
    expect(crashLoopSeconds(3, 0)).toBe(10 + 20 + 40);
    expect(crashLoopSeconds(8, 1)).toBe(10 + 20 + 40 + 80 + 160 + 300 + 300 + 300 + 8);
  });
});
