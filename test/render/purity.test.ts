/** The renderers are a pure stage (style guide 1 and 8): no I/O modules, no Bolt/BullMQ/API client at run time. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = 'src/render';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('src/render purity', () => {
  const files = sources(ROOT);
  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  it.each(files)('%s imports only types from outside the pure code', (file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)].map((m) => ({ type: !!m[2], from: m[3]! }));
    const runtime = imports.filter((i) => !i.type).map((i) => i.from);
    expect(runtime.filter((f) => f.startsWith('node:') || /^(@slack\/|bullmq|ioredis|@kubernetes\/|pino|prom-client)/.test(f))).toEqual([]);
    expect(runtime.filter((f) => !f.startsWith('.'))).toEqual([]);
  });
});
