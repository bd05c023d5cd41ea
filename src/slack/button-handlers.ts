/**
 * Bolt wiring for the thread's buttons: ack first (Slack's 3 seconds), then hand the click to
 * src/actions/enqueue-action.ts, which authorises and queues it; answer the clicker ephemerally when
 * nothing was queued (bad value, not allowed, already done). Cluster work happens in the worker.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { parseActionApprovers } from '../actions/approvers.js';
import { slackGroupDirectory } from '../actions/authorise.js';
import { handleClick, type ClickDeps, type ClickResult } from '../actions/enqueue-action.js';
import { notAllowedMessage } from '../actions/replies.js';
import { BUTTON_ACTION_IDS, type ButtonActionId } from '../domain/button-value.js';
import { isCrashloopError } from '../errors.js';
import { errorMessage } from '../render/slack/thread-messages.js';
import type { SlackMessage } from '../render/slack/blocks.js';
import type { RuntimeDeps } from '../runtime/deps.js';

const ACTION_ID_PATTERN = new RegExp(`^(${BUTTON_ACTION_IDS.join('|')})$`);

function ephemeralFor(result: ClickResult, userId: string, actionId: ButtonActionId): SlackMessage | null {
  switch (result.kind) {
    case 'queued':
      return null;
    case 'bad-value':
      return errorMessage({ title: 'This button cannot be used', detail: result.detail, hint: 'Re-run the diagnosis (/crashloop) for fresh buttons.' });
    case 'denied':
      return notAllowedMessage(userId, actionId, result.target, result.decision.reason, result.hint);
    case 'duplicate':
      return {
        text: 'Already done or in progress from an earlier click; see the thread.',
        blocks: [
          {
            type: 'section',
            text: { type: 'mrkdwn', text: `:information_source: Already ${result.state === 'active' || result.state === 'waiting' || result.state === 'delayed' ? 'in progress' : 'done'} from an earlier click (\`${result.state}\`); nothing more was queued. See the thread.` },
          },
        ],
      };
  }
}

/** Registers the `rollback`, `pause_rollout`, `resume_rollout` and `rediagnose` listeners. */
export function registerButtonHandlers(app: App, deps: RuntimeDeps): void {
  // ACTION_APPROVERS was validated at start (loadConfig); parse again only for a config built by hand.
  const policy = deps.config.approvers ?? parseActionApprovers(deps.config.actionApprovers);
  const click: ClickDeps = { queue: deps.queue, policy, groups: slackGroupDirectory(deps.slack), log: deps.logger.child({ component: 'buttons' }) };

  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: ACTION_ID_PATTERN }, async ({ ack, body, action }) => {
    await ack();
    const actionId = action.action_id as ButtonActionId;
    const userId = body.user.id;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const messageTs = body.message?.ts ?? body.container?.message_ts;
    const ephemeral = async (msg: SlackMessage) => {
      if (!channel) return;
      const threadTs = body.message?.thread_ts as string | undefined;
      await deps.slack.chat
        .postEphemeral({ channel, user: userId, text: msg.text, blocks: msg.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) })
        .catch((err: unknown) => deps.poster.countError('chat.postEphemeral', err));
    };
    if (!channel || !messageTs) {
      deps.logger.warn({ actionId, userId }, 'button click without a channel message; ignored');
      return;
    }
    try {
      const result = await handleClick(click, {
        actionId,
        rawValue: action.value ?? '',
        userId,
        channel,
        messageTs,
        threadTs: (body.message?.thread_ts as string | undefined) ?? messageTs,
        ...(body.message ? { message: { text: String(body.message.text ?? ''), blocks: (body.message.blocks as unknown[] | undefined) ?? [] } } : {}),
      });
      const msg = ephemeralFor(result, userId, actionId);
      if (msg) await ephemeral(msg);
    } catch (err) {
      deps.logger.error({ err, actionId, userId }, 'button click could not be queued');
      const detail = isCrashloopError(err, 'queue-unavailable')
        ? 'The job queue (Redis) is unavailable, so nothing was done. Try again in a minute.'
        : 'Something went wrong while queueing this; nothing was done. Try again.';
      await ephemeral(errorMessage({ title: 'Could not start this action', detail }));
    }
  });
}
