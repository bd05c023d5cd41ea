/**
 * How the CLI ends on an error: one clear line on stderr, then hints, and the documented exit code
 * (EXIT_CODES in src/errors.ts). Unknown errors are internal (exit 1) and never dump a stack
 * unless CRASHLOOP_DEBUG is set.
 */
import { EXIT_CODES, isCrashloopError } from '../errors.js';

export const INTERNAL_ERROR_EXIT = 1;

export function reportError(err: unknown, write: (s: string) => void, debug = false): number {
  if (isCrashloopError(err)) {
    write(`crashloop: ${err.message}\n`);
    for (const hint of err.hints) write(`  ${hint}\n`);
    if (debug && err.cause) write(`${String((err.cause as Error).stack ?? err.cause)}\n`);
    return EXIT_CODES[err.code];
  }
  const e = err as Error;
  write(`crashloop: internal error: ${e?.message ?? String(err)}\n`);
  write(debug ? `${e?.stack ?? ''}\n` : '  set CRASHLOOP_DEBUG=1 for details\n');
  return INTERNAL_ERROR_EXIT;
}

/** ANSI colour only for a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM=dumb. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
