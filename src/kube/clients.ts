/**
 * The API clients bundle used by collect/ and the actions: typed clients for core/v1, apps/v1 and
 * batch/v1 built from one KubeConfig, plus the per-request timeout helper.
 */
import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  createConfiguration,
  ServerConfiguration,
  type ConfigurationOptions,
  type KubeConfig,
  type ObservableMiddleware,
  type RequestContext,
} from '@kubernetes/client-node';
import { of } from '@kubernetes/client-node/dist/gen/rxjsStub.js';
import { CrashloopError } from '../errors.js';

/** Sent as User-Agent, so the API server's audit log names the bot. */
export const USER_AGENT = 'crashloop-bot';

export interface KubeClients {
  kubeConfig: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
}

type Dispatcher = NonNullable<ReturnType<RequestContext['getDispatcher']>>;

/**
 * client-node 2.x builds a new undici Agent for every request (KubeConfig.applySecurityAuthentication),
 * so every request opens a new TCP + TLS connection. This middleware keeps the first Agent (same
 * cluster, same TLS options: they come from the kubeconfig) and hands it to every later request, so
 * connections are kept alive and reused. Auth headers are still set per request.
 */
function reuseConnections(): ObservableMiddleware {
  let shared: Dispatcher | undefined;
  return {
    pre: (ctx) => {
      ctx.setHeaderParam('User-Agent', USER_AGENT);
      const own = ctx.getDispatcher();
      if (own && !shared) shared = own;
      else if (own && shared && own !== shared) ctx.setDispatcher(shared);
      return of(ctx);
    },
    post: (res) => of(res),
  };
}

/** Like KubeConfig.makeApiClient, with connection reuse and our User-Agent for all three clients. */
export function makeClients(kc: KubeConfig): KubeClients {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new CrashloopError('usage', `the kubeconfig has no cluster for context "${kc.getCurrentContext()}"`);
  const configuration = createConfiguration({
    baseServer: new ServerConfiguration(cluster.server, {}),
    authMethods: { default: kc },
    middleware: [reuseConnections()],
  });
  return { kubeConfig: kc, core: new CoreV1Api(configuration), apps: new AppsV1Api(configuration), batch: new BatchV1Api(configuration) };
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
