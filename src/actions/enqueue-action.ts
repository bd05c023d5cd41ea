/**
 * A button click -> at most one queued job. Decodes and checks the button value, authorises the user
 * for cluster-changing actions, and adds the job under a deterministic id so a double click, a second
 * person or Slack re-sending the action adds nothing. A finished run that was refused or failed (stale,
 * paused, 403...) does not block a later click: its job is removed and queued again.
 */
import { decodeButtonValue, type ButtonActionId, type ButtonValue } from '../domain/button-value.js';
import type { Logger } from '../log.js';
import { jobId, type ActionJob, type ActionKind, type DiagnoseJob } from '../queue/jobs.js';
import { asQueueUnavailable } from '../queue/connection.js';
import type { JobQueue } from '../queue/producer.js';
import { actionsOffHint, type ApproverPolicy } from './approvers.js';
import { authorise, type AuthDecision, type GroupDirectory } from './authorise.js';
import { FINAL_RESULTS } from './process-action-job.js';

export interface Click {
  actionId: ButtonActionId;
  rawValue: string;
  userId: string;
  channel: string;
  /** ts of the message carrying the button, and its thread root. */
  messageTs: string;
  threadTs: string;
  message?: { text: string; blocks: unknown[] };
  now?: Date;
}

export type ClickResult =
  | { kind: 'queued'; jobId: string }
  | { kind: 'duplicate'; jobId: string; state: string }
  | { kind: 'bad-value'; detail: string }
  | { kind: 'denied'; decision: Extract<AuthDecision, { allowed: false }>; hint: string; target: string };

export interface ClickDeps {
  queue: JobQueue;
  policy: ApproverPolicy;
  groups: GroupDirectory;
  log: Logger;
}

/** The dedupe key of an action: deployment + revisions + action (+ the message for pause/resume). */
export function actionJobId(action: ActionKind, v: { ns: string; d: string; from: number; to?: number }, messageTs: string): string {
  return action === 'rollback'
    ? jobId('action', action, v.ns, v.d, v.from, v.to ?? 'none')
    : jobId('action', action, v.ns, v.d, v.from, messageTs);
}

function required(v: ButtonValue, action: ActionKind): string | null {
  if (!v.d) return 'it names no Deployment';
  if (v.from === undefined) return 'it carries no revision';
  if (action === 'rollback' && v.to === undefined) return 'it carries no target revision';
  return null;
}

/** The job already queued under `id` and whether it blocks a new run; Redis errors become queue-unavailable. */
async function existingRun(deps: ClickDeps, id: string): Promise<{ blocks: boolean; state: string; remove(): Promise<void> } | null> {
  try {
    const existing = await deps.queue.queue.getJob(id);
    if (!existing) return null;
    const state = await existing.getState();
    const result = (existing.data as ActionJob).progress?.result;
    const finishedWithoutEffect = state === 'failed' || (state === 'completed' && !(result && FINAL_RESULTS.has(result)));
    return { blocks: !finishedWithoutEffect, state: result ?? state, remove: () => existing.remove().catch(() => {}) };
  } catch (err) {
    throw asQueueUnavailable(err);
  }
}

async function queueOnce(deps: ClickDeps, id: string, data: ActionJob): Promise<ClickResult> {
  const existing = await existingRun(deps, id);
  if (existing?.blocks) return { kind: 'duplicate', jobId: id, state: existing.state };
  // A refused or failed run does not block a new click: remove its record, then queue again.
  if (existing) await existing.remove();
  await deps.queue.add({ name: 'action', id, data, opts: { attempts: 3, backoff: { type: 'exponential', delay: 2_000 } } });
  return { kind: 'queued', jobId: id };
}

export async function handleClick(deps: ClickDeps, click: Click): Promise<ClickResult> {
  const v = decodeButtonValue(click.rawValue);
  if (!v) return { kind: 'bad-value', detail: 'The button value is not one this bot made (bad JSON or shape).' };
  const now = click.now ?? new Date();
  const thread = { channel: click.channel, threadTs: click.threadTs };

  if (click.actionId === 'rediagnose') {
    const data: DiagnoseJob = {
      target: { namespace: v.ns, name: v.pod, ...(v.c ? { container: v.c } : {}) },
      thread,
      trigger: 'button',
      requestedBy: click.userId,
    };
    // Deduped per message for 10 s: a double click runs one diagnosis, a later click a fresh one.
    const id = jobId('diagnose', 'rerun', click.channel, click.messageTs, Math.floor(now.getTime() / 10_000));
    await deps.queue.add({ name: 'diagnose', id, data });
    return { kind: 'queued', jobId: id };
  }

  const action: ActionKind = click.actionId;
  const missing = required(v, action);
  if (missing) return { kind: 'bad-value', detail: `The ${action} button cannot be used: ${missing}.` };
  const target = `${v.ns}/${v.d}`;
  const decision = await authorise(deps.policy, deps.groups, { userId: click.userId, namespace: v.ns });
  if (!decision.allowed) {
    deps.log.warn(
      { event: 'action-denied', user: click.userId, action, namespace: v.ns, deployment: v.d, fromRevision: v.from, toRevision: v.to, reason: decision.reason, detail: decision.detail },
      `denied ${action} of ${target} for ${click.userId}: ${decision.reason}`,
    );
    return { kind: 'denied', decision, hint: actionsOffHint(deps.policy, v.ns), target };
  }
  const data: ActionJob = {
    action,
    namespace: v.ns,
    deployment: v.d!,
    fromRevision: v.from!,
    ...(v.to !== undefined ? { toRevision: v.to } : {}),
    userId: click.userId,
    thread,
    messageTs: click.messageTs,
    pod: v.pod,
    ...(v.c ? { container: v.c } : {}),
    ...(click.message ? { message: click.message } : {}),
    requestedAt: now.toISOString(),
  };
  const result = await queueOnce(deps, actionJobId(action, { ns: v.ns, d: v.d!, from: v.from!, ...(v.to !== undefined ? { to: v.to } : {}) }, click.messageTs), data);
  deps.log.info({ event: 'action-click', user: click.userId, action, namespace: v.ns, deployment: v.d, authorisedVia: decision.via, result: result.kind }, `${action} of ${target} by ${click.userId}: ${result.kind}`);
  return result;
}
