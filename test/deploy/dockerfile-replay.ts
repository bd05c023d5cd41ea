/**
 * Replays the Dockerfile's own build steps without a Docker engine, so they cannot rot:
 * every stage gets a scratch root directory, COPY copies from the build context (filtered by
 * .dockerignore) or from an earlier stage, RUN runs its shell command in the stage's WORKDIR with the
 * stage's ENV, and the runtime stage's ENTRYPOINT is finally run with `--help`.
 *
 * What stands in for the base image: the Node 24 binary running this file (first on PATH, like the
 * image's /usr/local/bin/node) and the machine's npm. The npm cache is shared and preferred, so a warm
 * machine installs from it; nothing in the Dockerfile's commands is changed.
 *
 *   npx tsx test/deploy/dockerfile-replay.ts      (also run by test/deploy/dockerfile.test.ts)
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, symlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  dockerignoreMatcher,
  parseCopyArgs,
  parseDockerfile,
  parseEnvArgs,
  parseExecForm,
  type Stage,
} from './dockerfile-parse.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface StepLog {
  stage: string;
  line: number;
  step: string;
  ms: number;
}

export interface ReplayResult {
  /** The scratch directory holding one root per stage; removed by `cleanup()`. */
  workDir: string;
  stageRoot: (stage: string) => string;
  /** The runtime (last) stage's WORKDIR on disk. */
  runtimeDir: string;
  runtimeEnv: Record<string, string>;
  entrypoint: string[];
  cmd: string[];
  user: string | undefined;
  steps: StepLog[];
  /** Runs the runtime stage's ENTRYPOINT with these arguments, in its WORKDIR, with its ENV. */
  runEntrypoint: (args: string[]) => { status: number | null; stdout: string; stderr: string };
  cleanup: () => Promise<void>;
}

/** Walks the context, returning relative paths of files Docker would send (not excluded by .dockerignore). */
function contextFiles(contextDir: string, excluded: (rel: string) => boolean): Set<string> {
  const files = new Set<string>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(contextDir, rel), { withFileTypes: true })) {
      const childRel = rel ? posix.join(rel, entry.name) : entry.name;
      if (entry.isDirectory()) {
        if (entry.name === '.git' || entry.name === 'node_modules') {
          if (!excluded(childRel)) throw new Error(`.dockerignore lets ${childRel}/ into the build context`);
          continue;
        }
        walk(childRel);
      } else if (!excluded(childRel)) files.add(childRel);
    }
  };
  walk('');
  return files;
}

function copyFromContext(contextDir: string, files: Set<string>, source: string, destPath: string, destIsDir: boolean): void {
  const src = posix.normalize(source).replace(/^\.\/?|\/$/g, '');
  const matches = [...files].filter((f) => f === src || f.startsWith(`${src}/`));
  if (matches.length === 0) throw new Error(`COPY ${source}: not in the build context (check .dockerignore)`);
  for (const f of matches) {
    const target = f === src ? (destIsDir ? join(destPath, posix.basename(f)) : destPath) : join(destPath, f.slice(src.length + 1));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(join(contextDir, f), target);
  }
}

/**
 * Where the stages live: a RAM disk when there is one with room (two npm installs write ~350 MB of small
 * files; on a busy shared disk that alone takes most of a minute), else the temp dir.
 */
function scratchBase(): string {
  try {
    const fs = statfsSync('/dev/shm');
    if (fs.bavail * fs.bsize > 2 * 1024 ** 3) return '/dev/shm';
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}

/** Runs a shell command; resolves with its exit status and output (the replay's `RUN`). */
function sh(command: string, cwd: string, env: Record<string, string>): Promise<{ status: number | null; out: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolveRun({ status, out }));
  });
}

/**
 * Stages run as BuildKit runs them: each as soon as the stages it copies from are done, independent ones
 * side by side. npm is first tried with `--offline` semantics (the cache must hold every package), then
 * with the registry as a fallback; the Dockerfile's commands are the same either way.
 */
export async function replayDockerfile(options: { contextDir?: string; log?: (line: string) => void } = {}): Promise<ReplayResult> {
  const contextDir = options.contextDir ?? REPO_ROOT;
  const log = options.log ?? (() => {});
  const parsed = parseDockerfile(readFileSync(join(contextDir, 'Dockerfile'), 'utf8'));
  const ignoreFile = join(contextDir, '.dockerignore');
  const excluded = dockerignoreMatcher(existsSync(ignoreFile) ? readFileSync(ignoreFile, 'utf8') : '');
  const files = contextFiles(contextDir, excluded);

  const workDir = mkdtempSync(join(scratchBase(), 'crashloop-docker-replay-'));
  // The "base image": a bin dir whose `node` is the Node 24 running us, first on PATH.
  const imageBin = join(workDir, 'image-bin');
  mkdirSync(imageBin);
  symlinkSync(process.execPath, join(imageBin, 'node'));
  const stageRoot = (name: string) => join(workDir, 'stages', name);
  // The machine's network settings (proxy, CA bundle) stand in for the build's network; the npm_* variables
  // an enclosing `npm test` sets are dropped so they cannot change what `npm ci` does. The cache is
  // preferred so a warm machine installs without the registry; no command of the Dockerfile changes.
  const hostEnv: Record<string, string> = { npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false' };
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^npm_/i.test(k) && k !== 'NODE_OPTIONS' && k !== 'INIT_CWD') hostEnv[k] = v;
  }
  if (process.env.npm_config_cache) hostEnv.npm_config_cache = process.env.npm_config_cache;
  const steps: StepLog[] = [];
  const state = new Map<string, { workdir: string; env: Record<string, string>; user?: string; entrypoint: string[]; cmd: string[] }>();

  const done = new Map<string, Promise<void>>();
  for (const stage of parsed.stages) {
    const deps = stage.instructions
      .filter((i) => i.keyword === 'COPY')
      .map((i) => parseCopyArgs(i.args).from)
      .filter((f): f is string => f !== undefined);
    for (const d of deps) if (!done.has(d)) throw new Error(`stage ${stage.name} copies from unknown stage ${d}`);
    done.set(
      stage.name,
      Promise.all(deps.map((d) => done.get(d)!)).then(async () => {
        state.set(stage.name, await replayStage(stage));
      }),
    );
  }
  // Settle all before reporting the first failure, so no stage is still writing when we clean up.
  const settled = await Promise.allSettled(done.values());
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    rmSync(workDir, { recursive: true, force: true });
    throw failed.reason;
  }

  async function replayStage(stage: Stage) {
    const root = stageRoot(stage.name);
    mkdirSync(root, { recursive: true });
    const st = { workdir: '/', env: {} as Record<string, string>, user: undefined as string | undefined, entrypoint: [] as string[], cmd: [] as string[] };
    const inRoot = (p: string) => join(root, posix.resolve(st.workdir, p));
    for (const ins of stage.instructions) {
      const t0 = performance.now();
      switch (ins.keyword) {
        case 'WORKDIR':
          st.workdir = posix.resolve(st.workdir, ins.args);
          mkdirSync(inRoot('.'), { recursive: true });
          break;
        case 'ENV':
          Object.assign(st.env, parseEnvArgs(ins.args));
          break;
        case 'USER':
          st.user = ins.args;
          break;
        case 'ENTRYPOINT':
        case 'CMD': {
          const form = parseExecForm(ins.args);
          if (!form) throw new Error(`Dockerfile line ${ins.line}: ${ins.keyword} must use the exec form`);
          if (ins.keyword === 'ENTRYPOINT') st.entrypoint = form;
          else st.cmd = form;
          break;
        }
        case 'COPY': {
          const c = parseCopyArgs(ins.args);
          const dest = inRoot(c.dest);
          const destIsDir = c.dest.endsWith('/') || c.sources.length > 1;
          for (const source of c.sources) {
            if (c.from) {
              const from = join(stageRoot(c.from), posix.resolve('/', source));
              if (!existsSync(from)) throw new Error(`COPY --from=${c.from} ${source}: stage has no such path`);
              const target = destIsDir && !statSync(from).isDirectory() ? join(dest, posix.basename(source)) : dest;
              cpSync(from, target, { recursive: true, verbatimSymlinks: true });
            } else copyFromContext(contextDir, files, source, dest, destIsDir);
          }
          break;
        }
        case 'RUN': {
          if (parseExecForm(ins.args)) throw new Error(`Dockerfile line ${ins.line}: replay supports shell-form RUN only`);
          log(`[${stage.name}] RUN ${ins.args}`);
          const env = { ...hostEnv, PATH: `${imageBin}:/usr/local/bin:/usr/bin:/bin`, ...st.env };
          let r = await sh(ins.args, inRoot('.'), { ...env, npm_config_offline: 'true' });
          if (r.status !== 0 && /ENOTCACHED/.test(r.out)) r = await sh(ins.args, inRoot('.'), env);
          if (r.status !== 0) {
            throw new Error(`Dockerfile line ${ins.line} (${stage.name}): RUN ${ins.args} failed (exit ${r.status})\n${r.out}`);
          }
          break;
        }
        default:
          break; // LABEL, EXPOSE, HEALTHCHECK, ARG: nothing to replay
      }
      if (ins.keyword === 'RUN' || ins.keyword === 'COPY') {
        steps.push({ stage: stage.name, line: ins.line, step: `${ins.keyword} ${ins.args}`, ms: Math.round(performance.now() - t0) });
      }
    }
    return st;
  }

  const last = parsed.stages.at(-1)!;
  const runtime = state.get(last.name)!;
  const runtimeDir = join(stageRoot(last.name), runtime.workdir);
  const runtimeEnv = { ...runtime.env };
  return {
    workDir,
    stageRoot,
    runtimeDir,
    runtimeEnv,
    entrypoint: runtime.entrypoint,
    cmd: runtime.cmd,
    user: runtime.user,
    steps,
    runEntrypoint(args) {
      const [cmd, ...rest] = runtime.entrypoint;
      const r = spawnSync(cmd!, [...rest, ...args], {
        cwd: runtimeDir,
        env: { PATH: `${imageBin}:/usr/bin:/bin`, HOME: runtimeDir, ...runtimeEnv },
        encoding: 'utf8',
        timeout: 30_000,
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    cleanup: () => rm(workDir, { recursive: true, force: true }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const result = await replayDockerfile({ log: (l) => console.log(l) });
  for (const s of result.steps) console.log(`${String(s.ms).padStart(7)} ms  ${s.stage}:${s.line}  ${s.step}`);
  const help = result.runEntrypoint(['--help']);
  console.log(help.stdout || help.stderr);
  console.log(`replayed in ${Math.round(performance.now() - t0)} ms; runtime root: ${relative(process.cwd(), result.runtimeDir)}`);
  await result.cleanup();
  process.exit(help.status ?? 1);
}
