/**
 * Tuned real incidents, round 2 (3/5): a Go panic caused by an unwritable volume, settings missing in Node and
 * Symfony apps, a liveness probe on the wrong port, native crashes behind misleading or empty logs, a program that
 * just finishes, and an image pull refused by TLS. `source` says what was completed and with what.
 */
import { appScenario, crash, type ScenarioDef } from '../fixture-gen/define.js';
import { lines } from '../fixture-gen/log-time.js';
import { barePodScenario } from '../fixture-gen/more.js';

/** Prometheus cannot open its active-query log on the data volume and panics (exit 2): the panic is a symptom. */
function prometheusQueriesActivePanic(): ScenarioDef {
  const ts = 'ts=2021-07-30T01:10:14.440Z';
  return appScenario({
    dir: 'permission-denied/real2-prometheus-queries-active-panic',
    source:
      'https://github.com/kumahq/kuma/issues/2449 — prometheus-server (kuma-metrics) crash-loops: "open /data/queries.active: permission denied" then "panic: Unable to create mmap-ed active query log"; the data volume is not writable for the nobody user Prometheus runs as (fixed with the right fsGroup/ownership). Log verbatim up to the cut-off stack frame; the last frame, image tags, sidecar and exit code (2, a Go panic) completed.',
    cause: 'permission-denied',
    ns: 'kuma-metrics',
    app: 'prometheus-server',
    hash: '54b6fb486d',
    podName: 'prometheus-server-54b6fb486d-pgx7m',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2021-07-30T01:14:00Z',
    podAge: 1500,
    containers: [
      {
        name: 'prometheus-server',
        image: 'prom/prometheus:v2.27.1',
        args: ['--storage.tsdb.retention.time=15d', '--config.file=/etc/config/prometheus.yml', '--storage.tsdb.path=/data', '--web.enable-lifecycle'],
        ports: [{ containerPort: 9090 }],
        volumeMounts: [{ name: 'storage-volume', mountPath: '/data' }],
      },
      { name: 'prometheus-server-configmap-reload', image: 'jimmidyson/configmap-reload:v0.5.0', args: ['--volume-dir=/etc/config', '--webhook-url=http://127.0.0.1:9090/-/reload'] },
    ],
    spec: { securityContext: { runAsUser: 65534, runAsNonRoot: true, runAsGroup: 65534 }, volumes: [{ name: 'storage-volume', persistentVolumeClaim: { claimName: 'prometheus-server' } }] },
    statuses: {
      'prometheus-server': crash(2, { ran: 0.1, finishedAgo: 200, restarts: 10 }),
      'prometheus-server-configmap-reload': { kind: 'running', startedAgo: 1490 },
    },
    logs: {
      'prometheus-server': {
        previous: lines(
          `level=info ${ts} caller=main.go:426 msg="Starting Prometheus" version="(version=2.27.1, branch=HEAD, revision=db7f0bcec27bd8aeebad6b08ac849516efa9ae02)"`,
          `level=info ${ts} caller=main.go:431 build_context="(go=go1.16.4, user=root@fd804fbd4f25, date=20210518-14:17:54)"`,
          `level=info ${ts} caller=main.go:432 host_details="(Linux 4.18.0-240.10.1.el8_3.x86_64 #1 SMP Mon Jan 18 17:05:51 UTC 2021 x86_64 prometheus-server-54b6fb486d-pgx7m (none))"`,
          `level=info ${ts} caller=main.go:433 fd_limits="(soft=1048576, hard=1048576)"`,
          `level=info ${ts} caller=main.go:434 vm_limits="(soft=unlimited, hard=unlimited)"`,
          'level=error ts=2021-07-30T01:10:14.441Z caller=query_logger.go:87 component=activeQueryTracker msg="Error opening query log file" file=/data/queries.active err="open /data/queries.active: permission denied"',
          'panic: Unable to create mmap-ed active query log',
          '',
          'goroutine 1 [running]:',
          'github.com/prometheus/prometheus/promql.NewActiveQueryTracker(0x7ffe21da5870, 0x5, 0x14, 0x3652100, 0xc0005fc660, 0x3652100)',
          '        /app/promql/query_logger.go:117 +0x4e8',
          'main.main()',
          '        /app/cmd/prometheus/main.go:479 +0x51ee',
        ),
      },
    },
  });
}

/** The Langfuse web container exits at once when DATABASE_URL is not in its environment. */
function langfuseDatabaseUrlUnset(): ScenarioDef {
  return appScenario({
    dir: 'missing-config/real2-langfuse-database-url-not-set',
    source:
      'https://github.com/langfuse/langfuse-k8s/issues/243 — with the chart\'s values the langfuse-web (and worker) pods have no DATABASE_URL in their environment and exit on "Error: Required database environment variables are not set. Provide a postgres url for DATABASE_URL."; fixed in the chart. Pod name and log verbatim; image tag, env and exit code (1) completed.',
    cause: 'missing-config',
    ns: 'langfuse',
    app: 'langfuse-web',
    hash: '5b9488cc4c',
    podName: 'langfuse-web-5b9488cc4c-6wqhv',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2025-01-20T10:00:00Z',
    podAge: 600,
    containers: [
      {
        name: 'langfuse-web',
        image: 'langfuse/langfuse:3',
        ports: [{ containerPort: 3000, name: 'http' }],
        env: [
          { name: 'NEXTAUTH_URL', value: 'http://localhost:3000' },
          { name: 'DATABASE_HOST', value: 'langfuse-postgresql' },
          { name: 'DATABASE_USERNAME', value: 'postgres' },
        ],
      },
    ],
    statuses: { 'langfuse-web': crash(1, { ran: 1, finishedAgo: 90, restarts: 6 }) },
    logs: { 'langfuse-web': { previous: lines('Error: Required database environment variables are not set. Provide a postgres url for DATABASE_URL.') } },
  });
}

/** A Symfony console command on start: the container lacks an env var the DI container needs. */
function symfonyEnvNotFound(): ScenarioDef {
  const box = '                                                                          ';
  return appScenario({
    dir: 'missing-config/real2-symfony-env-not-found-exception',
    source:
      'https://github.com/symfony/demo/issues/686 — deploying the Symfony demo, the release command (doctrine:schema:create) dies on "[Symfony\\Component\\DependencyInjection\\Exception\\EnvNotFoundException] Environment variable not found: "MAILER_URL"." (the app expected env vars the platform did not set; fixed in the demo). Output verbatim; reconstructed as a Deployment that runs the command before the server, with names, image and exit code (1) completed.',
    cause: 'missing-config',
    ns: 'symfony-demo',
    app: 'symfony-demo',
    history: 'single',
    collectedAt: '2017-10-27T12:00:00Z',
    podAge: 900,
    containers: [
      {
        name: 'symfony-demo',
        image: 'registry.example.com/symfony-demo:1.1.0',
        command: ['sh', '-c', 'php bin/console doctrine:schema:create && php-fpm'],
        env: [{ name: 'SYMFONY_ENV', value: 'prod' }],
      },
    ],
    statuses: { 'symfony-demo': crash(1, { ran: 3, finishedAgo: 110, restarts: 7 }) },
    logs: {
      'symfony-demo': {
        previous: lines(
          'ATTENTION: This operation should not be executed in a production environment.',
          '',
          'Creating database schema...',
          'Database schema created successfully!',
          '',
          box,
          '  [Symfony\\Component\\DependencyInjection\\Exception\\EnvNotFoundException]  ',
          '  Environment variable not found: "MAILER_URL".                           ',
          box,
          '',
          'doctrine:schema:create [--dump-sql] [--em [EM]] [-h|--help] [-q|--quiet] [-v|vv|vvv|--verbose] [-V|--version] [--ansi] [--no-ansi] [-n|--no-interaction] [-e|--env ENV] [--no-debug] [--] <command>',
        ),
      },
    },
  });
}

/** kubeadm keeps the apiserver's liveness probe on 6443 after --apiserver-bind-port moved it elsewhere. */
function apiserverProbeWrongPort(): ScenarioDef {
  const name = 'kube-apiserver-master-1';
  return barePodScenario({
    dir: 'liveness-probe-failure/real2-kube-apiserver-probe-default-port',
    source:
      'https://github.com/kubernetes/kubeadm/issues/196 — with --apiserver-bind-port set, kubeadm\'s static kube-apiserver manifest still probes liveness on 6443, "which will quickly fail and cause kubelet to constantly kill the kube-apiserver pod" (fixed in kubeadm). Probe and flags from the report; the bind port (8443), log lines, probe event wording and exit code (143, killed with SIGTERM) completed.',
    cause: 'liveness-probe-failure',
    ns: 'kube-system',
    name,
    collectedAt: '2017-03-07T18:00:00Z',
    podAge: 1800,
    node: { name: 'master-1' },
    containers: [
      {
        name: 'kube-apiserver',
        image: 'gcr.io/google_containers/kube-apiserver-amd64:v1.6.0-beta.1',
        command: ['kube-apiserver', '--insecure-port=0', '--secure-port=8443', '--advertise-address=10.0.0.10', '--etcd-servers=http://127.0.0.1:2379', '--service-cluster-ip-range=10.96.0.0/12', '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt', '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key'],
        livenessProbe: { httpGet: { host: '127.0.0.1', path: '/healthz', port: 6443, scheme: 'HTTPS' }, initialDelaySeconds: 15, timeoutSeconds: 15, failureThreshold: 8 },
      },
    ],
    spec: { hostNetwork: true },
    statuses: { 'kube-apiserver': crash(143, { ran: 135, finishedAgo: 60, restarts: 9 }) },
    events: [
      { reason: 'Unhealthy', type: 'Warning', container: 'kube-apiserver', message: 'Liveness probe failed: Get https://127.0.0.1:6443/healthz: dial tcp 127.0.0.1:6443: getsockopt: connection refused', count: 72, firstAgo: 1770, lastAgo: 70 },
      { reason: 'Killing', container: 'kube-apiserver', message: 'Killing container with id docker://kube-apiserver:pod "kube-apiserver-master-1_kube-system" container "kube-apiserver" is unhealthy, it will be killed and re-created.', count: 9, firstAgo: 1650, lastAgo: 62 },
    ],
    logs: {
      'kube-apiserver': {
        previous: lines(
          'I0307 17:56:47.102836       1 serve.go:79] Serving securely on 0.0.0.0:8443',
          'I0307 17:56:47.103066       1 controller.go:85] Starting OpenAPI AggregationController',
          'I0307 17:57:02.413540       1 trace.go:61] Trace "List /api/v1/nodes" (started 2017-03-07 17:57:01.801213 +0000 UTC):',
        ),
      },
    },
  });
}

/** Node SSR pods on a stale alpine base die with SIGSEGV; the only log lines are chronic Prisma warnings. */
function civitaiSsrSigsegv(): ScenarioDef {
  const perr = 'prisma:error Error in PostgreSQL connection: Error { kind: Closed, cause: None }';
  return appScenario({
    dir: 'segfault/real2-node-alpine-ssr-sigsegv-prisma-noise',
    source:
      'https://github.com/civitai/civitai/pull/2234 — SSR pods crash with SIGSEGV (exitCode=139) ~50 times a day; "zero log lines from crashed pods in the seconds before exit" apart from the chronic "prisma:error Error in PostgreSQL connection: Error { kind: Closed, cause: None }" — a native crash in the Prisma musl engine on a frozen node:20-alpine3.16 base, fixed by bumping the base image. Prisma line verbatim; names, timings and the other fields completed.',
    cause: 'segfault',
    ns: 'civitai',
    app: 'civitai-ssr',
    history: 'settled',
    crashesBeganAgo: 26 * 3600,
    collectedAt: '2026-05-04T10:00:00Z',
    podAge: 3 * 86400,
    containers: [
      {
        name: 'civitai-ssr',
        image: 'ghcr.io/civitai/civitai:ssr-2026.05.01',
        ports: [{ containerPort: 3000, name: 'http' }],
        resources: { limits: { memory: '8Gi' }, requests: { cpu: '2', memory: '4Gi' } },
      },
    ],
    statuses: { 'civitai-ssr': crash(139, { ran: 2 * 3600 + 410, finishedAgo: 240, restarts: 11 }) },
    logs: { 'civitai-ssr': { previous: lines(perr, perr, perr) } },
  });
}

/** A Java "Hello World" image run as a Deployment: prints its line and exits 0. */
function javaHelloWorldExits(): ScenarioDef {
  return appScenario({
    dir: 'completed-exit/real2-java-hello-world-deployment',
    source:
      'https://github.com/openshift/origin/issues/23729 — a pod from an image with a "simple Hello World! JAVA code" keeps restarting (CrashLoopBackOff, "Back-off restarting failed container") though its log shows "Hello World!" as expected: "If your program exits, your pod will be on failure state ... If you want a daemon ...". Log and image verbatim; reconstructed as a Deployment with names and exit code (0, Completed) completed.',
    cause: 'completed-exit',
    ns: 'javatest',
    app: 'hello-v2',
    history: 'single',
    collectedAt: '2019-09-05T08:40:00Z',
    podAge: 540,
    containers: [{ name: 'hello-v2', image: '10.110.25.141:8082/hello:SNAPSHOT-1.0' }],
    statuses: { 'hello-v2': crash(0, { ran: 1, finishedAgo: 15, restarts: 4 }) },
    logs: { 'hello-v2': { previous: lines('Hello World!') } },
  });
}

/** The node's runtime does not trust the internal registry's certificate: the pull fails on x509. */
function crcRegistryX509(): ScenarioDef {
  const image = 'default-route-openshift-image-registry.apps-crc.testing/zen/cpd-operator-init:v1.0.1-x86_64';
  return appScenario({
    dir: 'image-pull/real2-internal-registry-x509-unknown-authority',
    source:
      'https://github.com/crc-org/crc/issues/1376 — pods in CodeReady Containers cannot pull from the cluster\'s own registry route: "error pinging docker registry ...: x509: certificate signed by unknown authority" (the node does not trust the route\'s certificate; fixed by using the internal registry service address). Events verbatim; container name and pod status completed.',
    cause: 'image-pull',
    ns: 'zen',
    app: 'cpd-install-operator',
    hash: '6cf757d9b5',
    podName: 'cpd-install-operator-6cf757d9b5-tkh6j',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2020-07-09T09:00:00Z',
    podAge: 120,
    node: { name: 'crc-rtgqw-master-0' },
    containers: [{ name: 'cpd-install-operator', image }],
    statuses: { 'cpd-install-operator': { kind: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } },
    events: [
      { reason: 'Pulling', container: 'cpd-install-operator', count: 4, firstAgo: 119, lastAgo: 40, message: `Pulling image "${image}"` },
      {
        reason: 'Failed',
        type: 'Warning',
        container: 'cpd-install-operator',
        count: 4,
        firstAgo: 119,
        lastAgo: 40,
        message: `Failed to pull image "${image}": rpc error: code = Unknown desc = error pinging docker registry default-route-openshift-image-registry.apps-crc.testing: Get https://default-route-openshift-image-registry.apps-crc.testing/v2/: x509: certificate signed by unknown authority`,
      },
      { reason: 'Failed', type: 'Warning', container: 'cpd-install-operator', count: 4, firstAgo: 119, lastAgo: 40, message: 'Error: ErrImagePull' },
      { reason: 'BackOff', container: 'cpd-install-operator', count: 6, firstAgo: 118, lastAgo: 20, message: `Back-off pulling image "${image}"` },
    ],
    logs: {},
  });
}

/** A Python worker on the new alpine 3.21 base segfaults while importing a native extension. */
function pythonAlpineWorkerSegfault(): ScenarioDef {
  return appScenario({
    dir: 'segfault/real2-python-alpine-321-worker-segfault',
    source:
      'https://github.com/docker-library/python/issues/993 — after the python:3.12-alpine tag moved to Alpine 3.21, the Django/Celery worker prints "Starting the worker..." then "Segmentation fault" and exits 139 (a native wheel, pendulum, built for the older musl); pinning alpine3.20 fixed it. Log lines verbatim; reconstructed as a Deployment regression with names and image tags completed.',
    cause: 'segfault',
    ns: 'prowler',
    app: 'worker',
    history: 'regression',
    collectedAt: '2024-12-13T15:10:00Z',
    podAge: 300,
    containers: [{ name: 'worker', image: 'prowler-api:5.0.1-alpine3.21', command: ['/home/prowler/docker-entrypoint.sh'], args: ['worker'] }],
    previousContainers: [{ name: 'worker', image: 'prowler-api:5.0.0-alpine3.20', command: ['/home/prowler/docker-entrypoint.sh'], args: ['worker'] }],
    statuses: { worker: crash(139, { ran: 2, finishedAgo: 40, restarts: 5 }) },
    logs: { worker: { previous: lines('Starting the worker...', 'Segmentation fault') } },
  });
}

/** node:10-alpine3.10 rebuild: the Node process segfaults during start-up before logging anything. */
function nodeAlpine310SilentSegfault(): ScenarioDef {
  return appScenario({
    dir: 'segfault/real2-node-alpine-310-silent-sigsegv',
    source:
      'https://github.com/nodejs/docker-node/issues/1158 — an image rebuilt on node:10-alpine (now Alpine 3.10) goes into a crash loop with a segfault during application start-up on AWS (core dump in ld-musl); rolling back or pinning node:10-alpine3.9 fixes it. Reconstructed as a Deployment regression with no log output before the crash; names, tags and exit code 139 (SIGSEGV) completed.',
    cause: 'segfault',
    ns: 'default',
    app: 'web',
    history: 'regression',
    collectedAt: '2019-11-21T10:00:00Z',
    podAge: 600,
    containers: [{ name: 'web', image: 'registry.example.com/web:2.4.0-node10-alpine3.10', ports: [{ containerPort: 8080 }] }],
    previousContainers: [{ name: 'web', image: 'registry.example.com/web:2.3.9-node10-alpine3.9', ports: [{ containerPort: 8080 }] }],
    statuses: { web: crash(139, { ran: 1, finishedAgo: 70, restarts: 6 }) },
    logs: { web: { previous: '' } },
  });
}

export const TUNED_R2_C: Array<() => ScenarioDef> = [
  prometheusQueriesActivePanic,
  langfuseDatabaseUrlUnset,
  symfonyEnvNotFound,
  apiserverProbeWrongPort,
  civitaiSsrSigsegv,
  javaHelloWorldExits,
  crcRegistryX509,
  pythonAlpineWorkerSegfault,
  nodeAlpine310SilentSegfault,
];
