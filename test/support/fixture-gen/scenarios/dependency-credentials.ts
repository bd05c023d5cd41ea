/** dependency-unavailable: credentials (auth), certificates (tls), and the dependency gates (init container, Job). */
import { appScenario, COLLECTED_AT, crash, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';
import { jobScenario } from '../more.js';

const T = logTimes(COLLECTED_AT);
const small = { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '100m' } };

/** Password rejected by Postgres; the app logs its DSN (with the password, which must be redacted). */
function goPgxAuth(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/go-postgres-password-auth-failed',
    source: "seeds/002 section 'Fix 7: Missing Dependencies or Services' (FATAL: password authentication failed for user \"myapp\"), as a Go service using pgx",
    cause: 'dependency-unavailable',
    detail: 'auth',
    app: 'myapp',
    ns: 'default',
    history: 'single',
    podAge: 700,
    containers: [
      {
        name: 'myapp',
        image: 'registry.example.com/myapp:2.4.0',
        env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'myapp-db', key: 'url' } } }],
        ports: [{ containerPort: 8080 }],
        resources: small,
      },
    ],
    statuses: { myapp: crash(1, { ran: 0.2, finishedAgo: 95, restarts: 8 }) },
    logs: {
      myapp: {
        previous: lines(
          `${T.go(95.2)} myapp 2.4.0 (go1.22.3) starting`,
          `${T.go(95.2)} connecting to postgres://myapp:Pg-Sup3rS3cret-77@postgres.default.svc:5432/myapp?sslmode=disable`,
          `${T.go(95.0)} fatal: failed to connect to \`user=myapp database=myapp\`: 10.96.14.200:5432 (postgres.default.svc): failed SASL auth: FATAL: password authentication failed for user "myapp" (SQLSTATE 28P01)`,
        ),
      },
    },
    secrets: ['Pg-Sup3rS3cret-77'],
  });
}

/** Laravel (PHP) against MySQL with a rotated password. */
function phpMysqlAccessDenied(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/php-mysql-access-denied',
    source: "synthetic: Laravel app container whose startup migration check is rejected by MySQL (SQLSTATE[HY000] [1045] Access denied) after a password rotation",
    cause: 'dependency-unavailable',
    detail: 'auth',
    app: 'storefront-php',
    ns: 'shop',
    history: 'single',
    podAge: 1300,
    containers: [
      {
        name: 'app',
        image: 'registry.example.com/shop/laravel-app:11.4.0',
        command: ['sh', '-c', 'php artisan migrate --force && exec php-fpm'],
        env: [{ name: 'DB_CONNECTION', value: 'mysql' }, { name: 'DB_HOST', value: 'mysql.shop.svc' }, { name: 'DB_USERNAME', value: 'shop' }, { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'shop-mysql', key: 'password' } } }],
        ports: [{ containerPort: 9000 }],
        resources: small,
      },
    ],
    statuses: { app: crash(1, { ran: 1.4, finishedAgo: 170, restarts: 10 }) },
    logs: {
      app: {
        previous: lines(
          '',
          '   Illuminate\\Database\\QueryException ',
          '',
          "  SQLSTATE[HY000] [1045] Access denied for user 'shop'@'10.244.2.31' (using password: YES) (Connection: mysql, SQL: select table_name as `name`, (data_length + index_length) as `size`, table_comment as `comment`, engine as `engine`, table_collation as `collation` from information_schema.tables where table_schema = 'shop' and table_type in ('BASE TABLE', 'SYSTEM VERSIONED') order by table_name)",
          '',
          '  at vendor/laravel/framework/src/Illuminate/Database/Connection.php:813',
          '    809▕                     $this->getName(), $query, $this->prepareBindings($bindings), $e',
          '    810▕                 );',
          '    811▕             }',
          '    812▕ ',
          '  ➜ 813▕             throw new QueryException(',
          '    814▕                 $this->getName(), $query, $this->prepareBindings($bindings), $e',
          '    815▕             );',
          '    816▕         }',
          '    817▕     }',
          '',
          '  1   vendor/laravel/framework/src/Illuminate/Database/Connectors/Connector.php:65',
          "      PDOException::(\"SQLSTATE[HY000] [1045] Access denied for user 'shop'@'10.244.2.31' (using password: YES)\")",
          '',
          '  2   vendor/laravel/framework/src/Illuminate/Database/Connectors/Connector.php:65',
          '      PDO::__construct()',
        ),
      },
    },
  });
}

/** Vault's certificate is signed by a CA the image does not trust. */
function goTlsX509(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/go-vault-x509-unknown-authority',
    source: 'synthetic: Go service logging in to Vault at startup; the TLS handshake fails (x509: certificate signed by unknown authority) after Vault moved to an internal CA',
    cause: 'dependency-unavailable',
    detail: 'tls',
    app: 'secrets-broker',
    ns: 'platform',
    history: 'single',
    podAge: 1000,
    containers: [
      {
        name: 'broker',
        image: 'registry.example.com/platform/secrets-broker:1.9.2',
        env: [{ name: 'VAULT_ADDR', value: 'https://vault.platform.svc:8200' }, { name: 'VAULT_ROLE', value: 'secrets-broker' }],
        resources: small,
      },
    ],
    statuses: { broker: crash(1, { ran: 0.4, finishedAgo: 205, restarts: 9 }) },
    logs: {
      broker: {
        previous: lines(
          `time="${T.iso(205.4)}" level=info msg="secrets-broker 1.9.2 starting" vault_addr="https://vault.platform.svc:8200"`,
          `time="${T.iso(205.1)}" level=fatal msg="vault login failed" error="Put \\"https://vault.platform.svc:8200/v1/auth/kubernetes/login\\": tls: failed to verify certificate: x509: certificate signed by unknown authority"`,
        ),
      },
    },
  });
}

/** Java client to an external HTTPS API whose chain the JVM trust store does not contain (PKIX). */
function javaPkixTls(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/java-pkix-path-building-failed',
    source: 'synthetic: Spring Boot service calling a partner API over HTTPS at startup; SSLHandshakeException PKIX path building failed (private CA missing from the JVM trust store)',
    cause: 'dependency-unavailable',
    detail: 'tls',
    app: 'partner-sync',
    ns: 'integrations',
    history: 'single',
    podAge: 1600,
    containers: [{ name: 'sync', image: 'registry.example.com/integrations/partner-sync:1.2.0', env: [{ name: 'PARTNER_API_URL', value: 'https://api.partner.internal/v2' }], resources: { limits: { memory: '768Mi' }, requests: { memory: '512Mi', cpu: '200m' } } }],
    statuses: { sync: crash(1, { ran: 14, finishedAgo: 190, restarts: 10 }) },
    logs: {
      sync: {
        previous: lines(
          `${T.isoMs(203)}  INFO 1 --- [partner-sync] [           main] c.a.i.partner.PartnerSyncApplication     : Started PartnerSyncApplication in 11.902 seconds (process running for 12.7)`,
          `${T.isoMs(202)}  INFO 1 --- [partner-sync] [           main] c.a.i.partner.CatalogBootstrap           : fetching partner catalog from https://api.partner.internal/v2/catalog`,
          `${T.isoMs(191)} ERROR 1 --- [partner-sync] [           main] o.s.boot.SpringApplication               : Application run failed`,
          '',
          'org.springframework.web.client.ResourceAccessException: I/O error on GET request for "https://api.partner.internal/v2/catalog": PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
          '\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:915)',
          '\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:895)',
          '\tat com.acme.integrations.partner.CatalogBootstrap.run(CatalogBootstrap.java:37)',
          'Caused by: javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
          '\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)',
          '\tat java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:383)',
          '\t... 14 common frames omitted',
          'Caused by: sun.security.validator.ValidatorException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
          '\tat java.base/sun.security.validator.PKIXValidator.doBuild(PKIXValidator.java:439)',
          '\t... 31 common frames omitted',
        ),
      },
    },
  });
}

/** seeds/001 Root Cause 4 fix gone wrong: the wait-for-postgres init container polls a Service name that does not resolve. */
function initWaitForDb(): ScenarioDef {
  const attempts: string[] = [];
  for (let i = 0; i < 20; i++) {
    attempts.push("nc: bad address 'postgres-service.production.svc.cluster.local'");
    attempts.push('waiting for postgres at postgres-service.production.svc.cluster.local:5432...');
  }
  return appScenario({
    dir: 'dependency-unavailable/init-wait-for-postgres-dns',
    source: "seeds/001 section 'Root Cause 4' (wait-for-postgres init container) and seeds/004 'Init Containers': the gate polls a Service name that does not resolve and gives up after 20 attempts",
    cause: 'dependency-unavailable',
    detail: 'dns',
    app: 'api-deployment',
    podName: 'api-deployment-7d4b9c-xkp2z',
    hash: '7d4b9c',
    history: 'single',
    podAge: 1500,
    focus: 'wait-for-postgres',
    focusInit: true,
    initContainers: [
      {
        name: 'wait-for-postgres',
        image: 'busybox:1.35',
        command: [
          'sh',
          '-c',
          'n=0\nuntil nc -z -w 3 postgres-service.production.svc.cluster.local 5432; do\n  echo "waiting for postgres at postgres-service.production.svc.cluster.local:5432..."\n  n=$((n+1)); if [ $n -ge 20 ]; then echo "postgres still unreachable after 20 attempts, giving up"; exit 1; fi\n  sleep 3\ndone\necho "postgres is ready"\n',
        ],
      },
    ],
    containers: [
      {
        name: 'api',
        image: 'registry.solvethenetwork.com/api:v1.2.1',
        ports: [{ containerPort: 8080, name: 'http' }],
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '250m' } },
      },
    ],
    statuses: {
      'wait-for-postgres': crash(1, { ran: 63, finishedAgo: 150, restarts: 6 }),
      api: { kind: 'waiting', reason: 'PodInitializing' },
    },
    logs: { 'wait-for-postgres': { previous: lines(...attempts, 'postgres still unreachable after 20 attempts, giving up') } },
  });
}

/** A Flyway migration Job (restartPolicy OnFailure) whose database refuses connections. */
function jobFlywayRefused(): ScenarioDef {
  return jobScenario({
    dir: 'dependency-unavailable/job-flyway-connection-refused',
    source: 'synthetic: Flyway migration Job (Java) retried by restartPolicy OnFailure while Postgres has no ready endpoints (Connection refused)',
    cause: 'dependency-unavailable',
    detail: 'refused',
    ns: 'billing',
    name: 'billing-db-migrate-29071380',
    containers: [
      {
        name: 'flyway',
        image: 'flyway/flyway:10.11.0',
        args: ['-url=jdbc:postgresql://billing-postgres:5432/billing', '-user=billing', 'migrate'],
        env: [{ name: 'FLYWAY_PASSWORD', valueFrom: { secretKeyRef: { name: 'billing-postgres', key: 'password' } } }],
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '100m' } },
      },
    ],
    podAge: 420,
    statuses: { flyway: crash(1, { ran: 2.1, finishedAgo: 75, restarts: 4 }) },
    logs: {
      flyway: {
        previous: lines(
          'Flyway OSS Edition 10.11.0 by Redgate',
          '',
          'See release notes here: https://rd.gt/416ObMi',
          'ERROR: Unable to obtain connection from database (jdbc:postgresql://billing-postgres:5432/billing) for user \'billing\': Connection to billing-postgres:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
          '-----------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------',
          'SQL State  : 08001',
          'Error Code : 0',
          'Message    : Connection to billing-postgres:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
          '',
          'Caused by: org.postgresql.util.PSQLException: Connection to billing-postgres:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.',
          'Caused by: java.net.ConnectException: Connection refused',
        ),
      },
    },
  });
}

export const DEPENDENCY_CREDENTIAL_SCENARIOS = [goPgxAuth, phpMysqlAccessDenied, goTlsX509, javaPkixTls, initWaitForDb, jobFlywayRefused];
