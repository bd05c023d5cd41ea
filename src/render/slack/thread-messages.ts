/**
 * The thread's other messages: the root (slash command or alert), short replies when more replicas
 * join or the alert resolves, ephemeral errors and help. Action audit replies live in
 * ./action-messages.ts. All return `{ text, blocks }`; everything not ours is escaped and redacted.
 */
import type { CauseId } from '../../domain/cause-id.js';
import type { TargetRequest } from '../../domain/target.js';
import type { TriggerKind } from '../../queue/jobs.js';
import { duration, plural } from '../format.js';
import { context, fallback, section, type SlackMessage } from './blocks.js';
import { clusterText, code, mentionUser, ownText, slackDate } from './mrkdwn.js';

export type RootState = 'investigating' | 'diagnosed' | 'resolved';

export interface RootMessageInput {
  target: TargetRequest;
  trigger: TriggerKind;
  /** Slack user id of who asked (slash command, re-run). */
  requestedBy?: string;
  /** Alertmanager alertname, e.g. KubePodCrashLooping. */
  alertName?: string;
  /** e.g. `Deployment/api` once known. */
  workload?: string;
  state: RootState;
  /** Cause id once diagnosed, so the root is searchable by cause too. */
  cause?: CauseId;
  /** Pods of the workload seen crash-looping in this episode. */
  replicas?: string[];
  /** ISO time the alert started firing. */
  firingSince?: string;
  /** ISO time the alert resolved. */
  resolvedAt?: string;
}

const MAX_PODS_LISTED = 5;

function podList(pods: readonly string[]): string {
  const shown = pods.slice(0, MAX_PODS_LISTED).map((p) => code(p, 120));
  const more = pods.length > MAX_PODS_LISTED ? ` and ${pods.length - MAX_PODS_LISTED} more` : '';
  return shown.join(', ') + more;
}

function elapsed(fromIso?: string, toIso?: string): string | null {
  if (!fromIso || !toIso) return null;
  const s = (Date.parse(toIso) - Date.parse(fromIso)) / 1000;
  return Number.isFinite(s) && s >= 0 ? duration(s) : null;
}

export function rootMessage(input: RootMessageInput): SlackMessage {
  const { target, state } = input;
  const subject = input.workload ?? target.name;
  const where = `${code(subject, 200)} in ${code(target.namespace, 80)}`;
  const stateWord = { investigating: 'investigating…', diagnosed: 'diagnosed, see the thread', resolved: 'resolved' }[state];
  const isAlert = input.trigger === 'alert' || input.trigger === 'watcher';

  let headline: string;
  if (isAlert) {
    const alert = clusterText(input.alertName ?? 'Crash loop');
    headline = state === 'resolved' ? `:white_check_mark: *Resolved* · ~${alert}~ · ${where}` : `:rotating_light: *${alert}* · ${where}`;
  } else {
    const container = target.container ? ` (container ${code(target.container, 80)})` : '';
    const asked = input.requestedBy
      ? `:mag: ${mentionUser(input.requestedBy)} asked why ${where}${container} is crash-looping`
      : `:mag: Why is ${where}${container} crash-looping?`;
    headline = state === 'resolved' ? `:white_check_mark: *Resolved* · ~Crash loop~ · ${where}${container}` : asked;
  }

  const lines = [headline];
  if (input.replicas && input.replicas.length) {
    lines.push(`${plural(input.replicas.length, 'pod')} affected: ${podList(input.replicas)}`);
  }
  if (state === 'resolved') {
    const took = elapsed(input.firingSince, input.resolvedAt);
    lines.push(took ? `Stopped firing after ${took}.` : 'Stopped firing.');
  }

  const source = input.trigger === 'alert' ? 'Alertmanager' : input.trigger === 'watcher' ? 'crash watcher' : '/crashloop';
  const ctx: string[] = [source, `status: *${stateWord}*`];
  if (input.cause) ctx.push(`cause: \`${input.cause}\``);
  if (input.firingSince && state !== 'resolved') ctx.push(`firing since ${slackDate(input.firingSince)}`);
  if (input.resolvedAt) ctx.push(`resolved ${slackDate(input.resolvedAt)}`);

  const plainWhere = `${clusterText(subject)} in ${clusterText(target.namespace)}`;
  const text =
    state === 'resolved'
      ? `Resolved: ${plainWhere}`
      : isAlert
        ? `${clusterText(input.alertName ?? 'Crash loop')}: ${plainWhere}${input.cause ? ` (cause: ${input.cause})` : ''}`
        : `Crash-loop diagnosis for ${plainWhere}${input.cause ? ` (cause: ${input.cause})` : ''}`;
  return { text: fallback(text), blocks: [section(lines.join('\n')), context(...ctx)] };
}

export interface AlertUpdateInput {
  /** Pods that joined this thread with this update. */
  newPods: string[];
  /** All pods of the episode so far (including the new ones). */
  totalPods?: number;
  alertName?: string;
}

/** A short reply when more alerts or replicas join a thread: no second diagnosis, no second thread. */
export function alertUpdateReply(input: AlertUpdateInput): SlackMessage {
  const n = input.newPods.length;
  const what = n === 0 ? 'The alert fired again' : `${plural(n, 'more pod')} crash-looping: ${podList(input.newPods)}`;
  const total = input.totalPods !== undefined ? ` (${plural(input.totalPods, 'pod')} in this episode)` : '';
  const line = `:bell: ${what}${total}. Same workload, so no new diagnosis; the one above applies.`;
  const ctx = input.alertName ? [context(`Alertmanager · ${clusterText(input.alertName)}`)] : [];
  return { text: fallback(line.replace(/^:bell: /, '')), blocks: [section(line), ...ctx] };
}

export interface ResolvedInput {
  target: TargetRequest;
  workload?: string;
  alertName?: string;
  firingSince?: string;
  resolvedAt?: string;
}

export function resolvedReply(input: ResolvedInput): SlackMessage {
  const subject = code(input.workload ?? input.target.name, 200);
  const took = elapsed(input.firingSince, input.resolvedAt);
  const alert = input.alertName ? `*${clusterText(input.alertName)}* ` : '';
  const line = `:white_check_mark: ${alert}resolved for ${subject} in ${code(input.target.namespace, 80)}${took ? ` after ${took}` : ''}.`;
  return { text: fallback(`Resolved: ${clusterText(input.workload ?? input.target.name)} in ${clusterText(input.target.namespace)}`), blocks: [section(line)] };
}

export interface ErrorMessageInput {
  /** One line: what could not be done. */
  title: string;
  /** What is wrong, in a sentence or two. */
  detail: string;
  /** How to do it right (e.g. usage). */
  hint?: string;
}

/** Ephemeral errors (queue unavailable, bad input, not allowed). Texts may contain user input: escaped. */
export function errorMessage(input: ErrorMessageInput): SlackMessage {
  const blocks = [section(`:warning: *${ownText(input.title)}*\n${ownText(input.detail)}`)];
  if (input.hint) blocks.push(section(ownText(input.hint)));
  return { text: fallback(`${ownText(input.title)}: ${ownText(input.detail)}`), blocks };
}

export interface HelpOptions {
  /** The namespace used without `-n`, when the bot has one. */
  defaultNamespace?: string;
}

export function helpMessage(options: HelpOptions = {}): SlackMessage {
  const usage = [
    '*Usage:* `/crashloop &lt;pod|workload&gt; [-n namespace] [-c container]`',
    'Finds out why a pod is crash-looping and answers in a thread: the cause, the evidence, the remedy,',
    'and, when a recent rollout is to blame, a button to roll back.',
    '',
    '*Examples*',
    '• `/crashloop api-7f9c6d5b8-x2x4q -n shop`: one pod',
    '• `/crashloop api -n shop`: a Deployment, StatefulSet or DaemonSet (its crash-looping pod)',
    '• `/crashloop api-7f9c -n shop -c sidecar`: a unique pod-name prefix, one container',
    '• `/crashloop help`: this message',
    '',
    ...(options.defaultNamespace ? [`Without \`-n\` the namespace is ${code(options.defaultNamespace, 80)}.`] : []),
    'Buttons that change the cluster ask for confirmation first and work only for approvers (`ACTION_APPROVERS`).',
  ];
  return { text: 'Usage: /crashloop &lt;pod|workload&gt; [-n namespace] [-c container]', blocks: [section(usage.join('\n'))] };
}
