/**
 * Write the fixtures reconstructed from public crash-loop reports:
 *   npx tsx test/support/real-incidents/main.ts [scenariosRoot] [heldoutRoot]
 * Tuned ones go to test/fixtures/scenarios/<cause>/real-<name>/, held-out ones to test/fixtures/heldout/<name>/.
 * Unlike fixture-gen/main.ts this rewrites only its own folders and leaves every other fixture alone; run it
 * again after fixture-gen/main.ts (which wipes test/fixtures/scenarios) unless REAL_TUNED is registered there.
 * Each definition keeps the report's log lines, event messages, exit codes and probe settings verbatim;
 * everything else comes from the shared builders (neutral boilerplate).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioDef } from '../fixture-gen/define.js';
import type { J } from '../fixture-gen/objects.js';
import { SCENARIOS_ROOT } from '../scenarios.js';
import { REAL_HELDOUT, REAL_TUNED } from './index.js';

export const HELDOUT_ROOT = 'test/fixtures/heldout';
const ORDER = ['Pod', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'Event', 'Node'];

function write(def: ScenarioDef, root: string): void {
  const dir = join(root, def.dir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const items = [...def.objects].sort((a: J, b: J) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  const list = { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items };
  writeFileSync(join(dir, 'objects.json'), `${JSON.stringify(list, null, 2)}\n`);
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(def.expected, null, 2)}\n`);
  for (const [pod, byContainer] of Object.entries(def.logs)) {
    for (const [container, texts] of Object.entries(byContainer)) {
      mkdirSync(join(dir, 'logs', pod), { recursive: true });
      if (texts.previous !== undefined) writeFileSync(join(dir, 'logs', pod, `${container}.previous.log`), texts.previous);
      if (texts.current !== undefined) writeFileSync(join(dir, 'logs', pod, `${container}.log`), texts.current);
    }
  }
}

// Optional roots (e.g. a scratch directory): main.ts [scenariosRoot] [heldoutRoot]
const sets: Array<[string, Array<() => ScenarioDef>]> = [
  [process.argv[2] ?? SCENARIOS_ROOT, REAL_TUNED],
  [process.argv[3] ?? HELDOUT_ROOT, REAL_HELDOUT],
];
for (const [root, makers] of sets) {
  const seen = new Set<string>();
  for (const make of makers) {
    const def = make();
    if (seen.has(def.dir)) throw new Error(`duplicate fixture dir ${def.dir}`);
    seen.add(def.dir);
    write(def, root);
  }
  console.log(`wrote ${seen.size} fixtures under ${root}`);
}
