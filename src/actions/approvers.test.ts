import { describe, expect, it } from 'vitest';
import { isCrashloopError } from '../errors.js';
import { actionsEnabled, actionsOffHint, approversFor, parseActionApprovers } from './approvers.js';

describe('ACTION_APPROVERS', () => {
  it('is off everywhere when unset or empty (the safe default)', () => {
    for (const raw of [undefined, '', '  ']) {
      const policy = parseActionApprovers(raw);
      expect(actionsEnabled(policy, 'shop')).toBe(false);
    }
    expect(actionsOffHint(parseActionApprovers(undefined), 'shop')).toMatch(/set ACTION_APPROVERS to Slack user or user-group ids/);
  });

  it('splits users and groups of the global list', () => {
    const set = approversFor(parseActionApprovers('U012AB3CD, W0ABCDEF ,S0614TZR7'), 'shop');
    expect([...set!.users]).toEqual(['U012AB3CD', 'W0ABCDEF']);
    expect([...set!.groups]).toEqual(['S0614TZR7']);
  });

  it('lets a namespace entry replace the global list, and "none" turn actions off there', () => {
    const policy = parseActionApprovers('U012AB3CD;prod=U04ABCDEF,S0999XYZ;staging=none');
    expect([...approversFor(policy, 'prod')!.users]).toEqual(['U04ABCDEF']);
    expect(approversFor(policy, 'prod')!.users.has('U012AB3CD')).toBe(false);
    expect([...approversFor(policy, 'shop')!.users]).toEqual(['U012AB3CD']);
    expect(approversFor(policy, 'staging')).toBeNull();
    expect(actionsOffHint(policy, 'staging')).toContain('"staging=none"');
  });

  it('allows only namespace entries (actions off elsewhere)', () => {
    const policy = parseActionApprovers('prod=U04ABCDEF');
    expect(actionsEnabled(policy, 'prod')).toBe(true);
    expect(actionsEnabled(policy, 'shop')).toBe(false);
  });

  it.each([
    ['alice', /"alice" in the global list is not a Slack user id/],
    ['U012AB3CD,,S0614TZR7', /empty id in the global list/],
    ['U012AB3CD;U04ABCDEF', /more than one global list/],
    ['Prod=U04ABCDEF', /"Prod" is not a valid namespace name/],
    ['prod=U04ABCDEF;prod=U012AB3CD', /namespace "prod" is listed twice/],
    ['prod=', /no ids for namespace "prod"/],
    ['prod=u04abcdef', /"u04abcdef" in namespace "prod"/],
  ])('rejects %j with a clear error naming the variable', (raw, message) => {
    try {
      parseActionApprovers(raw);
      expect.unreachable();
    } catch (err) {
      expect(isCrashloopError(err, 'config')).toBe(true);
      expect((err as Error).message).toMatch(/^ACTION_APPROVERS: /);
      expect((err as Error).message).toMatch(message);
    }
  });
});
