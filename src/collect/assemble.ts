import type { CoreV1Event, V1Node, V1Pod } from '@kubernetes/client-node';
import type { CollectNote, Evidence, LogExcerpt, OwnerChain } from '../domain/evidence.js';
import { redact } from '../redact.js';
import { selectFocus } from './select-container.js';

/** Bounds for log excerpts kept in Evidence (the API request asks for the same). */
export const LOG_TAIL_LINES = 120;
export const LOG_LIMIT_BYTES = 64 * 1024;

export interface RawLogs {
  container: string;
  previous: boolean;
  text: string;
}

/** What the collector read, before it is shaped into Evidence. Test fixtures produce the same. */
export interface RawObservation {
  collectedAt: string;
  namespace: string;
  pod: V1Pod;
  requestedContainer?: string;
  events: CoreV1Event[];
  logs: RawLogs[];
  owners: OwnerChain;
  node?: V1Node;
  siblings: V1Pod[];
  notes: CollectNote[];
}

function eventTime(e: CoreV1Event): number {
  const t = e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp;
  return t ? new Date(t as unknown as string).getTime() : 0;
}

/** Redact and bound a log text to its tail. */
export function toExcerpt(raw: RawLogs): LogExcerpt {
  let text = raw.text;
  let truncated = false;
  if (Buffer.byteLength(text, 'utf8') > LOG_LIMIT_BYTES) {
    text = text.slice(-LOG_LIMIT_BYTES);
    truncated = true;
  }
  let lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length > LOG_TAIL_LINES) {
    lines = lines.slice(-LOG_TAIL_LINES);
    truncated = true;
  }
  return { container: raw.container, previous: raw.previous, lines: lines.map(redact), truncated };
}

/** Pure: shape a raw observation into Evidence (focus container, time-ordered events, redacted logs). */
export function assembleEvidence(raw: RawObservation): Evidence {
  const focus = selectFocus(raw.pod, raw.requestedContainer);
  const events = [...raw.events].sort((a, b) => eventTime(a) - eventTime(b));
  const logs = raw.logs
    .map(toExcerpt)
    .sort((a, b) => Number(b.container === focus.name) - Number(a.container === focus.name));
  const podName = raw.pod.metadata?.name;
  return {
    collectedAt: raw.collectedAt,
    namespace: raw.namespace,
    pod: raw.pod,
    focus,
    events,
    logs,
    owners: raw.owners,
    ...(raw.node ? { node: raw.node } : {}),
    siblings: raw.siblings.filter((p) => p.metadata?.name !== podName),
    notes: raw.notes,
  };
}
