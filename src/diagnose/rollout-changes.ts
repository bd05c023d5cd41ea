/** What changed between two pod templates: images, command/args, env names, envFrom, resources, probes, ports. */
import type { V1Container, V1EnvVar, V1PodTemplateSpec, V1Probe } from '@kubernetes/client-node';
import { isSecretName, redact } from '../redact.js';

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

function json(v: unknown): string {
  return JSON.stringify(v ?? null);
}

function short(v: string, max = 80): string {
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
}

function probeText(p: V1Probe | undefined): string {
  if (!p) return 'none';
  const target = p.httpGet
    ? `http-get :${p.httpGet.port}${p.httpGet.path ?? '/'}`
    : p.tcpSocket
      ? `tcp :${p.tcpSocket.port}`
      : p.grpc
        ? `grpc :${p.grpc.port}`
        : p.exec
          ? `exec [${(p.exec.command ?? []).join(' ')}]`
          : '?';
  return `${target} delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #failure=${p.failureThreshold ?? 3}`;
}

function envValue(e: V1EnvVar): string {
  if (e.valueFrom) {
    const s = e.valueFrom.secretKeyRef;
    const c = e.valueFrom.configMapKeyRef;
    if (s) return `secret ${s.name}/${s.key}`;
    if (c) return `configmap ${c.name}/${c.key}`;
    return 'valueFrom';
  }
  return e.value ?? '';
}

function envChanges(name: string, prev: V1EnvVar[], cur: V1EnvVar[]): string[] {
  const out: string[] = [];
  const p = new Map(prev.map((e) => [e.name, e]));
  const c = new Map(cur.map((e) => [e.name, e]));
  const added = [...c.keys()].filter((k) => !p.has(k));
  const removed = [...p.keys()].filter((k) => !c.has(k));
  if (added.length) out.push(`env added in ${name}: ${added.join(', ')}`);
  if (removed.length) out.push(`env removed from ${name}: ${removed.join(', ')}`);
  for (const [k, ce] of c) {
    const pe = p.get(k);
    if (!pe || json(pe) === json(ce)) continue;
    const secret = isSecretName(k) || !!ce.valueFrom?.secretKeyRef || !!pe.valueFrom?.secretKeyRef;
    out.push(secret ? `env ${k} of ${name} changed (value not shown)` : `env ${k} of ${name} changed: "${short(redact(envValue(pe)), 60)}" → "${short(redact(envValue(ce)), 60)}"`);
  }
  return out;
}

function containerChanges(label: string, p: V1Container, c: V1Container): string[] {
  const out: string[] = [];
  if (p.image !== c.image) out.push(`image of ${label}: ${p.image ?? '?'} → ${c.image ?? '?'}`);
  if (json(p.command) !== json(c.command)) out.push(`command of ${label}: ${short(json(p.command))} → ${short(json(c.command))}`);
  if (json(p.args) !== json(c.args)) out.push(`args of ${label}: ${short(redact(json(p.args)))} → ${short(redact(json(c.args)))}`);
  out.push(...envChanges(label, p.env ?? [], c.env ?? []));
  const refs = (x: V1Container) => (x.envFrom ?? []).map((e) => (e.secretRef ? `secret/${e.secretRef.name}` : e.configMapRef ? `configmap/${e.configMapRef.name}` : '?'));
  if (json(refs(p)) !== json(refs(c))) out.push(`envFrom of ${label}: [${refs(p).join(', ')}] → [${refs(c).join(', ')}]`);
  for (const side of ['limits', 'requests'] as const) {
    const a = p.resources?.[side] ?? {};
    const b = c.resources?.[side] ?? {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const av = a[key] === undefined ? 'none' : String(a[key]);
      const bv = b[key] === undefined ? 'none' : String(b[key]);
      if (av !== bv) out.push(`resources.${side}.${key} of ${label}: ${av} → ${bv}`);
    }
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    if (json(p[probe]) !== json(c[probe])) out.push(`${probe} of ${label}: ${probeText(p[probe])} → ${probeText(c[probe])}`);
  }
  const ports = (x: V1Container) => (x.ports ?? []).map((q) => q.containerPort).join(',');
  if (ports(p) !== ports(c)) out.push(`containerPorts of ${label}: [${ports(p)}] → [${ports(c)}]`);
  if (json(p.securityContext) !== json(c.securityContext)) out.push(`securityContext of ${label} changed`);
  if (json(p.volumeMounts) !== json(c.volumeMounts)) out.push(`volumeMounts of ${label} changed`);
  return out;
}

function listChanges(kind: string, prev: V1Container[], cur: V1Container[]): string[] {
  const out: string[] = [];
  const p = new Map(prev.map((c) => [c.name, c]));
  const c = new Map(cur.map((x) => [x.name, x]));
  for (const [name, cc] of c) {
    const pc = p.get(name);
    const label = kind === 'init' ? `init container ${name}` : name;
    if (!pc) out.push(`${kind === 'init' ? 'init container' : 'container'} ${name} added (${cc.image ?? '?'})`);
    else out.push(...containerChanges(label, pc, cc));
  }
  for (const name of p.keys()) if (!c.has(name)) out.push(`${kind === 'init' ? 'init container' : 'container'} ${name} removed`);
  return out;
}

export interface TemplateDiff {
  changes: string[];
  /** True when the only difference is kubectl's restartedAt annotation (a `rollout restart`). */
  restartOnly: boolean;
}

export function templateChanges(prev: V1PodTemplateSpec | undefined, cur: V1PodTemplateSpec | undefined): TemplateDiff {
  const ps = prev?.spec;
  const cs = cur?.spec;
  const changes = [
    ...listChanges('init', ps?.initContainers ?? [], cs?.initContainers ?? []),
    ...listChanges('app', ps?.containers ?? [], cs?.containers ?? []),
  ];
  if (json(ps?.volumes) !== json(cs?.volumes)) changes.push('volumes changed');
  if (ps?.serviceAccountName !== cs?.serviceAccountName) changes.push(`serviceAccountName: ${ps?.serviceAccountName ?? 'default'} → ${cs?.serviceAccountName ?? 'default'}`);
  if (json(ps?.nodeSelector) !== json(cs?.nodeSelector)) changes.push(`nodeSelector: ${json(ps?.nodeSelector)} → ${json(cs?.nodeSelector)}`);
  if (json(ps?.securityContext) !== json(cs?.securityContext)) changes.push('pod securityContext changed');
  const substantive = changes.length;
  const pr = prev?.metadata?.annotations?.[RESTARTED_AT];
  const cr = cur?.metadata?.annotations?.[RESTARTED_AT];
  if (pr !== cr && cr) changes.push(`rollout restart at ${cr}`);
  return { changes, restartOnly: substantive === 0 && changes.length > 0 };
}
