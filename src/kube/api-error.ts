/**
 * Turning what the API client throws into our vocabulary: a note kind for a degraded read, or a
 * CrashloopError for a read the diagnosis cannot do without. Branches on ApiException's numeric
 * `code` and on error names; never shows ApiException's message (it embeds headers and body).
 */
import { ApiException } from '@kubernetes/client-node';
import type { NoteKind } from '../domain/evidence.js';
import { CrashloopError } from '../errors.js';

/** HTTP status of an API error, or null for transport failures (refused, DNS, TLS, timeout). */
export function statusOf(err: unknown): number | null {
  return err instanceof ApiException ? err.code : null;
}

export function isTimeout(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const name = (e as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** The `message` of the Status body the API server sent, if it sent one (it is safe to show). */
export function statusMessage(err: unknown): string | null {
  if (!(err instanceof ApiException)) return null;
  const body: unknown = err.body;
  try {
    const parsed = typeof body === 'string' ? JSON.parse(body) : body;
    return typeof parsed?.message === 'string' ? parsed.message : null;
  } catch {
    return null;
  }
}

/** Transport error code (ECONNREFUSED, ENOTFOUND, ...) when fetch failed before any HTTP answer. */
function transportCode(err: unknown): string | null {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * A kept-alive connection the server (or a load balancer) closed just as a request went out: safe to
 * retry a read once on a fresh connection.
 */
export function isConnectionReset(err: unknown): boolean {
  if (statusOf(err) !== null || isTimeout(err)) return false;
  const t = transportCode(err);
  return t === 'ECONNRESET' || t === 'UND_ERR_SOCKET' || t === 'EPIPE' || t === 'UND_ERR_CLOSED';
}

/** Run a read; when its connection was reset before any answer, run it once more. */
export async function retryOnReset<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!isConnectionReset(err)) throw err;
    return call();
  }
}

export function noteKindOf(err: unknown): NoteKind {
  const code = statusOf(err);
  if (code === 403 || code === 401) return 'forbidden';
  if (code === 404) return 'not-found';
  if (code === 504 || code === 408 || isTimeout(err)) return 'timeout';
  if (code === null || code === 429 || code >= 500) return 'unavailable';
  return 'error';
}

/** Short reason for people, e.g. "forbidden (403)", "timed out", "connection refused". */
export function describeError(err: unknown): string {
  const code = statusOf(err);
  if (code !== null) {
    const words: Record<number, string> = { 400: 'bad request', 401: 'unauthorised', 403: 'forbidden', 404: 'not found', 409: 'conflict', 422: 'invalid', 429: 'rate limited', 500: 'server error', 503: 'unavailable', 504: 'timed out' };
    return `${words[code] ?? 'error'} (${code})`;
  }
  if (isTimeout(err)) return 'timed out';
  const t = transportCode(err);
  if (t === 'ECONNREFUSED') return 'connection refused';
  if (t === 'ENOTFOUND' || t === 'EAI_AGAIN') return 'API server host not found';
  if (t === 'ECONNRESET' || t === 'UND_ERR_SOCKET') return 'connection reset';
  return t ? `network error (${t})` : 'network error';
}

/**
 * For a request the diagnosis needs (reading the pod): 403 -> cluster-forbidden, transport/5xx/timeout
 * -> cluster-unreachable. Returns null for 404 (the caller knows what was not found).
 */
export function fatalError(err: unknown, what: string, server?: string): CrashloopError | null {
  const code = statusOf(err);
  if (code === 404) return null;
  if (code === 401) {
    return new CrashloopError('cluster-forbidden', `the API server did not accept the credentials: ${describeError(err)}`, [
      'the token or client certificate of your kubeconfig user is missing, expired or revoked; log in to the cluster again',
    ], { cause: err });
  }
  if (code === 403) {
    const msg = statusMessage(err);
    return new CrashloopError('cluster-forbidden', `not allowed to ${what}: ${describeError(err)}`, [
      ...(msg ? [`API server: ${msg}`] : []),
      'check the RBAC of the identity in your kubeconfig (kubectl auth can-i get pods -n <namespace>)',
    ], { cause: err });
  }
  if (code !== null && code < 500 && code !== 408 && code !== 429) {
    const msg = statusMessage(err);
    return new CrashloopError('cluster-unreachable', `the API server refused to ${what}: ${describeError(err)}`, msg ? [`API server: ${msg}`] : [], { cause: err });
  }
  return new CrashloopError('cluster-unreachable', `cannot reach the Kubernetes API server${server ? ` at ${server}` : ''}: ${describeError(err)}`, [
    'check the cluster address and context (kubectl cluster-info), VPN or network access',
  ], { cause: err });
}
