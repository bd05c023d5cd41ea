import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { isCrashloopError } from './errors.js';

const base = { SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: 'shhh-secret-123' };

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    if (isCrashloopError(err, 'config')) return err.message;
    throw err;
  }
  throw new Error('expected a config error');
}

describe('loadConfig', () => {
  it('applies defaults and freezes the result', () => {
    const c = loadConfig(base);
    expect(c.slack.mode).toBe('http');
    expect(c.port).toBe(3000);
    expect(c.defaultNamespace).toBe('default');
    expect(c.workerConcurrency).toBe(4);
    expect(c.shutdownGraceMs).toBe(20_000);
    expect(c.redisUrl).toBeUndefined();
    expect(Object.isFrozen(c) && Object.isFrozen(c.slack)).toBe(true);
  });

  it('picks Socket Mode with an app token, and parses channel routes', () => {
    const c = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1-A1',
      ALERT_WEBHOOK_TOKEN: 'a-long-webhook-token',
      ALERT_CHANNEL_ROUTES: 'prod=C0PROD, staging=C0STG',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(c.slack.mode).toBe('socket');
    expect(c.alerts.routes).toEqual({ prod: 'C0PROD', staging: 'C0STG' });
    expect(c.slack.apiUrl).toBe('http://127.0.0.1:9/api/');
  });

  it.each([
    [{}, 'configuration error: SLACK_BOT_TOKEN is required but not set'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET is required but not set (or set SLACK_APP_TOKEN for Socket Mode)'],
    [{ ...base, SLACK_BOT_TOKEN: 'hunter2' }, 'SLACK_BOT_TOKEN is malformed: must be a bot token starting with xoxb-'],
    [{ ...base, PORT: 'eighty' }, 'PORT is malformed'],
    [{ ...base, REDIS_URL: 'http://x' }, 'REDIS_URL is malformed: must be a redis:// or rediss:// URL'],
    [{ ...base, ALERT_WEBHOOK_TOKEN: 'a-long-webhook-token' }, 'ALERT_CHANNEL is required when ALERT_WEBHOOK_TOKEN is set'],
    [{ ...base, ALERT_CHANNEL_ROUTES: 'prod:C1' }, 'ALERT_CHANNEL_ROUTES has a bad entry "prod:C1"'],
    [{ ...base, LOG_LEVEL: 'loud' }, 'LOG_LEVEL is malformed: must be one of'],
    [{ ...base, ACTION_APPROVERS: 'alice' }, 'ACTION_APPROVERS'],
    [{ ...base, SHUTDOWN_GRACE_MS: '20s' }, 'SHUTDOWN_GRACE_MS is malformed'],
  ])('names the variable: %j', (env, message) => {
    const m = problem(env as Record<string, string>);
    expect(m).toContain(message);
    expect(m).not.toContain('\n');
  });

  it('never echoes a secret value in the error', () => {
    expect(problem({ ...base, SLACK_APP_TOKEN: 'xoxb-not-an-app-token' })).not.toContain('xoxb-not-an-app-token');
  });
});
