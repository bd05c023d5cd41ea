/** Every log pattern, by family. Families are independent: a line can speak for several. */
import { APP_ERROR_PATTERNS } from './app-error.js';
import { CONFIG_PATTERNS } from './config.js';
import { SEGFAULT_PATTERNS } from './crash.js';
import { DEPENDENCY_PATTERNS } from './dependency.js';
import { ENTRYPOINT_PATTERNS, EXEC_FORMAT_PATTERNS } from './entrypoint.js';
import { PERMISSION_PATTERNS, PORT_IN_USE_PATTERNS, SHUTDOWN_PATTERNS } from './filesystem.js';
import { MEMORY_PATTERNS } from './memory.js';
import { RUNTIME_DEPENDENCY_PATTERNS } from './runtime-dependency.js';
import type { LogPattern } from './types.js';

export const ALL_PATTERNS: readonly LogPattern[] = [
  ...EXEC_FORMAT_PATTERNS,
  ...ENTRYPOINT_PATTERNS,
  ...RUNTIME_DEPENDENCY_PATTERNS,
  ...CONFIG_PATTERNS,
  ...MEMORY_PATTERNS,
  ...PORT_IN_USE_PATTERNS,
  ...PERMISSION_PATTERNS,
  ...DEPENDENCY_PATTERNS,
  ...SEGFAULT_PATTERNS,
  ...SHUTDOWN_PATTERNS,
  ...APP_ERROR_PATTERNS,
];

export { announcedPorts } from './ports.js';
export { isBlank, isQuietLine, scanLines } from './scan.js';
export type { LogHit, LogPattern, PatternFamily, Runtime } from './types.js';
