import type { LogPattern, PatternFamily } from './types.js';

type Extra = Omit<LogPattern, 'id' | 'family' | 're' | 'strength'>;

/** Build the patterns of one family tersely: `[id, regex, strength, extra?]`, most specific first. */
export function family(name: PatternFamily, rows: Array<[string, RegExp, number, Extra?]>): LogPattern[] {
  return rows.map(([id, re, strength, extra]) => ({ id, family: name, re, strength, ...(extra ?? {}) }));
}
