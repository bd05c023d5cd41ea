/**
 * Held-out real incidents (1/2): a dependency rejects or cannot be found, in .NET, Go and Python wording.
 * Never tuned against (test/fixtures/heldout/README.md). Log lines, messages and names are the reports';
 * `source` says what was completed.
 */
import { appScenario, crash, runningFor, type ScenarioDef } from '../fixture-gen/define.js';
import { lines } from '../fixture-gen/log-time.js';

function heldOut(def: ScenarioDef): ScenarioDef {
  // Held-out fixtures say nothing about rollout (the scorer measures cause, detail and container).
  const { rollout: _r, ...expected } = def.expected;
  return { ...def, expected };
}

/** Aspire app deployed with Aspir8: PostgreSQL rejects the generated password, the .NET host dies unhandled. */
function dotnetNpgsqlPasswordRejected(): ScenarioDef {
  const at = (s: string) => `   at ${s}`;
  return heldOut(
    appScenario({
      dir: 'aspire-dotnet-npgsql-password-rejected',
      source:
        'https://github.com/prom3theu5/aspirational-manifests/issues/326 — an Aspire (.NET) service deployed to Kubernetes with Aspir8 dies at startup with "Unhandled exception. Npgsql.PostgresException (0x80004005): 28P01: password authentication failed for user \\"postgres\\"": the database is up and rejects the password the service is given. Stack as far as the report shows it; names, namespace and image completed; exit code not in the report, 134 is what the .NET runtime exits with on an unhandled exception (SIGABRT).',
      cause: 'dependency-unavailable',
      detail: 'auth',
      ns: 'aspire',
      app: 'apiservice',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2025-05-17T09:30:00Z',
      podAge: 720,
      containers: [
        {
          name: 'apiservice',
          image: 'apiservice:latest',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 8080, name: 'http' }],
          envFrom: [{ configMapRef: { name: 'apiservice-env' } }, { secretRef: { name: 'apiservice-secrets' } }],
        },
      ],
      statuses: { apiservice: crash(134, { ran: 3, finishedAgo: 95, restarts: 6 }) },
      logs: {
        apiservice: {
          previous: lines(
            'info: FastEndpoints.StartupTimer[1]',
            '      Registered 19 endpoints in 331 milliseconds.',
            'Unhandled exception. Npgsql.PostgresException (0x80004005): 28P01: password authentication failed for user "postgres"',
            at('Npgsql.Internal.NpgsqlConnector.ReadMessageLong(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)'),
            at('System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder`1.StateMachineBox`1.System.Threading.Tasks.Sources.IValueTaskSource<TResult>.GetResult(Int16 token)'),
            at('Npgsql.Internal.NpgsqlConnector.AuthenticateSASL(List`1 mechanisms, String username, Boolean async, CancellationToken cancellationToken)'),
            at('Npgsql.Internal.NpgsqlConnector.Authenticate(String username, NpgsqlTimeout timeout, Boolean async, CancellationToken cancellationToken)'),
            at('Npgsql.Internal.NpgsqlConnector.<Open>g__OpenCore|214_1(NpgsqlConnector conn, SslMode sslMode, NpgsqlTimeout timeout, Boolean async, CancellationToken cancellationToken)'),
            at('Npgsql.Internal.NpgsqlConnector.Open(NpgsqlTimeout timeout, Boolean async, CancellationToken cancellationToken)'),
          ),
        },
      },
    }),
  );
}

/** MySQL answers but refuses the db-manager's host; the final fatal line only speaks of a timeout. */
function katibMysqlHostNotAllowed(): ScenarioDef {
  return heldOut(
    appScenario({
      dir: 'katib-db-manager-mysql-host-not-allowed',
      source:
        "https://github.com/kubeflow/katib/issues/1415 — with the probes commented out, katib-db-manager crash-loops: katib-mysql (on an NFS-provisioned volume) is reachable but rejects it (\"Error 1130: Host '10.233.123.76' is not allowed to connect to this MySQL server\"), after which the manager gives up with \"Timeout waiting for DB conn\". Probes absent as the reporter removed them; pod name, image and exit code (255, klog.Fatal) completed.",
      cause: 'dependency-unavailable',
      detail: 'auth',
      ns: 'kubeflow',
      app: 'katib-db-manager',
      hash: '7c6b8d5f9',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2021-02-15T10:59:00Z',
      podAge: 780,
      containers: [
        {
          name: 'katib-db-manager',
          image: 'docker.io/kubeflowkatib/katib-db-manager:v1beta1-a96ff59',
          ports: [{ containerPort: 6789, name: 'api' }],
        },
      ],
      statuses: { 'katib-db-manager': crash(255, { ran: 60, finishedAgo: 59, restarts: 5 }) },
      logs: {
        'katib-db-manager': {
          previous: lines(
            "E0215 10:58:01.308988       1 mysql.go:62] Ping to Katib db failed: Error 1130: Host '10.233.123.76' is not allowed to connect to this MySQL server",
            'F0215 10:58:01.326949       1 main.go:83] Failed to open db connection: DB open failed: Timeout waiting for DB conn successfully opened.',
            'goroutine 1 [running]:',
            'github.com/kubeflow/katib/vendor/k8s.io/klog.stacks(0xc000218200, 0xc00021c1e0, 0x89, 0xe8)',
            '        /go/src/github.com/kubeflow/katib/vendor/k8s.io/klog/klog.go:830 +0xb9',
            'github.com/kubeflow/katib/vendor/k8s.io/klog.(*loggingT).output(0xc72b20, 0xc000000003, 0xc000224000, 0xc14079, 0x7, 0x53, 0x0)',
            '        /go/src/github.com/kubeflow/katib/vendor/k8s.io/klog/klog.go:781 +0x2da',
            'github.com/kubeflow/katib/vendor/k8s.io/klog.(*loggingT).printf(0xc72b20, 0x3, 0x92bfcd, 0x20, 0xc000159f48, 0x1, 0x1)',
          ),
        },
      },
    }),
  );
}

/** The cluster DNS does not answer: Go's resolver reports the lookup as an i/o timeout. */
function katibLookupTimeout(): ScenarioDef {
  const ping = (t: string) => `E0909 ${t}       1 connection.go:40] Ping to Katib db failed: dial tcp: lookup katib-mysql: i/o timeout`;
  return heldOut(
    appScenario({
      dir: 'katib-db-manager-lookup-katib-mysql-timeout',
      source:
        'https://github.com/kubeflow/katib/issues/2425 — katib-db-manager crash-loops because it cannot resolve the katib-mysql Service name ("dial tcp: lookup katib-mysql: i/o timeout": the DNS query itself times out). Image and exit code (255, klog.Fatal when the db-manager gives up) completed.',
      cause: 'dependency-unavailable',
      detail: 'dns',
      ns: 'kubeflow',
      app: 'katib-db-manager',
      hash: '84fd984c55',
      podName: 'katib-db-manager-84fd984c55-6dfjb',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2024-09-09T09:35:00Z',
      podAge: 1500,
      containers: [{ name: 'katib-db-manager', image: 'docker.io/kubeflowkatib/katib-db-manager:v0.17.0', ports: [{ containerPort: 6789, name: 'api' }] }],
      statuses: { 'katib-db-manager': crash(255, { ran: 61, finishedAgo: 85, restarts: 7 }) },
      logs: {
        'katib-db-manager': {
          previous: lines(
            'I0909 09:32:34.498659       1 db.go:32] Using MySQL',
            ...['09:32:44.501617', '09:32:49.502564', '09:32:54.503454', '09:32:59.504052', '09:33:04.504873', '09:33:09.505948', '09:33:14.506898', '09:33:19.507794', '09:33:24.508862', '09:33:29.509754'].map(ping),
          ),
        },
      },
    }),
  );
}

/** awx-web (Django under supervisord and uWSGI): many WARN/INFO lines, then a resolver failure for the database host. */
function awxWebDatabaseNameNotKnown(): ScenarioDef {
  const py = '/var/lib/awx/venv/awx/lib64/python3.11/site-packages';
  const pair = (l: string) => [l, l];
  return heldOut(
    appScenario({
      dir: 'awx-web-postgres-name-not-known',
      source:
        'https://github.com/kurokobo/awx-on-k3s/issues/360 — after upgrading to AWX Operator 2.16.1 the awx-web container crash-loops: between supervisord WARN/INFO lines and uWSGI start-up, Django cannot connect to PostgreSQL because the database host name does not resolve ("django.db.utils.OperationalError: [Errno -2] Name or service not known"). The report\'s log excerpts are joined in order; pod name, images and exit code (1) completed.',
      cause: 'dependency-unavailable',
      detail: 'dns',
      ns: 'awx',
      app: 'awx-web',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2024-05-14T10:25:00Z',
      podAge: 900,
      focus: 'awx-web',
      containers: [
        { name: 'redis', image: 'docker.io/redis:7', args: ['redis-server', '/etc/redis.conf'] },
        {
          name: 'awx-web',
          image: 'quay.io/ansible/awx:24.3.1',
          args: ['/usr/bin/launch_awx_web.sh'],
          ports: [{ containerPort: 8052 }],
          resources: { requests: { cpu: '100m', memory: '128Mi' } },
        },
        { name: 'awx-rsyslog', image: 'quay.io/ansible/awx:24.3.1', args: ['/usr/bin/launch_awx_rsyslog.sh'] },
      ],
      statuses: {
        redis: runningFor(890),
        'awx-web': crash(1, { ran: 20, finishedAgo: 130, restarts: 6 }),
        'awx-rsyslog': runningFor(890),
      },
      logs: {
        'awx-web': {
          previous: lines(
            ...pair('2024-05-14 10:22:35,512 WARN exited: ws-heartbeat (exit status 1; not expected)'),
            ...pair('2024-05-14 10:22:35,714 WARN exited: awx-cache-clear (exit status 1; not expected)'),
            ...pair("2024-05-14 10:22:36,717 INFO spawned: 'awx-cache-clear' with pid 47"),
            ...pair("2024-05-14 10:22:36,720 INFO spawned: 'ws-heartbeat' with pid 48"),
            "WSGI app 0 (mountpoint='/') ready in 4 seconds on interpreter 0x7f30b2a79558 pid: 21 (default app)",
            "WSGI app 0 (mountpoint='/') ready in 5 seconds on interpreter 0x7f30b2a79558 pid: 22 (default app)",
            "WSGI app 0 (mountpoint='/') ready in 5 seconds on interpreter 0x7f30b2a79558 pid: 24 (default app)",
            'Traceback (most recent call last):',
            `  File "${py}/django/db/backends/base/base.py", line 289, in ensure_connection`,
            '    self.connect()',
            `  File "${py}/django/utils/asyncio.py", line 26, in inner`,
            '    return func(*args, **kwargs)',
            '           ^^^^^^^^^^^^^^^^^^^^^',
            `  File "${py}/django/db/backends/base/base.py", line 270, in connect`,
            '    self.connection = self.get_new_connection(conn_params)',
            '                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
            `  File "${py}/django/utils/asyncio.py", line 26, in inner`,
            '    return func(*args, **kwargs)',
            '           ^^^^^^^^^^^^^^^^^^^^^',
            `  File "${py}/django/db/backends/postgresql/base.py", line 275, in get_new_connection`,
            '    connection = self.Database.connect(**conn_params)',
            '                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
            `  File "${py}/psycopg/connection.py", line 728, in connect`,
            '    attempts = conninfo_attempts(params)',
            '               ^^^^^^^^^^^^^^^^^^^^^^^^^',
            `  File "${py}/psycopg/_conninfo_attempts.py", line 45, in conninfo_attempts`,
            '    raise e.OperationalError(str(last_exc))',
            'django.db.utils.OperationalError: [Errno -2] Name or service not known',
          ),
        },
      },
    }),
  );
}

export const HELDOUT_A: Array<() => ScenarioDef> = [dotnetNpgsqlPasswordRejected, katibMysqlHostNotAllowed, katibLookupTimeout, awxWebDatabaseNameNotKnown];
