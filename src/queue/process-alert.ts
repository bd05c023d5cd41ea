/**
 * 'alert' job: one Alertmanager alert -> the workload's thread for this episode.
 *  firing:   pod -> workload; claim the workload's episode (SET NX: concurrent workers agree on one).
 *            The job that claimed it posts the root and queues the one diagnosis (id per episode);
 *            other replicas/alerts join: a short reply and the root lists the pods. No second thread.
 *  resolved: drop the alert from the episode; when none is firing any more, the job that ends the
 *            episode updates the root to "resolved" and replies once.
 */
import { alertUpdateReply, resolvedReply, rootMessage } from '../render/slack/index.js';
import type { JobContext, JobProcessor, RuntimeDeps } from '../runtime/deps.js';
import { type Episode, ThreadStore } from '../threads/thread-store.js';
import { type AlertJob, jobId } from './jobs.js';
import type { CauseId } from '../domain/cause-id.js';
import { isCrashloopError } from '../errors.js';
import type { Job } from 'bullmq';

/** Thrown (and retried with backoff) while another job is still opening the thread. */
export class ThreadNotReadyError extends Error {
  constructor(episodeId: string) {
    super(`the thread of episode ${episodeId} is still being opened`);
    this.name = 'ThreadNotReadyError';
  }
}

export const processAlert: JobProcessor<'alert'> = async (job, ctx) => {
  if (job.data.status === 'firing') await onFiring(job, ctx);
  else await onResolved(job, ctx);
};

function workloadLabel(e: Episode): string | undefined {
  return e.workload.kind === 'Pod' ? undefined : `${e.workload.kind}/${e.workload.name}`;
}

function root(e: Episode, a: AlertJob, state: 'investigating' | 'diagnosed' | 'resolved', resolvedAt?: string) {
  const workload = workloadLabel(e);
  return rootMessage({
    target: a.target,
    trigger: 'alert',
    alertName: e.alertName ?? a.alertName,
    state,
    replicas: e.pods,
    firingSince: e.openedAt,
    ...(workload ? { workload } : {}),
    ...(e.cause ? { cause: e.cause as CauseId } : {}),
    ...(resolvedAt ? { resolvedAt } : {}),
  });
}

async function onFiring(job: Job<AlertJob>, { deps, log }: JobContext): Promise<void> {
  const a = job.data;
  const { namespace, name: pod } = a.target;
  let found;
  try {
    found = await deps.cluster.workloadOf(namespace, pod);
  } catch (err) {
    if (isCrashloopError(err)) deps.metrics.clusterErrors.inc({ code: err.code });
    throw err;
  }
  const workload = found ?? { namespace, kind: 'Pod', name: pod };
  const { episode: claimed, created } = await deps.threads.claim(workload, {
    episodeId: ThreadStore.episodeId(workload, a.startsAt),
    channel: a.channel,
    opener: job.id!,
    alertName: a.alertName,
    now: a.startsAt,
  });
  const { addedBy } = await deps.threads.addAlert(claimed.id, a.fingerprint, namespace, pod, job.id!);
  const episode = (await deps.threads.get(claimed.id)) ?? claimed;
  const elog = log.child({ episode: episode.id, workload: `${workload.kind}/${workload.name}` });

  if (episode.opener === job.id) {
    if (created) elog.info('opening the thread for this workload');
    await openThread(job, episode, deps);
    return;
  }
  if (!episode.rootTs) throw new ThreadNotReadyError(episode.id);
  if (addedBy !== job.id) {
    elog.info({ pod }, 'alert joins the existing thread (nothing new to say)');
    return;
  }
  elog.info({ pod }, 'another pod of the workload joins the thread');
  await deps.poster.post(`${job.id}:joined`, {
    channel: episode.channel,
    threadTs: episode.rootTs,
    ...alertUpdateReply({ newPods: [pod], totalPods: episode.pods.length, alertName: a.alertName }),
  });
  await deps.poster.update(episode.channel, episode.rootTs, root(episode, a, episode.cause ? 'diagnosed' : 'investigating'));
}

async function openThread(job: Job<AlertJob>, episode: Episode, deps: RuntimeDeps): Promise<void> {
  const a = job.data;
  const posted = await deps.poster.post(`${job.id}:root`, { channel: episode.channel, ...root(episode, a, 'investigating') });
  await deps.threads.setRoot(episode.id, posted.ts);
  await deps.queue.add({
    name: 'diagnose',
    id: jobId('diagnose', episode.id),
    data: {
      target: a.target,
      thread: { channel: posted.channel, threadTs: posted.ts, threadKey: episode.id },
      trigger: 'alert',
      alertName: a.alertName,
    },
  });
}

async function onResolved(job: Job<AlertJob>, { deps, log }: JobContext): Promise<void> {
  const a = job.data;
  const episodeId = await deps.threads.findByPod(a.target.namespace, a.target.name);
  if (!episodeId) {
    log.info('resolved alert for a pod without a thread; nothing to do');
    return;
  }
  const remaining = await deps.threads.resolveAlert(episodeId, a.fingerprint);
  const episode = await deps.threads.get(episodeId);
  if (!episode) return;
  if (remaining > 0) {
    log.info({ remaining, episode: episodeId }, 'alert resolved; others of the workload still firing');
    return;
  }
  if (!episode.rootTs) throw new ThreadNotReadyError(episode.id);
  if (!(await deps.threads.endEpisode(episode, job.id!))) return;
  const resolvedAt = a.endsAt && !a.endsAt.startsWith('0001') ? a.endsAt : new Date().toISOString();
  log.info({ episode: episodeId }, 'episode resolved');
  await deps.poster.update(episode.channel, episode.rootTs, root({ ...episode, state: 'resolved' }, a, 'resolved', resolvedAt));
  const workload = workloadLabel(episode);
  await deps.poster.post(`${job.id}:resolved`, {
    channel: episode.channel,
    threadTs: episode.rootTs,
    ...resolvedReply({
      target: a.target,
      alertName: episode.alertName ?? a.alertName,
      firingSince: episode.openedAt,
      resolvedAt,
      ...(workload ? { workload } : {}),
    }),
  });
}
