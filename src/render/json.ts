/**
 * The CLI's JSON (`crashloop diagnose -o json`): one object with the documented fields in a stable
 * order, pretty-printed. Free text from the cluster is redacted again here (redaction is idempotent),
 * so a secret that slipped past collection never reaches a terminal or a pipe.
 */
import type { Diagnosis, RolloutInfo } from '../domain/diagnosis.js';
import { redact } from '../redact.js';

export interface DiagnosisJson {
  pod: string;
  namespace: string;
  container: string;
  initContainer: boolean;
  cause: Diagnosis['cause'];
  detail: Diagnosis['detail'];
  title: string;
  confidence: number;
  summary: string;
  evidence: Array<{ kind: string; text: string }>;
  remedy: { text: string; commands: string[] };
  alternatives: Array<{ cause: string; confidence: number }>;
  rollout: RolloutJson | null;
  facts: Diagnosis['facts'];
  logExcerpt: { container: string; previous: boolean; lines: string[] } | null;
  notes: string[];
  diagnosedAt: string;
}

export type RolloutJson = Omit<RolloutInfo, never>;

/** Clamp to 0..1 and keep two decimals, so consumers can compare without float noise. */
export function roundConfidence(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}

function rolloutJson(r: RolloutInfo): RolloutJson {
  // Documented fields first, then the rest of RolloutInfo, in a fixed order.
  return {
    kind: r.kind,
    name: r.name,
    namespace: r.namespace,
    currentRevision: r.currentRevision,
    previousRevision: r.previousRevision,
    changes: r.changes.map(redact),
    deploymentRevision: r.deploymentRevision,
    currentImages: [...r.currentImages],
    previousImages: [...r.previousImages],
    changedAt: r.changedAt,
    failingOnNewest: r.failingOnNewest,
    previousHealth: { status: r.previousHealth.status, text: redact(r.previousHealth.text) },
    rollbackOffered: r.rollbackOffered,
    paused: r.paused,
  };
}

export function toJsonObject(d: Diagnosis): DiagnosisJson {
  const f = d.facts;
  return {
    pod: d.pod,
    namespace: d.namespace,
    container: d.container,
    initContainer: d.initContainer,
    cause: d.cause,
    detail: d.detail,
    title: redact(d.title),
    confidence: roundConfidence(d.confidence),
    summary: redact(d.summary),
    evidence: d.evidence.map((e) => ({ kind: e.kind, text: redact(e.text) })),
    remedy: { text: redact(d.remedy.text), commands: d.remedy.commands.map(redact) },
    alternatives: d.alternatives.map((a) => ({ cause: a.cause, confidence: roundConfidence(a.confidence) })),
    rollout: d.rollout ? rolloutJson(d.rollout) : null,
    facts: {
      state: f.state,
      exitCode: f.exitCode,
      reason: f.reason,
      signal: f.signal,
      restarts: f.restarts,
      ranForSeconds: f.ranForSeconds,
      lastFinishedAt: f.lastFinishedAt,
      image: f.image,
      node: f.node,
      memoryLimit: f.memoryLimit,
      owner: f.owner,
      podAgeSeconds: f.podAgeSeconds,
    },
    logExcerpt: d.logExcerpt
      ? { container: d.logExcerpt.container, previous: d.logExcerpt.previous, lines: d.logExcerpt.lines.map(redact) }
      : null,
    notes: d.notes.map(redact),
    diagnosedAt: d.diagnosedAt,
  };
}

/** Pretty-printed JSON with a trailing newline. */
export function renderJson(d: Diagnosis): string {
  return `${JSON.stringify(toJsonObject(d), null, 2)}\n`;
}
