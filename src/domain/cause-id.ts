/**
 * Cause ids: a public contract (../shared/taxonomy.md). The CLI's JSON, the Slack message,
 * metrics labels and tests use them verbatim. Adding one means: a rule file, remedy text,
 * a scenario fixture and a test.
 */
export const CAUSE_IDS = [
  'oom-killed',
  'liveness-probe-failure',
  'missing-config',
  'bad-entrypoint',
  'exec-format-error',
  'missing-runtime-dependency',
  'dependency-unavailable',
  'application-error',
  'segfault',
  'completed-exit',
  'killed-by-signal',
  'permission-denied',
  'port-in-use',
  'evicted',
  'image-pull',
  'unknown',
] as const;

export type CauseId = (typeof CAUSE_IDS)[number];

export function isCauseId(value: string): value is CauseId {
  return (CAUSE_IDS as readonly string[]).includes(value);
}

/** Refinement of `dependency-unavailable`: how the dependency failed. */
export const DEPENDENCY_FAILURES = ['dns', 'refused', 'timeout', 'auth', 'tls'] as const;
export type DependencyFailure = (typeof DEPENDENCY_FAILURES)[number];
