/**
 * Renders the Kustomize overlays in deploy/ with the real `kubectl kustomize` and describes each shape
 * (which components it uses), for the deploy tests.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { REPO_ROOT } from './dockerfile-replay.js';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
}

export interface Shape {
  /** deploy/overlays/<name> */
  name: string;
  dir: string;
  components: string[];
  actions: boolean;
  http: boolean;
  bundledRedis: boolean;
}

export const DEPLOY_DIR = join(REPO_ROOT, 'deploy');

export function renderKustomization(dir: string): K8sObject[] {
  const out = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return parseAllDocuments(out).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`kubectl kustomize ${dir}: ${doc.errors[0]!.message}`);
    return doc.toJSON() as K8sObject;
  });
}

export function listShapes(): Shape[] {
  const overlays = join(DEPLOY_DIR, 'overlays');
  return readdirSync(overlays, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const dir = join(overlays, e.name);
      const k = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as { components?: string[] };
      const components = (k.components ?? []).map((c) => c.split('/').at(-1)!);
      return {
        name: e.name,
        dir,
        components,
        actions: components.includes('actions'),
        http: components.includes('http-ingress'),
        bundledRedis: components.includes('redis'),
      };
    });
}

export const byKind = <T = K8sObject>(objects: K8sObject[], kind: string): T[] =>
  objects.filter((o) => o.kind === kind) as unknown as T[];
