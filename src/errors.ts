/**
 * Errors with stable codes, handled at the edges (CLI exit codes, Slack replies, job retries).
 * Branch on `code` or class, never on message text.
 */
export type ErrorCode =
  | 'usage' // bad input from a person: exit 2, ephemeral "how to ask"
  | 'target-not-found' // no such pod / namespace / workload: exit 3
  | 'target-ambiguous' // several candidates: exit 3, lists them
  | 'cluster-unreachable' // cannot reach the API server: exit 4
  | 'cluster-forbidden' // RBAC refused a request the diagnosis cannot do without: exit 4
  | 'config' // invalid process configuration
  | 'queue-unavailable'; // Redis down

export class CrashloopError extends Error {
  readonly code: ErrorCode;
  /** Extra lines for people (e.g. the candidates of an ambiguous name). */
  readonly hints: string[];
  constructor(code: ErrorCode, message: string, hints: string[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CrashloopError';
    this.code = code;
    this.hints = hints;
  }
}

export function isCrashloopError(err: unknown, code?: ErrorCode): err is CrashloopError {
  return err instanceof CrashloopError && (code === undefined || err.code === code);
}

/** CLI exit codes (documented in the README). */
export const EXIT_CODES: Record<ErrorCode, number> = {
  usage: 2,
  'target-not-found': 3,
  'target-ambiguous': 3,
  'cluster-unreachable': 4,
  'cluster-forbidden': 4,
  config: 2,
  'queue-unavailable': 4,
};
