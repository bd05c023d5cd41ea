/** The process refuses a bad configuration with one line naming the variable, and shuts down on SIGTERM. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackApiStub, type SlackApiStub } from '../fakes/slack-api-stub.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { exited, spawnRole, waitForOutput } from '../support/run-role.js';

let redis: RedisServer;
let slack: SlackApiStub;
beforeAll(async () => {
  redis = await startRedisServer();
  slack = await startSlackApiStub();
});
afterAll(async () => {
  await slack?.close();
  await redis?.stop();
});

describe('process configuration', () => {
  it('exits non-zero with one line naming a missing variable', async () => {
    const child = spawnRole('serve', { SLACK_SIGNING_SECRET: 'a-signing-secret' });
    expect(await exited(child)).toBe(2);
    expect(child.output()).toBe('crashloop serve: configuration error: SLACK_BOT_TOKEN is required but not set\n');
  });

  it('exits non-zero with one line naming a malformed variable', async () => {
    const child = spawnRole('worker', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'a-signing-secret', WORKER_CONCURRENCY: 'lots' });
    expect(await exited(child)).toBe(2);
    expect(child.output().trim().split('\n')).toEqual([expect.stringMatching(/^crashloop worker: configuration error: WORKER_CONCURRENCY is malformed/)]);
  });

  it('serves, then on SIGTERM stops and exits 0', async () => {
    const child = spawnRole('serve', {
      SLACK_BOT_TOKEN: 'xoxb-1-test',
      SLACK_SIGNING_SECRET: 'a-signing-secret',
      SLACK_API_URL: slack.apiUrl,
      REDIS_URL: redis.url,
      PORT: '0',
      KUBECONFIG: kubeconfig(),
    });
    await waitForOutput(child, 'serving /slack/events');
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(child.output()).toContain('"msg":"stopped"');
    expect(child.output()).not.toContain('xoxb-1-test');
  });
});

describe('crashloop all without REDIS_URL', () => {
  it('runs an embedded redis-server, serves and works, and stops it on SIGTERM', async () => {
    const child = spawnRole('all', {
      SLACK_BOT_TOKEN: 'xoxb-1-test',
      SLACK_SIGNING_SECRET: 'a-signing-secret',
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      KUBECONFIG: kubeconfig(),
    });
    await waitForOutput(child, 'worker started');
    const redisUrl = /"redis":"(redis:\/\/127\.0\.0\.1:\d+)"/.exec(child.output())?.[1];
    expect(redisUrl).toBeDefined();
    const port = Number(/"port":(\d+)/.exec(child.output())?.[1]);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toEqual({ ready: true, redis: 'ok', slack: 'ok' });
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    const probe = new Redis(redisUrl!, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => {});
    await expect(probe.connect()).rejects.toThrow();
    probe.disconnect();
  });
});

function kubeconfig(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'crashloop-kc-')), 'config');
  writeFileSync(
    path,
    'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://127.0.0.1:9\n    insecure-skip-tls-verify: true\n' +
      'users:\n- name: u\n  user:\n    token: t\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\n',
  );
  return path;
}
