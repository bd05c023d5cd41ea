/**
 * Slack's Block Kit limits (checked in ../../../../shared/pitfalls.md and Slack's reference).
 * Lengths are JavaScript string lengths (UTF-16 units), which never undercount Slack's characters.
 */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  /** A mrkdwn/plain_text object in a context block. */
  contextText: 3000,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  actionsElements: 25,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  /** chat.postMessage truncates `text` beyond 40,000; we stay far below for notifications. */
  fallbackText: 3000,
} as const;
