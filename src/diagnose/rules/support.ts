/** Shared helpers for rules: picking log hits, quoting state and timing, confidence arithmetic. */
import type { EvidenceItem } from '../../domain/diagnosis.js';
import type { EventCategory, EventFact, Facts } from '../facts.js';
import { scanLines, type LogHit, type LogPattern, type PatternFamily } from '../log-patterns/index.js';
import { formatDuration } from '../time.js';

export function clamp(n: number, lo = 0, hi = 0.99): number {
  return Math.max(lo, Math.min(hi, Math.round(n * 100) / 100));
}

/** "container api" or "init container wait-db" or "sidecar container proxy". */
export function who(f: Facts): string {
  if (f.sidecar) return `sidecar container ${f.container}`;
  return f.init ? `init container ${f.container}` : `container ${f.container}`;
}

export function hitsOf(f: Facts, family: PatternFamily): LogHit[] {
  return f.hits.filter((h) => h.family === family);
}

/**
 * A hit's weight: its strength, a little less the further it is from the end of the log (the crash is
 * usually told last): up to -0.06 over the last 20 lines, -0.04 more beyond 60 lines.
 */
export function score(h: LogHit): number {
  return h.pattern.strength - Math.min(h.fromEnd, 20) * 0.003 - (h.fromEnd > 60 ? 0.04 : 0);
}

/** The strongest hit, the latest one among equals. */
export function best(hits: readonly LogHit[]): LogHit | null {
  let top: LogHit | null = null;
  for (const h of hits) if (!top || score(h) >= score(top)) top = h;
  return top;
}

/** Other families with a convincing hit (used to step back when a more specific cause explains the log). */
export function strongestOther(f: Facts, except: readonly PatternFamily[], min = 0.75): LogHit | null {
  return best(f.hits.filter((h) => !except.includes(h.family) && h.family !== 'shutdown' && h.pattern.strength >= min));
}

export function logItem(f: Facts, h: LogHit): EvidenceItem {
  if (h.source === 'event') return { kind: 'event', text: h.line };
  const where = h.source === 'termination-message' ? 'termination message' : f.logs.source === 'previous' ? 'previous log' : 'log';
  return { kind: 'log', text: `${where}: ${h.line}` };
}

export function eventsOf(f: Facts, ...categories: EventCategory[]): EventFact[] {
  return f.events.filter((e) => categories.includes(e.category));
}

export function countOf(f: Facts, ...categories: EventCategory[]): number {
  return eventsOf(f, ...categories).reduce((n, e) => n + e.count, 0);
}

/** The latest event of the categories, quoted. */
export function eventItem(events: readonly EventFact[]): EvidenceItem | null {
  const e = events[events.length - 1];
  return e ? { kind: 'event', text: e.text } : null;
}

export function exitCode(f: Facts): number | null {
  return f.last?.exitCode ?? null;
}

/** `lastState.terminated: reason=Error exitCode=1` with the timestamps when known. */
export function stateItem(f: Facts): EvidenceItem | null {
  const t = f.last;
  if (!t) {
    if (f.waitingReason) return { kind: 'state', text: `state.waiting.reason=${f.waitingReason}${f.waitingMessage ? `: ${f.waitingMessage}` : ''}` };
    return null;
  }
  const parts = [`reason=${t.reason ?? '-'}`, `exitCode=${t.exitCode ?? '-'}`];
  if (t.signal !== null) parts.push(`signal=${t.signal}`);
  if (t.startedAt) parts.push(`startedAt=${t.startedAt}`);
  if (t.finishedAt) parts.push(`finishedAt=${t.finishedAt}`);
  const field = t.current ? 'state.terminated' : 'lastState.terminated';
  const msg = t.message ? `; message: ${t.message.split('\n')[0]}` : '';
  return { kind: 'state', text: `${field}: ${parts.join(' ')}${msg}` };
}

/** "ran 3s before it exited; 14 restarts in 52m (about 16/h)". */
export function timingText(f: Facts): string | null {
  const bits: string[] = [];
  if (f.last?.ranForSeconds !== null && f.last?.ranForSeconds !== undefined) bits.push(`the last instance ran ${formatDuration(f.last.ranForSeconds)}`);
  if (f.podAgeSeconds !== null) {
    const r = f.restartsPerHour;
    const rate = r !== null && f.restarts > 0 ? ` (about ${r >= 10 ? `${Math.round(r)}/h` : r >= 0.5 ? `${r.toFixed(1)}/h` : `${(r * 24).toFixed(1)}/day`})` : '';
    bits.push(`${f.restarts} restart${f.restarts === 1 ? '' : 's'} in ${formatDuration(f.podAgeSeconds)} of pod age${rate}`);
  } else if (f.restarts > 0) bits.push(`${f.restarts} restarts`);
  return bits.length ? bits.join('; ') : null;
}

export function timingItem(f: Facts): EvidenceItem | null {
  const t = timingText(f);
  return t ? { kind: 'timing', text: t } : null;
}

/** "after 3s" / "" for summaries. */
export function ranFor(f: Facts): string {
  const s = f.last?.ranForSeconds;
  return s !== null && s !== undefined ? ` after ${formatDuration(s)}` : '';
}

/** Whether the process was killed from outside (SIGKILL/SIGTERM) rather than exiting itself. */
export function killedBySignal(f: Facts): boolean {
  const code = exitCode(f);
  return code === 137 || code === 143 || f.last?.signal === 9 || f.last?.signal === 15;
}

export function compact<T>(items: Array<T | null | undefined | false>): T[] {
  return items.filter((x): x is T => !!x);
}

const HOSTISH = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]|[A-Za-z][\w.-]*)$/i;
const SOURCE_FILE = /\.(?:rs|go|java|kt|scala|py|js|mjs|cjs|ts|rb|cs|php|c|cc|cpp|h|hpp|ex|exs|erl|clj|groovy|swift|lua|pl)$/i;

/** A host:port or host a log line is about (for dependency and port messages); never a source file:line. */
export function targetIn(line: string): string | null {
  const url = /\b[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s"']*@)?(\[[^\]]+\](?::\d+)?|[^/\s"'?#),]+)/i.exec(line);
  if (url?.[1] && !/^\[?REDACTED/.test(url[1])) return url[1];
  const patterns = [
    /(?:lookup|ENOTFOUND|EAI_AGAIN|UnknownHostException:?|translate host name|resolve host:?|server host|host not found in upstream)\s+["'`]?([A-Za-z0-9][\w.-]*[A-Za-z0-9](?::\d{2,5})?)/i,
    /(?:dial tcp|connect(?:ing)? to|ECONNREFUSED|ETIMEDOUT|connection to|server on|on|at)\s+["'`(]?\[?((?:[A-Za-z0-9-]+\.)*[A-Za-z0-9-]+\]?:\d{2,5})\b/i,
    /\b((?:[a-z0-9-]+\.)*[a-z0-9-]+:\d{2,5})\b/gi,
  ];
  for (const re of patterns) {
    if (re.global) {
      for (const m of line.matchAll(re)) {
        const host = m[1]?.replace(/:\d+$/, '') ?? '';
        if (m[1] && HOSTISH.test(host) && !SOURCE_FILE.test(host) && !/^(?:tcp|udp|http|https|line)$/i.test(host)) return m[1];
      }
      continue;
    }
    const m = re.exec(line);
    const host = m?.[1]?.replace(/:\d+$/, '') ?? '';
    if (m?.[1] && HOSTISH.test(host) && !SOURCE_FILE.test(host) && !/^(?:tcp|udp|http|https)$/i.test(host)) return m[1];
  }
  return null;
}

/** Hits of the patterns in the waiting message and in Failed/BackOff event messages (runtime start errors). */
export function startErrorHits(f: Facts, patterns: readonly LogPattern[]): LogHit[] {
  const texts = compact([
    f.waitingMessage ? `state.waiting.reason=${f.waitingReason ?? 'Waiting'}: ${f.waitingMessage}` : null,
    ...f.events.filter((e) => e.category === 'failed' || e.category === 'backoff' || e.category === 'other').map((e) => e.text),
  ]);
  return scanLines(texts, patterns, 'event').map((h) => ({ ...h, fromEnd: 0 }));
}
