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

export interface LogRead {
  logs: RawLogs[];
  notes: CollectNote[];
}

export async function readFocusLogs(clients: KubeClients, ctx: ReadContext, pod: V1Pod, focus: ContainerFocus): Promise<LogRead> {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? '';
  const c = focus.name;
  const statuses = focus.init ? pod.status?.initContainerStatuses : pod.status?.containerStatuses;
  const st = statuses?.find((s) => s.name === c);
  const restarted = (st?.restartCount ?? 0) > 0 || Boolean(st?.lastState?.terminated);
  const started = restarted || Boolean(st?.state?.running || st?.state?.terminated);
  const label = `${focus.init ? 'init container' : 'container'} "${c}"`;

  if (!started) {
    const why = st?.state?.waiting?.reason ? ` (${st.state.waiting.reason})` : '';
    return { logs: [], notes: [{ source: 'logs', kind: 'info', message: `The ${label} has not started yet${why}, so it has no logs.` }] };
  }
  const fetch = (previous: boolean) =>
    read(ctx, 'logs', `the ${previous ? 'previous ' : ''}logs of the ${label}`, 'the diagnosis is made without them', (o) =>
      clients.core.readNamespacedPodLog({ name, namespace, container: c, previous, tailLines: LOG_TAIL_LINES, limitBytes: LOG_LIMIT_BYTES }, o),
    );

  if (!restarted) {
    const cur = await fetch(false);
    return cur.ok ? { logs: [{ container: c, previous: false, text: cur.value }], notes: [] } : { logs: [], notes: [cur.note] };
  }
  const prev = await fetch(true);
  if (prev.ok) return { logs: [{ container: c, previous: true, text: prev.value }], notes: [] };
  // 400: the runtime no longer has the previous instance (it was garbage-collected or the node changed).
  if (statusOf(prev.error) !== 400) return { logs: [], notes: [prev.note] };
  const note: CollectNote = {
    source: 'logs',
    kind: 'info',
    message: `The ${label} has no previous instance the API can return logs for; showing its current logs instead.`,
  };
  const cur = await fetch(false);
  return cur.ok ? { logs: [{ container: c, previous: false, text: cur.value }], notes: [note] } : { logs: [], notes: [note, cur.note] };
}
