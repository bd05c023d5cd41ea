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
import { HELDOUT_R3_A } from './heldout-r3-a.js';
import { HELDOUT_R3_B } from './heldout-r3-b.js';
import { HELDOUT_R3_C } from './heldout-r3-c.js';
import { neutral } from './neutral.js';
import { TUNED_A } from './tuned-a.js';
import { TUNED_B } from './tuned-b.js';
import { TUNED_C } from './tuned-c.js';
import { TUNED_D } from './tuned-d.js';
import { TUNED_R2_A } from './tuned-r2-a.js';
import { TUNED_R2_B } from './tuned-r2-b.js';
import { TUNED_R2_C } from './tuned-r2-c.js';
import { TUNED_R2_D } from './tuned-r2-d.js';
import { TUNED_R2_E } from './tuned-r2-e.js';

export const REAL_TUNED: Array<() => ScenarioDef> = neutral([...TUNED_A, ...TUNED_B, ...TUNED_C, ...TUNED_D, ...TUNED_R2_A, ...TUNED_R2_B, ...TUNED_R2_C, ...TUNED_R2_D, ...TUNED_R2_E]);
export const REAL_HELDOUT: Array<() => ScenarioDef> = neutral([...HELDOUT_A, ...HELDOUT_B, ...HELDOUT_C, ...HELDOUT_R3_A, ...HELDOUT_R3_B, ...HELDOUT_R3_C]);
