/**
 * Tuned real incidents (2/2): entrypoints, images, files, API permissions, refused databases, ports.
 * Log lines, event messages, exit codes and pod/container names are the reports'; where a report leaves a
 * field out, the expected.json `source` says what was completed and with what.
 */
import { appScenario, crash, runningFor, type ScenarioDef } from '../fixture-gen/define.js';
import { lines } from '../fixture-gen/log-time.js';
import { daemonSetScenario, statefulSetScenario } from '../fixture-gen/more.js';

/** The entrypoint script was checked out on Windows: `#!/bin/sh\r` names an interpreter that does not exist. */
function crlfEntrypoint(): ScenarioDef {
  return appScenario({
    dir: 'bad-entrypoint/real-crlf-docker-entrypoint',
    source:
      'https://github.com/bodleian/iiif-static-choices/issues/20 — the container restart-loops on "exec /docker-entrypoint.sh: no such file or directory" although the script is in the image: it has CRLF line endings, so the shebang names /bin/sh\\r (fixed by converting to LF). The report ran under Docker; the Deployment around it is boilerplate, exit code 255 is what runc exits with when the exec fails.',
    cause: 'bad-entrypoint',
    ns: 'default',
    app: 'iiif-static-choices',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2025-10-21T10:00:00Z',
    podAge: 400,
    containers: [{ name: 'iiif-static-choices', image: 'registry.example.com/bodleian/iiif-static-choices:1.0.0', ports: [{ containerPort: 80 }] }],
    statuses: { 'iiif-static-choices': crash(255, { ran: 0, finishedAgo: 70, restarts: 5 }) },
    logs: { 'iiif-static-choices': { previous: lines('exec /docker-entrypoint.sh: no such file or directory') } },
  });
}

/** A bare `centos` image as a Deployment: its default command is an interactive shell that exits 0 at once. */
function centosNoCommand(): ScenarioDef {
  return appScenario({
    dir: 'completed-exit/real-centos-image-no-command',
    source:
      'https://github.com/portainer/portainer/issues/5314 — a Deployment of the plain centos image restarts forever with Last State Terminated, Reason Completed, Exit Code 0 (started and finished in the same second): the image\'s default /bin/bash exits immediately without a TTY, there is no long-running process. The report shows no logs.',
    cause: 'completed-exit',
    ns: 'default',
    app: 'centos-new',
    hash: '6846f658db',
    podName: 'centos-new-6846f658db-w4qhj',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2021-07-14T19:53:10Z',
    podAge: 422,
    node: { name: 'k-master' },
    containers: [{ name: 'centos-new', image: 'centos' }],
    statuses: { 'centos-new': crash(0, { reason: 'Completed', ran: 0, finishedAgo: 48, restarts: 6 }) },
    logs: {},
  });
}

/** The chart's default image tag was never pushed: containerd's NotFound wording. */
function chartTagNotFound(): ScenarioDef {
  const image = 'frooodle/s-pdf:0.23.2';
  return appScenario({
    dir: 'image-pull/real-helm-chart-tag-not-found',
    source:
      'https://github.com/Stirling-Tools/Stirling-PDF/issues/1209 — the Helm chart asks for frooodle/s-pdf:0.23.2, a tag that does not exist on Docker Hub ("failed to resolve reference ... not found"); fixed by setting an existing tag. Events verbatim; container name completed.',
    cause: 'image-pull',
    ns: 'stirling-pdf',
    app: 'stirling-pdf-stirling-pdf-chart',
    hash: '77475b4959',
    podName: 'stirling-pdf-stirling-pdf-chart-77475b4959-7464f',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2024-05-15T12:00:00Z',
    podAge: 200,
    node: { name: 'services2' },
    containers: [{ name: 'stirling-pdf-chart', image, ports: [{ containerPort: 8080, name: 'http' }] }],
    statuses: { 'stirling-pdf-chart': { kind: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } },
    events: [
      { reason: 'Pulling', container: 'stirling-pdf-chart', count: 4, firstAgo: 200, lastAgo: 117, message: `Pulling image "${image}"` },
      {
        reason: 'Failed',
        type: 'Warning',
        container: 'stirling-pdf-chart',
        count: 4,
        firstAgo: 199,
        lastAgo: 116,
        message: `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/${image}": failed to resolve reference "docker.io/${image}": docker.io/${image}: not found`,
      },
      { reason: 'Failed', type: 'Warning', container: 'stirling-pdf-chart', count: 4, firstAgo: 199, lastAgo: 116, message: 'Error: ErrImagePull' },
      { reason: 'Failed', type: 'Warning', container: 'stirling-pdf-chart', count: 6, firstAgo: 199, lastAgo: 105, message: 'Error: ImagePullBackOff' },
      { reason: 'BackOff', container: 'stirling-pdf-chart', count: 7, firstAgo: 199, lastAgo: 94, message: `Back-off pulling image "${image}"` },
    ],
    logs: {},
  });
}

/** Elasticsearch (Java) cannot lock its data directory on a volume owned by another user. */
function elasticsearchNodeLock(): ScenarioDef {
  const at = (s: string) => `        at ${s}`;
  return statefulSetScenario({
    dir: 'permission-denied/real-elasticsearch-node-lock-access-denied',
    source:
      'https://github.com/pires/kubernetes-elasticsearch-cluster/issues/205 — the data pods go into "Back-off restarting failed container" on "Caused by: java.nio.file.AccessDeniedException: /usr/share/elasticsearch/data/nodes/0/node.lock" (the volume is not writable for the elasticsearch user). Stack excerpt as reported; StatefulSet, image tag and exit code (1, Elasticsearch\'s startup failure) completed.',
    cause: 'permission-denied',
    ns: 'default',
    name: 'es-data',
    serviceName: 'elasticsearch-data',
    collectedAt: '2018-07-10T09:00:00Z',
    podAge: 1800,
    containers: [
      {
        name: 'es-data',
        image: 'quay.io/pires/docker-elasticsearch-kubernetes:6.2.4',
        ports: [{ containerPort: 9300, name: 'transport' }],
        volumeMounts: [{ name: 'storage', mountPath: '/usr/share/elasticsearch/data' }],
        resources: { limits: { memory: '2Gi' }, requests: { memory: '2Gi', cpu: '250m' } },
      },
    ],
    volumes: [{ name: 'storage', persistentVolumeClaim: { claimName: 'storage-es-data-0' } }],
    statuses: { 'es-data': crash(1, { ran: 9, finishedAgo: 120, restarts: 7 }) },
    logs: {
      'es-data': {
        previous: lines(
          'Caused by: java.nio.file.AccessDeniedException: /usr/share/elasticsearch/data/nodes/0/node.lock',
          at('sun.nio.fs.UnixException.translateToIOException(UnixException.java:84) ~[?:?]'),
          at('sun.nio.fs.UnixException.rethrowAsIOException(UnixException.java:102) ~[?:?]'),
          at('sun.nio.fs.UnixException.rethrowAsIOException(UnixException.java:107) ~[?:?]'),
          at('sun.nio.fs.UnixFileSystemProvider.newFileChannel(UnixFileSystemProvider.java:177) ~[?:?]'),
          at('java.nio.channels.FileChannel.open(FileChannel.java:287) ~[?:1.8.0_161]'),
          at('java.nio.channels.FileChannel.open(FileChannel.java:335) ~[?:1.8.0_161]'),
          at('org.apache.lucene.store.NativeFSLockFactory.obtainFSLock(NativeFSLockFactory.java:125) ~[lucene-core-7.2.1.jar:7.2.1 b2b6438b37073bee1fca40374e85bf91aa457c0b - ubuntu - 2018-01-10 00:48:43]'),
          at('org.apache.lucene.store.FSLockFactory.obtainLock(FSLockFactory.java:41) ~[lucene-core-7.2.1.jar:7.2.1 b2b6438b37073bee1fca40374e85bf91aa457c0b - ubuntu - 2018-01-10 00:48:43]'),
          at('org.apache.lucene.store.BaseDirectory.obtainLock(BaseDirectory.java:45) ~[lucene-core-7.2.1.jar:7.2.1 b2b6438b37073bee1fca40374e85bf91aa457c0b - ubuntu - 2018-01-10 00:48:43]'),
        ),
      },
    },
  });
}

/** A Rust controller panics at startup because the API server forbids it to list its custom resources. */
function rudrForbidden(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/real-rudr-apiserver-403-panic',
    source:
      "https://github.com/oam-dev/rudr/issues/50 — after a Helm install the Rust controller panics on \"component reflector cannot be created: Error(Status(403), ...)\": the API server rejects its service account (missing RBAC permissions). Exit code not in the report; 101 is what a Rust panic in main exits with.",
    cause: 'dependency-unavailable',
    detail: 'auth',
    ns: 'default',
    app: 'rudr',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2019-07-26T12:00:00Z',
    podAge: 600,
    containers: [{ name: 'rudr', image: 'oamdev/rudr:v1.0.0-alpha.1', env: [{ name: 'RUST_LOG', value: 'rudr=info' }] }],
    statuses: { rudr: crash(101, { ran: 1, finishedAgo: 100, restarts: 6 }) },
    logs: {
      rudr: {
        previous: lines(
          'thread \'main\' panicked at \'component reflector cannot be created: Error(Status(403), "https://10.0.0.1/apis/core.hydra.io/v1alpha1/namespaces/default/components?")\', src/libcore/result.rs:999:5',
        ),
      },
    },
  });
}

/** A generated JHipster monolith has no datasource URL for its namespace and connects to MySQL on localhost. */
function jhipsterMysqlRefused(): ScenarioDef {
  const at = (s: string) => `        at ${s}`;
  return appScenario({
    dir: 'dependency-unavailable/real-jhipster-liquibase-mysql-refused',
    source:
      'https://github.com/jhipster/generator-jhipster/issues/12145 — the monolith from the Kubernetes generator crash-loops on HikariPool/Liquibase "Communications link failure ... Caused by: java.net.ConnectException: Connection refused": the generated deployment lacks the R2DBC/Liquibase URLs, so the app dials its default localhost MySQL (fixed by adding them). The report\'s two stack excerpts are joined; exit code (1, Spring Boot startup failure) and image completed.',
    cause: 'dependency-unavailable',
    detail: 'refused',
    ns: 'jhip',
    app: 'testapp',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2020-07-24T21:20:00Z',
    podAge: 900,
    containers: [
      {
        name: 'testapp-app',
        image: 'testapp',
        env: [
          { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
          { name: 'EUREKA_CLIENT_SERVICE_URL_DEFAULTZONE', value: 'http://admin:${jhipster.registry.password}@jhipster-registry.jhip.svc.cluster.local:8761/eureka/' },
        ],
        ports: [{ containerPort: 8080, name: 'http' }],
        resources: { limits: { memory: '1Gi', cpu: '1' }, requests: { memory: '512Mi', cpu: '500m' } },
      },
    ],
    statuses: { 'testapp-app': crash(1, { ran: 38, finishedAgo: 150, restarts: 5 }) },
    logs: {
      'testapp-app': {
        previous: lines(
          at('com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:64)'),
          at('com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:836)'),
          at('com.mysql.cj.jdbc.ConnectionImpl.<init>(ConnectionImpl.java:456)'),
          at('com.mysql.cj.jdbc.ConnectionImpl.getInstance(ConnectionImpl.java:246)'),
          at('com.mysql.cj.jdbc.NonRegisteringDriver.connect(NonRegisteringDriver.java:197)'),
          at('com.zaxxer.hikari.util.DriverDataSource.getConnection(DriverDataSource.java:138)'),
          at('com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:358)'),
          at('com.zaxxer.hikari.pool.PoolBase.newPoolEntry(PoolBase.java:206)'),
          at('com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:477)'),
          at('com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:560)'),
          at('com.zaxxer.hikari.pool.HikariPool.<init>(HikariPool.java:115)'),
          at('com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:112)'),
          at('liquibase.integration.spring.SpringLiquibase.afterPropertiesSet(SpringLiquibase.java:311)'),
          '        ... 19 common frames omitted',
          'Caused by: com.mysql.cj.exceptions.CJCommunicationsException: Communications link failure',
          '',
          'The last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.',
          at('com.mysql.cj.exceptions.ExceptionFactory.createException(ExceptionFactory.java:151)'),
          at('com.mysql.cj.exceptions.ExceptionFactory.createCommunicationsException(ExceptionFactory.java:167)'),
          at('com.mysql.cj.protocol.a.NativeSocketConnection.connect(NativeSocketConnection.java:91)'),
          at('com.mysql.cj.NativeSession.connect(NativeSession.java:144)'),
          at('com.mysql.cj.jdbc.ConnectionImpl.connectOneTryOnly(ConnectionImpl.java:956)'),
          at('com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:826)'),
          '        ... 30 common frames omitted',
          'Caused by: java.net.ConnectException: Connection refused (Connection refused)',
          at('java.base/java.net.PlainSocketImpl.socketConnect(Native Method)'),
          at('java.base/java.net.AbstractPlainSocketImpl.doConnect(Unknown Source)'),
          at('java.base/java.net.AbstractPlainSocketImpl.connectToAddress(Unknown Source)'),
          at('java.base/java.net.AbstractPlainSocketImpl.connect(Unknown Source)'),
          at('java.base/java.net.SocksSocketImpl.connect(Unknown Source)'),
          at('java.base/java.net.Socket.connect(Unknown Source)'),
          at('com.mysql.cj.protocol.StandardSocketFactory.connect(StandardSocketFactory.java:155)'),
          at('com.mysql.cj.protocol.a.NativeSocketConnection.connect(NativeSocketConnection.java:65)'),
          '        ... 33 common frames omitted',
        ),
      },
    },
  });
}

/** After an RKE2 upgrade, nginx in a DaemonSet finds port 80 already taken inside its pod. */
function rke2DaemonsetPort80(): ScenarioDef {
  const entry = (s: string) => `/docker-entrypoint.sh: ${s}`;
  const emerg = (ip: string) => [`2026/06/18 10:18:10 [emerg] 1#1: bind() to ${ip}:80 failed (98: Address in use)`, `nginx: [emerg] bind() to ${ip}:80 failed (98: Address in use)`];
  return daemonSetScenario({
    dir: 'port-in-use/real-rke2-daemonset-nginx-port-80',
    source:
      'https://github.com/rancher/rke2/issues/10640 — after an RKE2 upgrade the test DaemonSet\'s nginx crash-loops on "bind() to 0.0.0.0:80 failed (98: Address in use)" (an upstream runtime issue left the port taken). kubectl logs --previous verbatim up to where the report cuts it; exit code (1, nginx giving up on bind) completed.',
    cause: 'port-in-use',
    ns: 'test-daemonset',
    name: 'test-daemonset',
    collectedAt: '2026-06-18T10:20:00Z',
    podAge: 4213,
    node: { name: 'ip-172-31-29-83.us-east-2.compute.internal' },
    containers: [{ name: 'webserver', image: 'nginx', ports: [{ containerPort: 80 }] }],
    statuses: { webserver: crash(1, { ran: 3, finishedAgo: 107, restarts: 4 }) },
    logs: {
      webserver: {
        previous: lines(
          entry('/docker-entrypoint.d/ is not empty, will attempt to perform configuration'),
          entry('Looking for shell scripts in /docker-entrypoint.d/'),
          entry('Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh'),
          '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
          '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
          entry('Sourcing /docker-entrypoint.d/15-local-resolvers.envsh'),
          entry('Launching /docker-entrypoint.d/20-envsubst-on-templates.sh'),
          entry('Launching /docker-entrypoint.d/30-tune-worker-processes.sh'),
          entry('Configuration complete; ready for start up'),
          ...emerg('0.0.0.0'),
          ...emerg('[::]'),
          '2026/06/18 10:18:10 [notice] 1#1: try again to bind() after 500ms',
          '2026/06/18 10:18:10 [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address in use)',
        ),
      },
    },
    others: [{ createdAgo: 4213, nodeName: 'ip-172-31-18-61.us-east-2.compute.internal', statuses: { webserver: runningFor(4200) } }],
    extraNodes: [{ name: 'ip-172-31-18-61.us-east-2.compute.internal' }],
  });
}

export const TUNED_B: Array<() => ScenarioDef> = [crlfEntrypoint, centosNoCommand, chartTagNotFound, elasticsearchNodeLock, rudrForbidden, jhipsterMysqlRefused, rke2DaemonsetPort80];
