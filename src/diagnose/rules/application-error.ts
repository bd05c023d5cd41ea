import { kubectl } from '../commands.js';
import type { Facts } from '../facts.js';
import type { LogHit } from '../log-patterns/index.js';
import type { Rule } from '../rule.js';
import { clamp, compact, exitCode, hitsOf, killedBySignal, logItem, ranFor, stateItem, strongestOther, timingItem, who } from './support.js';

/** Which hit names the error best, most telling first (the root cause of a JVM chain is its last "Caused by"). */
const ANCHOR_ORDER = [
  'go-panic',
  'rust-panic',
  'php-fatal',
  'dotnet-unhandled',
  'jvm-caused-by',
  'exception-line',
  'jvm-main-exception',
  'ruby-exception',
  'beam-crash',
  'go-fatal',
  'node-uncaught',
  'python-traceback',
  'fatal-level',
  'fatal-field',
  'startup-failed',
  'error-level',
  'error-field',
  'exit-status',
];

function anchorOf(hits: readonly LogHit[]): LogHit | null {
  for (const id of ANCHOR_ORDER) {
    const matching = hits.filter((h) => h.pattern.id === id);
    const pick = id === 'go-panic' || id === 'rust-panic' || id === 'jvm-main-exception' ? matching[0] : matching[matching.length - 1];
    if (pick) return pick;
  }
  return hits[hits.length - 1] ?? null;
}

function confidenceOf(f: Facts, hits: readonly LogHit[]): number {
  const strongest = Math.max(0, ...hits.map((h) => h.pattern.strength));
  const frames = hits.some((h) => /frame|traceback|goroutine/.test(h.pattern.id));
  const decisive = hits.some((h) => h.pattern.strength >= 0.7);
  let c = strongest + (frames && decisive ? 0.04 : 0);
  const code = exitCode(f);
  // A non-zero exit whose log shows no error at all is a weak hint only: below the unknown threshold.
  if (hits.length === 0) c = code !== null && code !== 0 ? 0.25 : 0;
  return c;
}

export const applicationErrorRule: Rule = {
  id: 'application-error',
  title: 'The program crashed with its own error',
  match(_evidence, f) {
    const code = exitCode(f);
    const hits = hitsOf(f, 'app-error').filter((h) => h.source !== 'event');
    if (code === 0 && !hits.some((h) => h.pattern.strength >= 0.7)) return null;
    if (code === null && hits.length === 0) return null;
    let confidence = confidenceOf(f, hits);
    if (confidence === 0) return null;
    const other = strongestOther(f, ['app-error'], 0.6);
    if (other) confidence -= other.pattern.strength >= 0.8 ? 0.2 : 0.1;
    if (killedBySignal(f)) confidence -= 0.2;
    if (f.last?.reason === 'OOMKilled') confidence -= 0.3;
    const anchor = anchorOf(hits);
    const k = kubectl(f);
    return {
      confidence: clamp(confidence, 0.05),
      title: `${f.container} crashes with an unhandled error`,
      summary: anchor
        ? `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} exits${code !== null ? ` with code ${code}` : ''}${ranFor(f)} on ${anchor.pattern.label ?? 'an error'}: "${anchor.line.slice(0, 200)}". Read the stack trace around it and fix the code path it names; roll back if a new version introduced it.`
        : `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} exits with code ${code}${ranFor(f)} and its log names no known cause; read the last lines of the previous log.`,
      evidence: compact([anchor ? logItem(f, anchor) : null, stateItem(f), timingItem(f)]),
      remedy: {
        text: 'Read the error and stack trace in the previous log and fix the code or input it names. If the crash started with a new version, roll back first and debug the new image at leisure.',
        commands: compact([k.logsPrevious(), k.describePod(), k.rolloutHistory()]),
      },
      ...(anchor?.source === 'log' ? { anchor: anchor.line } : {}),
    };
  },
};
