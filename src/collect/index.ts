/** The collect stage: the only code that reads the cluster. */
export { collectEvidence, type CollectOptions } from './collect-evidence.js';
export { resolveTarget, parseTargetName, type Resolution } from './resolve-target.js';
export { resolveWorkload, type WorkloadRef } from './workload.js';
