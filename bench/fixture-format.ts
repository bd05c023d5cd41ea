/**
 * Format checks for scenario fixtures (test/fixtures/README.md), shared by the scorer (which refuses to
 * score a malformed fixture) and the held-out format test. Checks shape only, never the diagnosis.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CAUSE_IDS, DEPENDENCY_FAILURES, isCauseId } from '../src/domain/cause-id.js';

export interface FormatOptions {
  /** Held-out incidents: `source` must start with the report's https URL, the target must be the exact pod name. */
  heldOut: boolean;
}

interface PodLike {
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  spec?: { containers?: { name?: string }[]; initContainers?: { name?: string }[] };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const LOG_FILE = /^.+?(\.previous)?\.log$/;

function readJson(path: string, problems: string[]): unknown {
  if (!existsSync(path)) {
    problems.push(`${path} is missing`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    problems.push(`${path} is not valid JSON: ${(err as Error).message}`);
    return undefined;
  }
}

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function checkExpected(e: Record<string, unknown>, where: string, opts: FormatOptions, problems: string[]): void {
  const target = e['target'] as Record<string, unknown> | undefined;
  if (!target || !isStr(target['namespace']) || !isStr(target['name'])) problems.push(`${where}: target.namespace and target.name must be non-empty strings`);
  if (!isStr(e['collectedAt']) || !ISO.test(e['collectedAt']) || Number.isNaN(Date.parse(e['collectedAt']))) {
    problems.push(`${where}: collectedAt must be an ISO timestamp`);
  }
  const cause = e['cause'];
  if (!isStr(cause) || !isCauseId(cause)) problems.push(`${where}: cause ${JSON.stringify(cause)} is not one of ${CAUSE_IDS.join(', ')}`);
  if (!isStr(e['container'])) problems.push(`${where}: container must be a non-empty string`);
  if (typeof e['initContainer'] !== 'boolean') problems.push(`${where}: initContainer must be true or false`);
  const detail = e['detail'];
  if (detail !== undefined && !(DEPENDENCY_FAILURES as readonly unknown[]).includes(detail)) {
    problems.push(`${where}: detail ${JSON.stringify(detail)} is not one of ${DEPENDENCY_FAILURES.join(', ')}`);
  }
  if (detail !== undefined && cause !== 'dependency-unavailable') problems.push(`${where}: detail is only for dependency-unavailable`);
  if (opts.heldOut && cause === 'dependency-unavailable' && detail === undefined) {
    problems.push(`${where}: a held-out dependency-unavailable incident must name its detail`);
  }
  const source = e['source'];
  if (!isStr(source)) problems.push(`${where}: source must say where the incident comes from`);
  else if (opts.heldOut) {
    const url = source.split(/\s/)[0] ?? '';
    let ok = false;
    try {
      ok = new URL(url).protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) problems.push(`${where}: source must start with the https URL of the public report, got ${JSON.stringify(url)}`);
    else if (source.trim() === url) problems.push(`${where}: source must add one line on why this is the cause`);
  }
}

/** Problems with one fixture folder (empty when it is well-formed). */
export function checkFixture(dir: string, opts: FormatOptions): string[] {
  const problems: string[] = [];
  const expected = readJson(join(dir, 'expected.json'), problems) as Record<string, unknown> | undefined;
  const list = readJson(join(dir, 'objects.json'), problems) as { apiVersion?: string; kind?: string; items?: unknown } | undefined;
  if (expected) checkExpected(expected, `${dir}/expected.json`, opts, problems);
  if (!list) return problems;
  if (list.kind !== 'List' || list.apiVersion !== 'v1' || !Array.isArray(list.items)) {
    problems.push(`${dir}/objects.json must be a v1 List with items`);
    return problems;
  }
  const items = list.items as PodLike[];
  items.forEach((item, i) => {
    if (!isStr(item?.kind) || !isStr(item?.metadata?.name)) problems.push(`${dir}/objects.json: item ${i} lacks kind or metadata.name`);
  });
  const pods = items.filter((o) => o.kind === 'Pod');
  const target = expected?.['target'] as { namespace?: string; name?: string } | undefined;
  if (target?.name) {
    const pod = pods.find((p) => p.metadata?.name === target.name && p.metadata?.namespace === target.namespace);
    if (!pod && opts.heldOut) problems.push(`${dir}/objects.json has no Pod ${target.namespace}/${target.name} (the target)`);
    const container = expected?.['container'];
    if (pod && isStr(container)) {
      const list = expected?.['initContainer'] === true ? pod.spec?.initContainers : pod.spec?.containers;
      if (!list?.some((c) => c.name === container)) {
        problems.push(`${dir}: pod ${target.name} has no ${expected?.['initContainer'] ? 'init container' : 'container'} "${container}"`);
      }
    }
  }
  const logsDir = join(dir, 'logs');
  if (existsSync(logsDir)) {
    const podNames = new Set(pods.map((p) => p.metadata?.name));
    for (const podDir of readdirSync(logsDir)) {
      if (!statSync(join(logsDir, podDir)).isDirectory()) {
        problems.push(`${dir}/logs/${podDir} must be a folder named after a pod`);
        continue;
      }
      if (!podNames.has(podDir)) problems.push(`${dir}/logs/${podDir} names no Pod of objects.json`);
      for (const file of readdirSync(join(logsDir, podDir))) {
        if (!LOG_FILE.test(file)) problems.push(`${dir}/logs/${podDir}/${file} must be <container>.log or <container>.previous.log`);
      }
    }
  }
  return problems;
}
