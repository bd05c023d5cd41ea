import type { LogHit, LogPattern, PatternFamily } from './types.js';

const QUIET_TOKEN = /\b(?:INFO|DEBUG|TRACE|NOTICE|VERBOSE|DBG|INF|DBUG|Info|Debug|Trace)\b|^I\d{4}\s/;
const QUIET_FIELD = /level=(?:info|debug|trace)\b|"(?:level|severity|lvl)"\s*:\s*"(?:info|debug|trace|notice)"|\[(?:info|debug|trace|notice)\]|^(?:info|debug|trace)(?=[:\s])|(?:^|\s)(?:info|notice|debug):\s/i;
const LOUD_TOKEN = /\b(?:WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT|SEVERE|PANIC|EMERG|ALERT|FAIL|EROR|FTL|WRN|Warning|Error|Fatal)\b|^[WEF]\d{4}\s/;
const LOUD_FIELD = /level=(?:warn|warning|error|fatal|panic|critical)\b|"(?:level|severity|lvl)"\s*:\s*"(?:warn|warning|error|fatal|panic|critical|emergency|alert)"|\[(?:warn|warning|error|fatal|crit|emerg|alert)\]|^(?:warn|error|fatal)(?=[:\s])/i;

function firstIndex(text: string, ...res: RegExp[]): number {
  let best = -1;
  for (const re of res) {
    const m = re.exec(text);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}

/**
 * True when the line is logged at INFO/DEBUG/TRACE level (a level token or field in its first ~48
 * characters and no louder level before it). Such lines never count as errors, whatever words they contain.
 */
export function isQuietLine(line: string): boolean {
  const head = line.slice(0, 48);
  const quiet = firstIndex(head, QUIET_TOKEN, QUIET_FIELD);
  if (quiet < 0) return false;
  const loud = firstIndex(head, LOUD_TOKEN, LOUD_FIELD);
  return loud < 0 || loud > quiet;
}

/** Families whose lines matter even at INFO level ("info: waiting for db: connection refused"). */
const SPEAKS_ON_INFO = new Set<PatternFamily>(['dependency', 'shutdown']);

/** A line that carries nothing: blank or only punctuation. */
export function isBlank(line: string): boolean {
  return !/[A-Za-z0-9]/.test(line);
}

/**
 * Scan lines with the patterns; within one family only the first matching pattern of a line counts
 * (families list their patterns most specific first).
 */
export function scanLines(lines: readonly string[], patterns: readonly LogPattern[], source: LogHit['source'] = 'log'): LogHit[] {
  const hits: LogHit[] = [];
  lines.forEach((raw, index) => {
    const line = raw.length > 2000 ? raw.slice(0, 2000) : raw;
    if (isBlank(line)) return;
    const quiet = isQuietLine(line);
    const seen = new Set<PatternFamily>();
    for (const pattern of patterns) {
      if (seen.has(pattern.family)) continue;
      if (quiet && (pattern.notOnInfo ?? !SPEAKS_ON_INFO.has(pattern.family))) continue;
      const m = pattern.re.exec(line);
      if (!m) continue;
      seen.add(pattern.family);
      const hit: LogHit = {
        pattern,
        family: pattern.family,
        line: raw.trim(),
        index: source === 'log' ? index : -1,
        source,
        fromEnd: lines.length - 1 - index,
      };
      if (m[1]) hit.capture = m[1];
      hits.push(hit);
    }
  });
  return hits;
}
