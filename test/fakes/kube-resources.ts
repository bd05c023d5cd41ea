/**
 * The resource kinds the fake Kubernetes API serves, and the discovery documents built from them
 * (what `kubectl` reads from /api, /apis, /api/v1, /apis/<group>/<version> before any request).
 */
export interface ResourceType {
  kind: string;
  /** '' for the core group */
  group: string;
  version: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  /** Fields a fieldSelector may use besides metadata.name / metadata.namespace. */
  fields: string[];
  verbs: string[];
}

const READ = ['get', 'list'];
const WRITE = ['get', 'list', 'patch', 'update'];

export const RESOURCE_TYPES: ResourceType[] = [
  { kind: 'Pod', group: '', version: 'v1', plural: 'pods', singular: 'pod', namespaced: true, shortNames: ['po'], fields: ['spec.nodeName', 'status.phase', 'spec.restartPolicy', 'spec.serviceAccountName'], verbs: WRITE },
  { kind: 'Event', group: '', version: 'v1', plural: 'events', singular: 'event', namespaced: true, shortNames: ['ev'], fields: ['involvedObject.name', 'involvedObject.namespace', 'involvedObject.uid', 'involvedObject.kind', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'], verbs: READ },
  { kind: 'Node', group: '', version: 'v1', plural: 'nodes', singular: 'node', namespaced: false, shortNames: ['no'], fields: ['spec.unschedulable'], verbs: READ },
  { kind: 'Namespace', group: '', version: 'v1', plural: 'namespaces', singular: 'namespace', namespaced: false, shortNames: ['ns'], fields: ['status.phase'], verbs: READ },
  { kind: 'ConfigMap', group: '', version: 'v1', plural: 'configmaps', singular: 'configmap', namespaced: true, shortNames: ['cm'], fields: [], verbs: READ },
  { kind: 'Secret', group: '', version: 'v1', plural: 'secrets', singular: 'secret', namespaced: true, shortNames: [], fields: ['type'], verbs: READ },
  { kind: 'Service', group: '', version: 'v1', plural: 'services', singular: 'service', namespaced: true, shortNames: ['svc'], fields: [], verbs: READ },
  { kind: 'ReplicationController', group: '', version: 'v1', plural: 'replicationcontrollers', singular: 'replicationcontroller', namespaced: true, shortNames: ['rc'], fields: ['status.replicas'], verbs: READ },
  { kind: 'ReplicaSet', group: 'apps', version: 'v1', plural: 'replicasets', singular: 'replicaset', namespaced: true, shortNames: ['rs'], fields: ['status.replicas'], verbs: WRITE },
  { kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', singular: 'deployment', namespaced: true, shortNames: ['deploy'], fields: [], verbs: WRITE },
  { kind: 'StatefulSet', group: 'apps', version: 'v1', plural: 'statefulsets', singular: 'statefulset', namespaced: true, shortNames: ['sts'], fields: [], verbs: WRITE },
  { kind: 'DaemonSet', group: 'apps', version: 'v1', plural: 'daemonsets', singular: 'daemonset', namespaced: true, shortNames: ['ds'], fields: [], verbs: WRITE },
  { kind: 'ControllerRevision', group: 'apps', version: 'v1', plural: 'controllerrevisions', singular: 'controllerrevision', namespaced: true, shortNames: [], fields: [], verbs: READ },
  { kind: 'Job', group: 'batch', version: 'v1', plural: 'jobs', singular: 'job', namespaced: true, shortNames: [], fields: ['status.successful'], verbs: WRITE },
  { kind: 'CronJob', group: 'batch', version: 'v1', plural: 'cronjobs', singular: 'cronjob', namespaced: true, shortNames: ['cj'], fields: [], verbs: READ },
];

export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

export function typeByKind(kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.kind === kind);
}

export function typeByPlural(group: string, version: string, plural: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.plural === plural);
}

/** `deployments.apps`, `pods`: how the API names a resource in Status messages. */
export function qualifiedName(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}

export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** GET /api */
export function coreVersions(serverAddress: string): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groups(): string[] {
  return [...new Set(RESOURCE_TYPES.filter((t) => t.group).map((t) => t.group))];
}

/** GET /apis */
export function groupList(): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups().map((g) => {
      const version = { groupVersion: `${g}/v1`, version: 'v1' };
      return { name: g, versions: [version], preferredVersion: version };
    }),
  };
}

/** GET /apis/<group> */
export function group(name: string): unknown | undefined {
  if (!groups().includes(name)) return undefined;
  const version = { groupVersion: `${name}/v1`, version: 'v1' };
  return { kind: 'APIGroup', apiVersion: 'v1', name, versions: [version], preferredVersion: version };
}

/** GET /api/v1, /apis/<group>/<version> */
export function resourceList(groupName: string, version: string): unknown | undefined {
  const types = RESOURCE_TYPES.filter((t) => t.group === groupName && t.version === version);
  if (types.length === 0) return undefined;
  const resources: unknown[] = [];
  for (const t of types) {
    resources.push({
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
    });
    if (t.kind === 'Pod') {
      resources.push({ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
    }
    if (['Deployment', 'ReplicaSet', 'StatefulSet'].includes(t.kind)) {
      resources.push({ name: `${t.plural}/scale`, singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] });
    }
    if (t.verbs.includes('patch')) {
      resources.push({ name: `${t.plural}/status`, singularName: '', namespaced: t.namespaced, kind: t.kind, verbs: ['get', 'patch', 'update'] });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupName ? `${groupName}/${version}` : version, resources };
}
