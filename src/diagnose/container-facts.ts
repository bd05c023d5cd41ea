/** The key facts about the focus container for the message's fields (Diagnosis.facts). */
import type { ContainerFacts } from '../domain/diagnosis.js';
import type { Facts } from './facts.js';

function stateOf(f: Facts): string {
  if (f.podReason === 'Evicted') return 'Evicted';
  const prefix = f.init && !f.sidecar ? 'Init:' : '';
  if (f.waitingReason) return `${prefix}${f.waitingReason}`;
  if (f.stateName === 'running') return `${prefix}Running`;
  if (f.stateName === 'terminated') return `${prefix}${f.status?.state?.terminated?.reason ?? 'Terminated'}`;
  return f.podPhase ?? 'Unknown';
}

export function containerFacts(f: Facts): ContainerFacts {
  return {
    state: stateOf(f),
    exitCode: f.last?.exitCode ?? null,
    reason: f.last?.reason ?? null,
    signal: f.last?.signal ?? null,
    restarts: f.restarts,
    ranForSeconds: f.last?.ranForSeconds ?? null,
    lastFinishedAt: f.last?.finishedAt ?? null,
    image: f.image,
    node: f.nodeName,
    memoryLimit: f.memoryLimit,
    owner: f.workload ? `${f.workload.kind}/${f.workload.name}` : null,
    podAgeSeconds: f.podAgeSeconds === null ? null : Math.round(f.podAgeSeconds),
  };
}
