/**
 * Process entry for serve/worker/all (called by the CLI's `run()`): start serving at once (Redis may come
 * later: see ./start.ts), handle SIGTERM/SIGINT with a bounded graceful shutdown (exit 0), and turn a
 * configuration problem into one line on stderr and exit code 2.
 */
import { loadConfig } from '../config.js';
import { EXIT_CODES, isCrashloopError } from '../errors.js';
import { GateCancelled } from './redis-gate.js';
import { CLOSE_BUDGET_MS } from './shutdown.js';
import type { RunningBot, Role } from './start.js';

export async function runRole(role: Role): Promise<void> {
  let bot: RunningBot;
  try {
    // Check the configuration before loading the rest of the bot, so a bad variable is reported at once.
    loadConfig(process.env);
    const { startBot } = await import('./start.js');
    bot = await startBot(role, { waitForRedis: false });
  } catch (err) {
    if (isCrashloopError(err)) {
      process.stderr.write(`crashloop ${role}: ${err.message}${err.hints.length ? ` (${err.hints.join('; ')})` : ''}\n`);
      process.exit(EXIT_CODES[err.code]);
    }
    throw err;
  }
  const running = bot;
  const shutdown = (signal: string) => {
    running.logger.info({ signal }, 'signal received');
    // Every step of stop() is bounded; this is the backstop should one of them still hang.
    const force = setTimeout(() => {
      running.logger.error('graceful shutdown took too long; exiting');
      process.exit(1);
    }, running.shutdownGraceMs + 2 * CLOSE_BUDGET_MS);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        running.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  running.ready.catch((err: unknown) => {
    if (err instanceof GateCancelled) return;
    running.logger.error({ err }, 'could not start taking work once Redis was reachable; exiting');
    void running.stop().finally(() => process.exit(1));
  });
}
