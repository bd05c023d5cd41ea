/**
 * Pure scoring of diagnoses against expected.json: top-1 / top-3 cause accuracy, detail accuracy for
 * dependency-unavailable, focus-container accuracy, and the misses. Also renders the terminal table.
 */
import type { CauseId, DependencyFailure } from '../src/domain/cause-id.js';

export interface ExpectedOutcome {
  cause: CauseId;
  detail?: DependencyFailure;
  container: string;
  initContainer: boolean;
}

/** What one diagnosis said (or that diagnose threw). */
export interface Outcome {
  cause: CauseId | null;
  detail: DependencyFailure | null;
  confidence: number | null;
  /** Alternatives, ranked as the diagnosis lists them (highest confidence first). */
  alternatives: CauseId[];
  container: string | null;
  initContainer: boolean | null;
  error?: string;
}

export interface ScoredCase {
  id: string;
  expected: ExpectedOutcome;
  got: Outcome;
  top1: boolean;
  top3: boolean;
  /** null when the case has no expected detail. */
  detailOk: boolean | null;
  focusOk: boolean;
}

export interface Ratio {
  hit: number;
  of: number;
}

export interface SetScore {
  name: string;
  root: string;
  cases: number;
  top1: Ratio;
  top3: Ratio;
  detail: Ratio;
  container: Ratio;
  errors: number;
  misses: { id: string; expected: string; got: string; top3: boolean }[];
}

export function scoreCase(id: string, expected: ExpectedOutcome, got: Outcome): ScoredCase {
  const ranked = got.cause ? [got.cause, ...got.alternatives.filter((c) => c !== got.cause)] : [];
  return {
    id,
    expected,
    got,
    top1: got.cause === expected.cause,
    top3: ranked.slice(0, 3).includes(expected.cause),
    detailOk: expected.detail ? got.cause === 'dependency-unavailable' && got.detail === expected.detail : null,
    focusOk: got.container === expected.container && got.initContainer === expected.initContainer,
  };
}

const label = (cause: string | null, detail?: string | null): string => (cause ? (detail ? `${cause}/${detail}` : cause) : '-');

export function scoreSet(name: string, root: string, cases: ScoredCase[]): SetScore {
  const count = (pred: (c: ScoredCase) => boolean): number => cases.filter(pred).length;
  const withDetail = cases.filter((c) => c.detailOk !== null);
  return {
    name,
    root,
    cases: cases.length,
    top1: { hit: count((c) => c.top1), of: cases.length },
    top3: { hit: count((c) => c.top3), of: cases.length },
    detail: { hit: withDetail.filter((c) => c.detailOk).length, of: withDetail.length },
    container: { hit: count((c) => c.focusOk), of: cases.length },
    errors: count((c) => c.got.error !== undefined),
    misses: cases
      .filter((c) => !c.top1 || c.detailOk === false)
      .map((c) => ({
        id: c.id,
        expected: label(c.expected.cause, c.expected.detail),
        got: c.got.error
          ? `error: ${c.got.error}`
          : `${label(c.got.cause, c.got.detail)} (${(c.got.confidence ?? 0).toFixed(2)})` +
            (c.got.alternatives.length ? `; alt ${c.got.alternatives.slice(0, 2).join(', ')}` : ''),
        top3: c.top3,
      })),
  };
}

export function pct(r: Ratio): string {
  if (r.of === 0) return 'n/a';
  return `${r.hit}/${r.of} ${((100 * r.hit) / r.of).toFixed(1)}%`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}

/** The report printed by `npm run score`. */
export function renderScores(sets: SetScore[]): string {
  const lines = table([
    ['set', 'fixtures', 'n', 'top-1', 'top-3', 'detail (dep.)', 'container', 'errors'],
    ...sets.map((s) => [s.name, s.root, String(s.cases), pct(s.top1), pct(s.top3), pct(s.detail), pct(s.container), String(s.errors)]),
  ]);
  for (const s of sets) {
    lines.push('', `${s.name}: ${s.misses.length === 0 ? 'no misses' : `${s.misses.length} miss${s.misses.length === 1 ? '' : 'es'}`}`);
    if (s.misses.length === 0) continue;
    lines.push(
      ...table([
        ['  scenario', 'expected', 'got', 'in top-3'],
        ...s.misses.map((m) => [`  ${m.id}`, m.expected, m.got, m.top3 ? 'yes' : 'no']),
      ]),
    );
  }
  return lines.join('\n');
}
