/** dependency-unavailable: the network path (DNS, refused, timeout). */
import { appScenario, COLLECTED_AT, crash, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';

const T = logTimes(COLLECTED_AT);
const small = { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '100m' } };

/** seeds/001 Root Cause 4: PostgreSQL refuses connections (its own pod is crash-looping). */
function seedPostgresRefused(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/seed-postgres-connection-refused',
    source: "seeds/001 section 'Root Cause 4: Dependency Service Unavailable' (dial tcp 10.0.1.45:5432: connect: connection refused)",
    cause: 'dependency-unavailable',
    detail: 'refused',
    app: 'api-deployment',
    podName: 'api-deployment-7d4b9c-xkp2z',
    hash: '7d4b9c',
    history: 'single',
    podAge: 480,
    containers: [
      {
        name: 'api',
        image: 'registry.solvethenetwork.com/api:v1.2.1',
        ports: [{ containerPort: 8080, name: 'http' }],
        env: [{ name: 'DATABASE_HOST', value: 'postgres-service.production.svc.cluster.local' }, { name: 'DATABASE_PORT', value: '5432' }],
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '250m' } },
      },
    ],
    statuses: { api: crash(1, { ran: 0.3, finishedAgo: 58, restarts: 6 }) },
    logs: {
      api: {
        previous: lines(
          'Error: unable to connect to PostgreSQL at postgres-service.production.svc.cluster.local:5432',
          'dial tcp 10.0.1.45:5432: connect: connection refused',
          'failed to initialise application, exiting',
        ),
      },
    },
  });
}

/** Exit 1 whose logs show a DNS failure: the Service name in DATABASE_HOST does not exist. */
function nodeDnsEnotfound(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/node-dns-enotfound-exit-1',
    source: 'synthetic: Node.js service exits 1 on an unhandled rejection; getaddrinfo ENOTFOUND for a Service name that was renamed (orders-db -> orders-postgres)',
    cause: 'dependency-unavailable',
    detail: 'dns',
    app: 'orders-api',
    ns: 'payments',
    history: 'regression',
    podAge: 350,
    containers: [
      {
        name: 'orders-api',
        image: 'registry.example.com/payments/orders-api:4.8.0',
        ports: [{ containerPort: 3000, name: 'http' }],
        env: [{ name: 'PGHOST', value: 'orders-db.payments.svc.cluster.local' }, { name: 'PGDATABASE', value: 'orders' }],
        resources: small,
      },
    ],
    previousContainers: [
      {
        name: 'orders-api',
        image: 'registry.example.com/payments/orders-api:4.7.2',
        ports: [{ containerPort: 3000, name: 'http' }],
        env: [{ name: 'PGHOST', value: 'orders-postgres.payments.svc.cluster.local' }, { name: 'PGDATABASE', value: 'orders' }],
        resources: small,
      },
    ],
    statuses: { 'orders-api': crash(1, { ran: 1.2, finishedAgo: 33, restarts: 5 }) },
    logs: {
      'orders-api': {
        previous: lines(
          `{"level":"info","ts":"${T.isoMs(34.2)}","msg":"orders-api 4.8.0 starting","pid":1}`,
          `{"level":"info","ts":"${T.isoMs(34.0)}","msg":"connecting to postgres","host":"orders-db.payments.svc.cluster.local","database":"orders"}`,
          'node:internal/process/promises:289',
          '            triggerUncaughtException(err, true /* fromPromise */);',
          '            ^',
          '',
          'Error: getaddrinfo ENOTFOUND orders-db.payments.svc.cluster.local',
          '    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26) {',
          '  errno: -3008,',
          "  code: 'ENOTFOUND',",
          "  syscall: 'getaddrinfo',",
          "  hostname: 'orders-db.payments.svc.cluster.local'",
          '}',
          '',
          'Node.js v20.12.2',
        ),
      },
    },
  });
}

/** nginx cannot resolve its upstream at startup. */
function nginxHostNotFound(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/nginx-host-not-found-in-upstream',
    source: 'synthetic: nginx reverse proxy whose upstream Service backend-api does not exist in the namespace ([emerg] host not found in upstream)',
    cause: 'dependency-unavailable',
    detail: 'dns',
    app: 'frontend',
    ns: 'web',
    history: 'single',
    podAge: 900,
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.27.0-alpine',
        ports: [{ containerPort: 8080, name: 'http' }],
        resources: { limits: { memory: '128Mi' }, requests: { memory: '32Mi', cpu: '20m' } },
        volumeMounts: [{ name: 'nginx-conf', mountPath: '/etc/nginx/conf.d' }],
      },
    ],
    spec: { volumes: [{ name: 'nginx-conf', configMap: { name: 'frontend-nginx', defaultMode: 420 } }] },
    statuses: { nginx: crash(1, { ran: 0.3, finishedAgo: 240, restarts: 9 }) },
    logs: {
      nginx: {
        previous: lines(
          '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
          '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
          '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)',
          '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
          '/docker-entrypoint.sh: Configuration complete; ready for start up',
          `${T.go(240)} [emerg] 1#1: host not found in upstream "backend-api:8080" in /etc/nginx/conf.d/default.conf:7`,
          'nginx: [emerg] host not found in upstream "backend-api:8080" in /etc/nginx/conf.d/default.conf:7',
        ),
      },
    },
  });
}

/** Connection timeouts to a managed Postgres after a default-deny NetworkPolicy; the rollout finished days earlier. */
function pythonTimeoutSettled(): ScenarioDef {
  const ran = 31;
  const fin = 120;
  const st = fin + ran;
  return appScenario({
    dir: 'dependency-unavailable/python-postgres-timeout-settled',
    source: 'synthetic: Python (SQLAlchemy/psycopg2) service times out connecting to a managed Postgres after a default-deny egress NetworkPolicy; the revision rolled out 3 days before the crashes',
    cause: 'dependency-unavailable',
    detail: 'timeout',
    app: 'reports',
    ns: 'analytics',
    history: 'settled',
    crashesBeganAgo: 1350,
    podAge: 0,
    containers: [
      {
        name: 'reports',
        image: 'registry.example.com/analytics/reports:2.3.1',
        command: ['python', '-m', 'reports.server'],
        ports: [{ containerPort: 8000 }],
        env: [{ name: 'DB_HOST', value: '10.20.0.5' }, { name: 'DB_CONNECT_TIMEOUT', value: '30' }],
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '100m' } },
      },
    ],
    statuses: { reports: crash(1, { ran, finishedAgo: fin, restarts: 7 }) },
    logs: {
      reports: {
        previous: lines(
          `${T.py(st - 0.4)} INFO reports.server: starting reports 2.3.1`,
          `${T.py(st - 0.5)} INFO reports.db: connecting to postgresql://reports@10.20.0.5:5432/reports`,
          'Traceback (most recent call last):',
          '  File "/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 145, in __init__',
          '    self._dbapi_connection = engine.raw_connection()',
          '  File "/usr/local/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 3293, in raw_connection',
          '    return self.pool.connect()',
          '  File "/usr/local/lib/python3.11/site-packages/psycopg2/__init__.py", line 122, in connect',
          '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
          'psycopg2.OperationalError: connection to server at "10.20.0.5", port 5432 failed: Connection timed out',
          '\tIs the server running on that host and accepting TCP/IP connections?',
          '',
          '',
          'The above exception was the direct cause of the following exception:',
          '',
          'Traceback (most recent call last):',
          '  File "/app/reports/server.py", line 41, in <module>',
          '    main()',
          '  File "/app/reports/server.py", line 33, in main',
          '    db.verify_connection()',
          '  File "/app/reports/db.py", line 58, in verify_connection',
          '    with engine.connect() as conn:',
          'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "10.20.0.5", port 5432 failed: Connection timed out',
          '\tIs the server running on that host and accepting TCP/IP connections?',
          '',
          '(Background on this error at: https://sqlalche.me/e/20/e3q8)',
        ),
      },
    },
  });
}

/** seeds/002 Fix 7: Python worker, Redis refuses (Error 111). */
function seedRedisRefused(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/seed-python-redis-error-111',
    source: "seeds/002 section 'Fix 7: Missing Dependencies or Services' (redis.exceptions.ConnectionError: Error 111 connecting to redis:6379)",
    cause: 'dependency-unavailable',
    detail: 'refused',
    app: 'celery-worker',
    ns: 'default',
    history: 'single',
    podAge: 640,
    containers: [
      {
        name: 'worker',
        image: 'registry.example.com/myapp-worker:2.4.0',
        command: ['python', '-m', 'myapp.worker'],
        env: [{ name: 'REDIS_URL', value: 'redis://redis:6379/0' }],
        resources: small,
      },
    ],
    statuses: { worker: crash(1, { ran: 0.8, finishedAgo: 44, restarts: 7 }) },
    logs: {
      worker: {
        previous: lines(
          'Traceback (most recent call last):',
          '  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 276, in connect',
          '    sock = self.retry.call_with_retry(',
          '  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 649, in _connect',
          '    raise err',
          '  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 637, in _connect',
          '    sock.connect(socket_address)',
          'ConnectionRefusedError: [Errno 111] Connection refused',
          '',
          'During handling of the above exception, another exception occurred:',
          '',
          'Traceback (most recent call last):',
          '  File "/app/myapp/worker.py", line 88, in <module>',
          '    main()',
          '  File "/app/myapp/worker.py", line 71, in main',
          '    queue.ping()',
          '  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 282, in connect',
          '    raise ConnectionError(self._error_message(e))',
          'redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused.',
        ),
      },
    },
  });
}

/** Kafka broker address times out (Go, segmentio/kafka-go style dial error). */
function goKafkaIoTimeout(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/go-kafka-dial-io-timeout',
    source: 'synthetic: Go consumer dialing a Kafka broker IP that no longer exists; dial tcp ...: i/o timeout after 10 s',
    cause: 'dependency-unavailable',
    detail: 'timeout',
    app: 'clickstream',
    ns: 'streaming',
    history: 'single',
    podAge: 1800,
    containers: [{ name: 'consumer', image: 'registry.example.com/streaming/clickstream:0.14.1', env: [{ name: 'KAFKA_BROKERS', value: '10.0.12.7:9092' }], resources: small }],
    statuses: { consumer: crash(1, { ran: 10.2, finishedAgo: 260, restarts: 9 }) },
    logs: {
      consumer: {
        previous: lines(
          `{"level":"info","time":"${T.iso(270)}","msg":"clickstream consumer starting","brokers":["10.0.12.7:9092"],"group":"clickstream"}`,
          `{"level":"fatal","time":"${T.iso(260)}","msg":"cannot reach kafka","error":"dial tcp 10.0.12.7:9092: i/o timeout"}`,
        ),
      },
    },
  });
}

/** Go gRPC client: the Service name does not resolve (lookup ... no such host), exit 1. */
function goGrpcNoSuchHost(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/go-grpc-lookup-no-such-host',
    source: 'synthetic: Go service dials a gRPC dependency in another namespace by its short name; cluster DNS answers no such host (exit 1)',
    cause: 'dependency-unavailable',
    detail: 'dns',
    app: 'statements',
    ns: 'banking',
    history: 'single',
    podAge: 950,
    containers: [{ name: 'statements', image: 'registry.example.com/banking/statements:3.0.2', env: [{ name: 'LEDGER_ADDR', value: 'ledger-grpc:9090' }], resources: small }],
    statuses: { statements: crash(1, { ran: 5.1, finishedAgo: 140, restarts: 9 }) },
    logs: {
      statements: {
        previous: lines(
          `{"level":"info","ts":"${T.isoMs(145)}","caller":"cmd/main.go:44","msg":"starting statements","version":"3.0.2"}`,
          `{"level":"fatal","ts":"${T.isoMs(140)}","caller":"cmd/main.go:71","msg":"ledger client","error":"rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial tcp: lookup ledger-grpc on 10.0.0.10:53: no such host\\"","stacktrace":"main.main\\n\\t/src/cmd/main.go:71\\nruntime.main\\n\\t/usr/local/go/src/runtime/proc.go:271"}`,
        ),
      },
    },
  });
}

export const DEPENDENCY_SCENARIOS = [
  goGrpcNoSuchHost,
  seedPostgresRefused,
  nodeDnsEnotfound,
  nginxHostNotFound,
  pythonTimeoutSettled,
  seedRedisRefused,
  goKafkaIoTimeout,
];
