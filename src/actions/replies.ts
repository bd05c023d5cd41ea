/**
 * From an action's outcome to the thread reply. The wording lives in src/render/slack/action-messages.ts
 * (audit line, failures, rollout status); the few outcomes it has no words for (already done, revision
 * gone, missing permission other than patch, API unavailable) are worded here. Pure.
 */
import { encodeButtonValue } from '../domain/button-value.js';
import type { ActionKind } from '../queue/jobs.js';
import { fallback, section, type SlackMessage } from '../render/slack/blocks.js';
import { actionFailedReply, actionRecordReply } from '../render/slack/action-messages.js';
import { clusterText, code, mentionUser } from '../render/slack/mrkdwn.js';
import { revisionLabel } from '../render/format.js';
import type { ActionFailure } from './kube-errors.js';
import type { PauseOutcome } from './pause-resume.js';
import { pausedRollbackMessage, type RollbackOutcome } from './rollout-undo.js';

export interface ActionTarget {
  action: ActionKind;
  namespace: string;
  deployment: string;
  userId: string;
  fromRevision: number;
  toRevision?: number;
  /** Pod and container of the diagnosis, for a button offered in a reply. */
  pod?: string;
  container?: string;
}

function line(text: string): SlackMessage {
  return { text: fallback(text.replace(/^:[a-z_]+: /, '')), blocks: [section(text)] };
}

function dep(t: ActionTarget): string {
  return code(`${t.namespace}/${t.deployment}`, 300);
}

export function resumeValue(t: ActionTarget): string {
  return encodeButtonValue({
    ns: t.namespace,
    pod: t.pod ?? t.deployment,
    ...(t.container ? { c: t.container } : {}),
    d: t.deployment,
    from: t.fromRevision,
  });
}

export function rollbackReply(t: ActionTarget, o: RollbackOutcome): SlackMessage {
  const base = { action: 'rollback' as const, namespace: t.namespace, deployment: t.deployment };
  switch (o.kind) {
    case 'rolled-back':
      return actionRecordReply({
        userId: t.userId,
        action: 'rollback',
        namespace: t.namespace,
        deployment: t.deployment,
        fromRevision: o.fromRevision,
        toRevision: o.toRevision,
        fromImages: o.fromImages,
        toImages: o.toImages,
      });
    case 'already-at':
      return line(
        `:white_check_mark: ${dep(t)} already runs the pod template of ${code(revisionLabel(o.toRevision, o.images), 300)}: skipped rollback, nothing changed.`,
      );
    case 'stale':
      return actionFailedReply({
        ...base,
        reason: 'stale',
        detail: `button made for revision ${o.expectedRevision}; the Deployment is now at ${o.actualRevision === null ? 'an unknown revision' : `revision ${o.actualRevision}`}`,
      });
    case 'paused':
      return actionFailedReply({ ...base, reason: 'paused', detail: pausedRollbackMessage(t.deployment), resumeValue: resumeValue(t) });
    case 'revision-not-found':
      return line(
        `:x: Could not roll back ${dep(t)}: revision ${o.toRevision} is no longer in its history (kubectl: unable to find specified revision ${o.toRevision} in history). Nothing was changed; re-run the diagnosis.`,
      );
  }
}

export function pauseReply(t: ActionTarget, o: PauseOutcome): SlackMessage {
  if (o.kind === 'already') {
    return line(`:information_source: The rollout of ${dep(t)} is already ${o.paused ? 'paused' : 'running (not paused)'}: nothing changed.`);
  }
  return actionRecordReply({
    userId: t.userId,
    action: o.paused ? 'pause_rollout' : 'resume_rollout',
    namespace: t.namespace,
    deployment: t.deployment,
    fromRevision: o.revision ?? t.fromRevision,
  });
}

export function failureReply(t: ActionTarget, f: ActionFailure): SlackMessage {
  const base = { action: t.action, namespace: t.namespace, deployment: t.deployment };
  const status = f.status ? ` (HTTP ${f.status})` : '';
  const permission = `${f.verb} ${f.resource}.apps in namespace ${f.namespace}`;
  switch (f.kind) {
    case 'forbidden':
      if (f.verb === 'patch') return actionFailedReply({ ...base, reason: 'forbidden', detail: `missing permission: ${permission}` });
      return line(
        `:no_entry: Could not act on ${dep(t)}: the bot may not *${f.verb}* \`${f.resource}.apps\` in ${code(f.namespace, 80)}${status}. Nothing was changed. ` +
          `Give its service account that permission (missing: ${code(permission, 200)}).`,
      );
    case 'not-found':
      return actionFailedReply({ ...base, reason: 'not-found', detail: `${f.verb} deployments/${t.deployment}: 404` });
    case 'conflict':
      return actionFailedReply({ ...base, reason: 'conflict', detail: `${f.verb} ${f.resource}: ${f.status ?? 409}` });
    case 'timeout':
      return actionFailedReply({ ...base, reason: 'timeout', detail: `${f.verb} ${f.resource} did not answer in time` });
    case 'unavailable':
      return line(`:electric_plug: Could not act on ${dep(t)}: the Kubernetes API is unreachable${status}. Nothing was changed; try again later.`);
    case 'error':
      return actionFailedReply({ ...base, reason: 'error', detail: `${f.verb} ${f.resource}${status}` });
  }
}

const ACTION_VERB: Record<string, string> = { rollback: 'roll back', pause_rollout: 'pause', resume_rollout: 'resume', rediagnose: 're-run' };

/** The ephemeral answer to a click that is not allowed. Nothing was changed. */
export function notAllowedMessage(
  userId: string,
  actionId: string,
  target: string,
  reason: 'actions-off' | 'not-approver' | 'group-lookup-failed',
  hint: string,
): SlackMessage {
  const why =
    reason === 'actions-off'
      ? hint
      : reason === 'group-lookup-failed'
        ? 'Your user-group membership could not be checked (the bot needs the usergroups:read scope); try again or ask an approver.'
        : `Only the approvers configured in ACTION_APPROVERS may do that in namespace ${target.split('/')[0]}.`;
  const verb = ACTION_VERB[actionId] ?? actionId;
  return line(`:lock: Not allowed: ${mentionUser(userId)}, you may not ${verb} ${code(target, 300)}. Nothing was changed. ${clusterText(why)}`);
}
