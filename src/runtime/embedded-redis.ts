/**
 * The embedded default for `crashloop all` without REDIS_URL: a local redis-server on a free loopback
 * port, in a temp directory, without persistence; stopped when the process exits. For trying the bot
 * out on one machine; production sets REDIS_URL (the thread map and dedupe then survive restarts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CrashloopError } from '../errors.js';

export const REDIS_INSTALL_HINT =
  'install it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis) or set REDIS_URL';

export interface EmbeddedRedis {
  url: string;
  stop(): Promise<void>;
}

/** A free loopback TCP port (also used by the tests' own redis-servers). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** True when a Redis answers PING on 127.0.0.1:port within half a second. */
export function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.setTimeout(500, () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(false));
    s.connect(port, '127.0.0.1', () => s.write('PING\r\n'));
    s.once('data', (d) => {
      s.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
  });
}

export async function startEmbeddedRedis(binary = 'redis-server'): Promise<EmbeddedRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'crashloop-redis-'));
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'],
    { stdio: 'ignore' },
  );
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'ENOENT'
          ? new CrashloopError('config', `REDIS_URL is not set and ${binary} was not found to start an embedded Redis: ${REDIS_INSTALL_HINT}`)
          : new CrashloopError('config', `could not start ${binary}: ${err.message}`),
      );
    });
    child.once('exit', (code) => reject(new CrashloopError('config', `${binary} exited at start (code ${code}); set REDIS_URL instead`)));
  });
  failed.catch(() => {});
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const ready = (async () => {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (await pong(port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new CrashloopError('config', `embedded ${binary} did not answer on port ${port}; set REDIS_URL instead`);
  })();
  await Promise.race([ready, failed]);
  child.removeAllListeners('exit');
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
