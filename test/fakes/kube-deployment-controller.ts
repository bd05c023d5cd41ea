/**
 * A minimal Deployment controller for the fake API, run after every write to a Deployment:
 * when spec.template differs from the newest ReplicaSet's, the ReplicaSet whose template matches
 * (ignoring pod-template-hash) becomes revision max+1, or a new one is created with a fresh
 * pod-template-hash; replicas then move to it as if the rollout completed. Paused: nothing moves.
 */
import { createHash } from 'node:crypto';
import { deepEqual } from './kube-patch.js';
import { typeByKind } from './kube-resources.js';
import type { KubeObject, KubeStore } from './kube-store.js';

const HASH_LABEL = 'pod-template-hash';
const REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

const RS = typeByKind('ReplicaSet')!;
const DEPLOY = typeByKind('Deployment')!;

function revisionOf(o: KubeObject): number {
  return Number(o.metadata.annotations?.[REVISION] ?? 0) || 0;
}

function withoutHash(template: any): any {
  const t = structuredClone(template ?? {});
  if (t.metadata?.labels) delete t.metadata.labels[HASH_LABEL];
  return t;
}

/** Like the controller's ComputeHash + rand.SafeEncodeString. */
export function podTemplateHash(template: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(withoutHash(template))).digest();
  const decimal = String(digest.readUInt32BE(0));
  return [...decimal].map((c) => ALPHANUMS[c.charCodeAt(0) % ALPHANUMS.length]).join('');
}

function ownedBy(rs: KubeObject, deploy: KubeObject): boolean {
  return (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === deploy.metadata.uid);
}

export function ownedReplicaSets(store: KubeStore, deploy: KubeObject): KubeObject[] {
  return store.list(RS, deploy.metadata.namespace).filter((rs) => ownedBy(rs, deploy));
}

function setReplicas(rs: KubeObject, n: number): void {
  rs.spec = { ...rs.spec, replicas: n };
  rs.status = { ...rs.status, replicas: n, fullyLabeledReplicas: n, readyReplicas: n, availableReplicas: n, observedGeneration: rs.metadata.generation };
}

function newReplicaSet(deploy: KubeObject, revision: number): KubeObject {
  const hash = podTemplateHash(deploy.spec.template);
  const template = structuredClone(deploy.spec.template ?? {});
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [HASH_LABEL]: hash } };
  const matchLabels = { ...deploy.spec.selector?.matchLabels, [HASH_LABEL]: hash };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${deploy.metadata.name}-${hash}`,
      namespace: deploy.metadata.namespace!,
      labels: { ...template.metadata.labels },
      annotations: { [REVISION]: String(revision), 'deployment.kubernetes.io/desired-replicas': String(deploy.spec.replicas ?? 1) },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: deploy.metadata.name, uid: deploy.metadata.uid!, controller: true, blockOwnerDeletion: true },
      ],
    },
    spec: { replicas: 0, selector: { ...deploy.spec.selector, matchLabels }, template },
    status: { replicas: 0 },
  };
}

/** Reconcile one Deployment after a write. Returns the Deployment as stored afterwards. */
export function reconcileDeployment(store: KubeStore, deploy: KubeObject): KubeObject {
  const owned = ownedReplicaSets(store, deploy);
  const status = { ...deploy.status, observedGeneration: deploy.metadata.generation };
  if (deploy.spec?.paused) {
    deploy.status = status;
    return store.update(DEPLOY, deploy, false);
  }
  const maxRevision = Math.max(0, ...owned.map(revisionOf));
  const newest = owned.find((rs) => revisionOf(rs) === maxRevision);
  const wanted = withoutHash(deploy.spec.template);
  let current = owned.find((rs) => deepEqual(withoutHash(rs.spec?.template), wanted));
  if (!current) {
    current = store.add(newReplicaSet(deploy, maxRevision + 1));
  } else if (current !== newest || maxRevision === 0) {
    const old = revisionOf(current);
    const history = [current.metadata.annotations?.[REVISION_HISTORY], old ? String(old) : undefined].filter(Boolean).join(',');
    current.metadata.annotations = {
      ...current.metadata.annotations,
      [REVISION]: String(maxRevision + 1),
      ...(history ? { [REVISION_HISTORY]: history } : {}),
    };
  }
  const replicas = deploy.spec.replicas ?? 1;
  for (const rs of ownedReplicaSets(store, deploy)) {
    const target = rs.metadata.name === current.metadata.name ? current : rs;
    const before = JSON.stringify(rs);
    setReplicas(target, rs.metadata.name === current.metadata.name ? replicas : 0);
    if (JSON.stringify(target) !== before) store.update(RS, target, target.spec.replicas !== rs.spec?.replicas);
  }
  deploy.metadata.annotations = { ...deploy.metadata.annotations, [REVISION]: current.metadata.annotations?.[REVISION] ?? '1' };
  deploy.status = {
    ...status,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: replicas,
    availableReplicas: replicas,
    unavailableReplicas: 0,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${current.metadata.name}" has successfully progressed.`,
      },
    ],
  };
  return store.update(DEPLOY, deploy, false);
}
