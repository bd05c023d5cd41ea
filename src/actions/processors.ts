/** The job processors this module gives the worker (it dispatches on job.name). */
import type { JobProcessors } from '../runtime/deps.js';
import type { ActionOptions } from './action-options.js';
import { processActionJob } from './process-action-job.js';
import { processRolloutStatusJob } from './process-rollout-status.js';

export function actionProcessors(options: Partial<ActionOptions> = {}): Pick<JobProcessors, 'action' | 'rollout-status'> {
  return {
    action: (job, ctx) => processActionJob(job, ctx, options),
    'rollout-status': (job, ctx) => processRolloutStatusJob(job, ctx, options),
  };
}
