import { describe, expect, it } from 'vitest';
import { isSecretName, redact, REDACTED } from './redact.js';

describe('redact', () => {
  it.each([
    ['env style', 'DB_PASSWORD=s3cr3t-Pa55 starting', 's3cr3t-Pa55'],
    ['flag', 'exec app --api-key=abcd1234efgh --port=80', 'abcd1234efgh'],
    ['query string', 'GET /cb?token=tok_9f8e7d6c5b&user=1', 'tok_9f8e7d6c5b'],
    ['JSON', '{"user":"app","password":"hunter2!x","db":"main"}', 'hunter2!x'],
    ['JSON with spaces in value', '{"client_secret": "correct horse battery"}', 'correct horse battery'],
    ['YAML/log field', 'config loaded: password: Xy9-secret', 'Xy9-secret'],
    ['.NET connection string', 'Server=db;User Id=sa;Password=P@ssw0rd;Encrypt=true', 'P@ssw0rd'],
    ['Postgres DSN', 'dsn: host=db user=app password=pg-pass-1 sslmode=disable', 'pg-pass-1'],
    ['URL credentials', 'connecting to postgres://app:pg-pass-1@db:5432/main', 'pg-pass-1'],
    ['redis URL', 'REDIS_URL redis://:r3dis-pw@redis:6379/0', 'r3dis-pw'],
    ['bearer header', 'Authorization: Bearer abc.DEF-123_xyz987654', 'abc.DEF-123_xyz987654'],
    ['bare bearer', 'sending bearer 0123456789abcdefABCDEF', '0123456789abcdefABCDEF'],
    ['basic header', 'authorization: Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA=='],
    ['AWS key id', 'using AKIAIOSFODNN7EXAMPLE for s3', 'AKIAIOSFODNN7EXAMPLE'],
    ['AWS secret', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['GitHub token', 'clone with ghp_0123456789abcdefghijklmnopqrstuvwxyz', 'ghp_0123456789abcdefghijklmnopqrstuvwxyz'],
    ['Slack token', 'SLACK xoxb-1234567890-abcdefghij', 'xoxb-1234567890-abcdefghij'],
    ['JWT', 'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.SflKxwRJSMeKKF2QT4fwpMeJf36', 'SflKxwRJSMeKKF2QT4fwpMeJf36'],
  ])('removes a %s', (_name, input, secret) => {
    const out = redact(input);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it('removes a private key block, also when its end was cut off', () => {
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\nabc\n-----END RSA PRIVATE KEY-----';
    expect(redact(`key:\n${key}\nnext`)).toBe(`key:\n${REDACTED}\nnext`);
    expect(redact('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg')).toBe(REDACTED);
  });

  it.each([
    'FATAL:  password authentication failed for user "app"',
    'Access denied for user \'root\'@\'10.0.0.4\' (using password: YES)',
    "Error: couldn't find key DB_PASSWORD in Secret production/api-db-credentials",
    'Error: secret "api-db-credentials" not found',
    "application.rb:652:in `validate_secret_key_base': Missing `secret_key_base` for 'production' environment, set this string with `bin/rails credentials:edit` (ArgumentError)",
    'Basic authentication required for this endpoint',
    'the token has expired, requesting a new one',
    'panic: DATABASE_URL environment variable is not set',
    'NOAUTH Authentication required.',
  ])('keeps prose readable: %s', (line) => {
    expect(redact(line)).toBe(line);
  });

  it('keeps the key and the user, so the line still says what was used', () => {
    expect(redact('DB_PASSWORD=x1y2z3')).toBe(`DB_PASSWORD=${REDACTED}`);
    expect(redact('postgres://app:pw123@db/main')).toBe(`postgres://app:${REDACTED}@db/main`);
    expect(redact('{"password": "pw"}')).toBe(`{"password": "${REDACTED}"}`);
  });

  it('is idempotent', () => {
    const inputs = [
      'DB_PASSWORD=s3cr3t and token: abcdef123456 and {"api_key":"k-123"}',
      'postgres://u:p@h/db Authorization: Bearer abcdefghijklmnop123 AKIAIOSFODNN7EXAMPLE',
      'password="two words" secret=\'x y\'',
    ];
    for (const input of inputs) {
      const once = redact(input);
      expect(redact(once)).toBe(once);
    }
  });

  it('recognises secret-looking names', () => {
    for (const n of ['DB_PASSWORD', 'api-key', 'CLIENT_SECRET', 'GITHUB_TOKEN', 'aws_secret_access_key', 'SENTRY_DSN']) expect(isSecretName(n)).toBe(true);
    for (const n of ['DATABASE_HOST', 'PORT', 'LOG_LEVEL', 'KEYCLOAK_URL']) expect(isSecretName(n)).toBe(false);
  });
});
