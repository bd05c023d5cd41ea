/**
 * Regenerate test/fixtures/scenarios from the definitions in ./scenarios/*.ts:
 *   npm run fixtures:generate
 * The generated JSON and logs are committed; the definitions keep each scenario's distinguishing data
 * explicit, and generate.test.ts fails when the committed files drift from them.
 */
import { SCENARIOS_ROOT } from '../scenarios.js';
import { generateScenarios } from './generate.js';

const root = process.argv[2] ?? SCENARIOS_ROOT;
console.log(`wrote ${generateScenarios(root).length} scenarios under ${root}`);
