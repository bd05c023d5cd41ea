/**
 * The workload -> thread map, in Redis, so a restart or a second bot replica keeps it.
 *
 * One thread per crashing workload per episode. The current episode of a workload lives at
 * `<prefix>:cur:<ns>:<kind>:<name>` (claimed with SET NX, so concurrent workers agree on one episode);
 * the episode itself is a hash `<prefix>:ep:<id>` (channel, root ts, who opened it, state, cause),
 * with the set of firing alert fingerprints and of pods seen. An episode ends when its last firing
 * alert resolves, or after the TTL. The key is trigger-neutral: alerts use it today, a crash watcher
 * or a slash command can claim/join the same way.
 */
import type { Redis } from 'ioredis';

export interface WorkloadRef {
  namespace: string;
  /** Deployment, StatefulSet, DaemonSet, Job, ... or Pod for a bare pod. */
  kind: string;
  name: string;
}

export interface Episode {
  id: string;
  workload: WorkloadRef;
  channel: string;
  /** Job id of whoever claimed the episode: only it posts the root message. */
  opener: string;
  rootTs?: string;
  state: 'open' | 'resolved';
  /** Job id of whoever ended the episode: only it posts the resolved reply. */
  resolver?: string;
  cause?: string;
  title?: string;
  /** Pods seen in this episode, first one first. */
  pods: string[];
  openedAt: string;
  alertName?: string;
}

export interface ClaimResult {
  episode: Episode;
  /** True when this call opened the episode. */
  created: boolean;
}

// Compare-and-delete: end the workload's current episode only if it still is `id`.
const END_EPISODE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
if redis.call('HSETNX', KEYS[2], 'resolver', ARGV[2]) == 1 then
  redis.call('HSET', KEYS[2], 'state', 'resolved')
  return 1
end
return 0`;

export class ThreadStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  static episodeId(w: WorkloadRef, startedAt: string): string {
    const t = Date.parse(startedAt);
    return `${w.namespace}/${w.kind}/${w.name}/${Number.isFinite(t) ? t : startedAt}`;
  }

  private curKey(w: WorkloadRef): string {
    return `${this.prefix}:cur:${w.namespace}:${w.kind}:${w.name}`;
  }
  private epKey(id: string): string {
    return `${this.prefix}:ep:${id}`;
  }
  private podKey(namespace: string, pod: string): string {
    return `${this.prefix}:pod:${namespace}:${pod}`;
  }

  /** Open the workload's episode, or join the one already open. Atomic across workers and replicas. */
  async claim(
    w: WorkloadRef,
    init: { episodeId: string; channel: string; opener: string; alertName?: string; now?: string },
    attempt = 0,
  ): Promise<ClaimResult> {
    const cur = this.curKey(w);
    const ok = await this.redis.set(cur, init.episodeId, 'EX', this.ttlSeconds, 'NX');
    if (ok === 'OK') {
      const ep = this.epKey(init.episodeId);
      await this.redis
        .multi()
        .hset(ep, {
          namespace: w.namespace,
          kind: w.kind,
          name: w.name,
          channel: init.channel,
          opener: init.opener,
          state: 'open',
          openedAt: init.now ?? new Date().toISOString(),
          ...(init.alertName ? { alertName: init.alertName } : {}),
        })
        .expire(ep, this.ttlSeconds * 2)
        .exec();
      const episode = await this.get(init.episodeId);
      return { episode: episode!, created: true };
    }
    const existingId = await this.redis.get(cur);
    const episode = existingId ? await this.get(existingId) : null;
    if (!existingId || !episode) {
      // The episode just ended or expired (no id), or its opener is still writing it (no hash): retry shortly.
      if (attempt >= 50) throw new Error(`could not claim or read the thread of ${w.namespace}/${w.kind}/${w.name}`);
      await new Promise((r) => setTimeout(r, 10));
      return this.claim(w, init, attempt + 1);
    }
    return { episode, created: false };
  }

  async get(id: string): Promise<Episode | null> {
    const [[, h], [, pods]] = (await this.redis
      .multi()
      .hgetall(this.epKey(id))
      .zrange(`${this.epKey(id)}:pods`, '0', '-1')
      .exec()) as [[unknown, Record<string, string>], [unknown, string[]]];
    if (!h || !h.opener) return null;
    return {
      id,
      workload: { namespace: h.namespace!, kind: h.kind!, name: h.name! },
      channel: h.channel!,
      opener: h.opener,
      ...(h.rootTs ? { rootTs: h.rootTs } : {}),
      state: h.state === 'resolved' ? 'resolved' : 'open',
      ...(h.resolver ? { resolver: h.resolver } : {}),
      ...(h.cause ? { cause: h.cause } : {}),
      ...(h.title ? { title: h.title } : {}),
      ...(h.alertName ? { alertName: h.alertName } : {}),
      pods,
      openedAt: h.openedAt ?? '',
    };
  }

  async setRoot(id: string, rootTs: string): Promise<void> {
    await this.redis.hset(this.epKey(id), 'rootTs', rootTs);
  }

  async setCause(id: string, cause: string, title: string): Promise<void> {
    await this.redis.hset(this.epKey(id), { cause, title });
  }

  /**
   * Record a firing alert and its pod. `addedBy`: the job that first brought this pod into the episode
   * (stable across retries, so only that job announces the pod in the thread).
   */
  async addAlert(id: string, fingerprint: string, namespace: string, pod: string, jobId: string): Promise<{ addedBy: string }> {
    const ep = this.epKey(id);
    const res = await this.redis
      .multi()
      .sadd(`${ep}:firing`, fingerprint)
      .zadd(`${ep}:pods`, 'NX', String(Date.now()), pod)
      .hsetnx(`${ep}:podjobs`, pod, jobId)
      .hget(`${ep}:podjobs`, pod)
      .set(this.podKey(namespace, pod), id, 'EX', this.ttlSeconds)
      .expire(`${ep}:firing`, this.ttlSeconds * 2)
      .expire(`${ep}:pods`, this.ttlSeconds * 2)
      .expire(`${ep}:podjobs`, this.ttlSeconds * 2)
      .exec();
    return { addedBy: String(res?.[3]?.[1] ?? '') };
  }

  /** Remove a resolved alert; returns how many alerts of the episode are still firing. */
  async resolveAlert(id: string, fingerprint: string): Promise<number> {
    const ep = this.epKey(id);
    const res = await this.redis.multi().srem(`${ep}:firing`, fingerprint).scard(`${ep}:firing`).exec();
    return Number(res?.[1]?.[1] ?? 0);
  }

  /** The episode a pod was last seen in (resolved alerts: the pod may be gone from the cluster). */
  async findByPod(namespace: string, pod: string): Promise<string | null> {
    return this.redis.get(this.podKey(namespace, pod));
  }

  /** End the episode. True for exactly one caller (recorded as resolver; a retry of it gets true again). */
  async endEpisode(episode: Episode, resolver: string): Promise<boolean> {
    const won = await this.redis.eval(END_EPISODE, 2, this.curKey(episode.workload), this.epKey(episode.id), episode.id, resolver);
    if (Number(won) === 1) return true;
    return (await this.redis.hget(this.epKey(episode.id), 'resolver')) === resolver;
  }
}
