import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CAUSE_IDS } from '../../domain/cause-id.js';
import { RULES } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('rules/index', () => {
  it('has exactly one rule per cause id', () => {
    expect([...RULES.map((r) => r.id)].sort()).toEqual([...CAUSE_IDS].sort());
  });

  it('keeps each rule in a file named after its cause id', () => {
    const files = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && f !== 'support.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...CAUSE_IDS].sort());
  });

  it('ends with unknown, the fallback', () => {
    expect(RULES[RULES.length - 1]?.id).toBe('unknown');
  });
});
