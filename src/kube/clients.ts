/**
 * The API clients bundle used by collect/ and the actions: typed clients for core/v1, apps/v1 and
 * batch/v1 built from one KubeConfig, plus the per-request timeout helper.
 */
import { AppsV1Api, BatchV1Api, CoreV1Api, type ConfigurationOptions, type KubeConfig } from '@kubernetes/client-node';
import type { ObservableMiddleware } from '@kubernetes/client-node';
import { of } from '@kubernetes/client-node/dist/gen/rxjsStub.js';

export interface KubeClients {
  kubeConfig: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
}

export function makeClients(kc: KubeConfig): KubeClients {
  return { kubeConfig: kc, core: kc.makeApiClient(CoreV1Api), apps: kc.makeApiClient(AppsV1Api), batch: kc.makeApiClient(BatchV1Api) };
}

/** Default time one API request may take before it is abandoned (and becomes a `timeout` note). */
export const REQUEST_TIMEOUT_MS = 5_000;

/**
 * Per-call options giving the request an AbortSignal that fires after `ms` (client-node 2.x passes
 * `RequestContext.setSignal` through to fetch). Appended so the kubeconfig's own middleware stays.
 * The object-param API (`api.readNamespacedPod({...}, options)`) runs Observable middleware.
 */
export function withTimeout(ms: number = REQUEST_TIMEOUT_MS): ConfigurationOptions {
  const timeout: ObservableMiddleware = {
    pre: (ctx) => {
      ctx.setSignal(AbortSignal.timeout(ms));
      return of(ctx);
    },
    post: (res) => of(res),
  };
  return { middleware: [timeout], middlewareMergeStrategy: 'append' };
}
