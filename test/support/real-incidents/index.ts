/**
 * Real-incident fixture definitions. REAL_TUNED are tuned scenarios (dirs `<cause>/real-<name>`, relative to
 * test/fixtures/scenarios); REAL_HELDOUT are held-out incidents (dirs relative to test/fixtures/heldout).
 * fixture-gen/main.ts wipes test/fixtures/scenarios before writing: register REAL_TUNED in its ALL_SCENARIOS
 * (or run real-incidents/main.ts after it) so these folders survive a regeneration.
 */
import type { ScenarioDef } from '../fixture-gen/define.js';
import { HELDOUT_A } from './heldout-a.js';
import { HELDOUT_B } from './heldout-b.js';
import { HELDOUT_C } from './heldout-c.js';
import { neutral } from './neutral.js';
import { TUNED_A } from './tuned-a.js';
import { TUNED_B } from './tuned-b.js';
import { TUNED_C } from './tuned-c.js';
import { TUNED_D } from './tuned-d.js';

export const REAL_TUNED: Array<() => ScenarioDef> = neutral([...TUNED_A, ...TUNED_B, ...TUNED_C, ...TUNED_D]);
export const REAL_HELDOUT: Array<() => ScenarioDef> = neutral([...HELDOUT_A, ...HELDOUT_B, ...HELDOUT_C]);
