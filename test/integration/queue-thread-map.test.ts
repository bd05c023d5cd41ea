/** The workload -> thread map on a real Redis: concurrent claimers agree on one episode; one ender wins. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ThreadStore } from '../../src/threads/thread-store.js';
import { type RedisServer, startRedisServer } from '../support/redis-server.js';

let server: RedisServer;
let redis: Redis;
let store: ThreadStore;
const api = { namespace: 'shop', kind: 'Deployment', name: 'api' };

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
  store = new ThreadStore(redis, 'test:threads', 3600);
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

describe('ThreadStore', () => {
  it('lets exactly one of many concurrent claimers open the episode; the rest join it', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store.claim(api, { episodeId: ThreadStore.episodeId(api, `2026-12-01T10:00:${String(i).padStart(2, '0')}Z`), channel: 'C1', opener: `job-${i}` }),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const ids = new Set(results.map((r) => r.episode.id));
    expect(ids.size).toBe(1);
    const opener = results.find((r) => r.created)!.episode.opener;
    expect(results.every((r) => r.episode.opener === opener)).toBe(true);
  });

  it('remembers which job brought each pod, counts firing alerts, and lets one job end the episode', async () => {
    const { episode } = await store.claim(api, { episodeId: 'x', channel: 'C1', opener: 'job-x' });
    expect((await store.addAlert(episode.id, 'fp-1', 'shop', 'api-1', 'job-a')).addedBy).toBe('job-a');
    expect((await store.addAlert(episode.id, 'fp-2', 'shop', 'api-2', 'job-b')).addedBy).toBe('job-b');
    // A retry of job-b, and another alert for api-1, do not change who announced the pods.
    expect((await store.addAlert(episode.id, 'fp-2', 'shop', 'api-2', 'job-b')).addedBy).toBe('job-b');
    expect((await store.addAlert(episode.id, 'fp-3', 'shop', 'api-1', 'job-c')).addedBy).toBe('job-a');
    expect((await store.get(episode.id))!.pods).toEqual(['api-1', 'api-2']);
    expect(await store.findByPod('shop', 'api-2')).toBe(episode.id);

    expect(await store.resolveAlert(episode.id, 'fp-1')).toBe(2);
    expect(await store.resolveAlert(episode.id, 'fp-2')).toBe(1);
    expect(await store.resolveAlert(episode.id, 'fp-3')).toBe(0);
    const current = (await store.get(episode.id))!;
    const enders = await Promise.all(['r1', 'r2', 'r3'].map((r) => store.endEpisode(current, r)));
    expect(enders.filter(Boolean)).toHaveLength(1);
    const winner = ['r1', 'r2', 'r3'][enders.indexOf(true)]!;
    expect(await store.endEpisode(current, winner)).toBe(true); // a retry of the winner
    expect((await store.get(episode.id))!.state).toBe('resolved');

    const next = await store.claim(api, { episodeId: 'y', channel: 'C1', opener: 'job-y' });
    expect(next.created).toBe(true);
    expect(next.episode.id).toBe('y');
  });
});
