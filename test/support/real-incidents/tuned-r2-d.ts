/**
 * Tuned real incidents, round 2 (4/4): programs that connect to localhost because the setting naming the real
 * host never reached the container (no sidecar listens there). `source` says what was completed and with what.
 */
import { appScenario, crash, type ScenarioDef } from '../fixture-gen/define.js';
import { lines } from '../fixture-gen/log-time.js';

/** No datasource settings in the Deployment: the app falls back to localhost:5432, where nothing listens. */
function finopsDatasourceDefaultsToLocalhost(): ScenarioDef {
  const at = (x: string) => `\tat ${x}`;
  return appScenario({
    dir: 'missing-config/real2-quarkus-datasource-defaults-to-localhost',
    source:
      'https://github.com/JiRaska/open-bank-oss/pull/3215 — finops-agent (Kotlin/Quarkus) crash-looped for 8 h (117 restarts): the Deployment carried no datasource configuration (no JDBC_URL, REACTIVE_URL, credentials or envFrom), so application.yaml defaults pointed at localhost:5432 and Flyway\'s migrate-at-start died on "java.net.ConnectException: Connection refused"; the database itself was healthy. The Flyway frame and the ConnectException verbatim; the PSQLException wording (pgjdbc\'s), the Quarkus lines, names and exit code (1) completed.',
    cause: 'missing-config',
    ns: 'finops',
    app: 'finops-agent',
    history: 'settled',
    crashesBeganAgo: 8 * 3600,
    collectedAt: '2026-08-02T09:00:00Z',
    podAge: 8 * 3600,
    containers: [{ name: 'finops-agent', image: 'ghcr.io/jiraska/finops-agent:0.4.2', ports: [{ containerPort: 8080, name: 'http' }], env: [{ name: 'QUARKUS_PROFILE', value: 'prod' }] }],
    statuses: { 'finops-agent': crash(1, { ran: 6, finishedAgo: 150, restarts: 117 }) },
    logs: {
      'finops-agent': {
        previous: lines(
          '2026-08-02 08:57:21,512 INFO  [io.qua.fly.run.FlywayRecorder] (main) Flyway migrate-at-start enabled',
          '2026-08-02 08:57:21,904 ERROR [io.qua.run.Application] (main) Failed to start application: java.lang.RuntimeException: Failed to start quarkus',
          at('io.quarkus.runner.ApplicationImpl.doStart(Unknown Source)'),
          'Caused by: org.flywaydb.core.internal.exception.FlywaySqlException: Unable to obtain connection from database: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
          at('org.flywaydb.core.internal.jdbc.JdbcUtils.openConnection(JdbcUtils.java:60)'),
          'Caused by: org.postgresql.util.PSQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
          at('org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352)'),
          'Caused by: java.net.ConnectException: Connection refused',
          at('java.base/sun.nio.ch.Net.pollConnect(Native Method)'),
        ),
      },
    },
  });
}

/** The dify worker has no CELERY_BROKER_URL, so Celery tries its default broker on the pod's own loopback. */
function difyWorkerBrokerUrlMissing(): ScenarioDef {
  const line = () => `ERROR [MainThread] [consumer.py:493] - consumer: Cannot connect to amqp://guest:**@127.0.0.1:5672//: [Errno 111] Connection refused.`;
  const again = (n: number) => `Trying again in ${Math.min(2 * n, 32)}.00 seconds... (${n}/100)`;
  const tries = [1, 2, 3, 4, 5, 6].flatMap((n) => [line(), again(n)]);
  return appScenario({
    dir: 'missing-config/real2-celery-worker-broker-url-missing',
    source:
      'https://github.com/langgenius/dify/issues/14810 — the dify 1.0.0 worker cannot start its consumer: "Cannot connect to amqp://guest:**@127.0.0.1:5672//: [Errno 111] Connection refused." — the reporter\'s own answer: "lose CELERY_BROKER_URL" (without it Celery uses its default broker on localhost). Log line verbatim; reconstructed as a Kubernetes Deployment (the report ran Docker) with names, env, retry count and exit code (1, the worker giving up) completed.',
    cause: 'missing-config',
    ns: 'dify',
    app: 'dify-worker',
    history: 'single',
    collectedAt: '2025-03-03T10:00:00Z',
    podAge: 1800,
    containers: [
      {
        name: 'worker',
        image: 'langgenius/dify-api:1.0.0',
        env: [
          { name: 'MODE', value: 'worker' },
          { name: 'DB_HOST', value: 'dify-postgresql' },
          { name: 'REDIS_HOST', value: 'dify-redis-master' },
        ],
      },
    ],
    statuses: { worker: crash(1, { ran: 95, finishedAgo: 120, restarts: 7 }) },
    logs: { worker: { previous: lines(...tries) } },
  });
}

export const TUNED_R2_D: Array<() => ScenarioDef> = [finopsDatasourceDefaultsToLocalhost, difyWorkerBrokerUrlMissing];
