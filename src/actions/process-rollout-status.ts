/**
 * The `rollout-status` job: follow a rollback like `kubectl rollout status`, then check that the restored
 * pods stay up past the point where the old ones crashed. Each check is one short job; a re-check is a new
 * job with a BullMQ delay (never a sleep in the worker). One final reply per followed rollout.
 */
import type { Job } from 'bullmq';
import { jobId, type RolloutStatusJob } from '../queue/jobs.js';
import { rolloutStatusReply, type RolloutStatusInput } from '../render/slack/action-messages.js';
import type { JobContext } from '../runtime/deps.js';
import { actionKube } from './action-kube.js';
import { DEFAULT_ACTION_OPTIONS, type ActionOptions } from './action-options.js';
import { equalIgnoreHash, listOwnedReplicaSets, POD_TEMPLATE_HASH_LABEL, selectorString } from './deployment-history.js';
import { isTransient, KubeActionError, kubeCall } from './kube-errors.js';
import { rolloutProgress, soakVerdict } from './rollout-progress.js';
import { readDeployment } from './rollout-undo.js';
import type { AppsV1Api, CoreV1Api, V1Deployment, V1Pod } from '@kubernetes/client-node';

type Final = Pick<RolloutStatusInput, 'outcome' | 'stayedUpPastSeconds' | 'detail'>;
type Next = { final: Final } | { recheckInSeconds: number };

async function newPods(apps: AppsV1Api, core: CoreV1Api, d: V1Deployment, timeoutMs: number): Promise<V1Pod[]> {
  const namespace = d.metadata?.namespace ?? '';
  const owned = await kubeCall({ verb: 'list', resource: 'replicasets', namespace }, timeoutMs, (options) => listOwnedReplicaSets(apps, d, options));
  const rs = owned.find((r) => equalIgnoreHash(r.spec?.template, d.spec?.template));
  const hash = rs?.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL];
  if (!hash) return [];
  const labelSelector = [selectorString(d.spec?.selector), `${POD_TEMPLATE_HASH_LABEL}=${hash}`].filter(Boolean).join(',');
  const list = await kubeCall({ verb: 'list', resource: 'pods', namespace }, timeoutMs, (options) =>
    core.listNamespacedPod({ namespace, labelSelector }, options),
  );
  return list.items;
}

async function decide(data: RolloutStatusJob, d: V1Deployment, ctx: JobContext, opts: ActionOptions, now: number): Promise<Next> {
  const deadline = Date.parse(data.deadline ?? '') || Date.parse(data.startedAt) + opts.rolloutTimeoutSeconds * 1000;
  const poll = data.pollSeconds ?? opts.pollSeconds;
  const progress = rolloutProgress(d);
  if (progress.state === 'failed') return { final: { outcome: 'failed', detail: progress.message } };
  if (progress.state === 'waiting') {
    return now >= deadline ? { final: { outcome: 'timeout', detail: progress.message } } : { recheckInSeconds: poll };
  }
  if (data.crashedAfterSeconds === undefined) return { final: { outcome: 'complete', detail: progress.message } };
  const kube = actionKube(ctx.deps.kube);
  const verdict = soakVerdict(await newPods(kube.apps, kube.core, d, opts.kubeTimeoutMs), data.crashedAfterSeconds, now, opts.soakMarginSeconds);
  switch (verdict.state) {
    case 'crashing':
      return {
        final: { outcome: 'failed', detail: `rolled out, but pod ${verdict.pod} restarted ${verdict.restarts} times${verdict.reason ? ` (${verdict.reason})` : ''}: this revision crashes too` },
      };
    case 'passed':
      return { final: { outcome: 'complete', stayedUpPastSeconds: data.crashedAfterSeconds, detail: `new pods up ${verdict.upSeconds}s without a restart` } };
    case 'no-pods':
      return { final: { outcome: 'complete', detail: `${progress.message}; no pods found to check against the old crash point` } };
    case 'wait': {
      // The soak may run past the rollout deadline by the crash point itself.
      const soakDeadline = deadline + (data.crashedAfterSeconds + opts.soakMarginSeconds) * 1000;
      if (now >= soakDeadline) {
        return { final: { outcome: 'timeout', detail: `new pods up only ${verdict.upSeconds}s, less than the ${data.crashedAfterSeconds}s after which the old ones crashed` } };
      }
      return { recheckInSeconds: Math.max(1, Math.min(verdict.recheckInSeconds, poll * 6)) };
    }
  }
}

export async function processRolloutStatusJob(job: Job<RolloutStatusJob>, ctx: JobContext, options: Partial<ActionOptions> = {}): Promise<void> {
  const opts = { ...DEFAULT_ACTION_OPTIONS, ...options };
  const data = job.data;
  const log = ctx.log.child({ namespace: data.namespace, deployment: data.deployment, check: data.check ?? 0 });
  const now = Date.now();
  const followId = data.followId ?? String(job.id);
  const kube = actionKube(ctx.deps.kube);

  let deployment: V1Deployment | null = null;
  let next: Next;
  try {
    deployment = await readDeployment(kube.apps, data.namespace, data.deployment, opts.kubeTimeoutMs);
    next = await decide(data, deployment, ctx, opts, now);
  } catch (err) {
    if (!(err instanceof KubeActionError)) throw err;
    if (isTransient(err.failure.kind) && job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw err;
    const f = err.failure;
    next = {
      final: {
        outcome: 'failed',
        detail: f.kind === 'not-found' ? 'the Deployment was deleted' : `cannot follow the rollout: ${f.verb} ${f.resource} answered ${f.status ?? f.kind}`,
      },
    };
  }

  if ('recheckInSeconds' in next) {
    const check = (data.check ?? 0) + 1;
    await ctx.deps.queue.add({
      name: 'rollout-status',
      id: jobId('rollout-status', followId, check),
      data: { ...data, check },
      opts: { delay: next.recheckInSeconds * 1000 },
    });
    log.debug({ recheckInSeconds: next.recheckInSeconds }, 'rollout not finished; checking again later');
    return;
  }

  const reply = rolloutStatusReply({
    namespace: data.namespace,
    deployment: data.deployment,
    revision: data.revision,
    readyReplicas: deployment?.status?.readyReplicas ?? 0,
    replicas: deployment?.spec?.replicas ?? 0,
    seconds: Math.max(0, Math.round((now - Date.parse(data.startedAt)) / 1000)),
    ...next.final,
  });
  await ctx.deps.poster.post(`rollout-status:${followId}:final`, {
    channel: data.thread.channel,
    ...(data.thread.threadTs ? { threadTs: data.thread.threadTs } : {}),
    ...reply,
  });
  log.info({ audit: true, event: 'rollout-status', outcome: next.final.outcome, detail: next.final.detail }, `rollout of ${data.namespace}/${data.deployment}: ${next.final.outcome}`);
}
