/**
 * Evidence collection, the only stage that reads the cluster. At most 4 sequential round trips
 * (3 in practice) and 10 requests (8 for a Deployment pod), none cluster-wide, never a Secret:
 *   1. the pod; when the name does not look like a generated pod name, the namespace's pods too
 *      (resolving a workload name or prefix, and reused as siblings)
 *   2. its events (field selector on the pod's name, namespace and uid), the focus container's logs,
 *      its controller, its node — concurrently
 *   3. Deployment + its ReplicaSets + sibling pods (or the siblings of another controller);
 *      a log fallback (previous -> current) runs beside this round
 * Every optional read that fails becomes a note; only the pod itself is required.
 */
import type { CoreV1Event, V1Node, V1Pod } from '@kubernetes/client-node';
import type { CollectNote, Evidence } from '../domain/evidence.js';
import type { TargetRequest } from '../domain/target.js';
import { REQUEST_TIMEOUT_MS, type KubeClients } from '../kube/clients.js';
import { assembleEvidence } from './assemble.js';
import { readFocusLogs } from './logs.js';
import { readOwners } from './owners.js';
import { read, type ReadContext } from './read.js';
import { resolveTarget } from './resolve-target.js';
import { selectFocus } from './select-container.js';

export interface CollectOptions {
  /** Per-request timeout (default 5 s). */
  timeoutMs?: number;
  /** Clock for collectedAt (tests freeze it). */
  now?: () => Date;
}

async function readEvents(clients: KubeClients, ctx: ReadContext, pod: V1Pod): Promise<{ events: CoreV1Event[]; notes: CollectNote[] }> {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? '';
  const uid = pod.metadata?.uid;
  const fieldSelector = [`involvedObject.name=${name}`, `involvedObject.namespace=${namespace}`, ...(uid ? [`involvedObject.uid=${uid}`] : [])].join(',');
  const r = await read(ctx, 'events', `the events of pod ${namespace}/${name}`, 'the diagnosis is made without events (probe failures, OOM kills, scheduling)', (o) =>
    clients.core.listNamespacedEvent({ namespace, fieldSelector }, o),
  );
  return r.ok ? { events: r.value.items, notes: [] } : { events: [], notes: [r.note] };
}

async function readNode(clients: KubeClients, ctx: ReadContext, pod: V1Pod): Promise<{ node?: V1Node; notes: CollectNote[] }> {
  const name = pod.spec?.nodeName;
  if (!name) return { notes: [] };
  const r = await read(ctx, 'node', `node ${name}`, 'node pressure and architecture are unknown', (o) => clients.core.readNode({ name }, o));
  return r.ok ? { node: r.value, notes: [] } : { notes: [r.note] };
}

export async function collectEvidence(clients: KubeClients, request: TargetRequest, opts: CollectOptions = {}): Promise<Evidence> {
  const ctx: ReadContext = { timeoutMs: opts.timeoutMs ?? REQUEST_TIMEOUT_MS };
  const now = opts.now ?? (() => new Date());
  const resolution = await resolveTarget(clients, request, ctx);
  const { pod } = resolution;
  const namespace = resolution.target.namespace;
  // Throws a usage error (listing the containers) when -c names a container the pod does not have.
  const focus = selectFocus(pod, request.container);

  const [events, logs, owners, node] = await Promise.all([
    readEvents(clients, ctx, pod),
    readFocusLogs(clients, ctx, pod, focus),
    readOwners(clients, ctx, pod, resolution.namespacePods),
    readNode(clients, ctx, pod),
  ]);
  const notes: CollectNote[] = [...(resolution.note ? [resolution.note] : []), ...events.notes, ...logs.notes, ...owners.notes, ...node.notes];
  return assembleEvidence({
    collectedAt: now().toISOString(),
    namespace,
    pod,
    ...(request.container ? { requestedContainer: request.container } : {}),
    events: events.events,
    logs: logs.logs,
    owners: owners.owners,
    ...(node.node ? { node: node.node } : {}),
    siblings: owners.siblings,
    notes,
  });
}
