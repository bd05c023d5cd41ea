/**
 * Validates rendered Kubernetes objects against the official schemas, offline, two ways:
 *
 * 1. `kubernetes-models` (generated from the Kubernetes OpenAPI spec) and
 *    `@kubernetes-models/prometheus-operator` (generated from the operator's CRDs): each model's
 *    `validate()` runs the schema (types, required fields, enums, formats).
 * 2. The same packages' TypeScript interfaces, through `tsc`: an object literal typed as `IDeployment` etc.
 *    fails on any field the schema does not know (a typo such as `readinessprobe` or a field in the wrong
 *    place), which the OpenAPI schema alone lets through (it allows additional properties).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './dockerfile-replay.js';
import type { K8sObject } from './render.js';

/** Module path of the model for an apiVersion/kind, in the npm packages above. */
export function modelModule(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  if (group === 'monitoring.coreos.com') return `@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`;
  return group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
}

export interface SchemaProblem {
  object: string;
  message: string;
}

const describe = (o: K8sObject) => `${o.kind}/${o.metadata?.name ?? '?'}`;

/** Schema validation (1). An object whose kind has no model is a problem too: nothing goes unvalidated. */
export async function validateWithModels(objects: K8sObject[]): Promise<SchemaProblem[]> {
  const problems: SchemaProblem[] = [];
  for (const o of objects) {
    const path = modelModule(o.apiVersion, o.kind);
    let Model: new (data: unknown) => { validate(): void };
    try {
      const mod = (await import(path)) as Record<string, new (data: unknown) => { validate(): void }>;
      Model = mod[o.kind]!;
      if (!Model) throw new Error(`${path} exports no ${o.kind}`);
    } catch (err) {
      problems.push({ object: describe(o), message: `no schema for ${o.apiVersion} ${o.kind}: ${(err as Error).message}` });
      continue;
    }
    try {
      new Model(o).validate();
    } catch (err) {
      const errors = (err as { errors?: { instancePath: string; message?: string }[] }).errors;
      const detail = errors?.map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ') ?? (err as Error).message;
      problems.push({ object: describe(o), message: detail });
    }
  }
  return problems;
}

/** Unknown-field check (2): one tsc run over every object, errors mapped back to their object. */
export function checkKnownFields(objects: K8sObject[], labels?: string[]): SchemaProblem[] {
  const label = (o: K8sObject, i: number) => (labels?.[i] ? `${labels[i]}: ` : '') + describe(o);
  const dir = join(REPO_ROOT, '.tmp');
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(join(dir, 'deploy-types-'));
  try {
    const lines: string[] = [];
    const owners: { from: number; to: number; object: string }[] = [];
    objects.forEach((o, i) => {
      lines.push(`import type { I${o.kind} as T${i} } from '${modelModule(o.apiVersion, o.kind)}';`);
    });
    objects.forEach((o, i) => {
      const body = JSON.stringify(o, null, 1).split('\n');
      const from = lines.length + 1;
      lines.push(`export const o${i}: T${i} = ${body[0]}`, ...body.slice(1));
      owners.push({ from, to: lines.length, object: label(o, i) });
    });
    writeFileSync(join(work, 'objects.ts'), `${lines.join('\n')}\n`);
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true, types: [] },
        files: ['objects.ts'],
      }),
    );
    try {
      execFileSync(join(REPO_ROOT, 'node_modules/.bin/tsc'), ['-p', join(work, 'tsconfig.json')], { encoding: 'utf8', cwd: work });
      return [];
    } catch (err) {
      const out = String((err as { stdout?: string }).stdout ?? err);
      const problems: SchemaProblem[] = [];
      for (const m of out.matchAll(/objects\.ts\((\d+),\d+\): error (TS\d+: .*)/g)) {
        const line = Number(m[1]);
        const owner = owners.find((o) => line >= o.from && line <= o.to);
        problems.push({ object: owner?.object ?? `line ${line}`, message: `${m[2]} (${lines[line - 1]?.trim()})` });
      }
      return problems.length > 0 ? problems : [{ object: 'tsc', message: out.slice(0, 2000) }];
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
