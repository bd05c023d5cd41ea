import type { Evidence, LogExcerpt } from '../../domain/evidence.js';
import { ALL_PATTERNS, isBlank, scanLines, type LogHit } from '../log-patterns/index.js';

export interface LogFacts {
  container: string;
  /** Which instance the lines come from; `none` when no log of the focus container was read. */
  source: 'previous' | 'current' | 'none';
  lines: string[];
  truncated: boolean;
  /** True when the previous instance's log was read and held no text. */
  previousEmpty: boolean;
  /** True when the previous instance's log could not be read at all. */
  previousMissing: boolean;
  /** Meaningful (non-blank) lines in `lines`. */
  meaningful: number;
  hits: LogHit[];
}

function meaningfulCount(ex: LogExcerpt | undefined): number {
  return ex ? ex.lines.filter((l) => !isBlank(l)).length : 0;
}

/** The focus container's log (previous instance preferred, current when previous is empty or absent). */
export function logFacts(evidence: Evidence, terminationMessage: string | null): LogFacts {
  const name = evidence.focus.name;
  const mine = evidence.logs.filter((l) => l.container === name);
  const prev = mine.find((l) => l.previous);
  const cur = mine.find((l) => !l.previous);
  const chosen = prev && (meaningfulCount(prev) > 0 || !cur) ? prev : (cur ?? prev);
  const lines = chosen?.lines ?? [];
  const hits = scanLines(lines, ALL_PATTERNS, 'log');
  if (terminationMessage) {
    const msgLines = terminationMessage.split(/\r?\n/).filter((l) => !isBlank(l));
    // The termination message is the program's last word (or the runtime's start error): treat it as the log's end.
    hits.push(...scanLines(msgLines, ALL_PATTERNS, 'termination-message').map((h) => ({ ...h, fromEnd: 0 })));
  }
  return {
    container: name,
    source: chosen ? (chosen.previous ? 'previous' : 'current') : 'none',
    lines,
    truncated: chosen?.truncated ?? false,
    previousEmpty: !!prev && meaningfulCount(prev) === 0,
    previousMissing: !prev,
    meaningful: meaningfulCount(chosen),
    hits,
  };
}
