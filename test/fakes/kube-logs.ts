/**
 * GET /api/v1/namespaces/{ns}/pods/{name}/log, with the API server's (kubelet's) answers:
 * container, previous, tailLines, limitBytes; 400 when the container is ambiguous or unknown,
 * when there is no previous instance, or when the container has not started.
 */
import { notFound, status, type StatusBody } from './kube-status.js';
import type { KubeStore } from './kube-store.js';
import { typeByKind } from './kube-resources.js';

const POD = typeByKind('Pod')!;
const IMAGE_PULL = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull']);

export type LogAnswer = { ok: true; text: string } | { ok: false; body: StatusBody };

function bad(message: string): LogAnswer {
  return { ok: false, body: status(400, message) };
}

function bound(text: string, tailLines: number | undefined, limitBytes: number | undefined): string {
  let out = text;
  if (tailLines !== undefined && out !== '') {
    const lines = out.split('\n');
    const trailing = lines[lines.length - 1] === '' ? lines.pop() : undefined;
    out = lines.slice(Math.max(0, lines.length - tailLines)).join('\n') + (trailing !== undefined && tailLines > 0 ? '\n' : '');
  }
  if (limitBytes !== undefined) {
    const buf = Buffer.from(out, 'utf8');
    if (buf.length > limitBytes) out = buf.subarray(0, limitBytes).toString('utf8');
  }
  return out;
}

function intParam(query: URLSearchParams, name: string): number | undefined | Error {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) return new Error(`${name}: Invalid value: ${raw}: must be greater than or equal to 0`);
  return n;
}

export function readLog(store: KubeStore, namespace: string, podName: string, query: URLSearchParams): LogAnswer {
  const pod = store.get(POD, namespace, podName);
  if (!pod) return { ok: false, body: notFound('pods', '', podName) };
  const containers: string[] = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
  const inits: string[] = (pod.spec?.initContainers ?? []).map((c: { name: string }) => c.name);
  let container = query.get('container') ?? '';
  if (!container) {
    if (containers.length === 1) container = containers[0]!;
    else {
      const more = inits.length ? ` or one of the init containers: [${inits.join(' ')}]` : '';
      return bad(`a container name must be specified for pod ${podName}, choose one of: [${containers.join(' ')}]${more}`);
    }
  }
  if (!containers.includes(container) && !inits.includes(container)) return bad(`container ${container} is not valid for pod ${podName}`);
  const tail = intParam(query, 'tailLines');
  const limit = intParam(query, 'limitBytes');
  if (tail instanceof Error) return bad(tail.message);
  if (limit instanceof Error) return bad(limit.message);
  if (limit === 0) return bad('limitBytes: Invalid value: 0: must be greater than 0');

  const logs = store.getLog(namespace, podName, container);
  const previous = query.get('previous') === 'true';
  if (previous) {
    if (logs.previous === undefined) return bad(`previous terminated container "${container}" in pod "${podName}" not found`);
    return { ok: true, text: bound(logs.previous, tail, limit) };
  }
  if (logs.current !== undefined) return { ok: true, text: bound(logs.current, tail, limit) };
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  const st = statuses.find((s: { name: string }) => s.name === container);
  const waiting: string | undefined = st?.state?.waiting?.reason;
  // A container in back-off has no running instance: the kubelet serves the last one's log.
  if (waiting === 'CrashLoopBackOff') return { ok: true, text: bound(logs.previous ?? '', tail, limit) };
  if (waiting && IMAGE_PULL.has(waiting)) return bad(`container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
  if (waiting || !st) return bad(`container "${container}" in pod "${podName}" is waiting to start: ${waiting ?? 'ContainerCreating'}`);
  return { ok: true, text: '' };
}
