/**
 * Loading the kubeconfig: an explicit file (--kubeconfig), else the client's default chain
 * (KUBECONFIG, ~/.kube/config, the in-cluster service account when running in a pod), then an
 * optional --context. Problems become CrashloopErrors with a hint, never a stack trace.
 */
import { existsSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { CrashloopError } from '../errors.js';

export interface KubeConfigOptions {
  /** Path of a kubeconfig file (--kubeconfig); otherwise KUBECONFIG / ~/.kube/config / in-cluster. */
  kubeconfig?: string;
  /** Context to use instead of the file's current-context (--context). */
  context?: string;
}

export function loadKubeConfig(opts: KubeConfigOptions = {}): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (opts.kubeconfig) {
      if (!existsSync(opts.kubeconfig)) {
        throw new CrashloopError('usage', `kubeconfig file not found: ${opts.kubeconfig}`, ['pass an existing file with --kubeconfig, or leave it out to use KUBECONFIG / ~/.kube/config']);
      }
      kc.loadFromFile(opts.kubeconfig);
    } else {
      // Honours KUBECONFIG (several files joined by ':'), then ~/.kube/config, then the in-cluster config.
      kc.loadFromDefault();
    }
  } catch (err) {
    if (err instanceof CrashloopError) throw err;
    throw new CrashloopError('usage', `cannot read the kubeconfig: ${(err as Error).message.split('\n')[0]}`, [], { cause: err });
  }
  if (isFallback(kc)) {
    throw new CrashloopError('usage', 'no kubeconfig found', [
      'set KUBECONFIG, pass --kubeconfig <file>, create ~/.kube/config, or run inside a pod with a service account',
    ]);
  }
  if (opts.context) {
    if (!kc.getContextObject(opts.context)) {
      const names = kc.getContexts().map((c) => c.name);
      throw new CrashloopError('usage', `context "${opts.context}" not found in the kubeconfig`, [`contexts: ${names.join(', ') || 'none'}`]);
    }
    kc.setCurrentContext(opts.context);
  }
  if (!kc.getCurrentCluster()) {
    throw new CrashloopError('usage', `the kubeconfig has no cluster for context "${kc.getCurrentContext()}"`, ['set KUBECONFIG or pass --kubeconfig / --context']);
  }
  return kc;
}

/** What loadFromDefault returns when it found nothing: a made-up http://localhost:8080 cluster. */
function isFallback(kc: KubeConfig): boolean {
  const cluster = kc.getCurrentCluster();
  return (
    kc.getCurrentContext() === 'loaded-context' &&
    kc.getContexts().length === 1 &&
    cluster?.name === 'cluster' &&
    cluster.server === 'http://localhost:8080' &&
    kc.getCurrentUser()?.name === 'user'
  );
}

/** The namespace the current context names, if any (like kubectl's default namespace). */
export function contextNamespace(kc: KubeConfig): string | undefined {
  return kc.getContextObject(kc.getCurrentContext())?.namespace;
}
