import type { V1Node, V1Pod } from '@kubernetes/client-node';

export interface NodeFacts {
  name: string | null;
  /** kubernetes.io/arch label (or nodeInfo.architecture). */
  arch: string | null;
  /** Architecture the image name hints at (`...-arm64`, `amd64/...`), normalised; null when it says nothing. */
  imageArch: string | null;
  conditions: Array<{ type: string; status: string; reason: string | null; message: string | null }>;
  /** Pressure conditions that are True (MemoryPressure, DiskPressure, PIDPressure). */
  pressure: string[];
  ready: boolean | null;
}

export interface SiblingFacts {
  total: number;
  crashing: number;
  evicted: number;
  /** Nodes of all siblings / of the crashing ones (distinct). */
  nodes: string[];
  crashingNodes: string[];
}

const ARCH_ALIASES: Record<string, string> = {
  aarch64: 'arm64',
  arm64v8: 'arm64',
  arm64: 'arm64',
  amd64: 'amd64',
  x86_64: 'amd64',
  'x86-64': 'amd64',
  armv7: 'arm',
  arm32v7: 'arm',
  armhf: 'arm',
  arm: 'arm',
  ppc64le: 'ppc64le',
  s390x: 's390x',
};

export function normaliseArch(a: string | null | undefined): string | null {
  if (!a) return null;
  return ARCH_ALIASES[a.toLowerCase()] ?? a.toLowerCase();
}

export function imageArchHint(image: string | null): string | null {
  if (!image) return null;
  const ref = image.split('@')[0] ?? image;
  const m = /(?:^|[/:_.-])(arm64v8|aarch64|arm64|amd64|x86_64|x86-64|arm32v7|armv7|armhf|ppc64le|s390x)(?=$|[/:_.-])/i.exec(ref);
  return m?.[1] ? normaliseArch(m[1]) : null;
}

export function nodeFacts(node: V1Node | undefined, image: string | null): NodeFacts {
  const labels = node?.metadata?.labels ?? {};
  const conditions = (node?.status?.conditions ?? []).map((c) => ({
    type: c.type,
    status: c.status,
    reason: c.reason ?? null,
    message: c.message ?? null,
  }));
  const ready = conditions.find((c) => c.type === 'Ready');
  return {
    name: node?.metadata?.name ?? null,
    arch: normaliseArch(labels['kubernetes.io/arch'] ?? labels['beta.kubernetes.io/arch'] ?? node?.status?.nodeInfo?.architecture),
    imageArch: imageArchHint(image),
    conditions,
    pressure: conditions.filter((c) => /Pressure$/.test(c.type) && c.status === 'True').map((c) => c.type),
    ready: ready ? ready.status === 'True' : null,
  };
}

const CRASH_WAITING = /CrashLoopBackOff|RunContainerError|CreateContainerConfigError|CreateContainerError|ImagePullBackOff|ErrImagePull|^Error$/;

export function podIsCrashing(p: V1Pod): boolean {
  const statuses = [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])];
  return statuses.some((s) => CRASH_WAITING.test(s.state?.waiting?.reason ?? '') || (s.restartCount ?? 0) >= 3 && !s.ready);
}

export function siblingFacts(siblings: readonly V1Pod[]): SiblingFacts {
  const crashing = siblings.filter(podIsCrashing);
  const nodesOf = (ps: readonly V1Pod[]) => [...new Set(ps.map((p) => p.spec?.nodeName).filter((n): n is string => !!n))];
  return {
    total: siblings.length,
    crashing: crashing.length,
    evicted: siblings.filter((p) => p.status?.reason === 'Evicted').length,
    nodes: nodesOf(siblings),
    crashingNodes: nodesOf(crashing),
  };
}
