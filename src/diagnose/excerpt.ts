/** The log lines to show: the last meaningful lines of the focus container, centred on the decisive one. */
import type { Diagnosis } from '../domain/diagnosis.js';
import type { Facts } from './facts.js';
import { isBlank } from './log-patterns/index.js';
import { redact } from '../redact.js';

const BEFORE = 12;
const AFTER = 6;
const TAIL = 15;
const MAX_LINE = 400;

export function logExcerpt(f: Facts, anchor: string | undefined): Diagnosis['logExcerpt'] {
  if (f.logs.source === 'none') return null;
  const lines = f.logs.lines.filter((l) => !isBlank(l));
  if (lines.length === 0) return null;
  let start = Math.max(0, lines.length - TAIL);
  let end = lines.length;
  if (anchor) {
    const wanted = anchor.trim();
    let at = -1;
    for (let i = lines.length - 1; i >= 0; i--) {
      if (lines[i]?.trim() === wanted) {
        at = i;
        break;
      }
    }
    if (at >= 0) {
      start = Math.max(0, at - BEFORE);
      end = Math.min(lines.length, at + AFTER + 1);
    }
  }
  const shown = lines.slice(start, end).map((l) => {
    const r = redact(l.replace(/\s+$/, ''));
    return r.length > MAX_LINE ? `${r.slice(0, MAX_LINE - 1)}…` : r;
  });
  return { container: f.container, previous: f.logs.source === 'previous', lines: shown };
}
