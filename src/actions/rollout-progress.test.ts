import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { rolloutProgress, soakVerdict } from './rollout-progress.js';

function deployment(status: V1Deployment['status'], generation = 2, replicas = 3): V1Deployment {
  return { metadata: { name: 'api', generation }, spec: { replicas, selector: {}, template: {} }, status };
}

describe('rolloutProgress (kubectl rollout status)', () => {
  it('waits for the spec update to be observed', () => {
    expect(rolloutProgress(deployment({ observedGeneration: 1 })).state).toBe('waiting');
  });
  it('waits for updated, old and available replicas, in kubectl words', () => {
    expect(rolloutProgress(deployment({ observedGeneration: 2, updatedReplicas: 1, replicas: 3 })).message).toBe(
      'Waiting for deployment "api" rollout to finish: 1 out of 3 new replicas have been updated...',
    );
    expect(rolloutProgress(deployment({ observedGeneration: 2, updatedReplicas: 3, replicas: 4, availableReplicas: 3 })).message).toMatch(
      /1 old replicas are pending termination/,
    );
    expect(rolloutProgress(deployment({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 2 })).message).toMatch(
      /2 of 3 updated replicas are available/,
    );
  });
  it('is done when all replicas are updated and available', () => {
    expect(rolloutProgress(deployment({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }))).toEqual({
      state: 'done',
      message: 'deployment "api" successfully rolled out',
    });
  });
  it('fails on ProgressDeadlineExceeded', () => {
    const d = deployment({ observedGeneration: 2, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] });
    expect(rolloutProgress(d)).toEqual({ state: 'failed', message: 'deployment "api" exceeded its progress deadline' });
  });
});

function pod(name: string, startedSecondsAgo: number, now: number, restarts = 0, waiting?: string): V1Pod {
  return {
    metadata: { name },
    status: {
      containerStatuses: [
        {
          name: 'api',
          image: 'api',
          imageID: '',
          ready: !waiting,
          restartCount: restarts,
          state: waiting ? { waiting: { reason: waiting } } : { running: { startedAt: new Date(now - startedSecondsAgo * 1000) } },
        },
      ],
    },
  };
}

describe('soakVerdict (new pods outlive the old crash point)', () => {
  const now = Date.parse('2026-12-02T03:00:00Z');
  it('passes once the youngest pod ran past the crash point plus a margin', () => {
    expect(soakVerdict([pod('a', 100, now), pod('b', 40, now)], 30, now)).toEqual({ state: 'passed', upSeconds: 40 });
  });
  it('asks for a re-check when the pods are younger than that', () => {
    expect(soakVerdict([pod('a', 10, now)], 30, now)).toEqual({ state: 'wait', upSeconds: 10, recheckInSeconds: 25 });
  });
  it('fails at the first restart or CrashLoopBackOff', () => {
    expect(soakVerdict([pod('a', 100, now), pod('b', 5, now, 2, 'CrashLoopBackOff')], 30, now)).toEqual({
      state: 'crashing',
      pod: 'b',
      restarts: 2,
      reason: 'CrashLoopBackOff',
    });
  });
  it('says so when there are no pods to judge', () => {
    expect(soakVerdict([], 30, now)).toEqual({ state: 'no-pods' });
  });
});
