import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.js';
import { podEvidence } from './test-support.js';

const refusedOn = (target: string) => [
  'INFO starting worker',
  `ERROR Unable to obtain connection from database: Connection to ${target} refused. Check that the hostname and port are correct`,
  'Caused by: java.net.ConnectException: Connection refused',
];

describe('connection refused on the pod loopback', () => {
  it('with no sidecar there to listen, the connection setting is missing (it fell back to its default)', () => {
    const d = diagnose(podEvidence({ exitCode: 1, logs: refusedOn('localhost:5432'), env: [{ name: 'APP_ENV', value: 'prod' }] }));
    expect(d.cause).toBe('missing-config');
    expect(d.alternatives.map((a) => a.cause)).toContain('dependency-unavailable');
    expect(d.summary).toMatch(/localhost:5432/);
  });

  it('the same wording with 127.0.0.1 and a Python errno', () => {
    const d = diagnose(podEvidence({ exitCode: 1, logs: ["consumer: Cannot connect to amqp://guest:**@127.0.0.1:5672//: [Errno 111] Connection refused."] }));
    expect(d.cause).toBe('missing-config');
  });

  it('stays a dependency problem when a sidecar may be the listener (a proxy that declares no ports)', () => {
    const d = diagnose(podEvidence({ exitCode: 1, logs: refusedOn('127.0.0.1:5432'), otherContainers: ['cloud-sql-proxy'] }));
    expect(d.cause).toBe('dependency-unavailable');
    expect(d.detail).toBe('refused');
  });

  it('stays a dependency problem for a remote host', () => {
    const d = diagnose(podEvidence({ exitCode: 1, logs: refusedOn('orders-db.prod.svc:5432') }));
    expect(d.cause).toBe('dependency-unavailable');
  });

  it('stays a dependency problem on hostNetwork, where host processes share the loopback', () => {
    const d = diagnose(podEvidence({ exitCode: 1, logs: refusedOn('localhost:6379'), hostNetwork: true }));
    expect(d.cause).toBe('dependency-unavailable');
  });
});

describe('a placeholder host', () => {
  it.each([
    'Error: getaddrinfo ENOTFOUND undefined',
    'psycopg2.OperationalError: could not translate host name "None" to address: Name or service not known',
    'java.net.UnknownHostException: null',
    'panic: dial tcp: lookup $(DB_HOST): no such host',
  ])('%s is an unset host setting', (line) => {
    const d = diagnose(podEvidence({ exitCode: 1, logs: ['starting', line] }));
    expect(d.cause).toBe('missing-config');
    expect(d.alternatives.map((a) => a.cause)).toContain('dependency-unavailable');
  });

  it('a real host name that does not resolve stays a DNS problem', () => {
    const d = diagnose(podEvidence({ exitCode: 1, logs: ['Error: getaddrinfo ENOTFOUND orders-db'] }));
    expect(d.cause).toBe('dependency-unavailable');
    expect(d.detail).toBe('dns');
  });
});
