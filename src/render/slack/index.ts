/**
 * Block Kit messages for the bot (pure). The Slack layer and the actions call these; each returns
 * `{ text, blocks }` with `text` the escaped notification fallback.
 */
export type { SlackMessage } from './blocks.js';
export { SLACK_LIMITS } from './limits.js';
export { escapeMrkdwn, clusterText, code, codeBlock, mentionUser, ownText, plain, slackDate, truncate } from './mrkdwn.js';
export {
  diagnosisMessage,
  withoutActions,
  ACTIONS_BLOCK_ID,
  ACTIONS_HINT_BLOCK_ID,
  type DiagnosisMessageOptions,
} from './diagnosis-message.js';
export {
  rootMessage,
  alertUpdateReply,
  resolvedReply,
  errorMessage,
  helpMessage,
  type RootMessageInput,
  type RootState,
  type AlertUpdateInput,
  type ResolvedInput,
  type ErrorMessageInput,
  type HelpOptions,
} from './thread-messages.js';
export {
  actionRecordReply,
  actionFailedReply,
  rolloutStatusReply,
  type ActionRecordInput,
  type ActionFailedInput,
  type ActionFailure,
  type RolloutStatusInput,
} from './action-messages.js';
