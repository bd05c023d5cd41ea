/** Spawn `run()` of a runtime role (src/runtime/<role>.ts) as its own Node process, through tsx. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

export function spawnRole(role: 'serve' | 'worker' | 'all', env: Record<string, string>): ChildProcess & { output: () => string } {
  const entry = join(ROOT, 'src/runtime', `${role}.ts`);
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import(${JSON.stringify(entry)}).then((m) => m.run())`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return Object.assign(child, { output: () => out });
}

export async function waitForOutput(child: { output: () => string }, text: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!child.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`process did not print "${text}"; output:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
