import type { DependencyFailure } from '../../domain/cause-id.js';

/** Which cause family a log pattern speaks for. */
export type PatternFamily =
  | 'oom'
  | 'dependency'
  | 'missing-config'
  | 'bad-entrypoint'
  | 'exec-format'
  | 'runtime-dependency'
  | 'app-error'
  | 'segfault'
  | 'permission'
  | 'port-in-use'
  | 'shutdown';

/** The program or server a pattern belongs to, when it matters for the remedy. */
export type Runtime =
  | 'jvm'
  | 'node'
  | 'python'
  | 'go'
  | 'ruby'
  | 'dotnet'
  | 'rust'
  | 'php'
  | 'native'
  | 'nginx'
  | 'postgres'
  | 'mysql'
  | 'redis'
  | 'generic';

export interface LogPattern {
  /** Stable id, e.g. `dns-no-such-host`; quoted in tests, never shown to users. */
  id: string;
  family: PatternFamily;
  re: RegExp;
  /** 0..1: how decisive one hit is (a stack frame is weaker than the exception line). */
  strength: number;
  detail?: DependencyFailure;
  runtime?: Runtime;
  /** Ignore the pattern on lines logged at INFO/DEBUG/TRACE level (default: yes, except dependency and shutdown lines). */
  notOnInfo?: boolean;
  /** A short label for the evidence ("DNS lookup failed"). */
  label?: string;
}

export interface LogHit {
  pattern: LogPattern;
  family: PatternFamily;
  /** The line as logged (already redacted by the collector). */
  line: string;
  /** Index in the scanned source (log lines), or -1 for the termination message. */
  index: number;
  source: 'log' | 'termination-message' | 'event';
  /** Lines between the hit and the end of the log (0 = the last line). */
  fromEnd: number;
  /** First capture group, when the pattern has one (a variable name, a port, a module). */
  capture?: string;
}
