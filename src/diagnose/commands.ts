/** kubectl commands with the real names filled in, for remedies. Pure string building. */
import type { Facts } from './facts.js';

/** Quote a shell word only when it needs it. */
function q(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface Kubectl {
  /** `deployment/api` (lower-case kind), or null for a bare pod. */
  workloadRef: string | null;
  logsPrevious(): string;
  logs(): string;
  describePod(): string;
  events(): string;
  getPodYaml(): string;
  setMemoryLimit(limit: string): string;
  setEnv(assignment: string): string;
  editWorkload(): string;
  rolloutStatus(): string;
  rolloutRestart(): string;
  rolloutUndo(revision: number | null): string;
  rolloutHistory(): string;
  describeNode(): string;
  getSecrets(): string;
  getConfigMaps(): string;
  debug(image?: string): string;
  top(): string;
}

export function kubectl(f: Facts): Kubectl {
  const ns = `kubectl -n ${q(f.namespace)}`;
  const pod = q(f.podName);
  const c = q(f.container);
  const kind = f.workload?.kind.toLowerCase();
  const workloadRef = f.workload && kind && kind !== 'replicaset' && kind !== 'job' ? `${kind}/${q(f.workload.name)}` : null;
  const target = workloadRef ?? `pod/${pod}`;
  return {
    workloadRef,
    logsPrevious: () => `${ns} logs ${pod} -c ${c} --previous`,
    logs: () => `${ns} logs ${pod} -c ${c}`,
    describePod: () => `${ns} describe pod ${pod}`,
    events: () => `${ns} get events --field-selector involvedObject.name=${pod} --sort-by=.lastTimestamp`,
    getPodYaml: () => `${ns} get pod ${pod} -o yaml`,
    setMemoryLimit: (limit) =>
      workloadRef
        ? `${ns} set resources ${workloadRef} -c ${c} --limits=memory=${limit}`
        : `# pods cannot be resized in place: raise resources.limits.memory of ${c} to ${limit} in the manifest and re-create the pod`,
    setEnv: (assignment) => (workloadRef ? `${ns} set env ${workloadRef} -c ${c} ${assignment}` : `# set ${assignment} in the pod manifest`),
    editWorkload: () => `${ns} edit ${target}`,
    rolloutStatus: () => (workloadRef ? `${ns} rollout status ${workloadRef}` : `${ns} get pod ${pod} -w`),
    rolloutRestart: () => (workloadRef ? `${ns} rollout restart ${workloadRef}` : `${ns} delete pod ${pod}`),
    rolloutUndo: (revision) =>
      workloadRef ? `${ns} rollout undo ${workloadRef}${revision !== null ? ` --to-revision=${revision}` : ''}` : `# no workload to roll back`,
    rolloutHistory: () => (workloadRef ? `${ns} rollout history ${workloadRef}` : `# no workload history for a bare pod`),
    describeNode: () => (f.nodeName ? `kubectl describe node ${q(f.nodeName)}` : `${ns} get pod ${pod} -o wide`),
    getSecrets: () => `${ns} get secrets`,
    getConfigMaps: () => `${ns} get configmaps`,
    debug: (image = 'busybox:1.36') => `${ns} debug -it ${pod} --image=${image} --target=${c}`,
    top: () => `${ns} top pod ${pod} --containers`,
  };
}
