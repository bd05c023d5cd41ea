/**
 * The BUILT `crashloop` CLI (the package.json bin) run as a child process against the fake
 * Kubernetes API through a kubeconfig: the documented JSON, text without colour on a pipe, and the
 * exit codes 0 / 2 / 3 / 4 with one clear line on stderr.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isCauseId } from '../../src/domain/cause-id.js';
import { startFakeKubeApi, type FakeKubeApi } from '../fakes/kube-api-server.js';
import { sampleLogs, sampleObjects } from '../fakes/kube-sample.js';
import { listScenarios, readExpected } from '../support/scenarios.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { crashloop: string } }).bin.crashloop);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let api: FakeKubeApi | undefined;
let kubeconfig: string;

function crashloop(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), KUBECONFIG: kubeconfig, ...env }, timeout: 20_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

async function serve(options: Parameters<typeof startFakeKubeApi>[0], context?: { context?: string; namespace?: string }): Promise<FakeKubeApi> {
  api = await startFakeKubeApi(options);
  kubeconfig = api.writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'crashloop-cli-')), 'config'), context);
  return api;
}

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build first (npm test runs the build before vitest)`);
});
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('crashloop diagnose -o json', () => {
  const scenario = listScenarios().find((s) => s.id === 'oom-killed/seed-runbook-api') ?? listScenarios()[0]!;

  it('prints the documented JSON object and exits 0', async () => {
    const expected = readExpected(scenario.dir);
    const fake = await serve({ scenario: scenario.dir });
    const run = await crashloop(['diagnose', expected.target.name, '-n', expected.target.namespace, '-o', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const key of ['pod', 'namespace', 'container', 'initContainer', 'cause', 'title', 'confidence', 'summary', 'evidence', 'remedy', 'alternatives', 'rollout', 'notes']) {
      expect(out).toHaveProperty(key);
    }
    expect(out).toMatchObject({ namespace: expected.target.namespace, container: expected.container, initContainer: expected.initContainer, cause: expected.cause });
    expect(isCauseId(out.cause as string)).toBe(true);
    expect(out.confidence).toBeGreaterThan(0);
    expect(out.confidence).toBeLessThanOrEqual(1);
    const evidence = out.evidence as Array<{ kind: string; text: string }>;
    expect(evidence.length).toBeGreaterThan(0);
    expect(evidence.every((e) => typeof e.kind === 'string' && e.text.length > 0)).toBe(true);
    const remedy = out.remedy as { text: string; commands: string[] };
    expect(remedy.text.length).toBeGreaterThan(0);
    expect(remedy.commands.some((c) => c.startsWith('kubectl') && c.includes(expected.target.namespace))).toBe(true);
    expect(Array.isArray(out.alternatives) && Array.isArray(out.notes)).toBe(true);
    expect(fake.apiRequests().length).toBeLessThanOrEqual(10);
  });

  it('resolves a workload name, uses the context namespace, and shows a 403 on events as a note', async () => {
    const fake = await serve({ objects: sampleObjects(), logs: sampleLogs() }, { context: 'prod', namespace: 'shop' });
    fake.fault({ path: '/api/v1/namespaces/shop/events', status: 403 });
    const run = await crashloop(['diagnose', 'deploy/api', '--context', 'prod', '-o', 'json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { pod: string; notes: string[]; rollout: { name: string; currentRevision: number; previousRevision: number } | null };
    expect(out.pod).toBe('api-7d9f8b6c5d-abcde');
    expect(out.notes.join('\n')).toContain('Could not read the events of pod shop/api-7d9f8b6c5d-abcde: forbidden (403)');
    expect(out.rollout).toMatchObject({ name: 'api', currentRevision: 2, previousRevision: 1 });
  });
});

describe('crashloop diagnose (text)', () => {
  it('prints text without ANSI colour when stdout is not a terminal', async () => {
    await serve({ objects: sampleObjects(), logs: sampleLogs() });
    const run = await crashloop(['diagnose', 'api-7d9f8b6c5d-abcde', '-n', 'shop', '--kubeconfig', kubeconfig], { KUBECONFIG: '/nonexistent' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('api-7d9f8b6c5d-abcde');
    expect(run.stdout).not.toContain('\u001b[');
  });
});

describe('crashloop exit codes', () => {
  it('2 for usage errors: unknown flag, bad output format, missing target, unknown context, no kubeconfig', async () => {
    await serve({ objects: sampleObjects() });
    const [flag, format, missing, ctx, noConfig, noFile] = await Promise.all([
      crashloop(['diagnose', 'x', '--bogus']),
      crashloop(['diagnose', 'x', '-o', 'yaml']),
      crashloop(['diagnose']),
      crashloop(['diagnose', 'x', '--context', 'nope']),
      crashloop(['diagnose', 'x'], { KUBECONFIG: '' }),
      crashloop(['diagnose', 'x', '--kubeconfig', '/nonexistent/config']),
    ]);
    expect(noConfig).toMatchObject({ code: 2, stdout: '' });
    expect(noConfig.stderr.split('\n')[0]).toBe('crashloop: no kubeconfig found');
    expect(noFile).toMatchObject({ code: 2 });
    expect(noFile.stderr.split('\n')[0]).toBe('crashloop: kubeconfig file not found: /nonexistent/config');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--bogus'");
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'target'");
    expect(ctx).toMatchObject({ code: 2, stderr: 'crashloop: context "nope" not found in the kubeconfig\n  contexts: fake\n' });
    expect(api!.apiRequests()).toEqual([]);
  });

  it('3 for a missing pod, a missing namespace and an ambiguous prefix', async () => {
    await serve({ objects: sampleObjects() });
    const [pod, ns, ambiguous] = await Promise.all([
      crashloop(['diagnose', 'web', '-n', 'shop']),
      crashloop(['diagnose', 'api', '-n', 'nowhere']),
      crashloop(['diagnose', 'api-7d9f', '-n', 'shop']),
    ]);
    expect(pod.code).toBe(3);
    expect(pod.stderr.split('\n')[0]).toBe('crashloop: no pod, workload or pod-name prefix "web" in namespace "shop"');
    expect(ns.code).toBe(3);
    expect(ns.stderr.split('\n')[0]).toBe('crashloop: namespace "nowhere" not found');
    expect(ambiguous.code).toBe(3);
    expect(ambiguous.stderr).toContain('api-7d9f8b6c5d-abcde (CrashLoopBackOff, 14 restarts)');
    expect(ambiguous.stderr).toContain('api-7d9f8b6c5d-fghij (CrashLoopBackOff, 13 restarts)');
  });

  it('2 when -c names a container the pod does not have, listing the containers', async () => {
    await serve({ objects: sampleObjects(), logs: sampleLogs() });
    const run = await crashloop(['diagnose', 'api-7d9f8b6c5d-abcde', '-n', 'shop', '-c', 'nope']);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: 'crashloop: pod api-7d9f8b6c5d-abcde has no container "nope"\n  containers: api\n' });
  });

  it('4 when the pod read is forbidden and when the API server is down', async () => {
    const fake = await serve({ objects: sampleObjects() });
    fake.fault({ path: '/api/v1/namespaces/shop/pods/api-7d9f8b6c5d-abcde', status: 403 });
    const forbidden = await crashloop(['diagnose', 'api-7d9f8b6c5d-abcde', '-n', 'shop']);
    expect(forbidden.code).toBe(4);
    expect(forbidden.stderr.split('\n')[0]).toBe('crashloop: not allowed to read pod shop/api-7d9f8b6c5d-abcde: forbidden (403)');
    await fake.close();
    api = undefined;
    const down = await crashloop(['diagnose', 'api-7d9f8b6c5d-abcde', '-n', 'shop']);
    expect(down.code).toBe(4);
    expect(down.stderr).toMatch(/^crashloop: cannot reach the Kubernetes API server at http:\/\/127\.0\.0\.1:\d+: connection refused\n/);
  });
});
