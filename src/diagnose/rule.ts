import type { CauseId, DependencyFailure } from '../domain/cause-id.js';
import type { EvidenceItem, Remedy } from '../domain/diagnosis.js';
import type { Evidence } from '../domain/evidence.js';
import type { Facts } from './facts.js';

/** What a rule found: how sure it is and the facts it rests on. */
export interface Finding {
  /** 0..1 */
  confidence: number;
  /** Headline for people, e.g. "api is being OOM-killed". */
  title: string;
  summary: string;
  evidence: EvidenceItem[];
  remedy: Remedy;
  detail?: DependencyFailure;
  /** The decisive log line (as it appears in the focus log), so the excerpt can centre on it. */
  anchor?: string;
}

/** One cause, one file: `rules/<cause-id>.ts`. Pure: no I/O, no clock (use facts.now). */
export interface Rule {
  id: CauseId;
  title: string;
  match(evidence: Evidence, facts: Facts): Finding | null;
}
