import type { V1Deployment, V1ReplicaSet } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  equalIgnoreHash,
  replicaSetOnceAtRevision,
  revisionHistoryOf,
  revisionOf,
  rollbackAnnotations,
  selectorString,
  shortImage,
  templateWithoutHash,
} from './deployment-history.js';

function rs(name: string, annotations: Record<string, string>, image = 'api:1'): V1ReplicaSet {
  return {
    metadata: { name, annotations, labels: { app: 'api', 'pod-template-hash': name } },
    spec: { selector: {}, template: { metadata: { labels: { app: 'api', 'pod-template-hash': name } }, spec: { containers: [{ name: 'api', image }] } } },
  };
}

describe('deployment history helpers', () => {
  it('reads revisions and the history of a reused ReplicaSet', () => {
    const reused = rs('a', { 'deployment.kubernetes.io/revision': '8', 'deployment.kubernetes.io/revision-history': '3,6' });
    expect(revisionOf(reused)).toBe(8);
    expect(revisionOf(rs('b', { 'deployment.kubernetes.io/revision': 'x' }))).toBeNull();
    expect(revisionHistoryOf(reused)).toEqual([3, 6]);
    expect(replicaSetOnceAtRevision([rs('b', { 'deployment.kubernetes.io/revision': '7' }), reused], 6)).toBe(reused);
  });

  it('builds a label selector string from matchLabels and matchExpressions', () => {
    expect(
      selectorString({
        matchLabels: { app: 'api' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['web', 'edge'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('app=api,tier in (web,edge),!canary');
  });

  it('compares templates ignoring pod-template-hash, and drops it from the patch', () => {
    const a = rs('aaa', {}).spec!.template!;
    const b = rs('bbb', {}).spec!.template!;
    expect(equalIgnoreHash(a, b)).toBe(true);
    expect(equalIgnoreHash(a, rs('c', {}, 'api:2').spec!.template!)).toBe(false);
    expect(templateWithoutHash(a)).toEqual({ metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'api:1' }] } });
  });

  it("keeps kubectl's annotation rule: skip-listed ones from the Deployment, the rest from the ReplicaSet", () => {
    const d: V1Deployment = {
      metadata: { annotations: { 'deployment.kubernetes.io/revision': '7', 'kubectl.kubernetes.io/last-applied-configuration': '{}', owner: 'team-a' } },
    };
    const target = rs('a', { 'deployment.kubernetes.io/revision': '6', 'deployment.kubernetes.io/desired-replicas': '2', 'kubernetes.io/change-cause': 'deploy 1.4.1' });
    expect(rollbackAnnotations(d, target)).toEqual({
      'deployment.kubernetes.io/revision': '7',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      'kubernetes.io/change-cause': 'deploy 1.4.1',
    });
  });

  it('shortens images for messages', () => {
    expect(shortImage('registry.example.com/shop/api:1.4.2')).toBe('api:1.4.2');
    expect(shortImage('api')).toBe('api');
  });
});
