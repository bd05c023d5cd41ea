import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { ActionTimeoutError, classifyKubeError, isTransient } from './kube-errors.js';

const req = { verb: 'patch', resource: 'deployments', namespace: 'shop', name: 'api' } as const;
const api = (code: number) => new ApiException(code, 'message text that must not matter', '{}', {});

describe('classifyKubeError', () => {
  it.each([
    [403, 'forbidden'],
    [401, 'error'],
    [404, 'not-found'],
    [409, 'conflict'],
    [422, 'conflict'],
    [504, 'timeout'],
    [429, 'unavailable'],
    [503, 'unavailable'],
    [400, 'error'],
  ])('HTTP %i -> %s', (code, kind) => {
    expect(classifyKubeError(api(code), req)).toEqual({ ...req, kind, status: code });
  });

  it('recognises deadlines and transport failures', () => {
    expect(classifyKubeError(new ActionTimeoutError('patch', 10), req).kind).toBe('timeout');
    const aborted = Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('aborted'), { name: 'TimeoutError' }) });
    expect(classifyKubeError(aborted, req).kind).toBe('timeout');
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(classifyKubeError(refused, req).kind).toBe('unavailable');
  });

  it('retries only what a retry can fix', () => {
    expect(['timeout', 'unavailable'].every((k) => isTransient(k as never))).toBe(true);
    expect(['forbidden', 'not-found', 'conflict', 'error'].some((k) => isTransient(k as never))).toBe(false);
  });
});
