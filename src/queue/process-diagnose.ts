/**
 * 'diagnose' job: collect -> diagnose -> render -> post the diagnosis in the thread (opening it with a
 * root message for a slash command), then show the cause on the root. Every post goes through the
 * exactly-once poster keyed by job id + step, so a retried or taken-over job never posts twice.
 */
import { actionsEnabled, actionsOffHint } from '../actions/approvers.js';
import type { Diagnosis } from '../domain/diagnosis.js';
import { CrashloopError, isCrashloopError } from '../errors.js';
import { diagnosisMessage, errorMessage, rootMessage, type SlackMessage } from '../render/slack/index.js';
import type { JobContext, JobProcessor } from '../runtime/deps.js';
import type { DiagnoseJob } from './jobs.js';
import { respondEphemeral } from '../slack/respond.js';

/** Errors a person can act on: they get a message, and the job ends (no retry). */
const USER_FACING = new Set(['target-not-found', 'target-ambiguous', 'usage', 'cluster-forbidden']);

export const processDiagnose: JobProcessor<'diagnose'> = async (job, ctx) => {
  const { deps, log } = ctx;
  const d = job.data;
  const started = performance.now();
  let diagnosis: Diagnosis;
  try {
    diagnosis = await deps.cluster.diagnose(d.target);
  } catch (err) {
    if (isCrashloopError(err)) deps.metrics.clusterErrors.inc({ code: err.code });
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (isCrashloopError(err) && (USER_FACING.has(err.code) || lastAttempt)) {
      await tellUser(job.id!, d, err, ctx);
      if (USER_FACING.has(err.code)) {
        log.info({ code: err.code }, 'diagnosis not possible; told the user');
        return;
      }
    }
    throw err;
  }
  const durationMs = performance.now() - started;
  deps.metrics.diagnosisDuration.observe({ trigger: d.trigger }, durationMs / 1000);
  log.info({ cause: diagnosis.cause, confidence: diagnosis.confidence, ms: Math.round(durationMs) }, 'diagnosed');

  const channel = d.thread.channel;
  const episode = d.thread.threadKey ? await deps.threads.get(d.thread.threadKey) : null;
  const root = (state: 'diagnosed'): SlackMessage =>
    rootMessage({
      target: d.target,
      trigger: d.trigger,
      state,
      cause: diagnosis.cause,
      ...(d.requestedBy ? { requestedBy: d.requestedBy } : {}),
      ...(d.alertName ? { alertName: d.alertName } : {}),
      ...(diagnosis.facts.owner ? { workload: diagnosis.facts.owner } : {}),
      ...(episode ? { replicas: episode.pods, firingSince: episode.openedAt } : {}),
    });

  let threadTs = d.thread.threadTs;
  if (!threadTs) {
    try {
      threadTs = (await deps.poster.post(`${job.id}:root`, { channel, ...root('diagnosed') })).ts;
    } catch (err) {
      if (await channelProblem(err, d, ctx)) return;
      throw err;
    }
  }
  const policy = deps.config.approvers;
  const ns = diagnosis.namespace;
  const message = diagnosisMessage(diagnosis, {
    actions: { enabled: actionsEnabled(policy, ns), hint: actionsOffHint(policy, ns) },
    durationMs,
  });
  await deps.poster.post(`${job.id}:diagnosis`, { channel, threadTs, ...message });
  deps.metrics.causes.inc({ cause: diagnosis.cause });
  if (d.thread.threadTs) {
    // A thread opened by someone else (an alert): show the cause on its root too.
    if (d.thread.threadKey) await deps.threads.setCause(d.thread.threadKey, diagnosis.cause, diagnosis.title);
    await deps.poster.update(channel, threadTs, root('diagnosed'));
  }
};

function errorFor(err: CrashloopError, d: DiagnoseJob): SlackMessage {
  const where = `${d.target.namespace}/${d.target.name}`;
  const titles: Record<string, string> = {
    'target-not-found': `Nothing to diagnose at ${where}`,
    'target-ambiguous': `${where} matches more than one pod`,
    'cluster-forbidden': `Not allowed to read ${where}`,
    'cluster-unreachable': `Could not reach the cluster for ${where}`,
    usage: "I can't diagnose that",
  };
  return errorMessage({
    title: titles[err.code] ?? `Could not diagnose ${where}`,
    detail: err.message,
    ...(err.hints.length ? { hint: err.hints.join('\n') } : {}),
  });
}

/** Slash command: ephemeral via response_url. Alert thread: a reply in the thread. */
async function tellUser(jobId: string, d: DiagnoseJob, err: CrashloopError, { deps, log }: JobContext): Promise<void> {
  const msg = errorFor(err, d);
  if (d.thread.threadTs) {
    await deps.poster.post(`${jobId}:error`, { channel: d.thread.channel, threadTs: d.thread.threadTs, ...msg });
  } else if (d.responseUrl) {
    await respondEphemeral(d.responseUrl, msg, log);
  }
}

const CHANNEL_ERRORS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'restricted_action']);

/** The bot cannot post in the channel the command came from: say so to the user and stop. */
async function channelProblem(err: unknown, d: DiagnoseJob, { log }: JobContext): Promise<boolean> {
  const code = (err as { data?: { error?: string } }).data?.error;
  if (!code || !CHANNEL_ERRORS.has(code) || !d.responseUrl) return false;
  await respondEphemeral(
    d.responseUrl,
    errorMessage({
      title: 'I cannot post in this channel',
      detail: `Slack answered ${code}.`,
      hint: 'Invite the bot to the channel (/invite @crashloop) and ask again.',
    }),
    log,
  );
  return true;
}
