/** More languages for the app-level causes: config, dependencies, bind and permission errors as each runtime prints them. */
import { appScenario, COLLECTED_AT, crash, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';

const T = logTimes(COLLECTED_AT);
const res = (mem = '512Mi') => ({ limits: { memory: mem }, requests: { memory: '256Mi', cpu: '100m' } });
const boot = (ago: number, logger: string, msg: string, level = ' INFO', app = 'payments') =>
  `${T.isoMs(ago)} ${level} 1 --- [${app}] [           main] ${logger.padEnd(40)} : ${msg}`;

/** Spring cannot resolve a ${placeholder}: the env var was never wired. */
function springPlaceholder(): ScenarioDef {
  return appScenario({
    dir: 'missing-config/java-spring-unresolved-placeholder',
    source: "synthetic: Spring Boot service whose application.yaml needs ${STRIPE_API_KEY}; the Deployment never sets it (Could not resolve placeholder)",
    cause: 'missing-config',
    app: 'payments',
    ns: 'payments',
    history: 'single',
    podAge: 1300,
    containers: [{ name: 'payments', image: 'registry.example.com/payments/payments:5.1.0', ports: [{ containerPort: 8080 }], env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }], resources: res('1Gi') }],
    statuses: { payments: crash(1, { ran: 9, finishedAgo: 160, restarts: 9 }) },
    logs: {
      payments: {
        previous: lines(
          boot(168.8, 'c.acme.payments.PaymentsApplication', 'Starting PaymentsApplication v5.1.0 using Java 21.0.3 with PID 1 (/app/app.jar started by app in /app)'),
          boot(168.7, 'c.acme.payments.PaymentsApplication', 'The following 1 profile is active: "prod"'),
          boot(163.1, 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)'),
          boot(160.4, 'ConfigServletWebServerApplicationContext', "Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name 'stripeClient': Injection of autowired dependencies failed", ' WARN'),
          boot(160.2, 'o.s.boot.SpringApplication', 'Application run failed', 'ERROR'),
          '',
          "org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name 'stripeClient': Injection of autowired dependencies failed",
          '\tat org.springframework.beans.factory.annotation.AutowiredAnnotationBeanPostProcessor.postProcessProperties(AutowiredAnnotationBeanPostProcessor.java:515)',
          '\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)',
          '\tat com.acme.payments.PaymentsApplication.main(PaymentsApplication.java:12)',
          'Caused by: java.lang.IllegalArgumentException: Could not resolve placeholder \'STRIPE_API_KEY\' in value "${STRIPE_API_KEY}"',
          '\tat org.springframework.util.PropertyPlaceholderHelper.parseStringValue(PropertyPlaceholderHelper.java:180)',
          '\tat org.springframework.util.PropertyPlaceholderHelper.replacePlaceholders(PropertyPlaceholderHelper.java:126)',
          '\t... 45 common frames omitted',
        ),
      },
    },
  });
}

/** Go envconfig: a required key is missing. */
function goEnvconfig(): ScenarioDef {
  return appScenario({
    dir: 'missing-config/go-envconfig-required-key',
    source: 'synthetic: Go service using kelseyhightower/envconfig; REDIS_ADDR is required and absent (exit 1)',
    cause: 'missing-config',
    app: 'rate-limiter',
    ns: 'edge',
    history: 'single',
    podAge: 500,
    containers: [{ name: 'limiter', image: 'registry.example.com/edge/rate-limiter:0.8.0', env: [{ name: 'LIMITER_RPS', value: '200' }], resources: res('128Mi') }],
    statuses: { limiter: crash(1, { ran: 0.02, finishedAgo: 55, restarts: 7 }) },
    logs: { limiter: { previous: lines(`${T.go(55)} config: envconfig.Process: required key REDIS_ADDR missing value`) } },
  });
}

/** .NET with Npgsql: connection refused to Postgres. */
function dotnetNpgsqlRefused(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/dotnet-npgsql-connection-refused',
    source: 'synthetic: ASP.NET Core app applying EF Core migrations at startup; Npgsql cannot connect (SocketException 111 Connection refused)',
    cause: 'dependency-unavailable',
    detail: 'refused',
    app: 'accounts-api',
    ns: 'crm',
    history: 'single',
    podAge: 900,
    containers: [{ name: 'accounts-api', image: 'acmecr.azurecr.io/crm/accounts-api:2.4.1', ports: [{ containerPort: 8080 }], env: [{ name: 'ConnectionStrings__Accounts', valueFrom: { secretKeyRef: { name: 'accounts-db', key: 'connection-string' } } }], resources: res() }],
    statuses: { 'accounts-api': crash(134, { ran: 3.3, finishedAgo: 120, restarts: 9 }) },
    logs: {
      'accounts-api': {
        previous: lines(
          'fail: Microsoft.EntityFrameworkCore.Database.Connection[20004]',
          "      An error occurred using the connection to database 'accounts' on server 'tcp://accounts-postgres:5432'.",
          'Unhandled exception. Npgsql.NpgsqlException (0x80004005): Failed to connect to 10.0.44.17:5432',
          ' ---> System.Net.Sockets.SocketException (111): Connection refused',
          '   at Npgsql.Internal.NpgsqlConnector.Connect(NpgsqlTimeout timeout)',
          '   at Npgsql.Internal.NpgsqlConnector.RawOpen(SslMode sslMode, NpgsqlTimeout timeout, Boolean async, CancellationToken cancellationToken)',
          '   at Npgsql.Internal.NpgsqlConnector.Open(NpgsqlTimeout timeout, Boolean async, CancellationToken cancellationToken)',
          '   at Microsoft.EntityFrameworkCore.Migrations.Internal.Migrator.Migrate(String targetMigration)',
          '   at Program.<Main>$(String[] args) in /src/Accounts.Api/Program.cs:line 41',
        ),
      },
    },
  });
}

/** Rails: PG cannot resolve the database host. */
function railsPgDns(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/ruby-rails-pg-host-not-resolved',
    source: 'synthetic: Rails app running db:prepare on boot; PG::ConnectionBad could not translate host name (DNS)',
    cause: 'dependency-unavailable',
    detail: 'dns',
    app: 'helpdesk',
    ns: 'support',
    history: 'single',
    podAge: 1100,
    containers: [{ name: 'web', image: 'registry.example.com/support/helpdesk:2026.03.9', command: ['sh', '-c', 'bin/rails db:prepare && exec bin/rails server -b 0.0.0.0'], env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'helpdesk-db', key: 'url' } } }, { name: 'RAILS_ENV', value: 'production' }], resources: res('1Gi') }],
    statuses: { web: crash(1, { ran: 6, finishedAgo: 240, restarts: 9 }) },
    logs: {
      web: {
        previous: lines(
          'bin/rails aborted!',
          'ActiveRecord::ConnectionNotEstablished: could not translate host name "helpdesk-db.support.svc.cluster.local" to address: Name or service not known (ActiveRecord::ConnectionNotEstablished)',
          '',
          '',
          'Caused by:',
          'PG::ConnectionBad: could not translate host name "helpdesk-db.support.svc.cluster.local" to address: Name or service not known (PG::ConnectionBad)',
          '/usr/local/bundle/gems/pg-1.5.6/lib/pg/connection.rb:701:in `async_connect_or_reset\'',
          '/usr/local/bundle/gems/activerecord-7.1.3.2/lib/active_record/connection_adapters/postgresql_adapter.rb:58:in `new_client\'',
          'Tasks: TOP => db:prepare',
          '(See full trace by running task with --trace)',
        ),
      },
    },
  });
}

/** Rust + sqlx: connection refused (os error 111). */
function rustSqlxRefused(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/rust-sqlx-connection-refused',
    source: 'synthetic: Rust (tokio + sqlx) service exits when its pool cannot connect: Connection refused (os error 111)',
    cause: 'dependency-unavailable',
    detail: 'refused',
    app: 'tracker',
    ns: 'logistics',
    history: 'single',
    podAge: 700,
    containers: [{ name: 'tracker', image: 'registry.example.com/logistics/tracker:1.3.0', env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'tracker-db', key: 'url' } } }], resources: res('128Mi') }],
    statuses: { tracker: crash(1, { ran: 0.3, finishedAgo: 95, restarts: 8 }) },
    logs: {
      tracker: {
        previous: lines(
          `${T.isoMs(95.3).replace('Z', '118Z')}  INFO tracker: starting tracker v1.3.0`,
          `${T.isoMs(95.0).replace('Z', '402Z')} ERROR tracker: database pool: error communicating with database: Connection refused (os error 111)`,
          'Error: error communicating with database: Connection refused (os error 111)',
          '',
          'Caused by:',
          '    Connection refused (os error 111)',
        ),
      },
    },
  });
}

/** PHP app-level fatal error (TypeError), exit 255. */
function phpTypeError(): ScenarioDef {
  return appScenario({
    dir: 'application-error/php-uncaught-typeerror',
    source: 'synthetic: PHP CLI consumer dies on an uncaught TypeError in its own code (PHP Fatal error, exit 255)',
    cause: 'application-error',
    app: 'order-consumer',
    ns: 'shop',
    history: 'single',
    podAge: 1000,
    containers: [{ name: 'consumer', image: 'registry.example.com/shop/order-consumer:4.0.2', command: ['php', 'bin/consume.php'], resources: res('256Mi') }],
    statuses: { consumer: crash(255, { ran: 1.8, finishedAgo: 130, restarts: 9 }) },
    logs: {
      consumer: {
        previous: lines(
          `${T.php(131.7)} consumer: connected to amqp://rabbitmq.shop.svc:5672, queue=orders`,
          'PHP Fatal error:  Uncaught TypeError: Shop\\Order\\Totals::add(): Argument #1 ($amount) must be of type int, string given, called in /app/src/Order/Builder.php on line 58 and defined in /app/src/Order/Totals.php:21',
          'Stack trace:',
          "#0 /app/src/Order/Builder.php(58): Shop\\Order\\Totals->add('19.99')",
          '#1 /app/src/Consumer/OrderConsumer.php(44): Shop\\Order\\Builder->fromMessage(Array)',
          '#2 /app/bin/consume.php(23): Shop\\Consumer\\OrderConsumer->handle(Object(PhpAmqpLib\\Message\\AMQPMessage))',
          '#3 {main}',
          '  thrown in /app/src/Order/Totals.php on line 21',
        ),
      },
    },
  });
}

/** Spring Boot: port already in use (a JMX exporter agent grabbed 8080 first). */
function javaPortInUse(): ScenarioDef {
  return appScenario({
    dir: 'port-in-use/java-spring-port-already-in-use',
    source: 'synthetic: Spring Boot app and its JMX exporter javaagent both configured for 8080: "Web server failed to start. Port 8080 was already in use."',
    cause: 'port-in-use',
    app: 'catalog-admin',
    ns: 'catalog',
    history: 'single',
    podAge: 600,
    containers: [{ name: 'admin', image: 'registry.example.com/catalog/catalog-admin:1.9.0', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-javaagent:/opt/jmx_prometheus_javaagent.jar=8080:/etc/jmx/config.yaml' }], ports: [{ containerPort: 8080 }], resources: res('1Gi') }],
    statuses: { admin: crash(1, { ran: 11, finishedAgo: 70, restarts: 7 }) },
    logs: {
      admin: {
        previous: lines(
          'Picked up JAVA_TOOL_OPTIONS: -javaagent:/opt/jmx_prometheus_javaagent.jar=8080:/etc/jmx/config.yaml',
          boot(80.5, 'c.a.catalog.admin.AdminApplication', 'Starting AdminApplication v1.9.0 using Java 17.0.11 with PID 1 (/app/app.jar started by app in /app)', ' INFO', 'catalog-admin'),
          boot(72.1, 'o.s.b.w.embedded.tomcat.TomcatWebServer', 'Tomcat initialized with port 8080 (http)', ' INFO', 'catalog-admin'),
          boot(70.3, 'o.s.b.d.LoggingFailureAnalysisReporter', '', 'ERROR', 'catalog-admin'),
          '',
          '***************************',
          'APPLICATION FAILED TO START',
          '***************************',
          '',
          'Description:',
          '',
          'Web server failed to start. Port 8080 was already in use.',
          '',
          'Action:',
          '',
          "Identify and stop the process that's listening on port 8080 or configure this application to listen on another port.",
          '',
        ),
      },
    },
  });
}

/** Java AccessDeniedException on a volume. */
function javaAccessDenied(): ScenarioDef {
  return appScenario({
    dir: 'permission-denied/java-accessdeniedexception-volume',
    source: 'synthetic: Java search node running as UID 1000 cannot create its index directory on a root-owned volume (java.nio.file.AccessDeniedException)',
    cause: 'permission-denied',
    app: 'search-node',
    ns: 'search',
    history: 'single',
    podAge: 800,
    containers: [{ name: 'node', image: 'registry.example.com/search/search-node:8.4.0', securityContext: { runAsUser: 1000 }, volumeMounts: [{ name: 'index', mountPath: '/data' }], resources: res('2Gi') }],
    spec: { volumes: [{ name: 'index', persistentVolumeClaim: { claimName: 'search-index' } }] },
    statuses: { node: crash(1, { ran: 4, finishedAgo: 100, restarts: 8 }) },
    logs: {
      node: {
        previous: lines(
          `[${T.isoMs(103.6)}][INFO ][c.a.s.Node] starting search-node 8.4.0, data path [/data/index]`,
          'Exception in thread "main" java.nio.file.AccessDeniedException: /data/index',
          '\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:90)',
          '\tat java.base/sun.nio.fs.UnixException.rethrowAsIOException(UnixException.java:106)',
          '\tat java.base/sun.nio.fs.UnixFileSystemProvider.createDirectory(UnixFileSystemProvider.java:438)',
          '\tat java.base/java.nio.file.Files.createDirectories(Files.java:775)',
          '\tat com.acme.search.Node.prepareDataPath(Node.java:77)',
          '\tat com.acme.search.Node.main(Node.java:31)',
        ),
      },
    },
  });
}

export const MORE_APP_SCENARIOS = [springPlaceholder, goEnvconfig, dotnetNpgsqlRefused, railsPgDns, rustSqlxRefused, phpTypeError, javaPortInUse, javaAccessDenied];
