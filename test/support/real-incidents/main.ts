/**
 * Write the fixtures reconstructed from public crash-loop reports:
 *   npx tsx test/support/real-incidents/main.ts [scenariosRoot] [heldoutRoot]
 * Tuned ones go to test/fixtures/scenarios/<cause>/real-<name>/, held-out ones to test/fixtures/heldout/<name>/.
 * Unlike fixture-gen/main.ts this rewrites only its own folders and leaves every other fixture alone; run it
 * again after fixture-gen/main.ts (which wipes test/fixtures/scenarios) unless REAL_TUNED is registered there.
 * Each definition keeps the report's log lines, event messages, exit codes and probe settings verbatim;
 * everything else comes from the shared builders (neutral boilerplate).
 */
import type { ScenarioDef } from '../fixture-gen/define.js';
import { writeScenario } from '../fixture-gen/generate.js';
import { SCENARIOS_ROOT } from '../scenarios.js';
import { REAL_HELDOUT, REAL_TUNED } from './index.js';

export const HELDOUT_ROOT = 'test/fixtures/heldout';
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
    writeScenario(def, root);
  }
  console.log(`wrote ${seen.size} fixtures under ${root}`);
}
