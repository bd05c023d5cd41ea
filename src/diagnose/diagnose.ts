/**
 * Evidence -> Diagnosis. Runs every rule, ranks findings by confidence (ties by rule order), falls back
 * to `unknown` below a threshold, and adds rollout analysis, facts, a log excerpt and notes. Pure and
 * deterministic: the only clock is Evidence.collectedAt.
 */
import type { Alternative, Diagnosis, EvidenceItem, RolloutInfo } from '../domain/diagnosis.js';
import type { Evidence } from '../domain/evidence.js';
import { redact } from '../redact.js';
import { containerFacts } from './container-facts.js';
import { logExcerpt } from './excerpt.js';
import { deriveFacts, type Facts } from './facts.js';
import { kubectl } from './commands.js';
import { analyseRollout, rolloutSentence } from './rollout.js';
import { formatDuration } from './time.js';
import type { Finding, Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { unknownRule } from './rules/unknown.js';

/** Below this confidence the diagnosis says `unknown` (the best guesses stay as alternatives). */
export const UNKNOWN_THRESHOLD = 0.3;
/** Alternatives shown at or above this confidence, at most MAX_ALTERNATIVES. */
const ALTERNATIVE_MIN = 0.2;
const MAX_ALTERNATIVES = 4;

interface Ranked {
  rule: Rule;
  order: number;
  finding: Finding;
}

function runRules(evidence: Evidence, facts: Facts, notes: string[]): Ranked[] {
  const ranked: Ranked[] = [];
  RULES.forEach((rule, order) => {
    try {
      const finding = rule.match(evidence, facts);
      if (finding) ranked.push({ rule, order, finding });
    } catch (err) {
      notes.push(`rule ${rule.id} could not be evaluated: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return ranked.sort((a, b) => b.finding.confidence - a.finding.confidence || a.order - b.order);
}

/** A rollback is the first move only when the new revision is the likely cause and the old one was not failing. */
function rollbackLikelyHelps(r: RolloutInfo): boolean {
  const restartOnly = r.changes.length > 0 && r.changes.every((c) => c.startsWith('rollout restart'));
  return !r.ranBeforeCrashing && r.previousHealth.status !== 'failing' && !restartOnly;
}

function isFailing(f: Facts): boolean {
  return f.restarts > 0 || f.waitingReason !== null || f.podReason === 'Evicted' || (f.last !== null && f.last.exitCode !== 0);
}

function contextItems(f: Facts): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  const s = f.siblings;
  if (s.total > 0) {
    items.push({
      kind: 'siblings',
      text:
        s.crashing > 0
          ? `${s.crashing} of ${s.total} other pod(s) of the workload are failing too${s.crashingNodes.length ? ` (nodes: ${s.crashingNodes.join(', ')})` : ''}`
          : `the ${s.total} other pod(s) of the workload are not failing${f.nodeName ? `: only this pod on ${f.nodeName}` : ''}`,
    });
  }
  const healthyOthers = f.others.filter((o) => !o.init || o.sidecar).filter((o) => o.ready && o.restarts === 0);
  if ((f.sidecar || (!f.init && f.others.some((o) => !o.init))) && healthyOthers.length > 0) {
    items.push({ kind: 'state', text: `container(s) ${healthyOthers.map((o) => o.name).join(', ')} are running and ready; ${f.container} is the one failing` });
  }
  if (f.node.pressure.length) items.push({ kind: 'node', text: `node ${f.node.name ?? '?'} reports ${f.node.pressure.join(', ')}` });
  if (f.node.ready === false) items.push({ kind: 'node', text: `node ${f.node.name ?? '?'} is NotReady` });
  return items;
}

/** "Restarted 14 times in 52m." (+ a note when runs last long: the fault strikes late, not at startup). */
function timingSentence(f: Facts): string | null {
  if (f.restarts === 0 || f.podAgeSeconds === null || f.podReason === 'Evicted') return null;
  const ran = f.last?.ranForSeconds;
  const late = ran !== null && ran !== undefined && ran >= 600 ? ` Each run lasts a while (the last ${formatDuration(ran)}): the fault strikes late, not at startup.` : '';
  return `Restarted ${f.restarts} time${f.restarts === 1 ? '' : 's'} in ${formatDuration(f.podAgeSeconds)}.${late}`;
}

/** "Container web keeps running." when the failing one sits beside healthy containers. */
function sidecarSentence(f: Facts): string | null {
  const healthy = f.others.filter((o) => (!o.init || o.sidecar) && o.ready && o.restarts === 0).map((o) => o.name);
  if (healthy.length === 0 || (f.init && !f.sidecar)) return null;
  return `${healthy.length === 1 ? 'Container' : 'Containers'} ${healthy.join(', ')} ${healthy.length === 1 ? 'keeps' : 'keep'} running; only ${f.container} fails.`;
}

function notesOf(evidence: Evidence, f: Facts, extra: string[]): string[] {
  const notes = evidence.notes.map((n) => n.message);
  // Say which instance the log comes from, unless the collector already did.
  if (!evidence.notes.some((n) => n.source === 'logs')) {
    if (f.logs.source === 'current' && f.logs.previousMissing) notes.push('previous logs were not available; showing the current instance');
    else if (f.logs.source === 'current' && f.logs.previousEmpty) notes.push('the previous instance logged nothing; showing the current instance');
    else if (f.logs.source === 'previous' && f.logs.meaningful === 0) notes.push('the previous instance logged nothing before it died');
  }
  if (f.logs.truncated) notes.push('older log lines were cut off; only the tail was read');
  return [...new Set([...notes, ...extra].map(redact))];
}

export function diagnose(evidence: Evidence): Diagnosis {
  const facts = deriveFacts(evidence);
  const extraNotes: string[] = [];
  const ranked = runRules(evidence, facts, extraNotes);
  const unknown = ranked.find((r) => r.rule.id === 'unknown') ?? { rule: unknownRule, order: RULES.length, finding: unknownRule.match(evidence, facts) as Finding };
  const chosen = ranked.find((r) => r.rule.id !== 'unknown' && r.finding.confidence >= UNKNOWN_THRESHOLD) ?? unknown;
  const alternatives: Alternative[] = ranked
    .filter((r) => r !== chosen && r.rule.id !== 'unknown' && r.finding.confidence >= ALTERNATIVE_MIN)
    .slice(0, MAX_ALTERNATIVES)
    .map((r) => ({ cause: r.rule.id, confidence: r.finding.confidence }));

  const rollout = analyseRollout(evidence, { failing: isFailing(facts), restarts: facts.restarts, ranForSeconds: facts.last?.ranForSeconds ?? null, now: facts.now });
  const finding = chosen.finding;
  const evidenceItems: EvidenceItem[] = [...finding.evidence, ...contextItems(facts)];
  const sentence = rollout ? rolloutSentence(rollout) : null;
  const context = [timingSentence(facts), sidecarSentence(facts)].filter(Boolean).join(' ');
  if (rollout && sentence) evidenceItems.push({ kind: 'rollout', text: sentence });
  const commands = [...finding.remedy.commands];
  let remedyText = finding.remedy.text;
  if (rollout?.rollbackOffered) {
    const k = kubectl(facts);
    const undo = [k.rolloutUndo(rollout.previousRevision), k.rolloutStatus()];
    if (rollbackLikelyHelps(rollout)) {
      commands.unshift(...undo);
      remedyText = `Fastest mitigation: roll back ${rollout.name} to revision ${rollout.previousRevision}. Then: ${remedyText}`;
    } else {
      commands.push(...undo);
      remedyText = `${remedyText} A rollback to revision ${rollout.previousRevision} is available, but the rollout is probably not the cause.`;
    }
  }
  if (rollout?.paused) extraNotes.push(`Deployment ${rollout.name} is paused (spec.paused=true); a rollout will not progress until it is resumed`);

  return {
    pod: facts.podName,
    namespace: evidence.namespace,
    container: facts.container,
    initContainer: facts.init,
    cause: chosen.rule.id,
    detail: chosen.rule.id === 'dependency-unavailable' ? (finding.detail ?? null) : null,
    title: redact(finding.title),
    confidence: finding.confidence,
    summary: redact([finding.summary, context, sentence].filter(Boolean).join(' ')),
    evidence: uniqueByText(evidenceItems).map((e) => ({ kind: e.kind, text: redact(e.text) })),
    remedy: { text: redact(remedyText), commands: [...new Set(commands)] },
    alternatives,
    rollout,
    facts: containerFacts(facts),
    logExcerpt: logExcerpt(facts, finding.anchor),
    notes: notesOf(evidence, facts, extraNotes),
    diagnosedAt: evidence.collectedAt,
  };
}

/** Rules and context can quote the same field twice; show each fact once, first mention first. */
function uniqueByText(items: EvidenceItem[]): EvidenceItem[] {
  const seen = new Set<string>();
  return items.filter((e) => !seen.has(e.text) && (seen.add(e.text), true));
}
