/**
 * The `action` job: roll back, pause or resume a Deployment exactly once, then say so in the thread,
 * write the audit log line, strip the now-stale buttons from the diagnosis message and, after a rollback,
 * queue the `rollout-status` follow-up.
 *
 * Exactly once: the job id is derived from deployment + revisions + action (BullMQ ignores a second add),
 * and the processor re-checks the cluster (a retry after a crash finds the rollback done and reports it
 * from the plan it recorded before patching). Replies go through the post ledger keyed by this run.
 */
import type { KnownBlock } from '@slack/types';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from '../log.js';
import { jobId, type ActionJob, type RolloutStatusJob } from '../queue/jobs.js';
import { actions, button, type SlackMessage } from '../render/slack/blocks.js';
import { withoutActions } from '../render/slack/diagnosis-message.js';
import type { JobContext } from '../runtime/deps.js';
import { actionKube } from './action-kube.js';
import { DEFAULT_ACTION_OPTIONS, type ActionOptions } from './action-options.js';
import { crashPointSeconds } from './crash-point.js';
import { isTransient, KubeActionError, type ActionFailure } from './kube-errors.js';
import { setDeploymentPaused, type PauseOutcome } from './pause-resume.js';
import { failureReply, pauseReply, resumeValue, rollbackReply, type ActionTarget } from './replies.js';
import { rollbackDeployment, type RollbackOutcome } from './rollout-undo.js';

/** Outcomes after which the same button must not act again (the handler dedupes on them). */
export const FINAL_RESULTS = new Set(['rolled-back', 'already-at', 'paused', 'resumed', 'already-paused', 'already-resumed']);

type Step =
  | { kind: 'rollback'; outcome: RollbackOutcome }
  | { kind: 'pause'; outcome: PauseOutcome }
  | { kind: 'failure'; failure: ActionFailure };

function resultName(step: Step): string {
  if (step.kind === 'rollback') return step.outcome.kind === 'paused' ? 'refused-paused' : step.outcome.kind;
  if (step.kind === 'failure') return step.failure.kind;
  const word = step.outcome.paused ? 'paused' : 'resumed';
  return step.outcome.kind === 'already' ? `already-${word}` : word;
}

function attemptsLeft(job: Job): boolean {
  return job.attemptsMade + 1 < (job.opts.attempts ?? 1);
}

export function runKeyOf(job: Job<ActionJob>): string {
  return `${job.id}:${job.data.requestedAt ?? 'once'}`;
}

async function perform(job: Job<ActionJob>, ctx: JobContext, opts: ActionOptions): Promise<Step> {
  const d = job.data;
  const kube = actionKube(ctx.deps.kube);
  const target = { namespace: d.namespace, deployment: d.deployment };
  if (d.action !== 'rollback') {
    return { kind: 'pause', outcome: await setDeploymentPaused(kube.apps, target, d.action === 'pause_rollout', opts.kubeTimeoutMs) };
  }
  if (d.toRevision === undefined) throw new UnrecoverableError('rollback job without toRevision');
  let outcome = await rollbackDeployment(kube.apps, { ...target, fromRevision: d.fromRevision, toRevision: d.toRevision }, opts.kubeTimeoutMs, async (plan) => {
    const crashedAfterSeconds = await crashPointSeconds(kube.core, plan.deployment, plan.current, opts.kubeTimeoutMs).catch((err: unknown) => {
      ctx.log.warn({ err: String(err) }, 'could not read the crashing pods; the follow-up will not check the crash point');
      return undefined;
    });
    const { deployment: _d, current: _c, ...recorded } = plan;
    await job.updateData({ ...job.data, progress: { plan: { ...recorded, ...(crashedAfterSeconds !== undefined ? { crashedAfterSeconds } : {}) } } });
  });
  const plan = job.data.progress?.plan;
  // A retry after our own patch went through finds the template already in place: report the rollback.
  if (outcome.kind === 'already-at' && plan && job.attemptsMade > 0) {
    outcome = { kind: 'rolled-back', fromRevision: plan.fromRevision, toRevision: plan.toRevision, fromImages: plan.fromImages, toImages: plan.toImages, generation: null };
  }
  return { kind: 'rollback', outcome };
}

function replyFor(t: ActionTarget, step: Step): SlackMessage {
  if (step.kind === 'rollback') return rollbackReply(t, step.outcome);
  if (step.kind === 'failure') return failureReply(t, step.failure);
  const reply = pauseReply(t, step.outcome);
  if (step.outcome.paused) {
    // Paused: offer the way back right under the reply.
    reply.blocks.push(actions('crashloop_resume', [button({ text: 'Resume rollout', actionId: 'resume_rollout', value: resumeValue(t) })]));
  }
  return reply;
}

/** The note that replaces the diagnosis message's buttons, or null to leave them (e.g. refused while paused). */
function messageNote(step: Step, t: ActionTarget): string | null {
  if (step.kind === 'rollback') {
    const o = step.outcome;
    if (o.kind === 'rolled-back') return `rolled back to revision ${o.toRevision}; buttons removed`;
    if (o.kind === 'already-at') return `pressed roll back: already at revision ${o.toRevision}; buttons removed`;
    if (o.kind === 'stale' || o.kind === 'revision-not-found') return 'pressed a stale button: the Deployment changed; re-run the diagnosis';
    return null;
  }
  if (step.kind === 'pause') return step.outcome.kind === 'changed' ? `${step.outcome.paused ? 'paused' : 'resumed'} the rollout of ${t.namespace}/${t.deployment}` : null;
  return step.failure.kind === 'not-found' ? 'the Deployment no longer exists; buttons removed' : null;
}

function audit(log: Logger, job: Job<ActionJob>, step: Step): void {
  const d = job.data;
  const plan = d.progress?.plan;
  const entry = {
    audit: true,
    event: 'action',
    jobId: job.id,
    action: d.action,
    user: d.userId,
    namespace: d.namespace,
    deployment: d.deployment,
    fromRevision: d.fromRevision,
    ...(d.toRevision !== undefined ? { toRevision: d.toRevision } : {}),
    ...(plan ? { fromImages: plan.fromImages, toImages: plan.toImages } : {}),
    result: resultName(step),
    ...(step.kind === 'failure' ? { status: step.failure.status, failedRequest: `${step.failure.verb} ${step.failure.resource}` } : {}),
    channel: d.thread.channel,
    threadTs: d.thread.threadTs,
  };
  if (step.kind === 'failure') log.warn(entry, `audit: ${d.action} of ${d.namespace}/${d.deployment} by ${d.userId} failed (${step.failure.kind})`);
  else log.info(entry, `audit: ${d.action} of ${d.namespace}/${d.deployment} by ${d.userId}: ${entry.result}`);
}

async function followRollout(job: Job<ActionJob>, ctx: JobContext, opts: ActionOptions, toRevision: number): Promise<void> {
  const d = job.data;
  const startedAt = new Date();
  const followId = runKeyOf(job);
  const data: RolloutStatusJob = {
    namespace: d.namespace,
    deployment: d.deployment,
    revision: toRevision,
    thread: d.thread,
    startedAt: startedAt.toISOString(),
    followId,
    check: 0,
    deadline: new Date(startedAt.getTime() + opts.rolloutTimeoutSeconds * 1000).toISOString(),
    pollSeconds: opts.pollSeconds,
    ...(d.progress?.plan?.crashedAfterSeconds !== undefined ? { crashedAfterSeconds: d.progress.plan.crashedAfterSeconds } : {}),
  };
  await ctx.deps.queue.add({ name: 'rollout-status', id: jobId('rollout-status', followId, 0), data, opts: { delay: opts.pollSeconds * 1000 } });
}

export async function processActionJob(job: Job<ActionJob>, ctx: JobContext, options: Partial<ActionOptions> = {}): Promise<void> {
  const opts = { ...DEFAULT_ACTION_OPTIONS, ...options };
  const d = job.data;
  const log = ctx.log.child({ action: d.action, namespace: d.namespace, deployment: d.deployment, userId: d.userId });
  const t: ActionTarget = {
    action: d.action,
    namespace: d.namespace,
    deployment: d.deployment,
    userId: d.userId,
    fromRevision: d.fromRevision,
    ...(d.toRevision !== undefined ? { toRevision: d.toRevision } : {}),
    ...(d.pod ? { pod: d.pod } : {}),
    ...(d.container ? { container: d.container } : {}),
  };

  let step: Step;
  try {
    step = await perform(job, ctx, opts);
  } catch (err) {
    if (!(err instanceof KubeActionError)) throw err;
    ctx.deps.metrics.clusterErrors.inc({ code: String(err.failure.status ?? err.failure.kind) });
    if (isTransient(err.failure.kind) && attemptsLeft(job)) throw err; // BullMQ retries with backoff
    step = { kind: 'failure', failure: err.failure };
  }

  audit(log, job, step);
  const runKey = runKeyOf(job);
  const reply = replyFor(t, step);
  await ctx.deps.poster.post(`${runKey}:reply`, { channel: d.thread.channel, ...(d.thread.threadTs ? { threadTs: d.thread.threadTs } : {}), ...reply });

  const note = messageNote(step, t);
  if (note && d.messageTs && d.message) {
    const blocks = withoutActions(d.message.blocks as KnownBlock[], { userId: d.userId, text: note });
    await ctx.deps.poster.update(d.thread.channel, d.messageTs, { text: d.message.text, blocks }).catch((err: unknown) => {
      log.warn({ err: String(err) }, 'could not remove the buttons from the diagnosis message');
    });
  }

  if (step.kind === 'rollback' && step.outcome.kind === 'rolled-back') await followRollout(job, ctx, opts, step.outcome.toRevision);
  await job.updateData({ ...job.data, progress: { ...job.data.progress, result: resultName(step), finishedAt: new Date().toISOString() } });
}
