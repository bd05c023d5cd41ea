import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('logger', () => {
  it('writes JSON lines with the ids of child loggers', () => {
    const { lines, logger } = capture();
    logger.child({ jobId: 'cmd--T1--42' }).info({ cause: 'oom-killed' }, 'diagnosed');
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ jobId: 'cmd--T1--42', cause: 'oom-killed', msg: 'diagnosed', level: 30 });
  });

  it('never writes a token or password: censored fields, redacted messages and errors', () => {
    const { lines, logger } = capture();
    logger.info({ token: 'xoxb-123-secret', headers: { authorization: 'Bearer abc123abc123' }, config: { slack: { botToken: 'xoxb-9' } } }, 'start');
    logger.warn('connecting with password=hunter2 and xoxb-1234567890-abcdef');
    logger.error({ err: new Error('auth failed for postgres://app:hunter2@db:5432/app') }, 'boom');
    const all = lines.join('\n');
    expect(all).not.toMatch(/xoxb-|hunter2|abc123abc123/);
    expect(all).toContain('[REDACTED]');
  });
});
