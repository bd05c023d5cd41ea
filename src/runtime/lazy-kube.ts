/**
 * Kubernetes API clients made on first use. `crashloop serve` only receives and enqueues (the worker
 * talks to the cluster), so it never touches them: it loads no kubeconfig and needs no ServiceAccount
 * token. Whatever does reach for them (an embedding that runs jobs on serve's deps, as the actions tests
 * do) gets them then, or the same clear kubeconfig error the worker would have stopped with at start.
 */
import type { KubeClients } from '../kube/clients.js';

export function lazyKubeClients(make: () => KubeClients): KubeClients {
  let real: KubeClients | undefined;
  const get = () => (real ??= make());
  return new Proxy({} as KubeClients, {
    get: (_t, prop) => Reflect.get(get(), prop),
    has: (_t, prop) => Reflect.has(get(), prop),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_t, prop) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), prop);
      return d ? { ...d, configurable: true } : undefined;
    },
  });
}
