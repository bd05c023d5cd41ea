/**
 * Every rule, one per cause id. The order is the precedence when two findings have equal confidence:
 * platform facts first (pull, eviction, config objects, exec format), then kills recorded by the
 * kubelet, then what the program logged, most specific first; `unknown` last.
 */
import type { Rule } from '../rule.js';
import { applicationErrorRule } from './application-error.js';
import { badEntrypointRule } from './bad-entrypoint.js';
import { completedExitRule } from './completed-exit.js';
import { dependencyUnavailableRule } from './dependency-unavailable.js';
import { evictedRule } from './evicted.js';
import { execFormatErrorRule } from './exec-format-error.js';
import { imagePullRule } from './image-pull.js';
import { killedBySignalRule } from './killed-by-signal.js';
import { livenessProbeFailureRule } from './liveness-probe-failure.js';
import { missingConfigRule } from './missing-config.js';
import { missingRuntimeDependencyRule } from './missing-runtime-dependency.js';
import { oomKilledRule } from './oom-killed.js';
import { permissionDeniedRule } from './permission-denied.js';
import { portInUseRule } from './port-in-use.js';
import { segfaultRule } from './segfault.js';
import { unknownRule } from './unknown.js';

export const RULES: readonly Rule[] = [
  imagePullRule,
  evictedRule,
  missingConfigRule,
  execFormatErrorRule,
  badEntrypointRule,
  oomKilledRule,
  livenessProbeFailureRule,
  missingRuntimeDependencyRule,
  portInUseRule,
  permissionDeniedRule,
  dependencyUnavailableRule,
  segfaultRule,
  completedExitRule,
  killedBySignalRule,
  applicationErrorRule,
  unknownRule,
];
