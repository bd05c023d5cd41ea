import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.js';
import { podEvidence } from './test-support.js';

const bootFailure = (module: string) => [
  '[INFO] Booting worker with pid: 8',
  '[ERROR] Exception in worker process',
  'Traceback (most recent call last):',
  `ModuleNotFoundError: No module named '${module}'`,
  "gunicorn.errors.HaltServer: <HaltServer 'Worker failed to boot.' 3>",
];

describe('a Python module the command itself launches is missing', () => {
  it('is the command (module path / working directory), not a dependency', () => {
    const d = diagnose(podEvidence({ exitCode: 3, command: ['gunicorn', 'shop.wsgi:application', '--bind', '0.0.0.0:8000'], logs: bootFailure('shop') }));
    expect(d.cause).toBe('bad-entrypoint');
    expect(d.alternatives.map((a) => a.cause)).toContain('missing-runtime-dependency');
    expect(d.summary).toMatch(/"shop"/);
  });

  it('works for python -m and celery -A too', () => {
    expect(diagnose(podEvidence({ exitCode: 1, command: ['python', '-m', 'worker.main'], logs: ["ModuleNotFoundError: No module named 'worker'"] })).cause).toBe('bad-entrypoint');
    expect(diagnose(podEvidence({ exitCode: 1, args: ['celery', '-A', 'tasks', 'worker'], logs: ["ModuleNotFoundError: No module named 'tasks'"] })).cause).toBe('bad-entrypoint');
  });

  it('a third-party module the app imports stays a missing dependency', () => {
    const d = diagnose(podEvidence({ exitCode: 3, command: ['gunicorn', 'shop.wsgi:application'], logs: bootFailure('psycopg2') }));
    expect(d.cause).toBe('missing-runtime-dependency');
  });
});
