/** Builders for API objects shaped like `kubectl get -o json` output (defaults filled as the API server does). */
import { Clock, containerId, hex, resourceVersion, uid } from './ids.js';

// Fixture JSON is free-form on purpose: these builders emit wire JSON, not client models.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type J = Record<string, any>;

export interface NodeOpts {
  name?: string;
  arch?: 'amd64' | 'arm64';
  memoryPressure?: boolean;
  diskPressure?: boolean;
  pidPressure?: boolean;
  ready?: boolean;
  instanceType?: string;
  memory?: string;
}

export function node(clock: Clock, o: NodeOpts = {}): J {
  const name = o.name ?? 'aks-nodepool1-31718369-vmss000002';
  const arch = o.arch ?? 'amd64';
  const since = clock.ago(86400 * 12);
  const recent = clock.ago(45);
  const cond = (type: string, on: boolean, okReason: string, badReason: string, okMsg: string, badMsg: string) => ({
    type,
    status: on ? 'True' : 'False',
    lastHeartbeatTime: recent,
    lastTransitionTime: on ? clock.ago(1500) : since,
    reason: on ? badReason : okReason,
    message: on ? badMsg : okMsg,
  });
  const ready = o.ready ?? true;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: uid(`node:${name}`),
      resourceVersion: resourceVersion(`node:${name}`),
      creationTimestamp: since,
      labels: {
        'beta.kubernetes.io/arch': arch,
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': arch,
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': o.instanceType ?? (arch === 'arm64' ? 'Standard_D4ps_v5' : 'Standard_D4s_v5'),
        'topology.kubernetes.io/region': 'westeurope',
        'topology.kubernetes.io/zone': 'westeurope-1',
        agentpool: name.split('-')[1] ?? 'nodepool1',
      },
    },
    spec: { providerID: `azure:///subscriptions/0000/resourceGroups/mc_rg/providers/Microsoft.Compute/virtualMachineScaleSets/${name}`, podCIDR: '10.244.2.0/24' },
    status: {
      capacity: { cpu: '4', 'ephemeral-storage': '129886128Ki', memory: o.memory ?? '16375356Ki', pods: '110' },
      allocatable: { cpu: '3860m', 'ephemeral-storage': '119703055367', memory: o.memory ? o.memory : '12880444Ki', pods: '110' },
      conditions: [
        cond('MemoryPressure', !!o.memoryPressure, 'KubeletHasSufficientMemory', 'KubeletHasInsufficientMemory', 'kubelet has sufficient memory available', 'kubelet has insufficient memory available'),
        cond('DiskPressure', !!o.diskPressure, 'KubeletHasNoDiskPressure', 'KubeletHasDiskPressure', 'kubelet has no disk pressure', 'kubelet has disk pressure'),
        cond('PIDPressure', !!o.pidPressure, 'KubeletHasSufficientPID', 'KubeletHasInsufficientPID', 'kubelet has sufficient PID available', 'kubelet has insufficient PID available'),
        {
          type: 'Ready',
          status: ready ? 'True' : 'Unknown',
          lastHeartbeatTime: recent,
          lastTransitionTime: since,
          reason: ready ? 'KubeletReady' : 'NodeStatusUnknown',
          message: ready ? 'kubelet is posting ready status' : 'Kubelet stopped posting node status.',
        },
      ],
      addresses: [
        { type: 'InternalIP', address: `10.224.0.${4 + (parseInt(hex(name, 2), 16) % 200)}` },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        architecture: arch,
        bootID: uid(`boot:${name}`),
        containerRuntimeVersion: 'containerd://1.7.22-1',
        kernelVersion: '5.15.0-1071-azure',
        kubeProxyVersion: 'v1.30.6',
        kubeletVersion: 'v1.30.6',
        machineID: hex(`machine:${name}`, 32),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 22.04.5 LTS',
        systemUUID: uid(`sys:${name}`),
      },
    },
  };
}

/** Fill the defaults the API server adds to a container (and its probes). */
export function container(c: J): J {
  const probe = (p: J | undefined) =>
    p && {
      ...p,
      ...(p.httpGet ? { httpGet: { scheme: 'HTTP', ...p.httpGet } } : {}),
      timeoutSeconds: p.timeoutSeconds ?? 1,
      periodSeconds: p.periodSeconds ?? 10,
      successThreshold: p.successThreshold ?? 1,
      failureThreshold: p.failureThreshold ?? 3,
    };
  const out: J = {
    ...c,
    resources: c.resources ?? {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
    imagePullPolicy: c.imagePullPolicy ?? (String(c.image).endsWith(':latest') ? 'Always' : 'IfNotPresent'),
  };
  for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) if (c[k]) out[k] = probe(c[k]);
  if (c.ports) out.ports = c.ports.map((p: J) => ({ protocol: 'TCP', ...p }));
  return out;
}

export function imageId(image: string): string {
  const repo = image.split('@')[0]!.replace(/:[^/:]+$/, '');
  const full = repo.includes('/') && repo.split('/')[0]!.includes('.') ? repo : `docker.io/${repo.includes('/') ? repo : `library/${repo}`}`;
  return `${full}@sha256:${hex(`img:${image}`, 64)}`;
}

export interface Terminated {
  exitCode: number;
  reason?: string;
  signal?: number;
  message?: string;
  /** Seconds the instance ran. */
  ran: number;
  /** Seconds before collectedAt it finished. */
  finishedAgo: number;
}

function terminated(clock: Clock, seed: string, t: Terminated): J {
  return {
    containerID: containerId(`${seed}:${t.finishedAgo}`),
    exitCode: t.exitCode,
    reason: t.reason ?? (t.exitCode === 0 ? 'Completed' : 'Error'),
    ...(t.signal !== undefined ? { signal: t.signal } : {}),
    ...(t.message !== undefined ? { message: t.message } : {}),
    startedAt: clock.ago(t.finishedAgo + t.ran),
    finishedAt: clock.ago(t.finishedAgo),
  };
}

export type StatusSpec =
  | { kind: 'crashloop'; last: Terminated; restarts: number; backoff?: string }
  | { kind: 'running'; startedAgo: number; restarts?: number; ready?: boolean; last?: Terminated }
  | { kind: 'waiting'; reason: string; message?: string; restarts?: number; last?: Terminated }
  | { kind: 'terminated'; term: Terminated; restarts?: number };

export function containerStatus(clock: Clock, podName: string, podUid: string, ns: string, c: J, s: StatusSpec): J {
  const seed = `${podName}/${c.name}`;
  const base: J = { name: c.name, image: c.image, imageID: imageId(c.image), started: false, ready: false };
  let state: J;
  let lastState: J = {};
  if (s.kind === 'crashloop') {
    const backoff = s.backoff ?? (s.restarts >= 6 ? '5m0s' : `${10 * 2 ** Math.max(0, s.restarts - 1)}s`);
    state = {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off ${backoff} restarting failed container=${c.name} pod=${podName}_${ns}(${podUid})`,
      },
    };
    lastState = { terminated: terminated(clock, seed, s.last) };
  } else if (s.kind === 'running') {
    state = { running: { startedAt: clock.ago(s.startedAgo) } };
    base.started = true;
    base.ready = s.ready ?? true;
    if (s.last) lastState = { terminated: terminated(clock, seed, s.last) };
  } else if (s.kind === 'waiting') {
    state = { waiting: { reason: s.reason, ...(s.message ? { message: s.message } : {}) } };
    if (!s.last) base.imageID = '';
    if (s.last) lastState = { terminated: terminated(clock, seed, s.last) };
  } else {
    state = { terminated: terminated(clock, `${seed}:cur`, s.term) };
  }
  const restarts = s.kind === 'crashloop' ? s.restarts : (s.restarts ?? 0);
  const out: J = { ...base, state, lastState, restartCount: restarts };
  if (s.kind !== 'waiting' || s.last) {
    if (state.running || state.terminated) out.containerID = containerId(`${seed}:current`);
    else if (lastState.terminated) out.containerID = lastState.terminated.containerID;
  }
  return out;
}

export interface EventSpec {
  reason: string;
  message: string;
  type?: 'Normal' | 'Warning';
  count?: number;
  firstAgo: number;
  lastAgo?: number;
  /** container name for fieldPath spec.containers{x} (init: spec.initContainers{x}) */
  container?: string;
  init?: boolean;
  component?: string;
}

export function event(clock: Clock, pod: J, e: EventSpec): J {
  const podName = pod.metadata.name as string;
  const ns = pod.metadata.namespace as string;
  const name = `${podName}.${hex(`ev:${podName}:${e.reason}:${e.message}:${e.firstAgo}`, 16)}`;
  // {podIP}, {pod}, {podUid}, {ns}, {node} in a message are filled from the pod.
  const message = e.message
    .replaceAll('{podIP}', pod.status.podIP)
    .replaceAll('{podUid}', pod.metadata.uid)
    .replaceAll('{pod}', podName)
    .replaceAll('{ns}', ns)
    .replaceAll('{node}', pod.spec.nodeName);
  const component = e.component ?? (e.reason === 'Scheduled' ? 'default-scheduler' : 'kubelet');
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name,
      namespace: ns,
      uid: uid(`ev:${name}`),
      resourceVersion: resourceVersion(`ev:${name}`),
      creationTimestamp: clock.ago(e.firstAgo),
    },
    involvedObject: {
      apiVersion: 'v1',
      kind: 'Pod',
      name: podName,
      namespace: ns,
      uid: pod.metadata.uid,
      resourceVersion: pod.metadata.resourceVersion,
      ...(e.container ? { fieldPath: `spec.${e.init ? 'initContainers' : 'containers'}{${e.container}}` } : {}),
    },
    reason: e.reason,
    message,
    source: component === 'kubelet' ? { component, host: pod.spec.nodeName } : { component },
    firstTimestamp: clock.ago(e.firstAgo),
    lastTimestamp: clock.ago(e.lastAgo ?? e.firstAgo),
    count: e.count ?? 1,
    type: e.type ?? (['BackOff', 'Failed', 'Unhealthy', 'Evicted', 'FailedMount'].includes(e.reason) ? 'Warning' : 'Normal'),
    eventTime: null,
    reportingComponent: component,
    reportingInstance: component === 'kubelet' ? pod.spec.nodeName : '',
  };
}
