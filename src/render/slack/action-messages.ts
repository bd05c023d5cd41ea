/**
 * Replies about actions taken from the thread: the audit line ("<@U1> rolled back shop/api from
 * revision 7 (api:1.4.2) to revision 6 (api:1.4.1)"), failures, and the rollout follow-up.
 * User ids are ours (from Slack), so they become real mentions; names from the cluster are escaped.
 */
import type { ActionKind } from '../../queue/jobs.js';
import { duration, revisionLabel } from '../format.js';
import { actions, button, context, fallback, section, type SlackMessage } from './blocks.js';
import { clusterText, code, mentionUser } from './mrkdwn.js';

export interface ActionRecordInput {
  userId: string;
  action: ActionKind | 'rediagnose';
  namespace: string;
  deployment: string;
  fromRevision: number;
  toRevision?: number;
  fromImages?: string[];
  toImages?: string[];
}

/** The audit reply posted once an action was applied. */
export function actionRecordReply(input: ActionRecordInput): SlackMessage {
  const who = mentionUser(input.userId);
  const dep = clusterText(`${input.namespace}/${input.deployment}`);
  const from = clusterText(revisionLabel(input.fromRevision, input.fromImages ?? []));
  let icon: string;
  let what: string;
  switch (input.action) {
    case 'rollback': {
      const to = input.toRevision === undefined ? 'the previous revision' : clusterText(revisionLabel(input.toRevision, input.toImages ?? []));
      icon = ':leftwards_arrow_with_hook:';
      what = `rolled back ${dep} from ${from} to ${to}`;
      break;
    }
    case 'pause_rollout':
      icon = ':double_vertical_bar:';
      what = `paused the rollout of ${dep} at ${from}`;
      break;
    case 'resume_rollout':
      icon = ':arrow_forward:';
      what = `resumed the rollout of ${dep} (at ${from})`;
      break;
    case 'rediagnose':
      icon = ':repeat:';
      what = `asked for a fresh diagnosis of ${dep}`;
      break;
  }
  const line = `${who} ${what}`;
  const follow = input.action === 'rollback' ? [context('Following the rollout; a reply follows when it completes or fails.')] : [];
  return { text: fallback(line), blocks: [section(`${icon} ${line}`), ...follow] };
}

export type ActionFailure = 'forbidden' | 'not-found' | 'conflict' | 'stale' | 'paused' | 'timeout' | 'error';

export interface ActionFailedInput {
  action: ActionKind;
  namespace: string;
  deployment: string;
  reason: ActionFailure;
  /** Detail from the API or the precondition, shown quoted (escaped, redacted). */
  detail: string;
  /** For `paused`: the value for a `resume_rollout` button (encodeButtonValue), to offer resume. */
  resumeValue?: string;
}

const VERB: Record<ActionKind, string> = { rollback: 'roll back', pause_rollout: 'pause', resume_rollout: 'resume' };

export function actionFailedReply(input: ActionFailedInput): SlackMessage {
  const dep = `${input.namespace}/${input.deployment}`;
  const name = code(`deployment/${input.deployment}`, 300);
  const ns = code(input.namespace, 80);
  const why: Record<ActionFailure, string> = {
    forbidden: `The bot is not allowed to patch ${name} in ${ns} (RBAC answered 403). Give its service account \`patch\` on \`deployments.apps\` there.`,
    'not-found': `${name} no longer exists in ${ns} (404).`,
    conflict: `${name} was changed by someone else while the bot was patching it (409 conflict).`,
    stale: `${name} moved on since this diagnosis was posted, so the buttons are out of date. Re-run the diagnosis for fresh ones.`,
    paused: `${name} is paused: kubectl refuses too ("you cannot rollback a paused deployment; resume it first"). Resume the rollout, then roll back.`,
    timeout: `The Kubernetes API did not answer in time. Check ${code(`kubectl -n ${input.namespace} rollout history deployment/${input.deployment}`, 600)} before trying again.`,
    error: `The Kubernetes API answered with an error.`,
  };
  const changed = input.reason === 'timeout' ? 'It may not have been applied.' : 'Nothing was changed.';
  const blocks: SlackMessage['blocks'] = [
    section(`:x: Could not ${VERB[input.action]} ${code(dep, 300)}. ${changed}\n${why[input.reason]}`),
  ];
  if (input.detail) blocks.push(context(`reason: \`${input.reason}\``, code(input.detail, 500)));
  else blocks.push(context(`reason: \`${input.reason}\``));
  if (input.reason === 'paused' && input.resumeValue) {
    blocks.push(
      actions('crashloop_resume', [
        button({
          text: 'Resume rollout',
          actionId: 'resume_rollout',
          value: input.resumeValue,
          confirm: {
            title: `Resume ${dep}?`,
            text: `Resume the rollout of Deployment ${dep}: pending changes to its pod template start rolling out.`,
            confirm: 'Resume',
          },
        }),
      ]),
    );
  }
  return { text: fallback(`Could not ${VERB[input.action]} ${clusterText(dep)}: ${input.reason}. ${changed}`), blocks };
}

export interface RolloutStatusInput {
  namespace: string;
  deployment: string;
  revision: number;
  outcome: 'complete' | 'failed' | 'timeout';
  readyReplicas: number;
  replicas: number;
  seconds: number;
  /** Set when the new pods stayed up longer than the old ones lived before crashing. */
  stayedUpPastSeconds?: number;
  /** e.g. ProgressDeadlineExceeded, or the failing pod's reason. */
  detail?: string;
}

/** The follow-up after a rollback, like `kubectl rollout status`. */
export function rolloutStatusReply(input: RolloutStatusInput): SlackMessage {
  const name = code(`deployment/${input.deployment}`, 300);
  const ready = `${input.readyReplicas}/${input.replicas} pods ready after ${duration(input.seconds)}`;
  let line: string;
  if (input.outcome === 'complete') line = `:white_check_mark: Rollout of ${name} to revision ${input.revision} complete: ${ready}.`;
  else if (input.outcome === 'failed') line = `:x: Rollout of ${name} to revision ${input.revision} failed: ${ready}.`;
  else line = `:hourglass: Rollout of ${name} to revision ${input.revision} not finished: ${ready}.`;
  const ctx = [`rollout: *${input.outcome}*`];
  if (input.stayedUpPastSeconds !== undefined) {
    ctx.push(`the new pods stayed up past ${duration(input.stayedUpPastSeconds)}, when the old ones crashed`);
  }
  if (input.detail) ctx.push(code(input.detail, 300));
  if (input.outcome !== 'complete') {
    ctx.push(code(`kubectl -n ${input.namespace} rollout status deployment/${input.deployment}`, 600));
  }
  const plainLine = line.replace(/^:[a-z_]+: /, '');
  return { text: fallback(plainLine), blocks: [section(line), context(...ctx)] };
}
