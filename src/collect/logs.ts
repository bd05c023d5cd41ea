/**
 * The focus container's logs, bounded: its previous (crashed) instance when it has restarted,
 * falling back to the current instance with a note when the API has no previous one; the current
 * log when it never restarted; nothing (with a note) when it never started.
 */
import type { V1Pod } from '@kubernetes/client-node';
import type { CollectNote, ContainerFocus } from '../domain/evidence.js';
import { statusOf } from '../kube/api-error.js';
import type { KubeClients } from '../kube/clients.js';
import { LOG_LIMIT_BYTES, LOG_TAIL_LINES, type RawLogs } from './assemble.js';
import { read, type ReadContext } from './read.js';

/** What a log request may return: room for the tail the excerpt keeps (LOG_LIMIT_BYTES) and then some. */
export const REQUEST_LIMIT_BYTES = 4 * LOG_LIMIT_BYTES;

export interface LogRead {
  logs: RawLogs[];
  notes: CollectNote[];
}

/**
 * What the focus container's status says about its logs (pure; the scenario loader uses it too):
 * whether it started, whether it restarted (so a previous instance should exist), and the notes
 * said when it has no logs or no previous instance.
 */
export function focusLogState(pod: V1Pod, focus: ContainerFocus) {
  const statuses = focus.init ? pod.status?.initContainerStatuses : pod.status?.containerStatuses;
  const st = statuses?.find((s) => s.name === focus.name);
  const restarted = (st?.restartCount ?? 0) > 0 || Boolean(st?.lastState?.terminated);
  const started = restarted || Boolean(st?.state?.running || st?.state?.terminated);
  const label = `${focus.init ? 'init container' : 'container'} "${focus.name}"`;
  const why = st?.state?.waiting?.reason ? ` (${st.state.waiting.reason})` : '';
  const notStarted: CollectNote = { source: 'logs', kind: 'info', message: `The ${label} has not started yet${why}, so it has no logs.` };
  const noPrevious: CollectNote = {
    source: 'logs',
    kind: 'info',
    message: `The ${label} has no previous instance the API can return logs for; showing its current logs instead.`,
  };
  return { started, restarted, label, notStarted, noPrevious };
}

export async function readFocusLogs(clients: KubeClients, ctx: ReadContext, pod: V1Pod, focus: ContainerFocus): Promise<LogRead> {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? '';
  const c = focus.name;
  const { started, restarted, label, notStarted, noPrevious: note } = focusLogState(pod, focus);

  if (!started) return { logs: [], notes: [notStarted] };
  const what = (previous: boolean) => `the ${previous ? 'previous ' : ''}logs of the ${label}`;
  const call = (previous: boolean, tailLines: number) =>
    read(ctx, 'logs', what(previous), 'the diagnosis is made without them', (o) =>
      clients.core.readNamespacedPodLog({ name, namespace, container: c, previous, tailLines, limitBytes: REQUEST_LIMIT_BYTES }, o),
    );
  // The API applies limitBytes to the START of the tail, so very long lines would cut off the last
  // lines, where the crash is. When the answer hits the limit, ask again for fewer lines.
  const fetch = async (previous: boolean) => {
    const first = await call(previous, LOG_TAIL_LINES);
    if (!first.ok || Buffer.byteLength(first.value, 'utf8') < REQUEST_LIMIT_BYTES) return first;
    const lines = Math.max(1, first.value.split('\n').length - 1);
    const fewer = Math.max(1, Math.floor((LOG_LIMIT_BYTES * lines) / REQUEST_LIMIT_BYTES));
    const second = await call(previous, fewer);
    return second.ok ? second : first;
  };

  if (!restarted) {
    const cur = await fetch(false);
    return cur.ok ? { logs: [{ container: c, previous: false, text: cur.value }], notes: [] } : { logs: [], notes: [cur.note] };
  }
  const prev = await fetch(true);
  if (prev.ok) return { logs: [{ container: c, previous: true, text: prev.value }], notes: [] };
  // 400: the runtime no longer has the previous instance (it was garbage-collected or the node changed).
  if (statusOf(prev.error) !== 400) return { logs: [], notes: [prev.note] };
  const cur = await fetch(false);
  return cur.ok ? { logs: [{ container: c, previous: false, text: cur.value }], notes: [note] } : { logs: [], notes: [note, cur.note] };
}
