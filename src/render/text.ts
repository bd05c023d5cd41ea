/**
 * The diagnosis for people in a terminal: cause first, then facts, evidence, logs, remedy, rollout
 * and notes. ANSI colour only when asked. Cluster text is redacted and stripped of control
 * characters, so a log line cannot move the cursor or recolour the terminal.
 */
import type { Diagnosis } from '../domain/diagnosis.js';
import { redact } from '../redact.js';
import {
  confidenceLabel,
  lastExit,
  ownerWithRevision,
  percent,
  plural,
  ranFor,
  restarts,
  revisionLabel,
} from './format.js';

export interface TextOptions {
  color: boolean;
}

type Paint = (s: string) => string;
interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  yellow: Paint;
  green: Paint;
  cyan: Paint;
}

const sgr = (open: number, close: number): Paint => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
const COLOR: Palette = { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), cyan: sgr(36, 39) };
const id: Paint = (s) => s;
const NO_COLOR: Palette = { bold: id, dim: id, red: id, yellow: id, green: id, cyan: id };

/** Cluster text for a terminal: redacted, no control characters (ESC, CR, backspace, C1). */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return redact(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');
}

const INDENT = '  ';

export function renderText(d: Diagnosis, options: TextOptions = { color: false }): string {
  const p = options.color ? COLOR : NO_COLOR;
  const t = terminalSafe;
  const out: string[] = [];
  const heading = (s: string, aside = '') => {
    out.push('', p.bold(s) + (aside ? ` ${p.dim(aside)}` : ''));
  };
  const level = confidenceLabel(d.confidence);
  const confColour = level === 'high' ? p.green : level === 'medium' ? p.yellow : p.dim;

  out.push(p.bold(p.red(t(d.title))));
  const where = `${t(d.namespace)}/${t(d.pod)} · ${d.initContainer ? 'init container' : 'container'} ${t(d.container)} · ${t(d.facts.state)}`;
  out.push(INDENT + where);
  const detail = d.detail ? ` (${d.detail})` : '';
  out.push(`${INDENT}cause: ${p.cyan(d.cause + detail)} · confidence ${confColour(`${percent(d.confidence)} (${level})`)}`);
  if (d.summary) out.push('', ...wrapLines(t(d.summary)).map((l) => INDENT + l));

  heading('Facts');
  const facts: Array<[string, string | null]> = [
    ['Container', `${t(d.container)}${d.initContainer ? ' (init)' : ''}`],
    ['State', t(d.facts.state)],
    ['Last exit', nullable(lastExit(d.facts), t)],
    ['Restarts', restarts(d.facts)],
    ['Ran for', ranFor(d.facts)],
    ['Node', nullable(d.facts.node, t)],
    ['Owner', nullable(ownerWithRevision(d), t)],
    ['Image', nullable(d.facts.image, t)],
    ['Memory limit', nullable(d.facts.memoryLimit, t)],
  ];
  const shown = facts.filter((f): f is [string, string] => f[1] !== null);
  const width = Math.max(...shown.map(([k]) => k.length));
  for (const [k, v] of shown) out.push(`${INDENT}${p.dim(k.padEnd(width))}  ${v}`);

  if (d.evidence.length) {
    heading('Evidence');
    for (const e of d.evidence) out.push(`${INDENT}• ${p.dim(`[${e.kind}]`)} ${t(e.text)}`);
  }

  if (d.logExcerpt && d.logExcerpt.lines.length) {
    const lx = d.logExcerpt;
    heading('Log excerpt', `(${lx.previous ? 'previous instance' : 'current instance'} of ${t(lx.container)}, last ${plural(lx.lines.length, 'line')})`);
    for (const line of lx.lines) out.push(`${INDENT}${p.dim('│')} ${t(line)}`);
  }

  heading('Remedy');
  out.push(...wrapLines(t(d.remedy.text)).map((l) => INDENT + l));
  for (const c of d.remedy.commands) out.push(`${INDENT}${p.dim('$')} ${p.bold(t(c))}`);

  if (d.rollout) {
    const r = d.rollout;
    heading('Rollout');
    const cur = t(revisionLabel(r.currentRevision, r.currentImages));
    if (r.previousRevision === null) out.push(`${INDENT}Deployment ${t(r.namespace)}/${t(r.name)} is at ${cur}; no older revision to go back to`);
    else out.push(`${INDENT}Deployment ${t(r.namespace)}/${t(r.name)} went from revision ${r.previousRevision} to ${cur}${r.changedAt ? ` at ${t(r.changedAt)}` : ''}`);
    if (!r.failingOnNewest) out.push(`${INDENT}the failing pods are not on the newest revision (the Deployment is at ${r.deploymentRevision})`);
    for (const c of r.changes) out.push(`${INDENT}${INDENT}- ${t(c)}`);
    if (r.previousRevision !== null) {
      out.push(`${INDENT}before it, ${t(revisionLabel(r.previousRevision, r.previousImages))}: ${r.previousHealth.status}, ${t(r.previousHealth.text)}`);
    }
    if (r.paused) out.push(`${INDENT}${p.yellow('the rollout is paused')}`);
    const undoShown = d.remedy.commands.some((c) => c.includes('rollout undo'));
    if (r.rollbackOffered && r.previousRevision !== null && !undoShown) {
      out.push(`${INDENT}${p.dim('$')} ${p.bold(`kubectl -n ${t(r.namespace)} rollout undo deployment/${t(r.name)} --to-revision=${r.previousRevision}`)}`);
    }
  }

  if (d.alternatives.length) {
    heading('Also possible');
    for (const a of d.alternatives) out.push(`${INDENT}${a.cause} ${p.dim(percent(a.confidence))}`);
  }

  if (d.notes.length) {
    heading('Notes');
    for (const n of d.notes) out.push(`${INDENT}${p.yellow('!')} ${t(n)}`);
  }

  out.push('', p.dim(`diagnosed at ${t(d.diagnosedAt)}`));
  return `${out.join('\n')}\n`;
}

function nullable(v: string | null, f: (s: string) => string): string | null {
  return v === null ? null : f(v);
}

/** Wrap prose at ~100 columns on spaces; keeps existing line breaks. */
function wrapLines(text: string, width = 100): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

