import { REAL_TUNED } from '../../real-incidents/index.js';
import type { ScenarioDef } from '../define.js';
import { HOSTILE_SCENARIOS } from './application-error-hostile.js';
import { APPLICATION_ERROR_SCENARIOS } from './application-error.js';
import { BAD_ENTRYPOINT_SCENARIOS } from './bad-entrypoint.js';
import { CLUSTER_SCENARIOS } from './cluster-faults.js';
import { DEPENDENCY_CREDENTIAL_SCENARIOS } from './dependency-credentials.js';
import { DEPENDENCY_SCENARIOS } from './dependency-unavailable.js';
import { ENVIRONMENT_SCENARIOS } from './environment-faults.js';
import { EXEC_FORMAT_SCENARIOS } from './exec-format-error.js';
import { LIVENESS_SCENARIOS } from './liveness-probe-failure.js';
import { MISSING_CONFIG_FILE_SCENARIOS } from './missing-config-files.js';
import { MISSING_CONFIG_SCENARIOS } from './missing-config.js';
import { MISSING_DEPENDENCY_SCENARIOS } from './missing-runtime-dependency.js';
import { MORE_DEPENDENCY_SCENARIOS } from './more-dependencies.js';
import { EDGE_CASE_SCENARIOS } from './more-edge-cases.js';
import { MORE_APP_SCENARIOS } from './more-app-failures.js';
import { MORE_ROLLOUT_SCENARIOS, MORE_RUNTIME_SCENARIOS } from './more-runtime-failures.js';
import { OOM_SIDECAR_SCENARIOS } from './oom-killed-sidecar.js';
import { OOM_SCENARIOS } from './oom-killed.js';
import { RUNTIME_FAULT_SCENARIOS } from './runtime-faults.js';

export const ALL_SCENARIOS: Array<() => ScenarioDef> = [
  ...OOM_SCENARIOS,
  ...LIVENESS_SCENARIOS,
  ...MISSING_CONFIG_SCENARIOS,
  ...BAD_ENTRYPOINT_SCENARIOS,
  ...EXEC_FORMAT_SCENARIOS,
  ...MISSING_DEPENDENCY_SCENARIOS,
  ...DEPENDENCY_SCENARIOS,
  ...DEPENDENCY_CREDENTIAL_SCENARIOS,
  ...APPLICATION_ERROR_SCENARIOS,
  ...RUNTIME_FAULT_SCENARIOS,
  ...ENVIRONMENT_SCENARIOS,
  ...CLUSTER_SCENARIOS,
  ...MORE_APP_SCENARIOS,
  ...MORE_RUNTIME_SCENARIOS,
  ...MORE_ROLLOUT_SCENARIOS,
  ...EDGE_CASE_SCENARIOS,
  ...MORE_DEPENDENCY_SCENARIOS,
  ...HOSTILE_SCENARIOS,
  ...MISSING_CONFIG_FILE_SCENARIOS,
  ...OOM_SIDECAR_SCENARIOS,
  // Reconstructed public incidents the rules are tuned on (test/support/real-incidents, another owner).
  ...REAL_TUNED,
];
