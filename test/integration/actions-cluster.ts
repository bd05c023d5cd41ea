/**
 * A Deployment with a revision history for the action tests: shop/api at revision N (the last image,
 * crash-looping pods that ran `crashedAfterSeconds` before each crash) with one ReplicaSet per older
 * revision, owned like the real controller's. Served by the loopback fake API.
 */
import type { KubeObject } from '../fakes/kube-store.js';
import { podTemplateHash } from '../fakes/kube-deployment-controller.js';

export const NS = 'shop';
export const DEPLOY = 'api';
const DEPLOY_UID = '0a1b2c3d-0000-4000-8000-00000000a000';

export function template(image: string, app = 'api'): any {
  return {
    metadata: { labels: { app }, annotations: { 'kubectl.kubernetes.io/restartedAt': 'never' } },
    spec: { containers: [{ name: 'api', image, ports: [{ containerPort: 8080, protocol: 'TCP' }], resources: { limits: { memory: '256Mi' } } }] },
  };
}

export interface HistoryOptions {
  /** One image per revision, oldest first; the Deployment is at the last one. */
  images: string[];
  replicas?: number;
  paused?: boolean;
  crashedAfterSeconds?: number;
  /** Deployment name (default `api`); tests sharing one queue use distinct names. */
  name?: string;
}

export function historyCluster(opts: HistoryOptions): KubeObject[] {
  const replicas = opts.replicas ?? 2;
  const name = opts.name ?? DEPLOY;
  const uid = `${DEPLOY_UID.slice(0, 24)}${name.padStart(12, "0").slice(-12)}`;
  const n = opts.images.length;
  const objects: KubeObject[] = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS }, status: { phase: 'Active' } }];
  objects.push({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: NS,
      uid,
      generation: n,
      labels: { app: name },
      annotations: { 'deployment.kubernetes.io/revision': String(n), 'team.example.com/owner': 'shop' },
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: template(opts.images[n - 1]!, name),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...(opts.paused ? { paused: true } : {}),
    },
    status: { observedGeneration: n, replicas, updatedReplicas: replicas, readyReplicas: 0, availableReplicas: 0, unavailableReplicas: replicas },
  });
  opts.images.forEach((image, i) => {
    const revision = i + 1;
    const t = template(image, name);
    const hash = podTemplateHash(t);
    t.metadata.labels['pod-template-hash'] = hash;
    const current = revision === n;
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${name}-${hash}`,
        namespace: NS,
        labels: { app: name, 'pod-template-hash': hash },
        annotations: {
          'deployment.kubernetes.io/revision': String(revision),
          'deployment.kubernetes.io/desired-replicas': String(replicas),
          'deployment.kubernetes.io/max-replicas': String(replicas + 1),
        },
        creationTimestamp: new Date(Date.UTC(2026, 10, 20 + revision)).toISOString().replace('.000', ''),
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid, controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas: current ? replicas : 0, selector: { matchLabels: { app: name, 'pod-template-hash': hash } }, template: t },
      status: { replicas: current ? replicas : 0 },
    });
    if (!current) return;
    for (let p = 0; p < replicas; p++) {
      const started = new Date(Date.now() - 120_000);
      const finished = new Date(started.getTime() + (opts.crashedAfterSeconds ?? 42) * 1000);
      objects.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${name}-${hash}-p${p}`,
          namespace: NS,
          labels: { app: name, 'pod-template-hash': hash },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${name}-${hash}`, uid: `rs-${hash}`, controller: true }],
        },
        spec: t.spec,
        status: {
          phase: 'Running',
          containerStatuses: [
            {
              name: 'api',
              image,
              imageID: '',
              ready: false,
              restartCount: 5 + p,
              state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container' } },
              lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: started.toISOString(), finishedAt: finished.toISOString() } },
            },
          ],
        },
      });
    }
  });
  return objects;
}

/** Images of the shop/api history used across the tests: revision 7 (api:1.4.2) is the bad one. */
export const SEVEN_REVISIONS = ['1.3.0', '1.3.1', '1.3.2', '1.4.0', '1.4.0-hotfix', '1.4.1', '1.4.2'].map((v) => `registry.example.com/shop/api:${v}`);
