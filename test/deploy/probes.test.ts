/**
 * The probes in deploy/ against the real processes: each bot Deployment's container (the image's
 * ENTRYPOINT plus the Deployment's args, run from the compiled dist/ as in the image) answers its startup,
 * liveness and readiness probes on the port the manifests name; when Redis goes away it turns unready but
 * stays live (the kubelet must not restart it into a crash loop of its own); SIGTERM ends it with exit 0.
 * Around it: a real redis-server, the loopback Slack Web API stub and the loopback Kubernetes API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1Probe } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeKubeApi } from '../fakes/kube-api-server.js';
import { startSlackApiStub, type SlackApiStub } from '../fakes/slack-api-stub.js';
import { disposeRedisServer, freePort, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { parseDockerfile, parseExecForm } from './dockerfile-parse.js';
import { REPO_ROOT } from './dockerfile-replay.js';
import { byKind, DEPLOY_DIR, renderKustomization } from './render.js';
import type { Container } from './pod-spec.js';

const runtime = parseDockerfile(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8')).stages.at(-1)!;
const entrypoint = parseExecForm(runtime.instructions.filter((i) => i.keyword === 'ENTRYPOINT').at(-1)!.args)!;
const deployments = byKind<{ metadata: { name: string }; spec: { template: { spec: { containers: Container[]; initContainers?: Container[]; terminationGracePeriodSeconds?: number } } } }>(
  renderKustomization(join(DEPLOY_DIR, 'overlays', 'socket-mode')),
  'Deployment',
);

let redis: RedisServer;
let slack: SlackApiStub;
let kube: FakeKubeApi;
const scratch = mkdtempSync(join(tmpdir(), 'crashloop-probes-'));

beforeAll(async () => {
  redis = await startRedisServer();
  slack = await startSlackApiStub();
  kube = await new FakeKubeApi({ objects: [] }).listen();
  kube.writeKubeconfig(join(scratch, 'kubeconfig'));
}, 30_000);
afterAll(async () => {
  await disposeRedisServer(redis);
  await slack?.close();
  await kube?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function get(port: number, path: string): Promise<number> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(3000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number, out: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms; process output:\n${out()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const probePath = (p: V1Probe | undefined) => p?.httpGet?.path ?? '(no httpGet probe)';

describe.each(deployments.map((d) => [d.metadata.name, d] as const))('%s', (_name, deployment) => {
  const container = deployment.spec.template.spec.containers[0]!;
  let child: ChildProcess | undefined;
  let output = '';
  let port = 0;

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  const probed = container.livenessProbe !== undefined;

  it(probed ? 'serves its probes on the port the manifest names' : 'starts, and serves no /healthz (else its manifest must probe it)', async () => {
    const envPort = container.env?.find((e) => e.name === 'PORT')?.value;
    if (probed) {
      const named = container.ports?.find((p) => p.name === container.livenessProbe?.httpGet?.port);
      expect(String(named?.containerPort)).toBe(envPort);
    }

    const main = join(REPO_ROOT, entrypoint[1]!);
    expect(existsSync(main), `${entrypoint[1]} missing: run npm run build (npm test does)`).toBe(true);
    port = await freePort();
    child = spawn(process.execPath, [main, ...(container.args ?? [])], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: scratch,
        NODE_ENV: 'production',
        PORT: String(port),
        SLACK_BOT_TOKEN: 'xoxb-probe-test-token',
        SLACK_SIGNING_SECRET: 'probe-test-signing-secret',
        SLACK_API_URL: slack.apiUrl,
        REDIS_URL: redis.url,
        ALERT_CHANNEL: 'C0ALERTS',
        ALERT_WEBHOOK_TOKEN: 'probe-test-webhook-token-0123',
        KUBECONFIG: join(scratch, 'kubeconfig'),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));

    if (!probed) {
      await until('the process logged that it started', async () => /"msg":"[^"]*started/.test(output), 30_000, () => output);
      expect(child.exitCode).toBeNull();
      expect(await get(port, '/healthz'), 'it serves /healthz now: add the probes to its Deployment and drop it from UNPROBED in kustomize.test.ts').toBe(0);
      return;
    }
    const startWindowMs = Math.min(30_000, (container.startupProbe?.periodSeconds ?? 10) * (container.startupProbe?.failureThreshold ?? 3) * 1000);
    await until(`startup probe ${probePath(container.startupProbe)} answered 200`, async () => (await get(port, probePath(container.startupProbe))) === 200, startWindowMs, () => output);
    expect(await get(port, probePath(container.livenessProbe))).toBe(200);
    await until(`readiness probe ${probePath(container.readinessProbe)} answered 200`, async () => (await get(port, probePath(container.readinessProbe))) === 200, 15_000, () => output);
  }, 60_000);

  it(probed ? 'turns unready but stays live while Redis is down' : 'keeps running through a Redis outage', async () => {
    expect(port, 'the process did not start').toBeGreaterThan(0);
    await redis.stop();
    try {
      if (probed) {
        await until('readiness answered 503', async () => (await get(port, probePath(container.readinessProbe))) === 503, 15_000, () => output);
        expect(await get(port, probePath(container.livenessProbe))).toBe(200);
      } else {
        await new Promise((r) => setTimeout(r, 3000));
        expect(child!.exitCode, output).toBeNull();
      }
    } finally {
      await redis.start();
    }
    if (probed) await until('readiness answered 200 again', async () => (await get(port, probePath(container.readinessProbe))) === 200, 20_000, () => output);
    // Unprobed, nothing tells when it reconnected: give ioredis's back-off (at most 2 s) time to.
    else await new Promise((r) => setTimeout(r, 5000));
    expect(child!.exitCode, output).toBeNull();
  }, 60_000);

  it('exits 0 on SIGTERM within its grace period', async () => {
    expect(child, 'the process did not start').toBeDefined();
    expect(child!.exitCode, output).toBeNull();
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child!.kill('SIGTERM');
    const graceMs = (deployment.spec.template.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs))]);
    expect(code, output).toBe(0);
  }, 90_000);
});

describe('wait-for-redis init container', () => {
  const init = deployments[0]!.spec.template.spec.initContainers?.find((c) => c.name === 'wait-for-redis');

  function runInit(redisUrl: string | undefined) {
    expect(init?.command?.slice(0, 2)).toEqual(['node', '-e']);
    const child = spawn(process.execPath, ['-e', init!.command![2]!], {
      env: { PATH: process.env.PATH ?? '', WAIT_LOG_EVERY_SECONDS: '1', ...(redisUrl ? { REDIS_URL: redisUrl } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return { child, exit, out: () => out };
  }

  it('lets the pod start at once when Redis is up', async () => {
    const r = runInit(redis.url);
    expect(await r.exit).toBe(0);
    expect(r.out()).toContain(`127.0.0.1:${redis.port} accepts connections`);
  });

  it('waits, without exiting, until Redis comes up', async () => {
    const port = await freePort();
    const r = runInit(`redis://127.0.0.1:${port}/0`);
    try {
      await until('it said it is waiting', async () => r.out().includes(`waiting for 127.0.0.1:${port}`), 10_000, r.out);
      await new Promise((res) => setTimeout(res, 2500));
      expect(r.child.exitCode, r.out()).toBeNull();
      const { createServer } = await import('node:net');
      const server = createServer((s) => s.destroy()).listen(port, '127.0.0.1');
      try {
        expect(await r.exit).toBe(0);
      } finally {
        server.close();
      }
    } finally {
      r.child.kill('SIGKILL');
    }
  }, 30_000);

  it('stops with one clear line when REDIS_URL is missing', async () => {
    const r = runInit(undefined);
    expect(await r.exit).toBe(2);
    expect(r.out().trim()).toBe('wait-for-redis: REDIS_URL is not set to a redis:// URL');
  });
});
