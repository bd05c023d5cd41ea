import { describe, expect, it } from 'vitest';
import { parseActionApprovers } from './approvers.js';
import { authorise, slackGroupDirectory, type UsergroupsClient } from './authorise.js';

function fakeSlack(groups: Record<string, string[] | Error>): UsergroupsClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    usergroups: {
      users: {
        async list({ usergroup }) {
          calls.push(usergroup);
          const g = groups[usergroup];
          if (g instanceof Error) throw g;
          return { ok: true, users: g ?? [] };
        },
      },
    },
  };
}

describe('authorise', () => {
  const policy = parseActionApprovers('U0ALICE;prod=S0SRE');

  it('allows a listed user and refuses others', async () => {
    const dir = slackGroupDirectory(fakeSlack({}));
    expect(await authorise(policy, dir, { userId: 'U0ALICE', namespace: 'shop' })).toEqual({ allowed: true, via: 'user' });
    expect(await authorise(policy, dir, { userId: 'U0MALLORY', namespace: 'shop' })).toEqual({ allowed: false, reason: 'not-approver' });
  });

  it('resolves group members, caching the lookup briefly', async () => {
    let t = 0;
    const slack = fakeSlack({ S0SRE: ['U0BOB'] });
    const dir = slackGroupDirectory(slack, 1000, () => t);
    expect(await authorise(policy, dir, { userId: 'U0BOB', namespace: 'prod' })).toEqual({ allowed: true, via: 'group', group: 'S0SRE' });
    // alice is global but not in prod's list: the namespace list replaces the global one
    expect((await authorise(policy, dir, { userId: 'U0ALICE', namespace: 'prod' })).allowed).toBe(false);
    expect(slack.calls).toEqual(['S0SRE']);
    t = 1500;
    await authorise(policy, dir, { userId: 'U0BOB', namespace: 'prod' });
    expect(slack.calls).toEqual(['S0SRE', 'S0SRE']);
  });

  it('fails closed when the group lookup fails, and says so', async () => {
    const slack = fakeSlack({ S0SRE: new Error('missing_scope') });
    const decision = await authorise(policy, slackGroupDirectory(slack), { userId: 'U0BOB', namespace: 'prod' });
    expect(decision).toEqual({ allowed: false, reason: 'group-lookup-failed', detail: 'S0SRE: missing_scope' });
  });

  it('refuses everyone when no approvers are configured', async () => {
    const decision = await authorise(parseActionApprovers(''), slackGroupDirectory(fakeSlack({})), { userId: 'U0ALICE', namespace: 'shop' });
    expect(decision).toEqual({ allowed: false, reason: 'actions-off' });
  });
});
