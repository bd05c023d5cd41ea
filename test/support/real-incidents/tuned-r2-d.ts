/**
 * Tuned real incidents, round 2 (4/5): programs that connect to localhost because the setting naming the real
 * host never reached the container (no sidecar listens there); a Go nil-pointer panic that prints SIGSEGV (an
 * application error, not a native crash); a JVM sized to 100% of its limit; an init container that may not chmod
 * its volume. `source` says what was completed.
 */
import { appScenario, crash, type ScenarioDef } from '../fixture-gen/define.js';
import { lines } from '../fixture-gen/log-time.js';
import { statefulSetScenario } from '../fixture-gen/more.js';

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

/** A controller-runtime operator dereferences a nil field and panics; Go prints "[signal SIGSEGV ...]" (exit 2). */
function nodeHealthcheckNilPanic(): ScenarioDef {
  return appScenario({
    dir: 'application-error/real2-go-operator-nil-pointer-sigsegv-line',
    source:
      'https://github.com/medik8s/node-healthcheck-operator/issues/93 — node-healthcheck-operator v0.1.1 crashes right after "Starting workers" with "panic: runtime error: invalid memory address or nil pointer dereference [signal SIGSEGV: segmentation violation ...]" in getMinHealthy (a nil field in the NodeHealthCheck spec; fixed in the operator). Though titled "segmentation fault", it is a Go panic in the program\'s own code. Log verbatim; names, image tag and exit code (2, Go\'s panic exit) completed.',
    cause: 'application-error',
    ns: 'openshift-operators',
    app: 'node-healthcheck-operator-controller-manager',
    history: 'single',
    collectedAt: '2022-04-06T14:55:00Z',
    podAge: 900,
    containers: [{ name: 'manager', image: 'quay.io/medik8s/node-healthcheck-operator:v0.1.1', command: ['/manager'], args: ['--leader-elect'] }],
    statuses: { manager: crash(2, { ran: 9, finishedAgo: 60, restarts: 6 }) },
    logs: {
      manager: {
        previous: lines(
          '2022-04-06T14:49:40.582Z\tINFO\tcontroller.nodehealthcheck\tStarting workers\t{"reconciler group": "remediation.medik8s.io", "reconciler kind": "NodeHealthCheck", "worker count": 1}',
          'panic: runtime error: invalid memory address or nil pointer dereference',
          '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x1314f9c]',
          '',
          'goroutine 598 [running]:',
          'github.com/medik8s/node-healthcheck-operator/controllers.(*NodeHealthCheckReconciler).getMinHealthy(_, {{{0x134e9b7, 0xf}, {0xc0006be460, 0x1f}}, {{0xc000043c98, 0x12}, {0x0, 0x0}, {0x0, ...}, ...}, ...}, ...)',
          '\t/workspace/controllers/nodehealthcheck_controller.go:241 +0x1c',
          'github.com/medik8s/node-healthcheck-operator/controllers.(*NodeHealthCheckReconciler).Reconcile(0xc00057e960, {0x180a278, 0xc0004e1770}, {{{0x0, 0x0}, {0xc000043c98, 0x12}}})',
          '\t/workspace/controllers/nodehealthcheck_controller.go:111 +0x40e',
        ),
      },
    },
  });
}

/** Kafka brokers with MaxRAMPercentage=100: the heap may take the whole 1Gi limit and the kernel kills the JVM. */
function kafkaMaxRamPercentage100(): ScenarioDef {
  return statefulSetScenario({
    dir: 'oom-killed/real2-kafka-maxrampercentage-100',
    source:
      'https://github.com/apecloud/kubeblocks-addons/issues/2822 — the KubeBlocks Kafka addon runs the broker JVM with -XX:MaxRAMPercentage=100 under a 1Gi limit, leaving no room for metaspace, thread stacks and direct buffers: combine-0 restarts twice with "code 137, reason OOMKilled" (fixed by lowering the percentage). Flags, limits and status verbatim; log lines (Kafka start-up) and timings completed.',
    cause: 'oom-killed',
    ns: 'kafka-soak',
    name: 'kafka-combine',
    serviceName: 'kafka-combine-headless',
    collectedAt: '2026-06-14T07:10:00Z',
    podAge: 2400,
    containers: [
      {
        name: 'kafka',
        image: 'docker.io/bitnami/kafka:3.3.2-debian-11-r54',
        ports: [{ containerPort: 9092, name: 'kafka-client' }, { containerPort: 9093, name: 'kafka-ctrlr' }],
        env: [
          { name: 'KAFKA_HEAP_OPTS', value: '-XshowSettings:vm -XX:MaxRAMPercentage=100 -Ddepth=64' },
          { name: 'KB_KAFKA_ENABLE_SASL', value: 'true' },
        ],
        resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } },
      },
    ],
    statuses: { kafka: { kind: 'running', startedAgo: 300, restarts: 2, last: { exitCode: 137, reason: 'OOMKilled', ran: 1200, finishedAgo: 301 } } },
    logs: {
      kafka: {
        previous: lines(
          'VM settings:',
          '    Max. Heap Size (Estimated): 1.00G',
          '    Using VM: OpenJDK 64-Bit Server VM',
          '',
          '[2026-06-14 06:49:12,044] INFO [KafkaRaftServer nodeId=0] Kafka Server started (kafka.server.KafkaRaftServer)',
        ),
        current: lines('VM settings:', '    Max. Heap Size (Estimated): 1.00G'),
      },
    },
  });
}

/** AWX's init container chmods/chgrps the projects volume, which a Longhorn volume does not allow it to do. */
function awxInitProjectsChmod(): ScenarioDef {
  return appScenario({
    dir: 'permission-denied/real2-awx-init-projects-chmod-not-permitted',
    source:
      "https://github.com/ansible/awx-operator/issues/1093 — since operator 0.30.0 the AWX pod is stuck in Init:CrashLoopBackOff: the init container logs \"chmod: changing permissions of '/var/lib/awx/projects': Operation not permitted\" and the same for chgrp on a Longhorn volume (duplicate of #1055, fixed in the operator). Init log verbatim; container names, command, image tags and exit code (1) completed.",
    cause: 'permission-denied',
    ns: 'awx',
    app: 'awx',
    history: 'single',
    collectedAt: '2022-10-19T12:00:00Z',
    podAge: 900,
    crashingPods: 1,
    focus: 'init-projects',
    focusInit: true,
    initContainers: [
      {
        name: 'init-projects',
        image: 'quay.io/ansible/awx-ee:latest',
        command: ['/bin/sh', '-c', 'chmod 775 /var/lib/awx/projects\nchgrp 1000 /var/lib/awx/projects'],
        volumeMounts: [{ name: 'awx-projects', mountPath: '/var/lib/awx/projects' }],
      },
    ],
    containers: [
      { name: 'awx-web', image: 'quay.io/ansible/awx:21.7.0', ports: [{ containerPort: 8052 }], volumeMounts: [{ name: 'awx-projects', mountPath: '/var/lib/awx/projects' }] },
      { name: 'awx-task', image: 'quay.io/ansible/awx:21.7.0', volumeMounts: [{ name: 'awx-projects', mountPath: '/var/lib/awx/projects' }] },
    ],
    spec: { volumes: [{ name: 'awx-projects', persistentVolumeClaim: { claimName: 'awx-projects-claim' } }] },
    statuses: {
      'init-projects': crash(1, { ran: 0.2, finishedAgo: 70, restarts: 8 }),
      'awx-web': { kind: 'waiting', reason: 'PodInitializing' },
      'awx-task': { kind: 'waiting', reason: 'PodInitializing' },
    },
    logs: {
      'init-projects': {
        previous: lines("chmod: changing permissions of '/var/lib/awx/projects': Operation not permitted", "chgrp: changing group of '/var/lib/awx/projects': Operation not permitted"),
      },
    },
  });
}

/** A Service named like the app injects PODINFO_PORT=tcp://ip:port, which the app reads as its own port setting. */
function podinfoServiceLinkPort(): ScenarioDef {
  return appScenario({
    dir: 'missing-config/real2-podinfo-service-link-port-variable',
    source:
      'https://github.com/stefanprodan/podinfo/issues/14 — with a port on the PodSpec and a Service named podinfo, the pod crashes on "HTTP server crashed ... listen tcp: address :tcp://10.111.55.252:9898: too many colons in address": Kubernetes injects PODINFO_PORT=tcp://10.100.7.158:9898 and viper reads it as the --port setting (fixed by passing --port explicitly). Log verbatim; names and exit code (1, zap Fatal) completed.',
    cause: 'missing-config',
    ns: 'default',
    app: 'podinfo',
    history: 'single',
    collectedAt: '2019-03-21T17:50:00Z',
    podAge: 600,
    containers: [{ name: 'podinfo', image: 'quay.io/stefanprodan/podinfo:1.4.0', ports: [{ containerPort: 9898, name: 'http' }] }],
    statuses: { podinfo: crash(1, { ran: 0.5, finishedAgo: 61, restarts: 6 }) },
    logs: {
      podinfo: {
        previous: lines(
          '{"level":"fatal","ts":"2019-03-21T17:48:59.820Z","caller":"api/server.go:127","msg":"HTTP server crashed","error":"listen tcp: address :tcp://10.111.55.252:9898: too many colons in address","stacktrace":"github.com/stefanprodan/k8s-podinfo/pkg/api.(*Server).ListenAndServe.func1\\n\\t/go/src/github.com/stefanprodan/k8s-podinfo/pkg/api/server.go:127"}',
        ),
      },
    },
  });
}

export const TUNED_R2_D: Array<() => ScenarioDef> = [finopsDatasourceDefaultsToLocalhost, difyWorkerBrokerUrlMissing, nodeHealthcheckNilPanic, kafkaMaxRamPercentage100, awxInitProjectsChmod, podinfoServiceLinkPort];
