/**
 * Sequential round trips from recorded request timings: a request belongs to round n+1 when it
 * started after a request of round n had ended (it waited for that answer). The longest such
 * chain is the number of rounds a diagnosis took.
 */
import type { RecordedRequest } from './kube-api-server.js';

export function sequentialRounds(requests: RecordedRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) if (sorted[j]!.endedAt <= r.startedAt) d = Math.max(d, depth[j]! + 1);
    depth.push(d);
  });
  return Math.max(0, ...depth);
}
