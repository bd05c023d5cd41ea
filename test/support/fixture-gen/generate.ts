/** Write every scenario definition (./scenarios/*.ts) as fixture files under a root folder. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioDef } from './define.js';
import type { J } from './objects.js';
import { ALL_SCENARIOS } from './scenarios/index.js';

/** `kubectl get pod,rs,deploy,...,events,node -o json` order. */
const ORDER = ['Pod', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'Event', 'Node'];

/** Write one scenario definition as its fixture folder under root (rewritten from scratch). */
export function writeScenario(def: ScenarioDef, root: string): void {
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

/**
 * Regenerate every scenario folder under root (each folder is rewritten from scratch); returns their ids.
 * Folders without a definition are left alone (another writer may own them); generate.test.ts reports them.
 */
export function generateScenarios(root: string): string[] {
  mkdirSync(root, { recursive: true });
  const seen = new Set<string>();
  for (const make of ALL_SCENARIOS) {
    const def = make();
    if (seen.has(def.dir)) throw new Error(`duplicate scenario dir ${def.dir}`);
    seen.add(def.dir);
    writeScenario(def, root);
  }
  return [...seen].sort();
}
