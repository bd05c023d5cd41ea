/**
 * Kubernetes API failures of an action, classified by HTTP status (ApiException.code), never by message
 * text. Each kind has one reply wording (reply-text.ts) and one retry decision.
 */
import { ApiException, type ConfigurationOptions } from '@kubernetes/client-node';
import { isTimeout } from '../kube/api-error.js';
import { withTimeout as abortAfter } from '../kube/clients.js';

export type FailureKind = 'forbidden' | 'not-found' | 'conflict' | 'timeout' | 'unavailable' | 'error';

export interface ActionFailure {
  kind: FailureKind;
  /** The request that failed, for the reply: e.g. verb `patch`, resource `deployments`. */
  verb: 'get' | 'list' | 'patch';
  resource: 'deployments' | 'replicasets' | 'pods';
  namespace: string;
  name?: string;
  status?: number;
}

export class ActionTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'ActionTimeoutError';
  }
}

/** Transient failures are retried by the queue; the others are final and reported at once. */
export function isTransient(kind: FailureKind): boolean {
  return kind === 'timeout' || kind === 'unavailable';
}

export function classifyKubeError(err: unknown, request: Omit<ActionFailure, 'kind' | 'status'>): ActionFailure {
  if (err instanceof ActionTimeoutError || isTimeout(err)) return { ...request, kind: 'timeout' };
  if (err instanceof ApiException) {
    const code = err.code;
    const kind: FailureKind =
      code === 403
        ? 'forbidden'
        : code === 404
          ? 'not-found'
          : code === 409 || code === 422
            ? 'conflict'
            : code === 504 || code === 408
              ? 'timeout'
              : code === 429 || code >= 500
                ? 'unavailable'
                : 'error';
    return { ...request, kind, status: code };
  }
  // fetch failed: connection refused/reset, DNS: the API server is not reachable.
  return { ...request, kind: 'unavailable' };
}

/** Race a call against a deadline. The request itself is left to finish; its result is ignored. */
export async function withTimeout<T>(what: string, ms: number, call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ActionTimeoutError(what, ms)), ms);
  });
  try {
    return await Promise.race([call(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Failure of one step, carried as a value so the processor can reply instead of crashing. */
export class KubeActionError extends Error {
  readonly failure: ActionFailure;
  constructor(failure: ActionFailure, options?: { cause?: unknown }) {
    super(`${failure.verb} ${failure.resource} in ${failure.namespace}: ${failure.kind}`, options);
    this.name = 'KubeActionError';
    this.failure = failure;
  }
}

/**
 * One API call with a deadline: the request gets an AbortSignal (client-node passes it to fetch) through
 * the per-call `options`, and a timer backs it up. Failures become a KubeActionError with a kind.
 */
export async function kubeCall<T>(
  request: Omit<ActionFailure, 'kind' | 'status'>,
  timeoutMs: number,
  call: (options: ConfigurationOptions) => Promise<T>,
): Promise<T> {
  try {
    return await withTimeout(`${request.verb} ${request.resource}`, timeoutMs + 250, () => call(abortAfter(timeoutMs)));
  } catch (err) {
    throw new KubeActionError(classifyKubeError(err, request), { cause: err });
  }
}
