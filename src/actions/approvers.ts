/**
 * ACTION_APPROVERS: who may press the buttons that change the cluster.
 *
 *   ACTION_APPROVERS="U012AB3CD,S0614TZR7;prod=U04ABCDEF,S0999XYZ;staging=none"
 *
 * Entries are separated by `;`. An entry without `=` is the global list (at most one); `<namespace>=<ids>`
 * REPLACES the global list for that namespace (so prod can be stricter than the rest), and
 * `<namespace>=none` turns actions off there. Ids are Slack user ids (U…, W…) and user-group ids (S…),
 * separated by `,`. Unset or empty: cluster-changing actions are off everywhere (the safe default).
 */
import { CrashloopError } from '../errors.js';

export interface ApproverSet {
  users: ReadonlySet<string>;
  groups: ReadonlySet<string>;
}

export interface ApproverPolicy {
  /** null: no global list (actions off outside the namespaces listed). */
  global: ApproverSet | null;
  namespaces: ReadonlyMap<string, ApproverSet | null>;
}

export const ACTION_APPROVERS_VAR = 'ACTION_APPROVERS';
const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const GROUP_ID = /^S[A-Z0-9]{2,}$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const EXAMPLE = 'e.g. ACTION_APPROVERS="U012AB3CD,S0614TZR7;prod=U04ABCDEF"';

function configError(detail: string): CrashloopError {
  return new CrashloopError('config', `${ACTION_APPROVERS_VAR}: ${detail} (${EXAMPLE})`);
}

function parseIds(list: string, where: string): ApproverSet {
  const users = new Set<string>();
  const groups = new Set<string>();
  const ids = list.split(',').map((s) => s.trim());
  for (const id of ids) {
    if (id === '') throw configError(`empty id in ${where}`);
    if (USER_ID.test(id)) users.add(id);
    else if (GROUP_ID.test(id)) groups.add(id);
    else throw configError(`"${id}" in ${where} is not a Slack user id (U…/W…) or user-group id (S…)`);
  }
  return { users, groups };
}

/** Parse and validate; throws CrashloopError('config') naming the variable and the bad part. */
export function parseActionApprovers(raw: string | undefined): ApproverPolicy {
  const namespaces = new Map<string, ApproverSet | null>();
  let global: ApproverSet | null = null;
  const text = (raw ?? '').trim();
  if (text === '') return { global, namespaces };
  let sawGlobal = false;
  for (const entry of text.split(';').map((s) => s.trim())) {
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    if (eq < 0) {
      if (sawGlobal) throw configError('more than one global list (entries without "namespace=")');
      sawGlobal = true;
      global = parseIds(entry, 'the global list');
      continue;
    }
    const ns = entry.slice(0, eq).trim();
    const list = entry.slice(eq + 1).trim();
    if (!NAMESPACE.test(ns)) throw configError(`"${ns}" is not a valid namespace name`);
    if (namespaces.has(ns)) throw configError(`namespace "${ns}" is listed twice`);
    if (list === '') throw configError(`no ids for namespace "${ns}" (write "${ns}=none" to turn actions off there)`);
    namespaces.set(ns, list === 'none' ? null : parseIds(list, `namespace "${ns}"`));
  }
  return { global, namespaces };
}

/** The approvers for a namespace, or null when actions are off there. */
export function approversFor(policy: ApproverPolicy, namespace: string): ApproverSet | null {
  const set = policy.namespaces.has(namespace) ? policy.namespaces.get(namespace)! : policy.global;
  return set && set.users.size + set.groups.size > 0 ? set : null;
}

export function actionsEnabled(policy: ApproverPolicy, namespace: string): boolean {
  return approversFor(policy, namespace) !== null;
}

/**
 * Why the cluster-changing buttons are off and how to turn them on: one or two plain sentences, shown
 * after "Rollback and pause buttons are off." in the diagnosis message and in the "not allowed" answer.
 */
export function actionsOffHint(policy: ApproverPolicy, namespace: string): string {
  if (policy.namespaces.has(namespace) && policy.namespaces.get(namespace) === null) {
    return `${ACTION_APPROVERS_VAR} turns them off for namespace ${namespace} ("${namespace}=none").`;
  }
  return (
    `No approvers are configured for namespace ${namespace}. To turn them on, set ${ACTION_APPROVERS_VAR} ` +
    `to Slack user or user-group ids (${EXAMPLE.slice(5)}) and restart the bot.`
  );
}

/** The hint without a namespace, for places that render before one is known. */
export const ACTIONS_OFF_HINT =
  `No approvers are configured. To turn them on, set ${ACTION_APPROVERS_VAR} ` +
  `to Slack user or user-group ids (${EXAMPLE.slice(5)}) and restart the bot.`;
