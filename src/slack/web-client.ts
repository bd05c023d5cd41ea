/** The Slack Web API client settings shared by the Bolt app and the worker's own WebClient. */
import { webApi, type Logger as BoltLogger } from '@slack/bolt';
import type { Config } from '../config.js';

export function slackClientOptions(config: Config, logger?: BoltLogger): webApi.WebClientOptions {
  return {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    ...(logger ? { logger } : {}),
    // 429 (honouring Retry-After) and 5xx are retried here; a job retry covers longer outages.
    retryConfig: { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 10_000, randomize: true },
    timeout: 15_000,
  };
}

export function createWebClient(config: Config, logger?: BoltLogger): webApi.WebClient {
  return new webApi.WebClient(config.slack.botToken, slackClientOptions(config, logger));
}
