import { kubectl } from '../commands.js';
import type { Rule } from '../rule.js';
import { compact, eventItem, eventsOf, exitCode, who } from './support.js';

function resourceOf(text: string): 'memory' | 'ephemeral-storage' | 'disk' | 'pids' | null {
  if (/ephemeral[- ]storage|ephemeral local storage/i.test(text)) return 'ephemeral-storage';
  if (/resource: memory|MemoryPressure|memory/i.test(text)) return 'memory';
  if (/DiskPressure|nodefs|imagefs|disk/i.test(text)) return 'disk';
  if (/PIDPressure|pids/i.test(text)) return 'pids';
  return null;
}

export const evictedRule: Rule = {
  id: 'evicted',
  title: 'Evicted for node pressure',
  match(_evidence, f) {
    const events = eventsOf(f, 'evicted');
    const podEvicted = f.podReason === 'Evicted';
    const pressure = f.node.pressure;
    const code = exitCode(f);
    const killedOutside = code === 137 && f.last?.reason !== 'OOMKilled';
    let confidence = 0;
    const rejected = f.podReason !== null && /^Out[Oo]f\w+$/.test(f.podReason);
    if (podEvicted) confidence = 0.96;
    else if (rejected) confidence = 0.8;
    else if (events.length > 0) confidence = 0.88;
    else if (pressure.length > 0 && (killedOutside || f.siblings.evicted > 0)) confidence = 0.6;
    else if (f.siblings.evicted > 0 && killedOutside) confidence = 0.45;
    if (confidence === 0) return null;
    const text = [f.podMessage ?? '', ...events.map((e) => e.message), pressure.join(' ')].join('\n');
    const resource = resourceOf(text);
    const k = kubectl(f);
    const storage = resource === 'ephemeral-storage' || resource === 'disk';
    return {
      confidence,
      title: `${f.podName} was evicted${resource ? ` (${resource})` : ''}`,
      summary:
        `The kubelet evicted the pod${f.nodeName ? ` from node ${f.nodeName}` : ''}${resource ? ` to reclaim ${resource}` : ''}: this is node-level pressure, not a crash of ${who(f)}. ` +
        (storage
          ? 'Bound what the pod writes to its filesystem (logs, temp files) and set ephemeral-storage requests/limits.'
          : 'Set memory requests close to real usage so the scheduler stops over-packing the node, or add capacity.'),
      evidence: compact([
        podEvicted ? { kind: 'state' as const, text: `status.reason=Evicted${f.podMessage ? `: ${f.podMessage}` : ''}` } : null,
        eventItem(events),
        ...f.node.conditions
          .filter((c) => pressure.includes(c.type))
          .map((c) => ({ kind: 'node' as const, text: `node ${f.node.name ?? ''} ${c.type}=True${c.message ? `: ${c.message}` : ''}` })),
        f.siblings.evicted > 0 ? { kind: 'siblings' as const, text: `${f.siblings.evicted} other pod(s) of the workload were evicted too` } : null,
      ]),
      remedy: {
        text: storage
          ? 'Give the container an ephemeral-storage request and limit that covers what it writes (or an emptyDir with sizeLimit), and log to stdout rather than files; clean up the evicted pods.'
          : 'Raise the memory request to the observed usage (requests drive scheduling), spread replicas or add node capacity; clean up the evicted pods.',
        commands: compact([
          k.describeNode(),
          `kubectl -n ${f.namespace} get pods --field-selector=status.phase=Failed`,
          k.workloadRef
            ? storage
              ? `kubectl -n ${f.namespace} set resources ${k.workloadRef} -c ${f.container} --requests=ephemeral-storage=1Gi --limits=ephemeral-storage=2Gi`
              : `kubectl -n ${f.namespace} set resources ${k.workloadRef} -c ${f.container} --requests=memory=<observed usage>`
            : null,
          `kubectl -n ${f.namespace} delete pod ${f.podName}`,
        ]),
      },
    };
  },
};
