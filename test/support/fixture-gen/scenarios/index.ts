import type { ScenarioDef } from '../define.js';
import { OOM_SCENARIOS } from './oom-killed.js';

export const ALL_SCENARIOS: Array<() => ScenarioDef> = [...OOM_SCENARIOS];
