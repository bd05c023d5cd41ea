import { appScenario, COLLECTED_AT, crash, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';

const T = logTimes(COLLECTED_AT);

const killing = (c: string, count: number, firstAgo: number, lastAgo: number, probe = 'liveness') => ({
  reason: 'Killing',
  message: `Container ${c} failed ${probe} probe, will be restarted`,
  container: c,
  count,
  firstAgo,
  lastAgo,
});

/** seeds/001 Root Cause 5: liveness probe on /healthz (404; the app serves /health) and a 5 s delay for a 22 s startup. */
function seedRunbook(): ScenarioDef {
  const at = '2026-04-04T08:16:20Z';
  const t = logTimes(at);
  const api = (path: string) => ({
    name: 'api',
    image: 'registry.solvethenetwork.com/api:v1.2.1',
    ports: [{ containerPort: 8080, name: 'http' }],
    resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '250m' } },
    livenessProbe: { httpGet: { path, port: 8080 }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, failureThreshold: 3 },
    readinessProbe: { httpGet: { path: '/readyz', port: 8080 }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, failureThreshold: 3 },
  });
  const ran = 26;
  const fin = 18;
  const st = fin + ran;
  return appScenario({
    dir: 'liveness-probe-failure/seed-runbook-healthz-404',
    source: "seeds/001 section 'Root Cause 5: Liveness Probe Misconfiguration'",
    cause: 'liveness-probe-failure',
    app: 'api-deployment',
    podName: 'api-deployment-7d4b9c-xkp2z',
    hash: '7d4b9c',
    collectedAt: at,
    history: 'regression',
    podAge: 400,
    containers: [api('/healthz')],
    previousContainers: [{ ...api('/health'), image: 'registry.solvethenetwork.com/api:v1.2.0' }],
    statuses: { api: crash(143, { ran, finishedAgo: fin, restarts: 4 }) },
    events: [
      { reason: 'Unhealthy', type: 'Warning', container: 'api', count: 10, firstAgo: 388, lastAgo: 28, message: 'Liveness probe failed: Get "http://{podIP}:8080/healthz": dial tcp {podIP}:8080: connect: connection refused' },
      { reason: 'Unhealthy', type: 'Warning', container: 'api', count: 5, firstAgo: 368, lastAgo: 18, message: 'Liveness probe failed: HTTP probe failed with statuscode: 404' },
      { reason: 'Unhealthy', type: 'Warning', container: 'api', count: 15, firstAgo: 388, lastAgo: 18, message: 'Readiness probe failed: HTTP probe failed with statuscode: 404' },
      killing('api', 4, 368, 18),
    ],
    logs: {
      api: {
        previous: lines(
          `${t.iso(st - 0.2)} INFO  loading configuration from /etc/api/config.yaml`,
          `${t.iso(st - 1)} INFO  connecting to postgres at 10.0.1.45:5432`,
          `${t.iso(st - 3)} INFO  warming product cache (48211 keys)`,
          `${t.iso(st - 22)} INFO  server listening on :8080 after 22s startup`,
          `${t.iso(st - 25)} INFO  GET /readyz 404 0.21ms`,
          `${t.iso(st - 25)} INFO  GET /healthz 404 0.18ms`,
        ),
      },
    },
  });
}

/** Exit 137 WITHOUT OOMKilled: a slow Spring Boot start killed by its liveness probe; sh as PID 1 ignores SIGTERM, so SIGKILL follows. */
function java137AfterProbe(): ScenarioDef {
  const ran = 61;
  const fin = 22;
  const st = fin + ran;
  const s = (ago: number) => T.isoMs(ago);
  return appScenario({
    dir: 'liveness-probe-failure/java-exit-137-not-oom',
    source: 'synthetic: Spring Boot billing service needing ~48 s to start, liveness probe from 10 s; sh -c wrapper ignores SIGTERM so the kill ends in SIGKILL (137, reason Error, no OOMKilled)',
    cause: 'liveness-probe-failure',
    app: 'billing',
    ns: 'payments',
    history: 'single',
    podAge: 1260,
    containers: [
      {
        name: 'billing',
        image: 'registry.example.com/payments/billing:4.2.0',
        command: ['/bin/sh', '-c', 'java $JAVA_OPTS -jar /app/billing.jar'],
        env: [{ name: 'JAVA_OPTS', value: '-XX:MaxRAMPercentage=75 -XX:+UseContainerSupport' }],
        ports: [{ containerPort: 8080, name: 'http' }],
        resources: { limits: { memory: '2Gi', cpu: '500m' }, requests: { memory: '2Gi', cpu: '500m' } },
        livenessProbe: { httpGet: { path: '/actuator/health/liveness', port: 8080 }, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3 },
        readinessProbe: { httpGet: { path: '/actuator/health/readiness', port: 8080 }, initialDelaySeconds: 10, periodSeconds: 5 },
      },
    ],
    statuses: { billing: crash(137, { ran, finishedAgo: fin, restarts: 8 }) },
    events: [
      { reason: 'Unhealthy', type: 'Warning', container: 'billing', count: 27, firstAgo: 1240, lastAgo: 52, message: 'Liveness probe failed: Get "http://{podIP}:8080/actuator/health/liveness": dial tcp {podIP}:8080: connect: connection refused' },
      { reason: 'Unhealthy', type: 'Warning', container: 'billing', count: 51, firstAgo: 1245, lastAgo: 53, message: 'Readiness probe failed: Get "http://{podIP}:8080/actuator/health/readiness": dial tcp {podIP}:8080: connect: connection refused' },
      killing('billing', 9, 1220, 52),
    ],
    logs: {
      billing: {
        previous: lines(
          `${s(st - 1.1)}  INFO 7 --- [billing] [           main] c.e.payments.billing.BillingApplication  : Starting BillingApplication v4.2.0 using Java 17.0.11 with PID 7 (/app/billing.jar started by root in /)`,
          `${s(st - 1.2)}  INFO 7 --- [billing] [           main] c.e.payments.billing.BillingApplication  : No active profile set, falling back to 1 default profile: "default"`,
          `${s(st - 9.8)}  INFO 7 --- [billing] [           main] .s.d.r.c.RepositoryConfigurationDelegate : Finished Spring Data repository scanning in 812 ms. Found 46 JPA repository interfaces.`,
          `${s(st - 14.4)}  INFO 7 --- [billing] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
          `${s(st - 21.7)}  INFO 7 --- [billing] [           main] o.hibernate.jpa.internal.util.LogHelper  : HHH000204: Processing PersistenceUnitInfo [name: default]`,
          `${s(st - 33.9)}  INFO 7 --- [billing] [           main] o.f.core.internal.command.DbMigrate      : Current version of schema "billing": 2026.03.28.1`,
          `${s(st - 34.0)}  INFO 7 --- [billing] [           main] o.f.core.internal.command.DbMigrate      : Schema "billing" is up to date. No migration necessary.`,
          `${s(st - 41.6)}  INFO 7 --- [billing] [           main] c.e.payments.billing.rates.RateCache     : loaded 118204 tariff rows into rate cache`,
          `${s(st - 47.9)}  INFO 7 --- [billing] [           main] o.s.b.a.e.web.EndpointLinksResolver      : Exposing 3 endpoint(s) beneath base path '/actuator'`,
        ),
      },
    },
  });
}

/** Liveness probe aimed at port 80 while the container (and Kestrel) listen on 8080. */
function dotnetProbeWrongPort(): ScenarioDef {
  const ran = 33;
  const fin = 40;
  const st = fin + ran;
  return appScenario({
    dir: 'liveness-probe-failure/dotnet-probe-port-not-container-port',
    source: 'synthetic: ASP.NET Core 8 API listening on 8080 (containerPort 8080) with a liveness probe on port 80',
    cause: 'liveness-probe-failure',
    app: 'catalog-api',
    ns: 'catalog',
    history: 'single',
    podAge: 2400,
    containers: [
      {
        name: 'catalog-api',
        image: 'acmecr.azurecr.io/catalog-api:1.31.0',
        ports: [{ containerPort: 8080, name: 'http' }],
        env: [{ name: 'ASPNETCORE_HTTP_PORTS', value: '8080' }, { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }],
        resources: { limits: { memory: '512Mi', cpu: '500m' }, requests: { memory: '256Mi', cpu: '100m' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 80 }, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3 },
      },
    ],
    statuses: { 'catalog-api': crash(143, { ran, finishedAgo: fin, restarts: 12 }) },
    events: [
      { reason: 'Unhealthy', type: 'Warning', container: 'catalog-api', count: 39, firstAgo: 2380, lastAgo: 40, message: 'Liveness probe failed: Get "http://{podIP}:80/healthz": dial tcp {podIP}:80: connect: connection refused' },
      killing('catalog-api', 13, 2360, 40),
    ],
    logs: {
      'catalog-api': {
        previous: lines(
          'info: Microsoft.Hosting.Lifetime[14]',
          '      Now listening on: http://[::]:8080',
          'info: Microsoft.Hosting.Lifetime[0]',
          '      Application started. Press Ctrl+C to shut down.',
          'info: Microsoft.Hosting.Lifetime[0]',
          '      Hosting environment: Production',
          'info: Microsoft.Hosting.Lifetime[0]',
          "      Content root path: /app",
          'info: Catalog.Api.Sync.PriceFeedWorker[0]',
          '      Price feed worker started, polling every 30s',
        ),
      },
    },
  });
}

/** PORT changed to 8000 in the new revision; the probe and containerPort stay 8080; uvicorn shuts down cleanly (exit 0). */
function pythonAnnouncedPort(): ScenarioDef {
  const api = (port: string) => ({
    name: 'recommender',
    image: 'registry.example.com/ml/recommender:0.19.2',
    command: ['sh', '-c', 'exec uvicorn app.main:app --host 0.0.0.0 --port "$PORT"'],
    env: [{ name: 'PORT', value: port }, { name: 'MODEL_PATH', value: '/models/current' }],
    ports: [{ containerPort: 8080, name: 'http' }],
    resources: { limits: { memory: '1Gi' }, requests: { memory: '512Mi', cpu: '200m' } },
    livenessProbe: { httpGet: { path: '/health', port: 'http' }, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3 },
  });
  return appScenario({
    dir: 'liveness-probe-failure/python-app-announces-other-port',
    source: 'synthetic: FastAPI under uvicorn; the new revision set PORT=8000 so the app announces :8000 while containerPort and the liveness probe stay on 8080; uvicorn exits 0 on the kubelet SIGTERM',
    cause: 'liveness-probe-failure',
    app: 'recommender',
    ns: 'ml',
    history: 'regression',
    podAge: 610,
    containers: [api('8000')],
    previousContainers: [api('8080')],
    changeCause: 'kubectl set env deployment/recommender PORT=8000',
    statuses: { recommender: crash(0, { reason: 'Completed', ran: 36, finishedAgo: 75, restarts: 6 }) },
    events: [
      { reason: 'Unhealthy', type: 'Warning', container: 'recommender', count: 21, firstAgo: 600, lastAgo: 75, message: 'Liveness probe failed: Get "http://{podIP}:8080/health": dial tcp {podIP}:8080: connect: connection refused' },
      killing('recommender', 7, 580, 75),
    ],
    logs: {
      recommender: {
        previous: lines(
          'INFO:     Started server process [1]',
          'INFO:     Waiting for application startup.',
          `${T.py(110)} INFO app.model loading model from /models/current (v2026-03-30)`,
          `${T.py(104)} INFO app.model model ready: 412 features, 96 MB`,
          'INFO:     Application startup complete.',
          'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)',
          'INFO:     Shutting down',
          'INFO:     Waiting for application shutdown.',
          'INFO:     Application shutdown complete.',
          'INFO:     Finished server process [1]',
        ),
      },
    },
  });
}

/** seeds/003: exec liveness probe `cat /tmp/healthy` while Sidekiq writes its heartbeat under /app/tmp; Sidekiq quits cleanly on TERM. */
function execProbeSidekiq(): ScenarioDef {
  const ran = 45;
  const fin = 130;
  const st = fin + ran;
  return appScenario({
    dir: 'liveness-probe-failure/exec-probe-ruby-sidekiq',
    source: "seeds/003 section '1. Check for Back Off Restarting Failed Container' (Liveness probe failed: cat: can't open '/tmp/healthy'), as a Ruby Sidekiq worker",
    cause: 'liveness-probe-failure',
    app: 'mailer-worker',
    ns: 'notifications',
    history: 'single',
    podAge: 3100,
    containers: [
      {
        name: 'sidekiq',
        image: 'registry.example.com/notifications/mailer:2026.03.2',
        command: ['bundle', 'exec', 'sidekiq', '-C', 'config/sidekiq.yml'],
        env: [{ name: 'REDIS_URL', value: 'redis://redis.notifications.svc:6379/0' }, { name: 'RAILS_ENV', value: 'production' }],
        resources: { limits: { memory: '768Mi' }, requests: { memory: '512Mi', cpu: '100m' } },
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 15, periodSeconds: 10, failureThreshold: 3 },
      },
    ],
    statuses: { sidekiq: crash(0, { reason: 'Completed', ran, finishedAgo: fin, restarts: 10 }) },
    events: [
      { reason: 'Unhealthy', type: 'Warning', container: 'sidekiq', count: 33, firstAgo: 3080, lastAgo: 131, message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory" },
      killing('sidekiq', 11, 3060, 131),
    ],
    logs: {
      sidekiq: {
        previous: lines(
          `${T.isoMs(st - 0.5)} pid=1 tid=2sv5 INFO: Booting Sidekiq 7.2.4 with Sidekiq::RedisConnection::RedisClientAdapter options {:url=>"redis://redis.notifications.svc:6379/0"}`,
          `${T.isoMs(st - 1.9)} pid=1 tid=2sv5 INFO: Booted Rails 7.1.3.2 application in production environment`,
          `${T.isoMs(st - 1.9)} pid=1 tid=2sv5 INFO: Running in ruby 3.3.0 (2023-12-25 revision 5124f9ac75) [x86_64-linux]`,
          `${T.isoMs(st - 1.9)} pid=1 tid=2sv5 INFO: See LICENSE and the LGPL-3.0 for licensing details.`,
          `${T.isoMs(st - 2.0)} pid=1 tid=2sv5 INFO: Starting processing, hit Ctrl-C to stop`,
          `${T.isoMs(st - 2.1)} pid=1 tid=2sv5 INFO: heartbeat file /app/tmp/healthy updated`,
          `${T.isoMs(st - 19.4)} pid=1 tid=2t0x class=DigestMailJob jid=8f2b1c0e9d4a7f3e21b0c6d5 INFO: start`,
          `${T.isoMs(st - 19.9)} pid=1 tid=2t0x class=DigestMailJob jid=8f2b1c0e9d4a7f3e21b0c6d5 elapsed=0.512 INFO: done`,
          `${T.isoMs(st - 32.1)} pid=1 tid=2sv5 INFO: heartbeat file /app/tmp/healthy updated`,
          `${T.isoMs(fin + 0.4)} pid=1 tid=2sv5 INFO: Shutting down`,
          `${T.isoMs(fin + 0.3)} pid=1 tid=2sv5 INFO: Terminating quiet threads for default capsule`,
          `${T.isoMs(fin + 0.1)} pid=1 tid=2sv5 INFO: Bye!`,
        ),
      },
    },
  });
}


/** A startup probe budget (5 x 10 s) shorter than Keycloak's first boot with a schema migration. */
function startupProbeKeycloak(): ScenarioDef {
  const ran = 52;
  const fin = 61;
  const st = fin + ran;
  return appScenario({
    dir: 'liveness-probe-failure/startup-probe-keycloak-slow-boot',
    source: 'synthetic: Keycloak 24 with a startupProbe allowing 50 s while the first boot runs a Liquibase migration; "Startup probe failed" then "failed startup probe, will be restarted"',
    cause: 'liveness-probe-failure',
    app: 'keycloak',
    ns: 'identity',
    history: 'single',
    podAge: 1400,
    crashingPods: 1,
    containers: [
      {
        name: 'keycloak',
        image: 'quay.io/keycloak/keycloak:24.0.3',
        args: ['start', '--optimized'],
        ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 9000, name: 'management' }],
        env: [{ name: 'KC_HEALTH_ENABLED', value: 'true' }, { name: 'KC_DB', value: 'postgres' }, { name: 'KC_DB_URL', value: 'jdbc:postgresql://keycloak-db.identity.svc:5432/keycloak' }],
        resources: { limits: { memory: '1536Mi', cpu: '1' }, requests: { memory: '1Gi', cpu: '500m' } },
        startupProbe: { httpGet: { path: '/health/started', port: 9000 }, periodSeconds: 10, failureThreshold: 5 },
        livenessProbe: { httpGet: { path: '/health/live', port: 9000 }, periodSeconds: 10 },
      },
    ],
    statuses: { keycloak: crash(143, { ran, finishedAgo: fin, restarts: 11 }) },
    events: [
      { reason: 'Unhealthy', type: 'Warning', container: 'keycloak', count: 58, firstAgo: 1390, lastAgo: 61, message: 'Startup probe failed: Get "http://{podIP}:9000/health/started": dial tcp {podIP}:9000: connect: connection refused' },
      killing('keycloak', 12, 1350, 61, 'startup'),
    ],
    logs: {
      keycloak: {
        previous: lines(
          'Updating the configuration and installing your custom providers, if any. Please wait.',
          `${T.ymdhms(st - 9)},112 INFO  [org.keycloak.quarkus.runtime.hostname.DefaultHostnameProvider] (main) Hostname settings: Base URL: <unset>, Hostname: keycloak.example.com, Strict HTTPS: true`,
          `${T.ymdhms(st - 14)},873 INFO  [org.keycloak.connections.infinispan.DefaultInfinispanConnectionProviderFactory] (main) Node name: node_412871, Site name: null`,
          `${T.ymdhms(st - 16)},301 INFO  [org.keycloak.connections.jpa.updater.liquibase.LiquibaseJpaUpdaterProvider] (main) Initializing database schema. Using changelog META-INF/jpa-changelog-master.xml`,
          `${T.ymdhms(st - 44)},950 INFO  [org.keycloak.connections.jpa.updater.liquibase.LiquibaseJpaUpdaterProvider] (main) Applied 318 of 402 changesets`,
          `${T.ymdhms(fin + 0.5)},020 INFO  [io.quarkus] (Shutdown thread) Keycloak stopped in 0.084s`,
        ),
      },
    },
  });
}

export const LIVENESS_SCENARIOS = [startupProbeKeycloak, seedRunbook, java137AfterProbe, dotnetProbeWrongPort, pythonAnnouncedPort, execProbeSidekiq];
