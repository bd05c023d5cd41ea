/** The committed scenario fixtures are exactly what the definitions generate (no hand edits, no drift). */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIOS_ROOT } from '../scenarios.js';
import { generateScenarios } from './generate.js';

function files(root: string, dir = root, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) files(root, p, out);
    else out.push(relative(root, p));
  }
  return out.sort();
}

describe('fixture generator', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'scenarios-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reproduces the committed scenario fixtures byte for byte', () => {
    const ids = generateScenarios(tmp);
    expect(ids.length).toBeGreaterThan(0);
    const generated = files(tmp);
    const committed = files(SCENARIOS_ROOT);
    expect(committed.filter((f) => !generated.includes(f)), 'fixture files without a definition').toEqual([]);
    expect(generated.filter((f) => !committed.includes(f)), 'definitions not written: run `npm run fixtures:generate`').toEqual([]);
    const differing = generated.filter((f) => readFileSync(join(tmp, f), 'utf8') !== readFileSync(join(SCENARIOS_ROOT, f), 'utf8'));
    expect(differing, 'run `npm run fixtures:generate` and commit the result').toEqual([]);
  });
});
