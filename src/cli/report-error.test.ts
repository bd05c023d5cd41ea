import { describe, expect, it } from 'vitest';
import { CrashloopError } from '../errors.js';
import { reportError, useColor } from './report-error.js';

describe('useColor', () => {
  it('colours a terminal only, and never with NO_COLOR or TERM=dumb', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({}, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(useColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});

describe('reportError', () => {
  it('prints one line plus hints and returns the documented exit code', () => {
    let out = '';
    const code = reportError(new CrashloopError('target-ambiguous', '"api" matches 2 pods', ['api-1', 'api-2']), (s) => (out += s));
    expect(code).toBe(3);
    expect(out).toBe('crashloop: "api" matches 2 pods\n  api-1\n  api-2\n');
  });

  it('calls anything else an internal error (exit 1) without a stack unless debugging', () => {
    let out = '';
    expect(reportError(new Error('boom'), (s) => (out += s))).toBe(1);
    expect(out).toBe('crashloop: internal error: boom\n  set CRASHLOOP_DEBUG=1 for details\n');
  });
});
