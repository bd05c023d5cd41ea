/**
 * The held-out set (test/fixtures/heldout) is scored by `npm run score`, never tested against the rules:
 * this file checks only that every incident is a well-formed fixture. It must not assert any diagnosis.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFixture } from '../../bench/fixture-format.js';
import { listScenarios, loadScenario, readExpected } from '../support/scenarios.js';

const ROOT = 'test/fixtures/heldout';
const incidents = listScenarios(ROOT);

describe('held-out incidents', () => {
  it('are at least 20 real incidents over at least 12 causes', () => {
    expect(incidents.length).toBeGreaterThanOrEqual(20);
    const causes = new Set(incidents.map((ref) => loadScenario(ref.dir).expected.cause));
    expect(causes.size).toBeGreaterThanOrEqual(12);
  });

  it.each(incidents.map((ref) => [ref.id, ref.dir]))('%s is a well-formed fixture', (_id, dir) => {
    expect(checkFixture(dir, { heldOut: true })).toEqual([]);
    const { expected, evidence } = loadScenario(dir);
    // The loader resolves the target to the very pod the report is about, with the container the report names.
    expect(evidence.pod.metadata?.name).toBe(expected.target.name);
    expect(evidence.namespace).toBe(expected.target.namespace);
    const names = (expected.initContainer ? evidence.pod.spec?.initContainers : evidence.pod.spec?.containers)?.map((c) => c.name);
    expect(names).toContain(expected.container);
  });

  it('each come from a distinct public report', () => {
    const urls = incidents.map((ref) => loadScenario(ref.dir).expected.source.split(/\s/)[0]);
    expect(new Set(urls).size).toBe(urls.length);
  });
});

describe('the format check', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'heldout-format-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const sample = incidents[0];

  function broken(name: string, mutate: (dir: string) => void): string[] {
    if (!sample) throw new Error('no held-out incident to copy');
    const dir = join(scratch, name);
    cpSync(sample.dir, dir, { recursive: true });
    mutate(dir);
    return checkFixture(dir, { heldOut: true });
  }
  const edit = (dir: string, patch: Record<string, unknown>): void => {
    const file = join(dir, 'expected.json');
    const current = readExpected(dir) as unknown as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...current, ...patch }));
  };

  it('accepts an untouched incident', () => {
    expect(broken('untouched', () => {})).toEqual([]);
  });

  it('rejects a cause that is not a taxonomy id', () => {
    expect(broken('bad-cause', (d) => edit(d, { cause: 'crashed' })).join('\n')).toMatch(/cause "crashed" is not one of/);
  });

  it('rejects a source that is not a URL, or a bare URL without the reason', () => {
    expect(broken('no-url', (d) => edit(d, { source: 'a forum thread' })).join('\n')).toMatch(/https URL of the public report/);
    expect(broken('bare-url', (d) => edit(d, { source: 'https://github.com/o/r/issues/1' })).join('\n')).toMatch(/one line on why/);
  });

  it('rejects a target pod that objects.json does not hold', () => {
    expect(broken('no-pod', (d) => edit(d, { target: { namespace: 'default', name: 'nope' } })).join('\n')).toMatch(/has no Pod default\/nope/);
  });

  it('rejects a dependency-unavailable incident without its detail, and an unknown detail', () => {
    const dep = broken('dep-no-detail', (d) => edit(d, { cause: 'dependency-unavailable', detail: undefined }));
    expect(dep.join('\n')).toMatch(/must name its detail/);
    expect(broken('bad-detail', (d) => edit(d, { cause: 'dependency-unavailable', detail: 'flaky' })).join('\n')).toMatch(/detail "flaky"/);
  });

  it('rejects an objects.json that is not a v1 List', () => {
    const found = broken('not-list', (d) => writeFileSync(join(d, 'objects.json'), JSON.stringify({ kind: 'Pod', apiVersion: 'v1' })));
    expect(found.join('\n')).toMatch(/must be a v1 List/);
  });
});
