/** A Pod as the API prints it: spec with defaults, status with conditions derived from container states. */
import { Clock, hex, resourceVersion, uid } from './ids.js';
import { container, containerStatus, type EventSpec, type J, type StatusSpec } from './objects.js';

export interface PodIn {
  name: string;
  ns: string;
  labels: J;
  annotations?: J;
  owner?: { apiVersion: string; kind: string; name: string; uid: string };
  createdAgo: number;
  nodeName: string;
  /** containers, initContainers, volumes, serviceAccountName, restartPolicy, hostNetwork, securityContext ... */
  spec: J;
  /** Status of each container and init container, by name. */
  statuses: Record<string, StatusSpec>;
  phase?: string;
  reason?: string;
  message?: string;
  /** Extra pod conditions (DisruptionTarget on evicted pods). */
  extraConditions?: J[];
  /** When the crashes began, for a pod that ran fine long before (events start a new series then). */
  crashesBeganAgo?: number;
}

function qosClass(containers: J[]): string {
  const res = containers.map((c) => c.resources ?? {});
  if (res.every((r) => !r.requests && !r.limits)) return 'BestEffort';
  const guaranteed = res.every(
    (r) => r.limits?.cpu && r.limits?.memory && (!r.requests || (r.requests.cpu === r.limits.cpu && r.requests.memory === r.limits.memory)),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function pod(clock: Clock, p: PodIn): J {
  const podUid = uid(`pod:${p.ns}/${p.name}`);
  const containers = (p.spec.containers as J[]).map(container);
  const inits = ((p.spec.initContainers as J[] | undefined) ?? []).map(container);
  const saVolume = `kube-api-access-${hex(`sa:${p.name}`, 5).replace(/[0-9]/g, (d) => 'bcdfghjklm'[Number(d)]!)}`;
  const mount = { name: saVolume, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
  const withMount = (c: J) => ({ ...c, volumeMounts: [...(c.volumeMounts ?? []), mount] });
  const { containers: _c, initContainers: _i, volumes, ...rest } = p.spec;
  const spec: J = {
    ...(inits.length ? { initContainers: inits.map(withMount) } : {}),
    containers: containers.map(withMount),
    volumes: [
      ...((volumes as J[] | undefined) ?? []),
      {
        name: saVolume,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
        },
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    serviceAccountName: 'default',
    serviceAccount: rest.serviceAccountName ?? 'default',
    nodeName: p.nodeName,
    securityContext: {},
    schedulerName: 'default-scheduler',
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
    priority: 0,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    ...rest,
  };
  const statusOf = (c: J) => {
    const s = p.statuses[c.name];
    if (!s) throw new Error(`pod ${p.name}: no status for container ${c.name}`);
    return containerStatus(clock, p.name, podUid, p.ns, c, s);
  };
  const initStatuses = inits.map(statusOf);
  const appStatuses = containers.map(statusOf);
  const initDone = initStatuses.every(
    (s, i) => s.state.terminated?.exitCode === 0 || (inits[i]!.restartPolicy === 'Always' && s.started),
  );
  const unready = appStatuses.filter((s) => !s.ready).map((s) => s.name);
  const created = clock.ago(p.createdAgo);
  const started = clock.ago(p.createdAgo - 1);
  // Not-ready since the last crash (or since creation when nothing ever ran).
  const crashes = [...initStatuses, ...appStatuses]
    .map((s) => s.lastState.terminated?.finishedAt ?? s.state.terminated?.finishedAt)
    .filter(Boolean)
    .map((t: string) => Date.parse(t));
  const notReadySince = crashes.length && initDone ? new Date(Math.max(...crashes)).toISOString().replace(/\.\d{3}Z$/, 'Z') : clock.ago(p.createdAgo - 1);
  const cond = (type: string, ok: boolean, reason?: string, message?: string) => ({
    type,
    status: ok ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: ok ? clock.ago(Math.max(0, p.createdAgo - 3)) : type === 'Initialized' ? clock.ago(p.createdAgo - 1) : notReadySince,
    ...(ok ? {} : { reason, message }),
  });
  const failedInits = initStatuses.filter((s) => s.state.terminated?.exitCode !== 0 && !s.started).map((s) => s.name);
  const conditions = [
    cond('PodReadyToStartContainers', p.phase !== 'Failed'),
    cond('Initialized', initDone, 'ContainersNotInitialized', `containers with incomplete status: [${failedInits.join(' ')}]`),
    cond('Ready', unready.length === 0, 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`),
    cond('ContainersReady', unready.length === 0, 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`),
    cond('PodScheduled', true),
    ...(p.extraConditions ?? []),
  ];
  const anyStarted = appStatuses.some((s) => s.state.running || s.lastState.terminated || s.state.terminated);
  const hostIP = `10.224.0.${4 + (parseInt(hex(p.nodeName, 2), 16) % 200)}`;
  const podIP = `10.244.${2 + (parseInt(hex(p.nodeName, 2), 16) % 3)}.${10 + (parseInt(hex(p.name, 2), 16) % 240)}`;
  const status: J = {
    phase: p.phase ?? (initDone && anyStarted ? 'Running' : 'Pending'),
    ...(p.reason ? { reason: p.reason } : {}),
    ...(p.message ? { message: p.message } : {}),
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: started,
    ...(inits.length ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: appStatuses,
    qosClass: qosClass(containers),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      ...(p.owner ? { generateName: p.name.replace(/[^-]+$/, '') } : {}),
      namespace: p.ns,
      uid: podUid,
      resourceVersion: resourceVersion(`pod:${p.name}`),
      creationTimestamp: created,
      labels: p.labels,
      ...(p.annotations ? { annotations: p.annotations } : {}),
      ...(p.owner ? { ownerReferences: [{ ...p.owner, controller: true, blockOwnerDeletion: true }] } : {}),
    },
    spec,
    status,
  };
}

/** The kubelet's usual events for a pod whose containers started (and crashed) `restarts` times. */
export function lifecycleEvents(clock: Clock, p: PodIn, podJson: J): EventSpec[] {
  const out: EventSpec[] = [
    { reason: 'Scheduled', message: `Successfully assigned ${p.ns}/${p.name} to ${p.nodeName}`, firstAgo: p.createdAgo },
  ];
  const all: J[] = [...((podJson.spec.initContainers as J[]) ?? []), ...(podJson.spec.containers as J[])];
  const statuses: J[] = [...(podJson.status.initContainerStatuses ?? []), ...podJson.status.containerStatuses];
  for (const c of all) {
    const s = statuses.find((x) => x.name === c.name)!;
    const init = (podJson.spec.initContainers ?? []).includes(c);
    const everStarted = s.state.running || s.state.terminated || s.lastState.terminated;
    if (!everStarted) continue;
    const runs = (s.restartCount ?? 0) + 1;
    const lastStart = Date.parse(s.state.running?.startedAt ?? s.state.terminated?.startedAt ?? s.lastState.terminated.startedAt);
    const nowAgo = Math.max(1, Math.round((clock.now - lastStart) / 1000));
    const first = p.createdAgo - 2;
    const base = { container: c.name, init };
    out.push(
      { ...base, reason: 'Pulling', message: `Pulling image "${c.image}"`, firstAgo: first },
      { ...base, reason: 'Pulled', message: `Successfully pulled image "${c.image}" in 3.412s (3.412s including waiting). Image size: ${48_000_000 + (parseInt(hex(c.image, 4), 16) % 90_000_000)} bytes.`, firstAgo: first - 3 },
    );
    const began = p.crashesBeganAgo;
    if (began !== undefined && runs > 1) {
      // The first run was long ago; the kubelet's correlator started a new series when the crashes began.
      out.push(
        { ...base, reason: 'Created', message: `Created container: ${c.name}`, firstAgo: first - 3 },
        { ...base, reason: 'Started', message: `Started container ${c.name}`, firstAgo: first - 3 },
        { ...base, reason: 'Pulled', message: `Container image "${c.image}" already present on machine`, firstAgo: began, lastAgo: nowAgo, count: runs - 1 },
        { ...base, reason: 'Created', message: `Created container: ${c.name}`, firstAgo: began, lastAgo: nowAgo, count: runs - 1 },
        { ...base, reason: 'Started', message: `Started container ${c.name}`, firstAgo: began, lastAgo: nowAgo, count: runs - 1 },
      );
    } else {
      if (runs > 1) {
        out.push({ ...base, reason: 'Pulled', message: `Container image "${c.image}" already present on machine`, firstAgo: Math.max(nowAgo, first - 30), lastAgo: nowAgo, count: runs - 1 });
      }
      out.push(
        { ...base, reason: 'Created', message: `Created container: ${c.name}`, firstAgo: first - 3, lastAgo: nowAgo, count: runs },
        { ...base, reason: 'Started', message: `Started container ${c.name}`, firstAgo: first - 3, lastAgo: nowAgo, count: runs },
      );
    }
    if (s.state.waiting?.reason === 'CrashLoopBackOff') {
      out.push({
        ...base,
        reason: 'BackOff',
        message: `Back-off restarting failed container ${c.name} in pod ${p.name}_${p.ns}(${podJson.metadata.uid})`,
        firstAgo: began !== undefined ? began - 10 : first - 20,
        lastAgo: 4,
        count: Math.max(1, Math.round(runs * 2.3)),
      });
    }
  }
  return out;
}
