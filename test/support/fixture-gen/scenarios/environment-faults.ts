/** permission-denied and port-in-use: the process runs, the environment refuses it. */
import { appScenario, COLLECTED_AT, crash, runningFor, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';
import { daemonSetScenario, statefulSetScenario } from '../more.js';

const T = logTimes(COLLECTED_AT);

/** nginx as non-root cannot bind port 80. */
function nginxBind80NonRoot(): ScenarioDef {
  return appScenario({
    dir: 'permission-denied/nginx-bind-80-as-non-root',
    source: 'synthetic: nginx forced to run as UID 101 (runAsNonRoot) while its config listens on port 80: bind() failed (13: Permission denied)',
    cause: 'permission-denied',
    app: 'docs-site',
    ns: 'web',
    history: 'regression',
    podAge: 260,
    containers: [
      { name: 'nginx', image: 'nginx:1.25.4', ports: [{ containerPort: 80 }], securityContext: { runAsNonRoot: true, runAsUser: 101, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } }, resources: { limits: { memory: '64Mi' }, requests: { memory: '32Mi', cpu: '10m' } } },
    ],
    previousContainers: [{ name: 'nginx', image: 'nginx:1.25.4', ports: [{ containerPort: 80 }], resources: { limits: { memory: '64Mi' }, requests: { memory: '32Mi', cpu: '10m' } } }],
    changeCause: 'harden: run as non-root, drop all capabilities',
    statuses: { nginx: crash(1, { ran: 0.2, finishedAgo: 36, restarts: 5 }) },
    logs: {
      nginx: {
        previous: lines(
          '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
          '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
          '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)',
          '/docker-entrypoint.sh: Configuration complete; ready for start up',
          `${T.go(36)} [warn] 1#1: the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2`,
          'nginx: [warn] the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:2',
          `${T.go(36)} [emerg] 1#1: bind() to 0.0.0.0:80 failed (13: Permission denied)`,
          'nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)',
        ),
      },
    },
  });
}

/** PostgreSQL on an NFS-backed volume it cannot chown/chmod. */
function postgresVolumePermissions(): ScenarioDef {
  return statefulSetScenario({
    dir: 'permission-denied/postgres-volume-ownership',
    source: 'synthetic: PostgreSQL StatefulSet on an NFS (Azure Files) volume: initdb cannot change permissions of the data directory (Operation not permitted)',
    cause: 'permission-denied',
    ns: 'data',
    name: 'keycloak-db',
    serviceName: 'keycloak-db',
    containers: [
      {
        name: 'postgres',
        image: 'postgres:16.2',
        ports: [{ containerPort: 5432 }],
        env: [{ name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'keycloak-db', key: 'password' } } }],
        resources: { limits: { memory: '1Gi' }, requests: { memory: '512Mi', cpu: '250m' } },
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
      },
    ],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-keycloak-db-0' } }],
    podAge: 900,
    statuses: { postgres: crash(1, { ran: 0.3, finishedAgo: 110, restarts: 8 }) },
    logs: {
      postgres: {
        previous: lines(
          "chmod: changing permissions of '/var/lib/postgresql/data': Operation not permitted",
          'The files belonging to this database system will be owned by user "postgres".',
          'This user must also own the server process.',
          '',
          'The database cluster will be initialized with locale "en_US.utf8".',
          'The default database encoding has accordingly been set to "UTF8".',
          'The default text search configuration will be set to "english".',
          '',
          'Data page checksums are disabled.',
          '',
          'fixing permissions on existing directory /var/lib/postgresql/data ... initdb: error: could not change permissions of directory "/var/lib/postgresql/data": Operation not permitted',
        ),
      },
    },
  });
}

/** readOnlyRootFilesystem: the app writes a cache under /app. */
function pythonReadOnlyFs(): ScenarioDef {
  return appScenario({
    dir: 'permission-denied/python-read-only-file-system',
    source: 'synthetic: Python service under readOnlyRootFilesystem tries to create its cache directory in /app (OSError: [Errno 30] Read-only file system)',
    cause: 'permission-denied',
    app: 'tiles',
    ns: 'maps',
    history: 'single',
    podAge: 1150,
    containers: [
      {
        name: 'tiles',
        image: 'registry.example.com/maps/tiles:2.2.0',
        command: ['python', '-m', 'tiles'],
        securityContext: { readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 10001 },
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '100m' } },
      },
    ],
    statuses: { tiles: crash(1, { ran: 0.9, finishedAgo: 210, restarts: 9 }) },
    logs: {
      tiles: {
        previous: lines(
          'Traceback (most recent call last):',
          '  File "<frozen runpy>", line 198, in _run_module_as_main',
          '  File "<frozen runpy>", line 88, in _run_code',
          '  File "/app/tiles/__main__.py", line 12, in <module>',
          '    cache = TileCache(Path("/app/cache"))',
          '  File "/app/tiles/cache.py", line 19, in __init__',
          '    self.root.mkdir(parents=True, exist_ok=True)',
          '  File "/usr/local/lib/python3.12/pathlib.py", line 1311, in mkdir',
          '    os.mkdir(self, mode)',
          "OSError: [Errno 30] Read-only file system: '/app/cache'",
        ),
      },
    },
  });
}

/** Node EACCES on a mounted volume owned by root. */
function nodeEaccesVolume(): ScenarioDef {
  return appScenario({
    dir: 'permission-denied/node-eacces-volume',
    source: 'synthetic: Node.js uploads service running as UID 1000 cannot write to a PVC owned by root (EACCES: permission denied, open)',
    cause: 'permission-denied',
    app: 'uploads',
    ns: 'media',
    history: 'single',
    podAge: 720,
    containers: [
      {
        name: 'uploads',
        image: 'registry.example.com/media/uploads:1.0.4',
        securityContext: { runAsUser: 1000, runAsGroup: 1000 },
        ports: [{ containerPort: 3000 }],
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
        resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '50m' } },
      },
    ],
    spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'uploads-data' } }] },
    statuses: { uploads: crash(1, { ran: 0.5, finishedAgo: 72, restarts: 7 }) },
    logs: {
      uploads: {
        previous: lines(
          'node:internal/fs/sync:78',
          '  return binding.open(',
          '                 ^',
          '',
          "Error: EACCES: permission denied, open '/data/uploads/.write-test'",
          '    at Object.open (node:internal/fs/sync:78:18)',
          '    at Object.openSync (node:fs:565:17)',
          '    at Object.writeFileSync (node:fs:2288:35)',
          '    at checkWritable (/app/src/storage.js:14:6)',
          '    at Object.<anonymous> (/app/src/server.js:9:1)',
          '    at Module._compile (node:internal/modules/cjs/loader:1358:14) {',
          '  errno: -13,',
          "  code: 'EACCES',",
          "  syscall: 'open',",
          "  path: '/data/uploads/.write-test'",
          '}',
          '',
          'Node.js v20.15.1',
        ),
      },
    },
  });
}

/** hostNetwork DaemonSet: the node already has something on :9100. */
function hostNetworkEaddrinuse(): ScenarioDef {
  return daemonSetScenario({
    dir: 'port-in-use/hostnetwork-daemonset-address-in-use',
    source: 'synthetic: node-exporter DaemonSet with hostNetwork on nodes where a VM-level node_exporter already listens on :9100 (bind: address already in use)',
    cause: 'port-in-use',
    ns: 'monitoring',
    name: 'node-exporter',
    containers: [
      {
        name: 'node-exporter',
        image: 'quay.io/prometheus/node-exporter:v1.8.1',
        args: ['--path.rootfs=/host', '--web.listen-address=:9100'],
        ports: [{ containerPort: 9100, hostPort: 9100, name: 'metrics' }],
        resources: { limits: { memory: '64Mi' }, requests: { memory: '32Mi', cpu: '50m' } },
        volumeMounts: [{ name: 'root', mountPath: '/host', readOnly: true, mountPropagation: 'HostToContainer' }],
      },
    ],
    volumes: [{ name: 'root', hostPath: { path: '/', type: '' } }],
    spec: { hostNetwork: true, hostPID: true, dnsPolicy: 'ClusterFirstWithHostNet' },
    podAge: 1600,
    statuses: { 'node-exporter': crash(1, { ran: 0.1, finishedAgo: 130, restarts: 9 }) },
    others: [{ createdAgo: 1600, nodeName: 'aks-nodepool1-31718369-vmss000000', statuses: { 'node-exporter': runningFor(1590) } }],
    extraNodes: [{ name: 'aks-nodepool1-31718369-vmss000000' }],
    logs: {
      'node-exporter': {
        previous: lines(
          `ts=${T.isoMs(130.1)} caller=node_exporter.go:193 level=info msg="Starting node_exporter" version="(version=1.8.1, branch=HEAD, revision=400c3979931613db930ea035f39ce7b377cdbb5b)"`,
          `ts=${T.isoMs(130.1)} caller=node_exporter.go:194 level=info msg="Build context" build_context="(go=go1.22.3, platform=linux/amd64, user=root@7e2c6bb9e0c5, date=20240605-11:00:32, tags=unknown)"`,
          `ts=${T.isoMs(130.0)} caller=node_exporter.go:111 level=info msg="Enabled collectors"`,
          `ts=${T.isoMs(130.0)} caller=tls_config.go:313 level=info msg="Listening on" address=[::]:9100`,
          `ts=${T.isoMs(130.0)} caller=node_exporter.go:223 level=error err="listen tcp :9100: bind: address already in use"`,
        ),
      },
    },
  });
}

/** seeds/003: MySQL cannot lock ibdata1 held by another mysqld on the same shared volume. */
function mysqlIbdataLock(): ScenarioDef {
  const lock = (ago: number) => `${T.isoUs(ago)} 1 [ERROR] [MY-012574] [InnoDB] Unable to lock ./ibdata1 error: 11`;
  return appScenario({
    dir: 'port-in-use/seed-mysql-unable-to-lock-ibdata1',
    source: "seeds/003 section '3. Check Deployment Logs' ([ERROR] [MY-012574] [InnoDB] Unable to lock ./ibdata1 error: 11): a second mysqld replica on the same ReadWriteMany volume",
    cause: 'port-in-use',
    app: 'mysql',
    ns: 'wordpress',
    history: 'single',
    podAge: 2000,
    crashingPods: 1,
    containers: [
      {
        name: 'mysql',
        image: 'mysql:8.0.36',
        ports: [{ containerPort: 3306 }],
        env: [{ name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'mysql', key: 'root-password' } } }],
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }],
        resources: { limits: { memory: '1Gi' }, requests: { memory: '512Mi', cpu: '250m' } },
      },
    ],
    spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'mysql-data' } }] },
    statuses: { mysql: crash(1, { ran: 101, finishedAgo: 250, restarts: 6 }) },
    logs: {
      mysql: {
        previous: lines(
          `${T.ymdhms(351)}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.36-1.el8 started.`,
          `${T.ymdhms(350)}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'`,
          `${T.ymdhms(350)}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.36-1.el8 started.`,
          `${T.isoUs(349)} 0 [System] [MY-010116] [Server] /usr/sbin/mysqld (mysqld 8.0.36) starting as process 1`,
          `${T.isoUs(349)} 1 [System] [MY-013576] [InnoDB] InnoDB initialization has started.`,
          lock(349),
          `${T.isoUs(348)} 1 [Note] [MY-012574] [InnoDB] Check that you do not already have another mysqld process using the same InnoDB data or log files.`,
          lock(348),
          lock(347),
          lock(300),
          lock(251),
          `${T.isoUs(250)} 1 [ERROR] [MY-012592] [InnoDB] Operating system error number 11 in a file operation.`,
          `${T.isoUs(250)} 1 [ERROR] [MY-012596] [InnoDB] Error number 11 means 'Resource temporarily unavailable'`,
          `${T.isoUs(250)} 1 [ERROR] [MY-012215] [InnoDB] Cannot open datafile './ibdata1'`,
          `${T.isoUs(250)} 1 [ERROR] [MY-010334] [Server] Failed to initialize DD Storage Engine`,
          `${T.isoUs(250)} 0 [ERROR] [MY-010020] [Server] Data Dictionary initialization failed.`,
          `${T.isoUs(250)} 0 [ERROR] [MY-010119] [Server] Aborting`,
          `${T.isoUs(250)} 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld 8.0.36)  MySQL Community Server - GPL.`,
        ),
      },
    },
  });
}

/** Two containers of one pod both want :8080: the app crashes, the sidecar holds the port. */
function sidecarPortClash(): ScenarioDef {
  return appScenario({
    dir: 'port-in-use/node-eaddrinuse-sidecar-holds-port',
    source: 'synthetic: Node.js app and an auth-proxy sidecar both bind 8080 in one pod (Error: listen EADDRINUSE: address already in use :::8080)',
    cause: 'port-in-use',
    app: 'partner-api',
    ns: 'integrations',
    history: 'regression',
    podAge: 330,
    containers: [
      { name: 'app', image: 'registry.example.com/integrations/partner-api:2.0.0', ports: [{ containerPort: 8080 }], env: [{ name: 'PORT', value: '8080' }], resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '100m' } } },
      { name: 'auth-proxy', image: 'quay.io/oauth2-proxy/oauth2-proxy:v7.6.0', args: ['--http-address=0.0.0.0:8080', '--upstream=http://127.0.0.1:3000'], ports: [{ containerPort: 8080 }], resources: { limits: { memory: '64Mi' }, requests: { memory: '32Mi', cpu: '10m' } } },
    ],
    previousContainers: [
      { name: 'app', image: 'registry.example.com/integrations/partner-api:2.0.0', ports: [{ containerPort: 3000 }], env: [{ name: 'PORT', value: '3000' }], resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '100m' } } },
      { name: 'auth-proxy', image: 'quay.io/oauth2-proxy/oauth2-proxy:v7.6.0', args: ['--http-address=0.0.0.0:8080', '--upstream=http://127.0.0.1:3000'], ports: [{ containerPort: 8080 }], resources: { limits: { memory: '64Mi' }, requests: { memory: '32Mi', cpu: '10m' } } },
    ],
    changeCause: 'kubectl set env deployment/partner-api -c app PORT=8080',
    statuses: { app: crash(1, { ran: 0.6, finishedAgo: 25, restarts: 5 }), 'auth-proxy': runningFor(325) },
    logs: {
      app: {
        previous: lines(
          `{"level":30,"time":${T.epochMs(25.5)},"pid":1,"msg":"partner-api 2.0.0 starting"}`,
          'node:events:497',
          '      throw er; // Unhandled \'error\' event',
          '      ^',
          '',
          'Error: listen EADDRINUSE: address already in use :::8080',
          '    at Server.setupListenHandle [as _listen2] (node:net:1897:16)',
          '    at listenInCluster (node:net:1945:12)',
          '    at Server.listen (node:net:2037:7)',
          '    at Function.listen (/app/node_modules/express/lib/application.js:635:24)',
          '    at Object.<anonymous> (/app/src/index.js:41:5)',
          'Emitted \'error\' event on Server instance at:',
          '    at emitErrorNT (node:net:1924:8)',
          '    at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {',
          "  code: 'EADDRINUSE',",
          "  errno: -98,",
          "  syscall: 'listen',",
          "  address: '::',",
          '  port: 8080',
          '}',
          '',
          'Node.js v20.15.1',
        ),
      },
    },
  });
}

export const ENVIRONMENT_SCENARIOS = [nginxBind80NonRoot, postgresVolumePermissions, pythonReadOnlyFs, nodeEaccesVolume, hostNetworkEaddrinuse, mysqlIbdataLock, sidecarPortClash];
