/**
 * Tuned real incidents, round 2 (1/5): data directories the process cannot write (Grafana, RabbitMQ/BEAM), a .NET
 * config file, a PHP/Laravel database refusal, a Rails host name that does not resolve, a Keycloak startup probe.
 * Log lines, event messages and exit codes are the reports'; `source` says what was completed and with what.
 */
import { appScenario, crash, type ScenarioDef } from '../fixture-gen/define.js';
import { lines } from '../fixture-gen/log-time.js';
import { statefulSetScenario } from '../fixture-gen/more.js';

const GF_NOT_WRITABLE = "GF_PATHS_DATA='/var/lib/grafana' is not writable.";

/** Rancher's cluster-monitoring Grafana with a PVC: the volume is owned by root, Grafana runs as 472. */
function grafanaPvcPermissionDenied(): ScenarioDef {
  return appScenario({
    dir: 'permission-denied/real2-grafana-pvc-mkdir-plugins',
    source:
      'https://github.com/rancher/rancher/issues/16953 — with persistent storage enabled the cluster-monitoring Grafana crash-loops on "GF_PATHS_DATA=\'/var/lib/grafana\' is not writable ... mkdir: cannot create directory \'/var/lib/grafana/plugins\': Permission denied" (the new volume is not writable for the grafana user; fixed in the chart). Pod name and back-off message verbatim; image tag, runAsUser and exit code (1, the run script failing) completed.',
    cause: 'permission-denied',
    ns: 'cattle-prometheus',
    app: 'grafana-cluster-monitoring',
    hash: '66576b8ffc',
    podName: 'grafana-cluster-monitoring-66576b8ffc-ct49r',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2018-12-07T18:20:00Z',
    podAge: 600,
    containers: [
      {
        name: 'grafana',
        image: 'rancher/grafana-grafana:5.3.4',
        ports: [{ containerPort: 3000, name: 'web' }],
        volumeMounts: [{ name: 'grafana-storage', mountPath: '/var/lib/grafana' }],
      },
    ],
    spec: { securityContext: { runAsUser: 472, fsGroup: 472 }, volumes: [{ name: 'grafana-storage', persistentVolumeClaim: { claimName: 'grafana-cluster-monitoring' } }] },
    statuses: { grafana: crash(1, { ran: 0.3, finishedAgo: 35, restarts: 5 }) },
    logs: {
      grafana: {
        previous: lines(
          GF_NOT_WRITABLE,
          'You may have issues with file permissions, more information here: http://docs.grafana.org/installation/docker/#migration-from-a-previous-version-of-the-docker-container-to-5-1-or-later',
          "mkdir: cannot create directory '/var/lib/grafana/plugins': Permission denied",
        ),
      },
    },
  });
}

/** Grafana on an NFS-backed volume that the node mounted read-only. */
function grafanaNfsReadOnly(): ScenarioDef {
  return statefulSetScenario({
    dir: 'permission-denied/real2-grafana-nfs-read-only',
    source:
      "https://github.com/aki0000/k8s-myplayground/issues/27 — grafana-0 crash-loops on \"mkdir: can't create directory '/var/lib/grafana/plugins': Read-only file system\"; the NFS export behind the PV was read-only, fixed by remounting it read-write. Log verbatim; image, volume layout and exit code (1) completed.",
    cause: 'permission-denied',
    ns: 'monitoring',
    name: 'grafana',
    serviceName: 'grafana',
    collectedAt: '2021-04-09T12:00:00Z',
    podAge: 74,
    node: { name: 'ras01', arch: 'arm64' },
    containers: [
      {
        name: 'grafana',
        image: 'grafana/grafana:7.5.2',
        ports: [{ containerPort: 3000, name: 'http' }],
        volumeMounts: [{ name: 'storage', mountPath: '/var/lib/grafana' }],
      },
    ],
    volumes: [{ name: 'storage', persistentVolumeClaim: { claimName: 'storage-grafana-0' } }],
    statuses: { grafana: crash(1, { ran: 0.2, finishedAgo: 20, restarts: 3 }) },
    logs: {
      grafana: {
        previous: lines(
          GF_NOT_WRITABLE,
          'You may have issues with file permissions, more information here: http://docs.grafana.org/installation/docker/#migrate-to-v51-or-later',
          "mkdir: can't create directory '/var/lib/grafana/plugins': Read-only file system",
        ),
      },
    },
  });
}

/** RabbitMQ (Erlang/BEAM) cannot read its cookie file: Erlang says `eacces`, not "permission denied". */
function rabbitmqCookieEacces(): ScenarioDef {
  return statefulSetScenario({
    dir: 'permission-denied/real2-rabbitmq-erlang-cookie-eacces',
    source:
      "https://github.com/docker-library/rabbitmq/issues/318 — the rabbitmq container will not start: \"Error when reading /var/lib/rabbitmq/.erlang.cookie: eacces\" (the cookie file on the data volume belongs to another uid; fixed by correcting the file's owner). Log lines verbatim (unwrapped from the docker JSON log); reconstructed as a StatefulSet pod, with namespace, image tag and exit code (1) completed.",
    cause: 'permission-denied',
    ns: 'messaging',
    name: 'rabbitmq',
    serviceName: 'rabbitmq-headless',
    collectedAt: '2019-02-15T17:55:00Z',
    podAge: 900,
    containers: [
      {
        name: 'rabbitmq',
        image: 'rabbitmq:3.7.11-management',
        ports: [{ containerPort: 5672, name: 'amqp' }, { containerPort: 15672, name: 'http' }],
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/rabbitmq' }],
      },
    ],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-rabbitmq-0' } }],
    statuses: { rabbitmq: crash(1, { ran: 2, finishedAgo: 80, restarts: 7 }) },
    logs: {
      rabbitmq: {
        previous: lines(
          "Distribution failed: {{:shutdown, {:failed_to_start_child, :auth, {'Error when reading /var/lib/rabbitmq/.erlang.cookie: eacces', [{:auth, :init_cookie, 0, [file: 'auth.erl', line: 286]}, {:auth, :init, 1, [file: 'auth.erl', line: 140]}, {:gen_server, :init_it, 2, [file: 'gen_server.erl', line: 374]}, {:gen_server, :init_it, 6, [file: 'gen_server.erl', line: 342]}, {:proc_lib, :init_p_do_apply, 3, [file: 'proc_lib.erl', line: 249]}]}}}, {:child, :undefined, :net_sup_dynamic, {:erl_distribution, :start_link, [[:\"rabbitmqcli-49-rabbit@5b33ae66bc93\", :shortnames, 15000], false]}, :permanent, 1000, :supervisor, [:erl_distribution]}}",
          '2019-02-15 17:53:38.746320 ',
          '[]',
          '"Error when reading /var/lib/rabbitmq/.erlang.cookie: eacces"',
          '{error_logger,error_msg}',
        ),
      },
    },
  });
}

/** A .NET worker image shipped without its appsettings.json. */
function dotnetAppsettingsMissing(): ScenarioDef {
  return appScenario({
    dir: 'missing-config/real2-dotnet-appsettings-json-not-found',
    source:
      "https://github.com/spaytac/linkdingsync/issues/3 — after pulling the new image the container exits on \"Unhandled exception. System.IO.FileNotFoundException: The configuration file 'appsettings.json' was not found and is not optional\" (the file was missing; the maintainer rebuilt the image). Stack verbatim; reconstructed as a Deployment regression with names, image tags and exit code (134, what .NET exits with on an unhandled exception) completed.",
    cause: 'missing-config',
    ns: 'linkding',
    app: 'linkdingsync',
    history: 'regression',
    collectedAt: '2023-02-07T09:30:00Z',
    podAge: 420,
    containers: [{ name: 'linkdingsync', image: 'spaytac/linkding-sync:1.1.0' }],
    statuses: { linkdingsync: crash(134, { ran: 1, finishedAgo: 60, restarts: 5 }) },
    logs: {
      linkdingsync: {
        previous: lines(
          "Unhandled exception. System.IO.FileNotFoundException: The configuration file 'appsettings.json' was not found and is not optional. The expected physical path was '/app/appsettings.json'.",
          '   at Microsoft.Extensions.Configuration.FileConfigurationProvider.HandleException(ExceptionDispatchInfo info)',
          '   at Microsoft.Extensions.Configuration.FileConfigurationProvider.Load(Boolean reload)',
          '   at Microsoft.Extensions.Configuration.FileConfigurationProvider.Load()',
          '   at Microsoft.Extensions.Configuration.ConfigurationRoot..ctor(IList`1 providers)',
          '   at Microsoft.Extensions.Configuration.ConfigurationBuilder.Build()',
          '   at Microsoft.Extensions.Hosting.HostBuilder.BuildHostConfiguration()',
          '   at Microsoft.Extensions.Hosting.HostBuilder.Build()',
          '   at Program.<Main>$(String[] args) in /src/src/Wallabag/Program.cs:line 3',
          '   at Program.<Main>(String[] args)',
        ),
      },
    },
  });
}

/** Laravel migrations on start: MySQL refuses the connection; the long PHP stack comes first. */
function laravelMysqlRefused(): ScenarioDef {
  const t = (s: string) => `2023-09-19T00:03:21.${s}Z`;
  return appScenario({
    dir: 'dependency-unavailable/real2-laravel-sqlstate-2002-refused',
    source:
      "https://github.com/alexjustesen/speedtest-tracker/issues/784 — the app container runs `php artisan migrate` on start and dies on \"SQLSTATE[HY000] [2002] Connection refused (Connection: mysql, ...)\": the MySQL container was not accepting connections on the configured host/port. Log lines verbatim (end of the stack trace); reconstructed as a Deployment with names, image tag and exit code (1) completed.",
    cause: 'dependency-unavailable',
    detail: 'refused',
    ns: 'speedtest',
    app: 'speedtest-tracker',
    history: 'single',
    collectedAt: '2023-09-19T00:05:00Z',
    podAge: 900,
    containers: [
      {
        name: 'speedtest-tracker',
        image: 'ghcr.io/alexjustesen/speedtest-tracker:v0.12.2',
        ports: [{ containerPort: 80, name: 'http' }],
        env: [
          { name: 'DB_CONNECTION', value: 'mysql' },
          { name: 'DB_HOST', value: 'mysql' },
          { name: 'DB_PORT', value: '3306' },
        ],
      },
    ],
    statuses: { 'speedtest-tracker': crash(1, { ran: 4, finishedAgo: 95, restarts: 6 }) },
    logs: {
      'speedtest-tracker': {
        previous: lines(
          `${t('559758542')} #36 /var/www/html/vendor/laravel/framework/src/Illuminate/Foundation/Console/Kernel.php(201): Symfony\\Component\\Console\\Application->run()`,
          `${t('559777875')} #37 /var/www/html/artisan(35): Illuminate\\Foundation\\Console\\Kernel->handle()`,
          `${t('559796167')} #38 {main}`,
          `${t('559812583')} "} `,
          `${t('558906468')} `,
          `${t('580934150')} In Connection.php line 801:`,
          `${t('581070356')}                                                                                `,
          `${t('581124772')}   SQLSTATE[HY000] [2002] Connection refused (Connection: mysql, SQL: select *  `,
          `${t('581148772')}    from information_schema.tables where table_schema = speedtest_tracker and   `,
          `${t('581180689')}   table_name = migrations and table_type = 'BASE TABLE')                       `,
          `${t('581201147')}                                                                                `,
          `${t('581219646')} `,
          `${t('581950930')} In Connector.php line 65:`,
          `${t('582075679')}                                              `,
          `${t('582124137')}   SQLSTATE[HY000] [2002] Connection refused  `,
          `${t('582155345')}                                              `,
        ),
      },
    },
  });
}

/** Rails `db:create` on start: the database host name does not resolve. */
function railsPgHostNotResolved(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/real2-rails-pg-host-name-resolution',
    source:
      'https://github.com/joaoscotto/docker-ruby-puma-nginx-postgres/issues/3 — the Rails app aborts on start with "could not translate host name "postgres" to address: Temporary failure in name resolution" (no postgres service/host under that name). Log verbatim; reconstructed as a Deployment with names, image and exit code (1, rails aborted) completed.',
    cause: 'dependency-unavailable',
    detail: 'dns',
    ns: 'default',
    app: 'app',
    history: 'single',
    collectedAt: '2021-06-09T10:00:00Z',
    podAge: 1200,
    containers: [
      {
        name: 'app',
        image: 'docker-ruby-puma-nginx-postgres_app:latest',
        command: ['sh', '-c', 'bundle exec rails db:create db:migrate && bundle exec puma -C config/puma.rb'],
        ports: [{ containerPort: 3000 }],
        env: [{ name: 'DATABASE_HOST', value: 'postgres' }],
      },
    ],
    statuses: { app: crash(1, { ran: 9, finishedAgo: 70, restarts: 8 }) },
    logs: {
      app: {
        previous: lines(
          'could not translate host name "postgres" to address: Temporary failure in name resolution',
          "Couldn't create 'app_development' database. Please check your configuration.",
          'rails aborted!',
          'ActiveRecord::NoDatabaseError: could not translate host name "postgres" to address: Temporary failure in name resolution',
          "/app/bin/rails:5:in `<top (required)>'",
          "/app/bin/spring:10:in `require'",
          "/app/bin/spring:10:in `block in <top (required)>'",
          "/app/bin/spring:7:in `<top (required)>'",
        ),
      },
    },
  });
}

/** Keycloak 26 from the quickstart manifest: still starting when the startup probe gives up. */
function keycloakStartupProbe(): ScenarioDef {
  const ts = (s: string) => `2025-06-27 10:1${s}`;
  return statefulSetScenario({
    dir: 'liveness-probe-failure/real2-keycloak-startup-probe-quickstart',
    source:
      'https://github.com/keycloak/keycloak/issues/40752 — keycloak-0 from the quickstart manifest (quay.io/keycloak/keycloak:26.2.5) is killed by its startup probe ("Container keycloak failed startup probe, will be restarted", x3) while still starting, so it never comes up; the quickstart probes on :9000 had no initial delay (keycloak-quickstarts#698). Events verbatim; the Unhealthy message (cut off in the report), the start-up log lines and exit code 143 (Quarkus stopping on SIGTERM) completed.',
    cause: 'liveness-probe-failure',
    ns: 'default',
    name: 'keycloak',
    serviceName: 'keycloak-discovery',
    collectedAt: '2025-06-27T10:20:00Z',
    podAge: 310,
    node: { name: 'kubernetes' },
    containers: [
      {
        name: 'keycloak',
        image: 'quay.io/keycloak/keycloak:26.2.5',
        args: ['start'],
        env: [
          { name: 'KC_HEALTH_ENABLED', value: 'true' },
          { name: 'KC_CACHE_STACK', value: 'kubernetes' },
        ],
        ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 9000, name: 'management' }],
        startupProbe: { httpGet: { path: '/health/started', port: 9000 }, periodSeconds: 5, timeoutSeconds: 1, failureThreshold: 3 },
        readinessProbe: { httpGet: { path: '/health/ready', port: 9000 }, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
        livenessProbe: { httpGet: { path: '/health/live', port: 9000 }, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
        resources: { limits: { memory: '2000Mi' }, requests: { cpu: '500m', memory: '1700Mi' } },
      },
    ],
    statuses: { keycloak: crash(143, { ran: 40, finishedAgo: 41, restarts: 3 }) },
    events: [
      { reason: 'Killing', container: 'keycloak', message: 'Container keycloak failed startup probe, will be restarted', count: 3, firstAgo: 281, lastAgo: 161 },
      { reason: 'Unhealthy', type: 'Warning', container: 'keycloak', message: 'Startup probe failed: Get "http://10.244.0.15:9000/health/started": dial tcp 10.244.0.15:9000: connect: connection refused', count: 10, firstAgo: 301, lastAgo: 111 },
    ],
    logs: {
      keycloak: {
        previous: lines(
          `${ts('8:40,102')} INFO  [org.keycloak.quarkus.runtime.storage.infinispan.CacheManagerFactory] (main) Starting Infinispan embedded cache manager`,
          `${ts('8:41,637')} INFO  [org.infinispan.CONTAINER] (main) Virtual threads support enabled`,
          `${ts('8:43,312')} INFO  [org.infinispan.CONTAINER] (main) ISPN000556: Starting user marshaller 'org.infinispan.commons.marshall.ImmutableProtoStreamMarshaller'`,
          `${ts('8:45,963')} INFO  [org.infinispan.CLUSTER] (main) ISPN000078: Starting JGroups channel \`ISPN\` with stack \`kubernetes\``,
          `${ts('9:15,001')} INFO  [io.quarkus] (Shutdown thread) Keycloak stopped in 0.118s`,
        ),
      },
    },
  });
}

export const TUNED_R2_A: Array<() => ScenarioDef> = [
  grafanaPvcPermissionDenied,
  grafanaNfsReadOnly,
  rabbitmqCookieEacces,
  dotnetAppsettingsMissing,
  laravelMysqlRefused,
  railsPgHostNotResolved,
  keycloakStartupProbe,
];
