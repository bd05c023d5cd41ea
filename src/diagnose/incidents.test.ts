/**
 * Incidents in the shape public reports describe them (GitHub issues, Q&A threads, postmortems), each
 * reduced to the pod fields and log lines that matter. They check that rules generalise across
 * runtimes and wording, not that they match one fixture.
 */
import { describe, expect, it } from 'vitest';
import type { CauseId, DependencyFailure } from '../domain/cause-id.js';
import { diagnose } from './diagnose.js';
import { httpProbe, podEvidence, type PodSpec } from './test-support.js';

interface Incident {
  name: string;
  pod: PodSpec;
  cause: CauseId;
  detail?: DependencyFailure;
}

const INCIDENTS: Incident[] = [
  {
    name: 'Spring Boot cannot reach MySQL (Communications link failure)',
    pod: {
      exitCode: 1,
      logs: [
        '2026-04-04 08:20:01.123 ERROR 1 --- [main] com.zaxxer.hikari.pool.HikariPool : HikariPool-1 - Exception during pool initialization.',
        'com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure',
        'The last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.',
        '\tat com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException(SQLError.java:174)',
        'Caused by: java.net.ConnectException: Connection refused',
      ],
    },
    cause: 'dependency-unavailable',
    detail: 'refused',
  },
  {
    name: 'Django on Postgres behind a wrong Service name',
    pod: {
      exitCode: 1,
      logs: [
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.12/site-packages/django/db/backends/base/base.py", line 275, in ensure_connection',
        'psycopg2.OperationalError: could not translate host name "postgres-svc" to address: Temporary failure in name resolution',
        'django.db.utils.OperationalError: could not translate host name "postgres-svc" to address: Temporary failure in name resolution',
      ],
    },
    cause: 'dependency-unavailable',
    detail: 'dns',
  },
  {
    name: 'Go service behind a default-deny NetworkPolicy',
    pod: { exitCode: 1, logs: ['{"level":"info","msg":"starting"}', '{"level":"fatal","msg":"cannot connect to nats","error":"dial tcp 10.0.12.4:4222: i/o timeout"}'] },
    cause: 'dependency-unavailable',
    detail: 'timeout',
  },
  {
    name: '.NET API with a wrong SQL Server password',
    pod: {
      exitCode: 134, // .NET aborts on an unhandled exception
      logs: [
        'Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user \'app\'.',
        '   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection)',
      ],
    },
    cause: 'dependency-unavailable',
    detail: 'auth',
  },
  {
    name: 'Node client calling an internal API with a self-signed certificate',
    pod: {
      exitCode: 1,
      logs: [
        'node:internal/process/promises:289',
        '            triggerUncaughtException(err, true /* fromPromise */);',
        '[UnhandledPromiseRejection: FetchError: request to https://billing.internal/api failed, reason: self-signed certificate in certificate chain]',
        'Node.js v20.11.1',
      ],
    },
    cause: 'dependency-unavailable',
    detail: 'tls',
  },
  {
    name: 'Flask app missing a package after a slim base image change',
    pod: { exitCode: 1, logs: ['Traceback (most recent call last):', '  File "/app/app.py", line 1, in <module>', '    from flask import Flask', "ModuleNotFoundError: No module named 'flask'"] },
    cause: 'missing-runtime-dependency',
  },
  {
    name: 'Go binary built with CGO running on Alpine',
    pod: { exitCode: 127, logs: ['Error relocating /app/server: __vfprintf_chk: symbol not found'] },
    cause: 'missing-runtime-dependency',
  },
  {
    name: 'Node app started with the wrong path',
    pod: {
      exitCode: 1,
      command: ['node', 'dist/main.js'],
      logs: ["node:internal/modules/cjs/loader:1147", '  throw err;', '  ^', '', "Error: Cannot find module '/usr/src/app/dist/main.js'", '    at Module._resolveFilename (node:internal/modules/cjs/loader:1144:15)', "  code: 'MODULE_NOT_FOUND',", '  requireStack: []', 'Node.js v20.11.1'],
    },
    cause: 'bad-entrypoint',
  },
  {
    name: 'shell script with Windows line endings',
    pod: { exitCode: 127, logs: ["/usr/bin/env: 'bash\r': No such file or directory"] },
    cause: 'bad-entrypoint',
  },
  {
    name: 'Rails without its master key',
    pod: { exitCode: 1, logs: ['Missing encryption key to decrypt file with. Ask your team for your master key and write it to /app/config/master.key or put it in the ENV[\'RAILS_MASTER_KEY\'].'] },
    cause: 'missing-config',
  },
  {
    name: 'Postgres image without its password variable',
    pod: { exitCode: 1, logs: ['Error: Database is uninitialized and superuser password is not specified.', '       You must specify POSTGRES_PASSWORD to a non-empty value for the', '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".'] },
    cause: 'missing-config',
  },
  {
    name: 'Node service validating its env with zod',
    pod: { exitCode: 1, logs: ['❌ Invalid environment variables: { JWT_SECRET: [ \'Required\' ] }', 'Error: Invalid environment variables'] },
    cause: 'missing-config',
  },
  {
    name: 'Spring Boot without a datasource URL',
    pod: {
      exitCode: 1,
      logs: ['***************************', 'APPLICATION FAILED TO START', '***************************', '', 'Description:', '', "Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured."],
    },
    cause: 'missing-config',
  },
  {
    name: 'JVM heap larger than the container limit',
    pod: { exitCode: 1, memoryLimit: '512Mi', logs: ['Error occurred during initialization of VM', 'Could not reserve enough space for 1048576KB object heap'] },
    cause: 'oom-killed',
  },
  {
    name: 'PHP worker exceeding memory_limit',
    pod: { exitCode: 255, logs: ['PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 4096 bytes) in /var/www/vendor/laravel/framework/src/Illuminate/Support/Collection.php on line 1375'] },
    cause: 'oom-killed',
  },
  {
    name: 'Python training job OOMKilled mid-epoch',
    pod: { exitCode: 137, reason: 'OOMKilled', memoryLimit: '8Gi', ranForSeconds: 1240, logs: ['epoch 3/10', 'step 1200 loss=0.412'] },
    cause: 'oom-killed',
  },
  {
    name: 'slow JVM start killed by an eager liveness probe',
    pod: {
      exitCode: 143,
      ranForSeconds: 41,
      liveness: httpProbe(8080, '/actuator/health', { initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3 }),
      ports: [{ containerPort: 8080 }],
      logs: ['  .   ____          _            __ _ _', ' :: Spring Boot ::                (v3.2.4)', '2026-04-04T08:20:01Z  INFO 1 --- [main] c.e.OrdersApplication : Starting OrdersApplication', '2026-04-04T08:20:38Z  INFO 1 --- [main] o.s.b.w.embedded.tomcat.TomcatWebServer : Tomcat initialized with port 8080 (http)'],
      events: [
        { reason: 'Unhealthy', message: 'Liveness probe failed: Get "http://10.244.2.9:8080/actuator/health": dial tcp 10.244.2.9:8080: connect: connection refused', count: 9 },
        { reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', type: 'Normal', count: 3 },
      ],
    },
    cause: 'liveness-probe-failure',
  },
  {
    name: 'liveness probe with a wrong path',
    pod: {
      exitCode: 137,
      liveness: httpProbe(3000, '/health'),
      logs: ['> api@1.0.0 start', '> node server.js', 'Server listening on port 3000'],
      events: [
        { reason: 'Unhealthy', message: 'Liveness probe failed: HTTP probe failed with statuscode: 404', count: 12 },
        { reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', type: 'Normal', count: 4 },
      ],
    },
    cause: 'liveness-probe-failure',
  },
  {
    name: 'nginx as non-root on port 80',
    pod: { exitCode: 1, logs: ['2026/04/04 08:20:00 [emerg] 1#1: bind() to 0.0.0.0:80 failed (13: Permission denied)', 'nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)'] },
    cause: 'permission-denied',
  },
  {
    name: 'Grafana cannot write its data volume',
    pod: { exitCode: 1, logs: ['GF_PATHS_DATA=\'/var/lib/grafana\' is not writable.', 'You may have issues with file permissions, more information here: http://docs.grafana.org/installation/docker/#migrate-to-v51-or-later', "mkdir: can't create directory '/var/lib/grafana/plugins': Permission denied"] },
    cause: 'permission-denied',
  },
  {
    name: 'Elasticsearch data directory locked by another pod',
    pod: { exitCode: 1, logs: ['java.lang.IllegalStateException: failed to obtain node locks, tried [[/usr/share/elasticsearch/data]] with lock id [0]; maybe these locations are not writable or multiple nodes were started without increasing [node.max_local_storage_nodes] (was [1])?'] },
    cause: 'port-in-use',
  },
  {
    name: 'node-exporter on hostNetwork with the port taken',
    pod: { exitCode: 1, hostNetwork: true, logs: ['ts=2026-04-04T08:20:00.000Z caller=node_exporter.go:223 level=error err="listen tcp :9100: bind: address already in use"'] },
    cause: 'port-in-use',
  },
  {
    name: 'image built on an M1 Mac scheduled on amd64',
    pod: { exitCode: 1, nodeArch: 'amd64', image: 'ghcr.io/team/api:latest', logs: ['exec /usr/local/bin/docker-entrypoint.sh: exec format error'] },
    cause: 'exec-format-error',
  },
  {
    name: 'Python native extension segfault',
    pod: { exitCode: 139, logs: ['Fatal Python error: Segmentation fault', '', 'Current thread 0x00007f (most recent call first):', '  File "/app/infer.py", line 88 in predict'] },
    cause: 'segfault',
  },
  {
    name: 'container that daemonizes and exits 0',
    pod: { exitCode: 0, reason: 'Completed', ranForSeconds: 1, logs: ['Starting supervisord...', 'supervisord started with pid 7'] },
    cause: 'completed-exit',
  },
  {
    name: 'Go panic on a nil map',
    pod: { exitCode: 2, logs: ['panic: assignment to entry in nil map', '', 'goroutine 1 [running]:', 'main.main()', '\t/src/main.go:14 +0x2c'] },
    cause: 'application-error',
  },
  {
    name: 'Go nil pointer dereference (SIGSEGV inside a panic)',
    pod: { exitCode: 2, logs: ['panic: runtime error: invalid memory address or nil pointer dereference', '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1b2c]', '', 'goroutine 1 [running]:', 'main.(*Server).Start(0x0)'] },
    cause: 'application-error',
  },
  {
    name: 'Rust unwrap on a bad value',
    pod: { exitCode: 101, logs: ["thread 'main' panicked at src/config.rs:41:10:", 'called `Result::unwrap()` on an `Err` value: ParseIntError { kind: InvalidDigit }'] },
    cause: 'application-error',
  },
  {
    name: 'SIGTERM on node drain',
    pod: { exitCode: 143, logs: ['INFO serving on :8080', 'INFO received SIGTERM, shutting down'], events: [{ reason: 'Killing', message: 'Stopping container app', type: 'Normal', container: 'app' }] },
    cause: 'killed-by-signal',
  },
  {
    name: 'secret referenced by envFrom missing',
    pod: { waiting: { reason: 'CreateContainerConfigError', message: 'secret "payments-env" not found' }, events: [{ reason: 'Failed', message: 'Error: secret "payments-env" not found' }] },
    cause: 'missing-config',
  },
  {
    name: 'private image without pull secret',
    pod: {
      waiting: { reason: 'ErrImagePull', message: 'rpc error: code = Unknown desc = failed to pull and unpack image "ghcr.io/acme/api:2.1.0": failed to resolve reference: unexpected status from HEAD request: 401 Unauthorized' },
      events: [{ reason: 'Failed', message: 'Failed to pull image "ghcr.io/acme/api:2.1.0": 401 Unauthorized' }],
    },
    cause: 'image-pull',
  },
];

describe('incidents from public reports', () => {
  it.each(INCIDENTS)('$name -> $cause', ({ pod, cause, detail }) => {
    const d = diagnose(podEvidence(pod));
    expect({ cause: d.cause, ...(detail ? { detail: d.detail } : {}) }).toEqual({ cause, ...(detail ? { detail } : {}) });
    expect(d.confidence).toBeGreaterThanOrEqual(0.5);
  });
});

const MORE: Incident[] = [
  { name: 'runAsNonRoot with a root image', pod: { waiting: { reason: 'CreateContainerConfigError', message: 'container has runAsNonRoot and image will run as root (pod: "web-1_prod(uid)", container: web)' } }, cause: 'permission-denied' },
  { name: 'Postgres data dir on a fresh volume with lost+found', pod: { exitCode: 1, logs: ['initdb: error: directory "/var/lib/postgresql/data" exists but is not empty', 'It contains a lost+found directory, perhaps due to it being a mount point.', 'Using a mount point directly as the data directory is not recommended.'] }, cause: 'missing-config' },
  { name: 'CoreDNS forwarding loop', pod: { exitCode: 1, logs: ['.:53', '[INFO] plugin/reload: Running configuration SHA512 = 1f0e8e', '[FATAL] plugin/loop: Loop (127.0.0.1:55953 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 4547991504243258144.3688648895315093531."'] }, cause: 'missing-config' },
  { name: 'MongoDB data directory locked by another instance', pod: { exitCode: 100, logs: ['{"t":{"$date":"2026-04-04T08:20:00.000+00:00"},"s":"E","c":"STORAGE","id":20557,"ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"DBPathInUse: Unable to lock the lock file: /data/db/mongod.lock (Resource temporarily unavailable). Another mongod instance is already running on the /data/db directory"}}'] }, cause: 'port-in-use' },
  { name: 'Vault without its mounted TLS certificate', pod: { exitCode: 1, logs: ['Error initializing listener of type tcp: error loading TLS cert: open /vault/userconfig/tls/tls.crt: no such file or directory'] }, cause: 'missing-config' },
  { name: 'Airflow with an invalid configuration', pod: { exitCode: 1, logs: ['airflow.exceptions.AirflowConfigException: error: cannot use SQLite with the KubernetesExecutor'] }, cause: 'missing-config' },
  { name: 'Java server binding port 443 as non-root', pod: { exitCode: 1, logs: ['Caused by: java.net.BindException: Permission denied', '\tat java.base/sun.nio.ch.Net.bind0(Native Method)'] }, cause: 'permission-denied' },
  { name: 'Celery worker with a wrong broker host', pod: { exitCode: 1, logs: ['[2026-04-04 08:20:00,000: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@rabbitmq:5672//: [Errno -2] Name or service not known.'] }, cause: 'dependency-unavailable', detail: 'dns' },
  { name: 'Loki with an unknown config field', pod: { exitCode: 1, logs: ['failed parsing config: /etc/loki/config.yaml: yaml: unmarshal errors:', '  line 12: field max_look_back_period not found in type config.ChunkStoreConfig'] }, cause: 'missing-config' },
  { name: 'unset REDIS_URL falls back to localhost', pod: { exitCode: 1, logs: ['WARN REDIS_URL is not set, using redis://localhost:6379', 'Error: connect ECONNREFUSED 127.0.0.1:6379'] }, cause: 'missing-config' },
  { name: 'Cloud SQL proxy sidecar not ready yet', pod: { exitCode: 1, otherContainers: ['cloud-sql-proxy'], logs: ['ConnectionRefusedError: [Errno 111] Connect call failed (\'127.0.0.1\', 5432)'] }, cause: 'dependency-unavailable', detail: 'refused' },
  { name: 'REDIS_PORT shadowed by the Service link variable', pod: { exitCode: 1, logs: ['Traceback (most recent call last):', '  File "/app/worker.py", line 9, in <module>', "    port = int(os.environ.get('REDIS_PORT', 6379))", "ValueError: invalid literal for int() with base 10: 'tcp://10.96.12.4:6379'"] }, cause: 'missing-config' },
];

describe('more incidents from public reports', () => {
  it.each(MORE)('$name -> $cause', ({ pod, cause, detail }) => {
    const d = diagnose(podEvidence(pod));
    expect({ cause: d.cause, ...(detail ? { detail: d.detail } : {}) }).toEqual({ cause, ...(detail ? { detail } : {}) });
  });
});
