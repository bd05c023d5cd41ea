/** Workloads (Deployment + ReplicaSet history, StatefulSet, DaemonSet, Job, bare Pod) with their pods and events. */
import { Clock, podSuffix, resourceVersion, uid } from './ids.js';
import { container, event, type EventSpec, type J, type StatusSpec } from './objects.js';
import { lifecycleEvents, pod, type PodIn } from './pod.js';

export interface PodDef {
  /** Full name; default `<owner>-<suffix>`. */
  name?: string;
  createdAgo: number;
  nodeName?: string;
  statuses: Record<string, StatusSpec>;
  /** Events besides the usual Scheduled/Pulled/Created/Started/BackOff. */
  events?: EventSpec[];
  /** Skip the usual lifecycle events (when the scenario lists every event itself). */
  noLifecycleEvents?: boolean;
  phase?: string;
  reason?: string;
  message?: string;
  extraConditions?: J[];
  crashesBeganAgo?: number;
}

export interface Template {
  containers: J[];
  initContainers?: J[];
  /** Other pod spec fields: volumes, serviceAccountName, securityContext, hostNetwork, restartPolicy ... */
  spec?: J;
  annotations?: J;
}

export interface RevisionDef extends Template {
  revision: number;
  hash: string;
  createdAgo: number;
  pods: PodDef[];
  /** Desired replicas of this ReplicaSet; default pods.length. */
  replicas?: number;
  changeCause?: string;
}

export interface Built {
  objects: J[];
}

export const DEFAULT_NODE = 'aks-nodepool1-31718369-vmss000002';

function templateSpec(t: Template): J {
  return {
    ...(t.initContainers ? { initContainers: t.initContainers.map(container) } : {}),
    containers: t.containers.map(container),
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
    ...(t.spec ?? {}),
  };
}

function buildPods(clock: Clock, ns: string, ownerName: string, owner: PodIn['owner'], labels: J, t: Template, pods: PodDef[]): J[] {
  const out: J[] = [];
  for (const d of pods) {
    const name = d.name ?? `${ownerName}-${podSuffix(`${ownerName}:${d.createdAgo}:${out.length}`)}`;
    const p: PodIn = {
      name,
      ns,
      labels,
      ...(t.annotations ? { annotations: t.annotations } : {}),
      ...(owner ? { owner } : {}),
      createdAgo: d.createdAgo,
      nodeName: d.nodeName ?? DEFAULT_NODE,
      spec: { ...(t.spec ?? {}), containers: t.containers, ...(t.initContainers ? { initContainers: t.initContainers } : {}) },
      statuses: d.statuses,
      ...(d.phase ? { phase: d.phase } : {}),
      ...(d.reason ? { reason: d.reason } : {}),
      ...(d.message ? { message: d.message } : {}),
      ...(d.extraConditions ? { extraConditions: d.extraConditions } : {}),
      ...(d.crashesBeganAgo !== undefined ? { crashesBeganAgo: d.crashesBeganAgo } : {}),
    };
    const json = pod(clock, p);
    out.push(json);
    const specs = [...(d.noLifecycleEvents ? [] : lifecycleEvents(clock, p, json)), ...(d.events ?? [])];
    // The API server drops events an hour after their last update (--event-ttl=1h).
    for (const e of specs) if ((e.lastAgo ?? e.firstAgo) <= 3600) out.push(event(clock, json, e));
  }
  return out;
}

const ready = (p: J) => p.kind === 'Pod' && p.status.conditions.some((c: J) => c.type === 'Ready' && c.status === 'True');

export interface DeploymentDef {
  ns: string;
  name: string;
  /** Oldest first. */
  revisions: RevisionDef[];
  strategy?: 'RollingUpdate' | 'Recreate';
  /** Progressing condition: complete, still rolling, or past its deadline. */
  progress?: 'complete' | 'progressing' | 'deadline';
  labels?: J;
  paused?: boolean;
  /** spec.revisionHistoryLimit (default 10). */
  historyLimit?: number;
}

export function deployment(clock: Clock, d: DeploymentDef): Built {
  const depUid = uid(`deploy:${d.ns}/${d.name}`);
  const selector = { app: d.name };
  const baseLabels = { app: d.name, ...(d.labels ?? {}) };
  const newest = d.revisions[d.revisions.length - 1]!;
  const objects: J[] = [];
  const rsObjects: J[] = [];
  const allPods: J[] = [];
  for (const r of d.revisions) {
    const rsName = `${d.name}-${r.hash}`;
    const rsUid = uid(`rs:${d.ns}/${rsName}`);
    const labels = { ...baseLabels, 'pod-template-hash': r.hash };
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: rsUid };
    const pods = buildPods(clock, d.ns, rsName, owner, labels, r, r.pods);
    const podObjs = pods.filter((o) => o.kind === 'Pod');
    allPods.push(...podObjs);
    objects.push(...pods);
    const replicas = r.replicas ?? r.pods.length;
    const readyCount = podObjs.filter(ready).length;
    rsObjects.push({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: d.ns,
        uid: rsUid,
        resourceVersion: resourceVersion(`rs:${rsName}`),
        generation: r === newest ? 1 : 2,
        creationTimestamp: clock.ago(r.createdAgo),
        labels,
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(newest.replicas ?? newest.pods.length),
          'deployment.kubernetes.io/max-replicas': String((newest.replicas ?? newest.pods.length) + (d.strategy === 'Recreate' ? 0 : 1)),
          'deployment.kubernetes.io/revision': String(r.revision),
          ...(r.changeCause ? { 'kubernetes.io/change-cause': r.changeCause } : {}),
        },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.name, uid: depUid, controller: true, blockOwnerDeletion: true }],
      },
      spec: {
        replicas,
        selector: { matchLabels: { ...selector, 'pod-template-hash': r.hash } },
        template: { metadata: { labels, ...(r.annotations ? { annotations: r.annotations } : {}) }, spec: templateSpec(r) },
      },
      status: {
        replicas: podObjs.length,
        fullyLabeledReplicas: podObjs.length,
        ...(readyCount ? { readyReplicas: readyCount, availableReplicas: readyCount } : {}),
        observedGeneration: r === newest ? 1 : 2,
      },
    });
  }
  const desired = newest.replicas ?? newest.pods.length;
  const readyAll = allPods.filter(ready).length;
  const newestRs = `${d.name}-${newest.hash}`;
  const progress = d.progress ?? 'progressing';
  const progressCond =
    progress === 'complete'
      ? { status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${newestRs}" has successfully progressed.` }
      : progress === 'deadline'
        ? { status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newestRs}" has timed out progressing.` }
        : { status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${newestRs}" is progressing.` };
  const available = readyAll >= Math.max(1, desired - (d.strategy === 'Recreate' ? 0 : Math.ceil(desired * 0.25)));
  const updated = allPods.filter((p) => p.metadata.labels['pod-template-hash'] === newest.hash).length;
  const dep: J = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: d.name,
      namespace: d.ns,
      uid: depUid,
      resourceVersion: resourceVersion(`deploy:${d.name}`),
      generation: newest.revision,
      creationTimestamp: clock.ago(d.revisions[0]!.createdAgo),
      labels: baseLabels,
      annotations: { 'deployment.kubernetes.io/revision': String(newest.revision) },
    },
    spec: {
      replicas: desired,
      selector: { matchLabels: selector },
      template: { metadata: { labels: baseLabels, ...(newest.annotations ? { annotations: newest.annotations } : {}) }, spec: templateSpec(newest) },
      strategy:
        d.strategy === 'Recreate' ? { type: 'Recreate' } : { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: d.historyLimit ?? 10,
      progressDeadlineSeconds: 600,
      ...(d.paused ? { paused: true } : {}),
    },
    status: {
      observedGeneration: newest.revision,
      replicas: allPods.length,
      updatedReplicas: updated,
      ...(readyAll ? { readyReplicas: readyAll, availableReplicas: readyAll } : {}),
      ...(allPods.length - readyAll > 0 ? { unavailableReplicas: allPods.length - readyAll } : {}),
      conditions: [
        {
          type: 'Available',
          status: available ? 'True' : 'False',
          lastUpdateTime: clock.ago(available ? d.revisions[0]!.createdAgo - 40 : Math.min(newest.createdAgo, 600)),
          lastTransitionTime: clock.ago(available ? d.revisions[0]!.createdAgo - 40 : Math.min(newest.createdAgo, 600)),
          reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
          message: available ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
        },
        {
          type: 'Progressing',
          lastUpdateTime: clock.ago(progress === 'deadline' ? newest.createdAgo - 600 : progress === 'complete' ? newest.createdAgo - 40 : Math.min(newest.createdAgo, 120)),
          lastTransitionTime: clock.ago(progress === 'deadline' ? newest.createdAgo - 600 : newest.createdAgo),
          ...progressCond,
        },
      ],
    },
  };
  return { objects: [...objects, ...rsObjects, dep] };
}

export interface SimpleWorkloadDef extends Template {
  ns: string;
  name: string;
  createdAgo: number;
  pods: PodDef[];
  replicas?: number;
}

function simpleOwner(kind: 'StatefulSet' | 'DaemonSet' | 'Job', clock: Clock, d: SimpleWorkloadDef, statusFor: (pods: J[]) => J, specExtra: J): Built {
  const ownerUid = uid(`${kind}:${d.ns}/${d.name}`);
  const labels: J = kind === 'Job' ? { 'batch.kubernetes.io/job-name': d.name, 'job-name': d.name, 'batch.kubernetes.io/controller-uid': ownerUid, 'controller-uid': ownerUid } : { app: d.name };
  const owner = { apiVersion: kind === 'Job' ? 'batch/v1' : 'apps/v1', kind, name: d.name, uid: ownerUid };
  const pods: J[] = [];
  d.pods.forEach((p, i) => {
    const name = p.name ?? (kind === 'StatefulSet' ? `${d.name}-${i}` : `${d.name}-${podSuffix(`${d.name}:${i}`)}`);
    const podLabels = kind === 'StatefulSet' ? { ...labels, 'apps.kubernetes.io/pod-index': String(i), 'statefulset.kubernetes.io/pod-name': name, 'controller-revision-hash': `${d.name}-6b9f8c7d54` } : kind === 'DaemonSet' ? { ...labels, 'controller-revision-hash': '7f9c6d8b4', 'pod-template-generation': '1' } : labels;
    pods.push(...buildPods(clock, d.ns, d.name, owner, podLabels, d, [{ ...p, name }]));
  });
  const podObjs = pods.filter((o) => o.kind === 'Pod');
  const workload: J = {
    apiVersion: owner.apiVersion,
    kind,
    metadata: { name: d.name, namespace: d.ns, uid: ownerUid, resourceVersion: resourceVersion(`${kind}:${d.name}`), generation: 1, creationTimestamp: clock.ago(d.createdAgo), labels: kind === 'Job' ? labels : { app: d.name } },
    spec: { ...specExtra, template: { metadata: { labels }, spec: templateSpec(d) } },
    status: statusFor(podObjs),
  };
  return { objects: [...pods, workload] };
}

export function statefulSet(clock: Clock, d: SimpleWorkloadDef & { serviceName: string }): Built {
  return simpleOwner('StatefulSet', clock, d, (pods) => ({ observedGeneration: 1, replicas: pods.length, readyReplicas: pods.filter(ready).length || undefined, currentReplicas: pods.length, updatedReplicas: pods.length, currentRevision: `${d.name}-6b9f8c7d54`, updateRevision: `${d.name}-6b9f8c7d54`, collisionCount: 0, availableReplicas: pods.filter(ready).length }), {
    replicas: d.replicas ?? d.pods.length,
    selector: { matchLabels: { app: d.name } },
    serviceName: d.serviceName,
    podManagementPolicy: 'OrderedReady',
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    revisionHistoryLimit: 10,
    persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
  });
}

export function daemonSet(clock: Clock, d: SimpleWorkloadDef): Built {
  return simpleOwner('DaemonSet', clock, d, (pods) => ({ currentNumberScheduled: pods.length, numberMisscheduled: 0, desiredNumberScheduled: pods.length, numberReady: pods.filter(ready).length, observedGeneration: 1, updatedNumberScheduled: pods.length, numberAvailable: pods.filter(ready).length, numberUnavailable: pods.length - pods.filter(ready).length }), {
    selector: { matchLabels: { app: d.name } },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    revisionHistoryLimit: 10,
  });
}

export function job(clock: Clock, d: SimpleWorkloadDef & { backoffLimit?: number }): Built {
  return simpleOwner('Job', clock, d, (pods) => ({ startTime: clock.ago(d.createdAgo), active: pods.length, ready: 0, terminating: 0, uncountedTerminatedPods: {} }), {
    parallelism: 1,
    completions: 1,
    backoffLimit: d.backoffLimit ?? 6,
    completionMode: 'NonIndexed',
    suspend: false,
    podReplacementPolicy: 'TerminatingOrFailed',
    manualSelector: false,
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid(`Job:${d.ns}/${d.name}`) } },
  });
}

/** A pod without controller (kubectl run). */
export function barePod(clock: Clock, d: Template & { ns: string; name: string; pod: PodDef }): Built {
  return { objects: buildPods(clock, d.ns, d.name, undefined, { run: d.name }, d, [{ ...d.pod, name: d.name }]) };
}
