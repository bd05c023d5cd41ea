/**
 * The Kubernetes API clients the actions use, taken from the shared runtime deps (`deps.kube`).
 * Accepts the shapes the kube layer offers: `{ apps, core }` API objects, or a KubeConfig (directly or
 * as `kubeConfig`/`kc`), from which the clients are made once.
 */
import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { CrashloopError } from '../errors.js';

export interface ActionKube {
  apps: AppsV1Api;
  core: CoreV1Api;
}

const made = new WeakMap<object, ActionKube>();

export function actionKubeFromConfig(kc: KubeConfig): ActionKube {
  return { apps: kc.makeApiClient(AppsV1Api), core: kc.makeApiClient(CoreV1Api) };
}

export function actionKube(kube: unknown): ActionKube {
  if (!kube || typeof kube !== 'object') throw new CrashloopError('config', 'actions: no Kubernetes clients in the runtime deps');
  const cached = made.get(kube);
  if (cached) return cached;
  const k = kube as Record<string, unknown>;
  let out: ActionKube | undefined;
  if (kube instanceof KubeConfig) out = actionKubeFromConfig(kube);
  else if (k.apps instanceof AppsV1Api && k.core instanceof CoreV1Api) out = { apps: k.apps, core: k.core };
  else if (k.appsV1 instanceof AppsV1Api && k.coreV1 instanceof CoreV1Api) out = { apps: k.appsV1, core: k.coreV1 };
  else {
    const kc = k.kubeConfig ?? k.kc ?? k.config;
    if (kc instanceof KubeConfig) out = actionKubeFromConfig(kc);
  }
  if (!out) throw new CrashloopError('config', 'actions: deps.kube has neither AppsV1Api/CoreV1Api clients nor a KubeConfig');
  made.set(kube, out);
  return out;
}
