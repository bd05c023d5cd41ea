/**
 * May this Slack user change this namespace? Users are matched by id; groups through the Web API
 * `usergroups.users.list` (needs the `usergroups:read` scope), cached briefly so a burst of clicks costs
 * one lookup. A failed lookup denies (fail closed) and says why.
 */
import { approversFor, type ApproverPolicy } from './approvers.js';

export type AuthDecision =
  | { allowed: true; via: 'user' | 'group'; group?: string }
  | { allowed: false; reason: 'actions-off' | 'not-approver' | 'group-lookup-failed'; detail?: string };

/** The slice of the Slack WebClient used here (the real WebClient satisfies it). */
export interface UsergroupsClient {
  usergroups: {
    users: {
      list(args: { usergroup: string }): Promise<{ ok?: boolean; users?: string[]; error?: string }>;
    };
  };
}

export interface GroupDirectory {
  members(groupId: string): Promise<ReadonlySet<string>>;
}

export const GROUP_CACHE_MS = 60_000;

export function slackGroupDirectory(client: UsergroupsClient, ttlMs = GROUP_CACHE_MS, now: () => number = Date.now): GroupDirectory {
  const cache = new Map<string, { at: number; members: Promise<ReadonlySet<string>> }>();
  return {
    members(groupId) {
      const hit = cache.get(groupId);
      if (hit && now() - hit.at < ttlMs) return hit.members;
      const members = client.usergroups.users.list({ usergroup: groupId }).then((res) => {
        if (res.ok === false) throw new Error(res.error ?? 'usergroups.users.list failed');
        return new Set(res.users ?? []) as ReadonlySet<string>;
      });
      cache.set(groupId, { at: now(), members });
      // A failure is not cached: the next click asks again.
      members.catch(() => cache.delete(groupId));
      return members;
    },
  };
}

export async function authorise(
  policy: ApproverPolicy,
  groups: GroupDirectory,
  who: { userId: string; namespace: string },
): Promise<AuthDecision> {
  const set = approversFor(policy, who.namespace);
  if (!set) return { allowed: false, reason: 'actions-off' };
  if (set.users.has(who.userId)) return { allowed: true, via: 'user' };
  let lookupError: string | undefined;
  for (const group of set.groups) {
    try {
      if ((await groups.members(group)).has(who.userId)) return { allowed: true, via: 'group', group };
    } catch (err) {
      lookupError = `${group}: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  return lookupError
    ? { allowed: false, reason: 'group-lookup-failed', detail: lookupError }
    : { allowed: false, reason: 'not-approver' };
}
