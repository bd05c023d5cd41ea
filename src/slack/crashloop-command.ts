/**
 * `/crashloop`: parse, ack within Slack's 3 s (always first), then queue the diagnosis. No blocks are
 * built here (render/slack does that) and no cluster call is made: the worker does the work.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { CrashloopError, isCrashloopError } from '../errors.js';
import { jobId } from '../queue/jobs.js';
import { errorMessage, helpMessage } from '../render/slack/index.js';
import type { RuntimeDeps } from '../runtime/deps.js';
import { parseSlashCommand } from '../trigger/slash-command.js';

/** An enqueue that takes longer than this is reported to the user as a queue problem. */
const ENQUEUE_TIMEOUT_MS = 5_000;

export const QUEUE_DOWN_MESSAGE = errorMessage({
  title: 'Could not start the diagnosis',
  detail: 'The job queue (Redis) is unavailable right now, so nothing was queued.',
  hint: 'Try again in a minute. If it keeps happening, tell whoever runs crashloop-bot (its /readyz says what is wrong).',
});

export function onCrashloopCommand(deps: RuntimeDeps) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const log = deps.logger.child({ requestId: command.trigger_id, userId: command.user_id, channel: command.channel_id });
    const request = parseSlashCommand(command.text ?? '', deps.config.defaultNamespace);

    if (request.kind === 'help') {
      deps.metrics.slashCommands.inc({ outcome: 'help' });
      await ack({ response_type: 'ephemeral', ...helpMessage({ defaultNamespace: deps.config.defaultNamespace }) });
      return;
    }
    if (request.kind === 'invalid') {
      deps.metrics.slashCommands.inc({ outcome: 'invalid' });
      log.info({ problem: request.problem }, 'slash command rejected');
      await ack({
        response_type: 'ephemeral',
        ...errorMessage({
          title: "I can't diagnose that",
          detail: `${request.problem[0]!.toUpperCase()}${request.problem.slice(1)}.`,
          hint: `Ask like this: ${request.usage} (e.g. /crashloop api -n shop). /crashloop help shows more.`,
        }),
      });
      return;
    }

    await ack();
    const id = jobId('cmd', command.team_id, command.trigger_id);
    try {
      await withTimeout(
        deps.queue.add({
          name: 'diagnose',
          id,
          data: {
            target: request.target,
            thread: { channel: command.channel_id },
            trigger: 'slash-command',
            requestedBy: command.user_id,
            responseUrl: command.response_url,
          },
        }),
        ENQUEUE_TIMEOUT_MS,
      );
      deps.metrics.slashCommands.inc({ outcome: 'queued' });
      log.info({ jobId: id, namespace: request.target.namespace, name: request.target.name }, 'diagnosis queued');
    } catch (err) {
      deps.metrics.slashCommands.inc({ outcome: 'queue-unavailable' });
      log.error({ err, jobId: id }, 'could not queue the diagnosis');
      if (!isCrashloopError(err, 'queue-unavailable')) throw err;
      await respond({ response_type: 'ephemeral', replace_original: false, ...QUEUE_DOWN_MESSAGE });
    }
  };
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new CrashloopError('queue-unavailable', `queueing took longer than ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
