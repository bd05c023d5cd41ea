/**
 * Regenerate test/fixtures/scenarios from the definitions in ./scenarios/*.ts:
 *   npx tsx test/support/fixture-gen/main.ts
 * The generated JSON and logs are committed; the definitions keep each scenario's distinguishing data explicit.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS_ROOT } from '../scenarios.js';
import type { ScenarioDef } from './define.js';
import type { J } from './objects.js';
import { ALL_SCENARIOS } from './scenarios/index.js';

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

const root = process.argv[2] ?? SCENARIOS_ROOT;
// Start clean so a renamed scenario leaves no stale folder (dotfiles such as .gitignore stay).
mkdirSync(root, { recursive: true });
for (const entry of readdirSync(root)) {
  if (!entry.startsWith('.') && statSync(join(root, entry)).isDirectory()) rmSync(join(root, entry), { recursive: true, force: true });
}
const seen = new Set<string>();
for (const make of ALL_SCENARIOS) {
  const def = make();
  if (seen.has(def.dir)) throw new Error(`duplicate scenario dir ${def.dir}`);
  seen.add(def.dir);
  write(def, root);
}
console.log(`wrote ${seen.size} scenarios under ${root}`);
