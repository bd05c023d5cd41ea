/**
 * A small hand-written cluster for tests of the fake API itself and of the CLI's error paths:
 * namespace shop, Deployment api at revision 2 (api:1.4.2, crash-looping) with revision 1
 * (api:1.4.1) scaled down, its pods, events and logs.
 */
import type { KubeObject, LogEntry } from './kube-store.js';

const NS = 'shop';
const DEPLOY_UID = '5d8c1e0e-0000-4000-8000-000000000001';

function template(image: string, hash?: string): any {
  return {
    metadata: { labels: { app: 'api', ...(hash ? { 'pod-template-hash': hash } : {}) } },
    spec: { containers: [{ name: 'api', image, ports: [{ containerPort: 8080 }], resources: { limits: { memory: '256Mi' } } }] },
  };
}

function replicaSet(hash: string, image: string, revision: number, replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `api-${hash}`,
      namespace: NS,
      labels: { app: 'api', 'pod-template-hash': hash },
      annotations: { 'deployment.kubernetes.io/revision': String(revision) },
      creationTimestamp: `2026-11-2${revision}T10:00:00Z`,
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid: DEPLOY_UID, controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas, selector: { matchLabels: { app: 'api', 'pod-template-hash': hash } }, template: template(image, hash) },
    status: { replicas },
  };
}

function pod(name: string, restarts: number, crashing: boolean): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: NS,
      uid: `uid-${name}`,
      labels: { app: 'api', 'pod-template-hash': '7d9f8b6c5d' },
      creationTimestamp: '2026-12-01T10:00:00Z',
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-7d9f8b6c5d', uid: 'rs-2-uid', controller: true, blockOwnerDeletion: true }],
    },
    spec: { nodeName: 'node-a', ...template('registry.example.com/api:1.4.2').spec },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'api',
          image: 'registry.example.com/api:1.4.2',
          ready: false,
          restartCount: restarts,
          state: crashing ? { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container' } } : { running: { startedAt: '2026-12-01T10:00:05Z' } },
          lastState: crashing ? { terminated: { exitCode: 1, reason: 'Error', startedAt: '2026-12-01T10:20:00Z', finishedAt: '2026-12-01T10:20:02Z' } } : {},
        },
      ],
    },
  };
}

export function sampleObjects(): KubeObject[] {
  const rs1 = replicaSet('5c6b7d8f9', 'registry.example.com/api:1.4.1', 1, 0);
  const rs2 = { ...replicaSet('7d9f8b6c5d', 'registry.example.com/api:1.4.2', 2, 2) };
  rs2.metadata.uid = 'rs-2-uid';
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS }, status: { phase: 'Active' } },
    { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-a', labels: { 'kubernetes.io/arch': 'amd64' } }, status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { architecture: 'amd64' } } as any },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace: NS, uid: DEPLOY_UID, generation: 2, annotations: { 'deployment.kubernetes.io/revision': '2' }, labels: { app: 'api' } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'api' } }, template: template('registry.example.com/api:1.4.2') },
      status: { replicas: 2, observedGeneration: 2 },
    },
    rs1,
    rs2,
    pod('api-7d9f8b6c5d-abcde', 14, true),
    pod('api-7d9f8b6c5d-fghij', 13, true),
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'api-7d9f8b6c5d-abcde.1', namespace: NS },
      involvedObject: { kind: 'Pod', name: 'api-7d9f8b6c5d-abcde', namespace: NS, uid: 'uid-api-7d9f8b6c5d-abcde', fieldPath: 'spec.containers{api}' },
      reason: 'BackOff',
      type: 'Warning',
      message: 'Back-off restarting failed container api in pod api-7d9f8b6c5d-abcde_shop',
      count: 40,
      firstTimestamp: '2026-12-01T10:01:00Z',
      lastTimestamp: '2026-12-01T10:21:00Z',
    },
  ];
}

export function sampleLogs(): LogEntry[] {
  return [
    { namespace: NS, pod: 'api-7d9f8b6c5d-abcde', container: 'api', previous: true, text: 'starting api 1.4.2\nError: connect ECONNREFUSED 10.0.0.7:5432\n' },
  ];
}
