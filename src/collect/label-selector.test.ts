import { describe, expect, it } from 'vitest';
import { selectorMatches, selectorToString, withoutTemplateHash } from './label-selector.js';

describe('label selectors', () => {
  const sel = {
    matchLabels: { app: 'api' },
    matchExpressions: [
      { key: 'tier', operator: 'In', values: ['web', 'edge'] },
      { key: 'canary', operator: 'DoesNotExist' },
    ],
  };

  it('renders a LabelSelector as the API query syntax', () => {
    expect(selectorToString(sel)).toBe('app=api,tier in (web,edge),!canary');
    expect(selectorToString({ matchExpressions: [{ key: 'a', operator: 'Exists' }, { key: 'b', operator: 'NotIn', values: ['x'] }] })).toBe('a,b notin (x)');
  });

  it('never turns an empty selector into "select everything"', () => {
    expect(selectorToString({})).toBeNull();
    expect(selectorToString(undefined)).toBeNull();
    expect(selectorMatches({}, { app: 'api' })).toBe(false);
  });

  it('matches labels like the API server', () => {
    expect(selectorMatches(sel, { app: 'api', tier: 'web' })).toBe(true);
    expect(selectorMatches(sel, { app: 'api', tier: 'db' })).toBe(false);
    expect(selectorMatches(sel, { app: 'api', tier: 'web', canary: 'true' })).toBe(false);
  });

  it("drops pod-template-hash to get a ReplicaSet's Deployment selector", () => {
    expect(withoutTemplateHash({ matchLabels: { app: 'api', 'pod-template-hash': '7d9f' } })).toEqual({ matchLabels: { app: 'api' }, matchExpressions: [] });
  });
});
