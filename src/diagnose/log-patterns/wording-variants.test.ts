/** Wordings of known causes by other runtimes and servers (Erlang/BEAM atoms, Kubernetes API lookups, ...). */
import { describe, expect, it } from 'vitest';
import { ALL_PATTERNS, scanLines, type PatternFamily } from './index.js';

function families(line: string): PatternFamily[] {
  return scanLines([line], ALL_PATTERNS).map((h) => h.family);
}

describe('Erlang/BEAM posix atoms', () => {
  it.each([
    "Failed to create cookie file '/var/lib/rabbitmq/.erlang.cookie': eacces",
    '{error,eacces}',
    '** (File.Error) could not write to file "/app/tmp/cache": eacces',
  ])('%s is a permission problem', (line) => {
    expect(families(line)).toContain('permission');
  });

  it('does not read the word inside other tokens', () => {
    expect(families('loaded module eaccess_helper')).not.toContain('permission');
  });
});

describe('a ConfigMap or Secret the program looks up is absent', () => {
  it.each([
    'F0101 10:00:00.000000       1 main.go:300] Error when getting default/app-config: configmaps "app-config" not found',
    'level=error msg="failed to load settings" error="secrets \\"api-token\\" not found"',
    'io.fabric8.kubernetes.client.KubernetesClientException: ConfigMap app-settings not found',
  ])('%s', (line) => {
    expect(families(line)).toContain('missing-config');
  });

  it('says nothing on an INFO line', () => {
    expect(families('I0101 10:00:00.000000 1 store.go:10] configmaps "tcp-services" not found, using defaults')).not.toContain('missing-config');
  });
});

describe('environment variables named after the verdict, or only as a group', () => {
  it.each([
    '  Environment variable not found: "SMTP_DSN".  ',
    'error: env var missing: REDIS_URL',
    'Error: Required database environment variables are not set. Provide a url for DB_URL.',
    'Symfony\\Component\\DependencyInjection\\Exception\\EnvNotFoundException',
    'Missing required environment variables: API_KEY, API_SECRET',
  ])('%s', (line) => {
    expect(families(line)).toContain('missing-config');
  });

  it.each(['All environment variables are set, starting', 'environment variable is defined: LOG_LEVEL=info'])('%s is not a complaint', (line) => {
    expect(families(line)).not.toContain('missing-config');
  });
});

describe('more runtimes and servers, same causes', () => {
  it.each<[PatternFamily, string]>([
    ['oom', 'eheap_alloc: Cannot allocate 3936326656 bytes of memory (of type "heap").'],
    ['runtime-dependency', '** (UndefinedFunctionError) function Jason.encode!/1 is undefined (module Jason is not available)'],
    ['dependency', 'org.apache.kafka.common.config.ConfigException: No resolvable bootstrap urls given in bootstrap.servers'],
    ['dependency', 'operation none caused a connection exception access_refused: "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN."'],
    ['missing-config', 'java.util.NoSuchElementException: SRCFG00014: The config property quarkus.datasource.password is required but it could not be found in any config source'],
    ['missing-config', '** (RuntimeError) could not fetch environment variable "SECRET_KEY_BASE" because it is not set'],
    ['bad-entrypoint', '/entrypoint.sh: line 12: exec: uvicorn: not found'],
  ])('%s: %s', (family, line) => {
    expect(families(line)).toContain(family);
  });

  it('names the DNS detail for Kafka bootstrap servers and the auth detail for AMQP logins', () => {
    const detail = (line: string) => scanLines([line], ALL_PATTERNS).find((h) => h.family === 'dependency')?.pattern.detail;
    expect(detail('No resolvable bootstrap urls given in bootstrap.servers')).toBe('dns');
    expect(detail('ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN.')).toBe('auth');
  });
});

describe('read-only data directories in server wording', () => {
  it.each([
    '"msg":"DBException in initAndListen, terminating","attr":{"error":"IllegalOperation: Attempted to create a lock file on a read-only directory: /data/db"}',
    'ERROR: data volume is read-only, cannot write /var/lib/app/state',
  ])('%s', (line) => {
    expect(families(line)).toContain('permission');
  });
});

describe('dependency details from .NET stack frames and BEAM atoms', () => {
  const detail = (line: string) => scanLines([line], ALL_PATTERNS).find((h) => h.family === 'dependency')?.pattern.detail;
  it('a .NET DNS frame names the DNS detail', () => {
    expect(detail('   at System.Net.Dns.GetHostEntryOrAddressesCore(String hostName, Boolean justAddresses, AddressFamily addressFamily, Nullable`1 startingTimestamp)')).toBe('dns');
  });
  it('a BEAM connect timeout names the timeout detail', () => {
    expect(detail('[error] Postgrex.Protocol (#PID<0.2488.0>) failed to connect: ** (DBConnection.ConnectionError) tcp connect (db.internal:5432): timeout')).toBe('timeout');
    expect(detail('{error,etimedout}')).toBe('timeout');
  });
});

describe('Service link variables read as a setting', () => {
  it('a listen address built from NAME_PORT=tcp://ip:port', () => {
    const hits = scanLines(['{"level":"fatal","msg":"server crashed","error":"listen tcp: address :tcp://10.96.3.4:8080: too many colons in address"}'], ALL_PATTERNS);
    expect(hits.find((h) => h.family === 'missing-config')?.pattern.id).toBe('service-link-collision');
  });
});
