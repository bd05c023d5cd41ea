/**
 * Every overlay in deploy/overlays renders with the real `kubectl kustomize`, every rendered object passes
 * the official schemas (and has no field they do not know), and the rendered shapes keep the promises of
 * the install: hardened pods, probes that cannot kill a slow start, a PDB per Deployment, no Secret access.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './dockerfile-replay.js';
import { byKind, DEPLOY_DIR, listShapes, renderKustomization, type K8sObject } from './render.js';
import { checkKnownFields, validateWithModels } from './schema-validate.js';
import { podSpecs, type Container, type PodSpec } from './pod-spec.js';

const shapes = listShapes();
/**
 * Containers deliberately without probes, and why. Kept exact: such a container must have no probe at all.
 * (A probe on a port nobody listens on would kill a healthy container; test/deploy/probes.test.ts runs the real
 * processes and fails when an unprobed one starts serving /healthz.)
 */
const UNPROBED: Record<string, string> = {};
const rendered = new Map(shapes.map((s) => [s.name, renderKustomization(s.dir)]));
const get = (name: string) => rendered.get(name)!;
// One tsc run over every overlay's objects (a few seconds), shared by the per-overlay tests.
let knownFieldProblems: ReturnType<typeof checkKnownFields> | undefined;
function knownFieldProblemsOf(shape: string) {
  if (!knownFieldProblems) {
    const all = shapes.flatMap((s) => get(s.name).map((o) => [s.name, o] as const));
    knownFieldProblems = checkKnownFields(all.map(([, o]) => o), all.map(([n]) => n));
  }
  return knownFieldProblems.filter((p) => p.object.startsWith(`${shape}: `) || !p.object.includes(': '));
}

describe('schema validation', () => {
  it('catches a wrong type and an unknown field (it is not a no-op)', async () => {
    const [deployment] = structuredClone(byKind(get(shapes[0]!.name), 'Deployment'));
    const spec = deployment!.spec as { replicas: unknown; template: { spec: { containers: Record<string, unknown>[] } } };
    spec.replicas = 'two';
    spec.template.spec.containers[0]!.readinessprobe = { httpGet: { path: '/readyz', port: 'http' } };
    expect((await validateWithModels([deployment!])).map((p) => p.message)).toEqual(['/spec/replicas must be integer']);
    const unknown = checkKnownFields([deployment!]).map((p) => p.message);
    expect(unknown.some((m) => m.includes(`'"readinessprobe"' does not exist in type 'IContainer'`))).toBe(true);
  });
});

describe('overlays', () => {
  it("tag the bot image with the package's version (your overlay overrides the name)", () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const s of shapes) {
      for (const p of podSpecs(get(s.name)).filter((p) => p.owner.startsWith('Deployment/'))) {
        for (const c of [...(p.spec.initContainers ?? []), ...p.spec.containers]) expect(c.image, `${s.name} ${p.owner}`).toBe(`crashloop-bot:${version}`);
      }
    }
  });

  it('cover every common shape: Socket Mode and HTTP, bundled and external Redis, actions on and off', () => {
    const has = (p: (s: (typeof shapes)[number]) => boolean) => shapes.some(p);
    expect(has((s) => !s.http)).toBe(true);
    expect(has((s) => s.http)).toBe(true);
    expect(has((s) => s.bundledRedis)).toBe(true);
    expect(has((s) => s.components.includes('external-redis'))).toBe(true);
    expect(has((s) => s.actions)).toBe(true);
    expect(has((s) => !s.actions)).toBe(true);
  });
});

describe.each(shapes)('overlay $name', (shape) => {
  const objects = get(shape.name);
  const pods = podSpecs(objects);

  it('validates against the Kubernetes (and prometheus-operator) schemas', async () => {
    expect(await validateWithModels(objects)).toEqual([]);
  });

  it('has no field the schemas do not know', () => {
    expect(knownFieldProblemsOf(shape.name)).toEqual([]);
  });

  it('puts everything namespaced in one namespace, and the RBAC subjects name its ServiceAccount', () => {
    const ns = byKind(objects, 'Namespace')[0]!.metadata.name;
    const clusterScoped = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);
    for (const o of objects.filter((o) => !clusterScoped.has(o.kind))) expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe(ns);
    const sa = byKind(objects, 'ServiceAccount').map((s) => s.metadata.name);
    for (const b of [...byKind(objects, 'ClusterRoleBinding'), ...byKind(objects, 'RoleBinding')]) {
      for (const s of (b as unknown as { subjects: { kind: string; name: string; namespace: string }[] }).subjects) {
        expect(s).toEqual({ kind: 'ServiceAccount', name: expect.toBeOneOf(sa), namespace: ns });
      }
    }
  });

  it('labels every object with app.kubernetes.io/name and part-of', () => {
    for (const o of objects) {
      expect(o.metadata.labels?.['app.kubernetes.io/name'], `${o.kind}/${o.metadata.name}`).toBe('crashloop-bot');
      expect(o.metadata.labels?.['app.kubernetes.io/part-of'], `${o.kind}/${o.metadata.name}`).toBe('crashloop-bot');
    }
  });

  it('runs separate serve and worker Deployments of the bot, each with its subcommand', () => {
    const bots = byKind<{ metadata: { name: string }; spec: { template: { spec: PodSpec } } }>(objects, 'Deployment');
    expect(bots.map((d) => d.metadata.name).sort()).toEqual(['crashloop-bot-serve', 'crashloop-bot-worker']);
    for (const d of bots) {
      const c = d.spec.template.spec.containers[0]!;
      expect(c.args).toEqual([d.metadata.name.replace('crashloop-bot-', '')]);
      expect(c.envFrom).toContainEqual({ secretRef: { name: 'crashloop-bot' } });
      const redis = c.env?.find((e) => e.name === 'REDIS_URL');
      expect(redis, 'REDIS_URL').toBeDefined();
      if (shape.bundledRedis) expect(redis!.value).toBe('redis://crashloop-bot-redis:6379');
      else expect(redis!.valueFrom).toEqual({ secretKeyRef: { name: 'crashloop-bot', key: 'REDIS_URL' } });
      // The init container waits for the same Redis the bot will use.
      const init = d.spec.template.spec.initContainers?.find((i) => i.name === 'wait-for-redis');
      expect(init?.env?.find((e) => e.name === 'REDIS_URL')).toEqual(redis);
    }
  });

  it.each(pods.map((p) => [p.owner, p] as const))('%s: every container is hardened', (_owner, p) => {
    expect(p.spec.securityContext?.runAsNonRoot).toBe(true);
    expect(p.spec.securityContext?.seccompProfile?.type).toBe('RuntimeDefault');
    for (const c of [...(p.spec.initContainers ?? []), ...p.spec.containers]) {
      const sc = c.securityContext ?? {};
      expect(sc.runAsNonRoot, c.name).toBe(true);
      expect(sc.runAsUser, c.name).toBeGreaterThan(0);
      expect(sc.readOnlyRootFilesystem, c.name).toBe(true);
      expect(sc.allowPrivilegeEscalation, c.name).toBe(false);
      expect(sc.privileged ?? false, c.name).toBe(false);
      expect(sc.capabilities?.drop, c.name).toContain('ALL');
      expect(sc.capabilities?.add ?? [], c.name).toEqual([]);
      expect(sc.seccompProfile?.type ?? p.spec.securityContext?.seccompProfile?.type, c.name).toBe('RuntimeDefault');
      for (const r of ['requests', 'limits'] as const) {
        expect(c.resources?.[r]?.cpu, `${c.name} ${r}.cpu`).toBeDefined();
        expect(c.resources?.[r]?.memory, `${c.name} ${r}.memory`).toBeDefined();
      }
    }
    expect(p.spec.hostNetwork ?? false).toBe(false);
    expect(p.spec.hostPID ?? false).toBe(false);
    expect(p.spec.volumes?.some((v) => 'hostPath' in v) ?? false).toBe(false);
  });

  it.each(pods.map((p) => [p.owner, p] as const))('%s: probes cannot kill a slow start', (owner, p) => {
    for (const c of p.spec.containers) {
      if (UNPROBED[owner]) {
        // The exemption holds exactly: no probe at all (test/deploy/probes.test.ts runs the real process).
        expect([c.startupProbe, c.livenessProbe, c.readinessProbe], UNPROBED[owner]).toEqual([undefined, undefined, undefined]);
        continue;
      }
      expect(c.startupProbe, `${c.name} startupProbe`).toBeDefined();
      expect(c.livenessProbe, `${c.name} livenessProbe`).toBeDefined();
      expect(c.readinessProbe, `${c.name} readinessProbe`).toBeDefined();
      // Liveness only counts once the startup probe has passed; give a slow start at least 2 minutes.
      expect(window(c.startupProbe!), `${c.name} startup window (s)`).toBeGreaterThanOrEqual(120);
      expect(window(c.livenessProbe!), `${c.name} liveness window (s)`).toBeGreaterThanOrEqual(30);
      expect(c.livenessProbe!.timeoutSeconds ?? 1).toBeGreaterThanOrEqual(3);
      if (owner.startsWith('Deployment/crashloop-bot-')) {
        // /healthz never depends on Redis or Slack: an outage makes the bot unready, never restarts it.
        expect(c.startupProbe!.httpGet?.path).toBe('/healthz');
        expect(c.livenessProbe!.httpGet?.path).toBe('/healthz');
        expect(c.readinessProbe!.httpGet?.path).toBe('/readyz');
        expect(c.ports?.map((port) => port.containerPort)).toContain(3000);
      }
    }
  });

  it('gives each bot Deployment a PodDisruptionBudget that still lets a node drain', () => {
    const pdbs = byKind<{ spec: { minAvailable?: number; selector: { matchLabels: Record<string, string> } } }>(objects, 'PodDisruptionBudget');
    for (const d of byKind<{ metadata: { name: string }; spec: { replicas: number; template: { metadata: { labels: Record<string, string> } } } }>(objects, 'Deployment')) {
      const labels = d.spec.template.metadata.labels;
      const pdb = pdbs.find((p) => Object.entries(p.spec.selector.matchLabels).every(([k, v]) => labels[k] === v));
      expect(pdb, d.metadata.name).toBeDefined();
      expect(pdb!.spec.minAvailable).toBeLessThan(d.spec.replicas);
    }
  });

  it('routes each Service to pods and a named port that exist', () => {
    for (const svc of byKind<{ metadata: { name: string }; spec: { selector: Record<string, string>; ports: { targetPort: string }[] } }>(objects, 'Service')) {
      const match = pods.filter((p) => Object.entries(svc.spec.selector).every(([k, v]) => p.labels[k] === v));
      expect(match.length, svc.metadata.name).toBe(1);
      for (const port of svc.spec.ports) {
        expect(match[0]!.spec.containers.flatMap((c) => c.ports ?? []).map((p) => p.name)).toContain(port.targetPort);
      }
    }
  });

  it(shape.http ? 'exposes only /slack/events through the Ingress' : 'has no Ingress (Socket Mode dials out)', () => {
    const ingresses = byKind<{ spec: { rules: { http: { paths: { path: string; pathType: string; backend: unknown }[] } }[] } }>(objects, 'Ingress');
    if (!shape.http) return expect(ingresses).toEqual([]);
    expect(ingresses).toHaveLength(1);
    const paths = ingresses[0]!.spec.rules.flatMap((r) => r.http.paths);
    expect(paths).toEqual([{ path: '/slack/events', pathType: 'Exact', backend: { service: { name: 'crashloop-bot', port: { name: 'http' } } } }]);
  });

  it('ships no Secret (you create it) and gives Redis to the bot pods only', () => {
    expect(byKind(objects, 'Secret')).toEqual([]);
    if (!shape.bundledRedis) return;
    const [np] = byKind<{ spec: { podSelector: { matchLabels: Record<string, string> }; ingress: { from: { podSelector: { matchLabels: Record<string, string> } }[] }[] } }>(objects, 'NetworkPolicy');
    expect(np!.spec.podSelector.matchLabels['app.kubernetes.io/component']).toBe('redis');
    expect(np!.spec.ingress.flatMap((i) => i.from.map((f) => f.podSelector.matchLabels))).toEqual([{ 'app.kubernetes.io/name': 'crashloop-bot' }]);
    const redis = pods.find((p) => p.labels['app.kubernetes.io/component'] === 'redis')!;
    const args = redis.spec.containers[0]!.args!.join(' ');
    expect(args).toContain('--appendonly yes');
    expect(args).toContain('--maxmemory-policy noeviction');
    expect(objects.find((o) => o.kind === 'StatefulSet')).toMatchObject({ spec: { replicas: 1, volumeClaimTemplates: [{ metadata: { name: 'data' } }] } });
  });
});

describe('a namespace of your own', () => {
  it('moves every object, and the RBAC subjects follow', () => {
    mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
    const dir = mkdtempSync(join(REPO_ROOT, '.tmp', 'ns-overlay-'));
    try {
      const target = relative(dir, join(DEPLOY_DIR, 'overlays', 'socket-mode-actions'));
      writeFileSync(join(dir, 'kustomization.yaml'), `namespace: ops-bots\nresources:\n  - ${target}\n`);
      const objects: K8sObject[] = renderKustomization(dir);
      expect(byKind(objects, 'Namespace').map((n) => n.metadata.name)).toEqual(['ops-bots']);
      const subjects = byKind<{ subjects: { namespace: string }[] }>(objects, 'ClusterRoleBinding').flatMap((b) => b.subjects);
      expect(subjects.length).toBeGreaterThan(0);
      for (const s of subjects) expect(s.namespace).toBe('ops-bots');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function window(p: NonNullable<Container['startupProbe']>): number {
  return (p.initialDelaySeconds ?? 0) + (p.periodSeconds ?? 10) * (p.failureThreshold ?? 3);
}
