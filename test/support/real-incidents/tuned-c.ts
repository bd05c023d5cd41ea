/**
 * Tuned real incidents (3/3): read-only root filesystems (Go sidecar, Ruby fluentd) and a Django worker whose
 * database password is rejected. Log lines, exit codes and names are the reports'; `source` says what was completed.
 */
import { appScenario, crash, runningFor, type ScenarioDef } from '../fixture-gen/define.js';
import { lines } from '../fixture-gen/log-time.js';
import { daemonSetScenario } from '../fixture-gen/more.js';

const readOnlyRoot = { readOnlyRootFilesystem: true };

/** A PodSecurityPolicy makes the root filesystem read-only; glog in kube-rbac-proxy cannot create its file in /tmp. */
function kubeRbacProxyReadOnlyTmp(): ScenarioDef {
  const proxy = (name: string, listen: string, upstream: string) => ({
    name,
    image: 'quay.io/coreos/kube-rbac-proxy:v0.3.1',
    args: [`--secure-listen-address=${listen}`, `--upstream=${upstream}`],
    ports: [{ containerPort: Number(listen.slice(1)), name: name === 'kube-rbac-proxy-main' ? 'https-main' : 'https-self' }],
    securityContext: readOnlyRoot,
  });
  return appScenario({
    dir: 'permission-denied/real-kube-rbac-proxy-read-only-tmp',
    source:
      'https://github.com/kube-rbac-proxy/kube-rbac-proxy/issues/16 — with a PodSecurityPolicy that sets readOnlyRootFilesystem, the kube-rbac-proxy-self sidecar of kube-state-metrics exits on "log: exiting because of error: log: cannot create log: open /tmp/...: read-only file system" (glog writes its log file to /tmp). Sibling containers, args and images completed; exit code not in the report, 2 is what glog exits with here.',
    cause: 'permission-denied',
    ns: 'monitoring',
    app: 'kube-state-metrics',
    hash: '6f84ccbb7d',
    podName: 'kube-state-metrics-6f84ccbb7d-k25x6',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2018-09-25T11:10:00Z',
    podAge: 360,
    requestContainer: 'kube-rbac-proxy-self',
    focus: 'kube-rbac-proxy-self',
    containers: [
      proxy('kube-rbac-proxy-main', ':8443', 'http://127.0.0.1:8081/'),
      proxy('kube-rbac-proxy-self', ':9443', 'http://127.0.0.1:8082/'),
      {
        name: 'kube-state-metrics',
        image: 'quay.io/coreos/kube-state-metrics:v1.3.1',
        args: ['--host=127.0.0.1', '--port=8081', '--telemetry-host=127.0.0.1', '--telemetry-port=8082'],
        securityContext: readOnlyRoot,
      },
    ],
    spec: { serviceAccountName: 'kube-state-metrics' },
    statuses: {
      'kube-rbac-proxy-main': runningFor(350),
      'kube-rbac-proxy-self': crash(2, { ran: 0.1, finishedAgo: 68, restarts: 5 }),
      'kube-state-metrics': runningFor(350),
    },
    logs: {
      'kube-rbac-proxy-self': {
        previous: lines(
          'I0925 11:08:52.535386       1 main.go:166] Generating self signed cert as no cert is provided',
          'log: exiting because of error: log: cannot create log: open /tmp/kube-rbac-proxy.kube-state-metrics-6f84ccbb7d-k25x6.unknownuser.log.INFO.20180925-110852.1: read-only file system',
        ),
      },
    },
  });
}

/** fluentd (Ruby) cannot create its root_dir under /tmp on a read-only root filesystem. */
function fluentdReadOnlyTmp(): ScenarioDef {
  const gem = (name: string, version: string) => `2022-04-12 18:40:10 +0000 [info]: gem '${name}' version '${version}'`;
  return daemonSetScenario({
    dir: 'permission-denied/real-fluentd-read-only-root-dir',
    source:
      "https://github.com/splunk/splunk-connect-for-kubernetes/issues/747 — the logging DaemonSet's fluentd crash-loops on \"failed to create root directory:/tmp/fluentd, #<Errno::EROFS: Read-only file system @ dir_s_mkdir - /tmp/fluentd>\": the container's root filesystem is read-only and no writable volume is mounted at /tmp. Log verbatim up to where the report cuts it; readOnlyRootFilesystem, names, image and exit code (1, an uncaught Ruby exception) completed.",
    cause: 'permission-denied',
    ns: 'splunk',
    name: 'splunk-splunk-kubernetes-logging',
    collectedAt: '2022-04-12T18:41:00Z',
    podAge: 1800,
    containers: [
      {
        name: 'splunk-fluentd-k8s-logs',
        image: 'docker.io/splunk/fluentd-hec:1.2.10',
        args: ['-c', '/fluentd/etc/fluent.conf'],
        securityContext: { ...readOnlyRoot, runAsUser: 0 },
        volumeMounts: [
          { name: 'varlog', mountPath: '/var/log' },
          { name: 'conf-configmap', mountPath: '/fluentd/etc' },
        ],
        resources: { requests: { cpu: '100m', memory: '200Mi' } },
      },
    ],
    volumes: [
      { name: 'varlog', hostPath: { path: '/var/log', type: '' } },
      { name: 'conf-configmap', configMap: { name: 'splunk-splunk-kubernetes-logging', defaultMode: 420 } },
    ],
    statuses: { 'splunk-fluentd-k8s-logs': crash(1, { ran: 1, finishedAgo: 49, restarts: 9 }) },
    logs: {
      'splunk-fluentd-k8s-logs': {
        previous: lines(
          '2022-04-12 18:40:10 +0000 [info]: parsing config file is succeeded path="/fluentd/etc/fluent.conf"',
          gem('fluentd', '1.14.4'),
          gem('fluent-plugin-concat', '2.4.0'),
          gem('fluent-plugin-jq', '0.5.1'),
          gem('fluent-plugin-kubernetes_metadata_filter', '2.9.4'),
          gem('fluent-plugin-prometheus', '2.0.1'),
          gem('fluent-plugin-record-modifier', '2.1.0'),
          gem('fluent-plugin-splunk-hec', '1.2.10'),
          gem('fluent-plugin-systemd', '1.0.2'),
          'bundler: failed to load command: fluentd (/usr/bin/fluentd)',
          "/usr/share/gems/gems/fluentd-1.14.4/lib/fluent/supervisor.rb:656:in `rescue in run_supervisor': failed to create root directory:/tmp/fluentd, #<Errno::EROFS: Read-only file system @ dir_s_mkdir - /tmp/fluentd> (Fluent::InvalidRootDirectory)",
          "\tfrom /usr/share/gems/gems/fluentd-1.14.4/lib/fluent/supervisor.rb:653:in `run_supervisor'",
          "\tfrom /usr/share/gems/gems/fluentd-1.14.4/lib/fluent/command/fluentd.rb:352:in `<top (required)>'",
        ),
      },
    },
    others: [{ createdAgo: 1800, nodeName: 'aks-nodepool1-31718369-vmss000003', statuses: { 'splunk-fluentd-k8s-logs': crash(1, { ran: 1, finishedAgo: 70, restarts: 9 }) } }],
    extraNodes: [{ name: 'aks-nodepool1-31718369-vmss000003' }],
  });
}

/** Pulp's worker (Django, psycopg2) reaches PostgreSQL, which rejects its password. */
function pulpWorkerPasswordRejected(): ScenarioDef {
  const site = '/usr/local/lib/python3.9/site-packages';
  return appScenario({
    dir: 'dependency-unavailable/real-pulp-worker-postgres-password',
    source:
      'https://github.com/pulp/pulp-operator/issues/308 — the pulp-worker pod crash-loops: PostgreSQL is up ("Postgres started!") but rejects the worker\'s credentials (FATAL: password authentication failed for user "pulp"). Traceback as reported up to psycopg2\'s connect; its last two lines completed from the issue title and psycopg2\'s own code; names, image and exit code (1) completed.',
    cause: 'dependency-unavailable',
    detail: 'auth',
    ns: 'pulp',
    app: 'pulp-worker',
    crashingPods: 2,
    history: 'single',
    collectedAt: '2021-12-09T10:00:00Z',
    podAge: 1500,
    containers: [
      {
        name: 'worker',
        image: 'quay.io/pulp/pulp:stable',
        args: ['pulp-worker'],
        env: [
          { name: 'POSTGRES_SERVICE_HOST', value: 'pulp-postgres' },
          { name: 'POSTGRES_SERVICE_PORT', value: '5432' },
        ],
        resources: { requests: { cpu: '250m', memory: '256Mi' } },
      },
    ],
    statuses: { worker: crash(1, { ran: 4, finishedAgo: 110, restarts: 7 }) },
    logs: {
      worker: {
        previous: lines(
          '+ /usr/bin/wait_on_postgres.py',
          'Waiting on postgresql to start...',
          'Checking postgres host pulp-postgres',
          'Checking postgres port 5432',
          'Postgres started!',
          '+ /usr/bin/wait_on_database_migrations.sh',
          'Checking for database migrations',
          'Traceback (most recent call last):',
          `  File "${site}/django/db/backends/base/base.py", line 219, in ensure_connection`,
          '    self.connect()',
          `  File "${site}/django/utils/asyncio.py", line 33, in inner`,
          '    return func(*args, **kwargs)',
          `  File "${site}/django/db/backends/base/base.py", line 200, in connect`,
          '    self.connection = self.get_new_connection(conn_params)',
          `  File "${site}/django/utils/asyncio.py", line 33, in inner`,
          '    return func(*args, **kwargs)',
          `  File "${site}/django/db/backends/postgresql/base.py", line 187, in get_new_connection`,
          '    connection = Database.connect(**conn_params)',
          '  File "/usr/local/lib64/python3.9/site-packages/psycopg2/__init__.py", line 122, in connect',
          '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
          'psycopg2.OperationalError: FATAL:  password authentication failed for user "pulp"',
        ),
      },
    },
  });
}

export const TUNED_C: Array<() => ScenarioDef> = [kubeRbacProxyReadOnlyTmp, fluentdReadOnlyTmp, pulpWorkerPasswordRejected];
