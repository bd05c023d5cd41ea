import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.js';
import { podEvidence } from './test-support.js';

describe('a config-error banner over a permission error', () => {
  it('is a permission problem: the file the config names cannot be opened', () => {
    const d = diagnose(podEvidence({ exitCode: 1, logs: ['', '*** FATAL CONFIG FILE ERROR (Redis 7.2.4) ***', "Can't open the log file: Permission denied"] }));
    expect(d.cause).toBe('permission-denied');
    expect(d.alternatives.map((a) => a.cause)).toContain('missing-config');
  });

  it('a config error without a permission line stays missing-config', () => {
    const d = diagnose(podEvidence({ exitCode: 1, logs: ['*** FATAL CONFIG FILE ERROR (Redis 7.2.4) ***', 'Reading the configuration file, at line 12', ">>> 'maxmemory 2gb bogus'", 'Bad directive or wrong number of arguments'] }));
    expect(d.cause).toBe('missing-config');
  });
});
