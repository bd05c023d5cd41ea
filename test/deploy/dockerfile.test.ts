/**
 * The container image, checked without a Docker engine: the Dockerfile lints clean with a real linter,
 * its shape is what Kubernetes and signals need, and its build steps run (replayed) and produce a runtime
 * that starts with production dependencies only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerignoreMatcher, parseDockerfile, parseExecForm } from './dockerfile-parse.js';
import { REPO_ROOT, replayDockerfile, type ReplayResult } from './dockerfile-replay.js';

const dockerfileText = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
const dockerfile = parseDockerfile(dockerfileText);
const runtime = dockerfile.stages.at(-1)!;
const lastOf = (keyword: string) => runtime.instructions.filter((i) => i.keyword === keyword).at(-1);

function lint(file: string) {
  return spawnSync('sh', [join(REPO_ROOT, 'scripts/lint-dockerfile.sh'), file], { encoding: 'utf8' });
}

describe('Dockerfile lint (dockerlinter: hadolint rules + ShellCheck)', () => {
  it('is clean at every level, info included', () => {
    const r = lint(join(REPO_ROOT, 'Dockerfile'));
    expect(r.stdout + r.stderr).toContain('is clean');
    expect(r.status).toBe(0);
  });

  it('the linter really fails a bad Dockerfile (untagged image, root user, shell-form CMD)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crashloop-lint-'));
    try {
      const bad = join(dir, 'Dockerfile');
      writeFileSync(bad, 'FROM node\nRUN cd /app && npm ci\nUSER root\nCMD node dist/cli/main.js all\n');
      const r = lint(bad);
      expect(r.status).not.toBe(0);
      for (const code of ['EF0004', 'ER0003', 'EU0001', 'EJ0002']) expect(r.stdout).toContain(code);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Dockerfile shape', () => {
  it('builds in stages and runs on a Node 24 slim image', () => {
    expect(dockerfile.stages.map((s) => s.name)).toEqual(['build', 'prod-deps', 'runtime']);
    expect(runtime.image).toMatch(/^node:24[.\d]*-(?:bookworm-|trixie-)?slim(@sha256:[0-9a-f]{64})?$/);
  });

  it('runs as a numeric non-root user, so runAsNonRoot can be verified', () => {
    const user = lastOf('USER')?.args ?? '';
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user.split(':')[0])).toBeGreaterThan(0);
  });

  it('starts Node directly (exec form, no shell) with `all` as the default command', () => {
    expect(parseExecForm(lastOf('ENTRYPOINT')!.args)).toEqual(['node', 'dist/cli/main.js']);
    expect(parseExecForm(lastOf('CMD')!.args)).toEqual(['all']);
  });

  it('installs production dependencies only in what the runtime copies, without install scripts', () => {
    const prod = dockerfile.stages.find((s) => s.name === 'prod-deps')!;
    const run = prod.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args).join('\n');
    expect(run).toMatch(/npm ci\b.*--omit=dev/);
    expect(run).toContain('--ignore-scripts');
    const copies = runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies).toContain('--from=prod-deps /app/node_modules ./node_modules');
    expect(copies.some((c) => c.startsWith('--from=build') && c.includes('node_modules'))).toBe(false);
  });

  it('.dockerignore keeps secrets, git, local deps and build output out of the context', () => {
    const excluded = dockerignoreMatcher(readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8'));
    for (const p of ['.git/config', 'node_modules/x/index.js', 'dist/cli/main.js', '.env', 'test/fakes/x.ts', 'src/config.test.ts']) {
      expect(excluded(p), p).toBe(true);
    }
    for (const p of ['package.json', 'package-lock.json', 'tsconfig.build.json', 'src/config.ts', 'src/cli/main.ts']) {
      expect(excluded(p), p).toBe(false);
    }
  });
});

describe('Dockerfile build steps, replayed (npm ci, npm run build, npm ci --omit=dev)', () => {
  let replay: ReplayResult;
  // npm ci twice and tsc: about a minute on a warm npm cache, more when other test files share the cores.
  beforeAll(async () => {
    replay = await replayDockerfile();
  }, 300_000);
  afterAll(async () => {
    await replay?.cleanup();
  }, 120_000);

  it('produce a runtime with the compiled CLI and no development dependencies', () => {
    expect(existsSync(join(replay.runtimeDir, 'dist/cli/main.js'))).toBe(true);
    expect(existsSync(join(replay.runtimeDir, 'node_modules/@slack/bolt/package.json'))).toBe(true);
    for (const dev of ['typescript', 'vitest', 'tsx', 'node', 'dockerlinter']) {
      expect(existsSync(join(replay.runtimeDir, 'node_modules', dev)), `${dev} in the runtime image`).toBe(false);
    }
    expect(existsSync(join(replay.runtimeDir, 'src'))).toBe(false);
  });

  it('the entrypoint starts with production dependencies only and lists the subcommands', () => {
    const r = replay.runEntrypoint(['--help']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const sub of ['serve', 'worker', 'all', 'diagnose']) expect(r.stdout).toMatch(new RegExp(`\\b${sub}\\b`));
  });

  it('without configuration, `serve` stops with one line naming the missing variable (no stack trace)', () => {
    const r = replay.runEntrypoint(['serve']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('SLACK_BOT_TOKEN');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
