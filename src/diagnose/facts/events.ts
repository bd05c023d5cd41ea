import type { CoreV1Event } from '@kubernetes/client-node';
import { toIso } from '../time.js';

export type EventCategory =
  | 'liveness-failed'
  | 'readiness-failed'
  | 'startup-failed'
  | 'probe-kill'
  | 'killing'
  | 'backoff'
  | 'failed-mount'
  | 'config-not-found'
  | 'pull-failed'
  | 'evicted'
  | 'oom'
  | 'preempted'
  | 'node'
  | 'failed'
  | 'other';

export interface EventFact {
  type: string;
  reason: string;
  message: string;
  count: number;
  category: EventCategory;
  /** Container named by involvedObject.fieldPath, or null for pod-level events. */
  container: string | null;
  time: string | null;
  /** `Warning Unhealthy (x12): Liveness probe failed: ...` */
  text: string;
}

const CONFIG_NOT_FOUND = /(?:secret|configmap|config map)s? "[^"]+" not found|couldn't find key \S+ in (?:Secret|ConfigMap)|CreateContainerConfigError|(?:secret|configmap) \S+ not found|references non-existent (?:config|secret) key/i;

function categorize(reason: string, message: string): EventCategory {
  const probe = /^(Liveness|Readiness|Startup) probe (?:failed|errored)/i.exec(message);
  if (probe?.[1]) return `${probe[1].toLowerCase()}-failed` as EventCategory;
  if (reason === 'Killing') return /failed (?:liveness|startup) probe/i.test(message) ? 'probe-kill' : 'killing';
  if (reason === 'FailedMount' || reason === 'FailedAttachVolume') return CONFIG_NOT_FOUND.test(message) ? 'config-not-found' : 'failed-mount';
  if (CONFIG_NOT_FOUND.test(message)) return 'config-not-found';
  if (/Back-off pulling image|Failed to pull image|ErrImagePull|ImagePullBackOff|InvalidImageName|ErrImageNeverPull|pull access denied|manifest unknown/i.test(message) || reason === 'ErrImageNeverPull' || reason === 'InspectFailed') return 'pull-failed';
  if (reason === 'BackOff') return 'backoff';
  if (reason === 'Evicted' || /The node (?:was|had) (?:low on resource|condition)|ephemeral local storage usage exceeds|exceeds its local ephemeral storage limit|evicted/i.test(message)) return 'evicted';
  if (reason === 'OOMKilling' || reason === 'SystemOOM' || /Memory cgroup out of memory|Out of memory: Kill|System OOM encountered/i.test(message)) return 'oom';
  if (/preempt/i.test(reason) || /preempt/i.test(message)) return 'preempted';
  if (/^(?:NodeNotReady|NodeShutdown|TaintManagerEviction|Rebooted|NodeAffinity|Shutdown)$/.test(reason)) return 'node';
  if (reason === 'Failed' || reason === 'FailedCreatePodContainer' || reason === 'FailedPostStartHook' || reason === 'FailedPreStopHook') return 'failed';
  return 'other';
}

function containerOf(e: CoreV1Event): string | null {
  const m = /spec\.(?:initContainers|containers|ephemeralContainers)\{([^}]+)\}/.exec(e.involvedObject?.fieldPath ?? '');
  return m?.[1] ?? null;
}

/** Classify the events about `container` or the pod as a whole (oldest first, as collected). */
export function classifyEvents(events: readonly CoreV1Event[], container: string): EventFact[] {
  const out: EventFact[] = [];
  for (const e of events) {
    const c = containerOf(e);
    if (c !== null && c !== container) continue;
    const reason = e.reason ?? '';
    const message = (e.message ?? '').trim();
    const count = e.count ?? e.series?.count ?? 1;
    const type = e.type ?? 'Normal';
    out.push({
      type,
      reason,
      message,
      count,
      category: categorize(reason, message),
      container: c,
      time: toIso(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp),
      text: `${type} ${reason}${count > 1 ? ` (x${count})` : ''}: ${message}`,
    });
  }
  return out;
}

/** Total occurrences of events in the categories. */
export function countEvents(events: readonly EventFact[], ...categories: EventCategory[]): number {
  return events.filter((e) => categories.includes(e.category)).reduce((n, e) => n + e.count, 0);
}
