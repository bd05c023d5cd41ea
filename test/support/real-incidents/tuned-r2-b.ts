/**
 * Tuned real incidents, round 2 (2/5): an image with nothing to run in the foreground, an amd64-only image on
 * arm64 nodes, Keycloak (WildFly) refused by PostgreSQL, an ingress controller whose ConfigMap is
 * missing, a memory eviction worded with the kubelet's threshold. `source` says what was completed.
 */
import { appScenario, crash, type ScenarioDef } from '../fixture-gen/define.js';
import { lines } from '../fixture-gen/log-time.js';
import { daemonSetScenario, statefulSetScenario } from '../fixture-gen/more.js';

/** A Deployment of plain alpine: the shell exits 0 at once and the kubelet restarts it. */
function alpineNoCommand(): ScenarioDef {
  return appScenario({
    dir: 'completed-exit/real2-alpine-deployment-no-foreground-process',
    source:
      'https://github.com/kubernetes/minikube/issues/13754 — a Deployment of plain `alpine` images keeps restarting into CrashLoopBackOff (last state Completed, exit 0): the image has no long-running process, so its shell exits at once; with nginx instead the pods run. Reconstructed on an arm64 (M1) minikube node; names, replica count and timings completed.',
    cause: 'completed-exit',
    ns: 'default',
    app: 'alpine',
    history: 'single',
    collectedAt: '2022-03-10T14:00:00Z',
    podAge: 420,
    node: { name: 'minikube', arch: 'arm64' },
    containers: [{ name: 'alpine', image: 'alpine' }],
    statuses: { alpine: crash(0, { ran: 0, finishedAgo: 30, restarts: 5 }) },
    logs: { alpine: { previous: '' } },
  });
}

/** node-problem-detector v0.8.14 on arm64 nodes: the image is amd64-only. */
function nodeProblemDetectorArm64(): ScenarioDef {
  return daemonSetScenario({
    dir: 'exec-format-error/real2-node-problem-detector-arm64-node',
    source:
      'https://github.com/kubernetes/node-problem-detector/issues/797 — on arm64 nodes registry.k8s.io/node-problem-detector/node-problem-detector:v0.8.14 crash-loops with "exec /node-problem-detector: exec format error" (the tag was published for amd64 only). Command and log verbatim; node and exit code (255, what runc reports when the exec fails) completed.',
    cause: 'exec-format-error',
    ns: 'kube-system',
    name: 'node-problem-detector',
    collectedAt: '2023-08-30T11:30:00Z',
    podAge: 1200,
    node: { name: 'ip-10-0-3-17.eu-west-1.compute.internal', arch: 'arm64' },
    containers: [
      {
        name: 'node-problem-detector',
        image: 'registry.k8s.io/node-problem-detector/node-problem-detector:v0.8.14',
        command: ['/node-problem-detector', '--logtostderr', '--enable-k8s-exporter', '--prometheus-address=0.0.0.0', '--prometheus-port=20257', '--config.system-log-monitor=/config/kernel-monitor.json'],
        securityContext: { privileged: true },
      },
    ],
    statuses: { 'node-problem-detector': crash(255, { ran: 0, finishedAgo: 200, restarts: 8 }) },
    logs: { 'node-problem-detector': { previous: lines('exec /node-problem-detector: exec format error') } },
  });
}

/** Keycloak on WildFly: PostgreSQL rejects the password; the log leads with a long deployment stack. */
function keycloakWildflyPgAuth(): ScenarioDef {
  return statefulSetScenario({
    dir: 'dependency-unavailable/real2-keycloak-wildfly-postgres-password',
    source:
      'https://github.com/codecentric/helm-charts/issues/144 — Keycloak from the codecentric chart with an external PostgreSQL crash-loops because PostgreSQL rejects its password (the Secret held a different password than the database user). Stack lines verbatim; the PSQLException line (user name), namespace, image tag and exit code (1, WildFly stopping after the failed deployment) completed.',
    cause: 'dependency-unavailable',
    detail: 'auth',
    ns: 'keycloak',
    name: 'keycloak',
    serviceName: 'keycloak-headless',
    collectedAt: '2019-11-20T10:00:00Z',
    podAge: 1500,
    containers: [
      {
        name: 'keycloak',
        image: 'jboss/keycloak:8.0.0',
        ports: [{ containerPort: 8080, name: 'http' }],
        env: [
          { name: 'DB_VENDOR', value: 'postgres' },
          { name: 'DB_ADDR', value: 'postgres-postgresql' },
          { name: 'DB_USER', value: 'keycloak' },
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'keycloak-db', key: 'password' } } },
        ],
      },
    ],
    statuses: { keycloak: crash(1, { ran: 48, finishedAgo: 150, restarts: 9 }) },
    logs: {
      keycloak: {
        previous: lines(
          '10:01:12,587 ERROR [org.jboss.msc.service.fail] (ServerService Thread Pool -- 61) MSC000001: Failed to start service jboss.deployment.unit."keycloak-server.war".undertow-deployment: org.jboss.msc.service.StartException in service jboss.deployment.unit."keycloak-server.war".undertow-deployment: java.lang.RuntimeException: RESTEASY003325: Failed to construct public org.keycloak.services.resources.KeycloakApplication(javax.servlet.ServletContext,org.jboss.resteasy.core.Dispatcher)',
          '\tat org.keycloak.models.utils.KeycloakModelUtils.suspendJtaTransaction(KeycloakModelUtils.java:682)',
          '\tat org.keycloak.connections.jpa.updater.liquibase.lock.LiquibaseDBLockProvider.waitForLock(LiquibaseDBLockProvider.java:94)',
          '\tat org.keycloak.services.resources.KeycloakApplication$1.run(KeycloakApplication.java:144)',
          '\tat org.keycloak.models.utils.KeycloakModelUtils.runJobInTransaction(KeycloakModelUtils.java:227)',
          '\tat org.keycloak.services.resources.KeycloakApplication.<init>(KeycloakApplication.java:137)',
          '\tat java.util.concurrent.FutureTask.run(FutureTask.java:266)',
          '\tat org.jboss.threads.EnhancedQueueExecutor$ThreadBody.run(EnhancedQueueExecutor.java:1377)',
          '\tat java.lang.Thread.run(Thread.java:748)',
          '\tat org.jboss.threads.JBossThread.run(JBossThread.java:485)',
          'Caused by: java.lang.RuntimeException: RESTEASY003325: Failed to construct public org.keycloak.services.resources.KeycloakApplication(javax.servlet.ServletContext,org.jboss.resteasy.core.Dispatcher)',
          '\tat org.jboss.resteasy.core.ConstructorInjectorImpl.construct(ConstructorInjectorImpl.java:164)',
          '\t... 8 more',
          'Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user "keycloak"',
          '\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:514)',
          '\tat org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:141)',
          '\t... 40 more',
          '10:01:14,020 INFO  [org.jboss.as.server] (Thread-2) WFLYSRV0220: Server shutdown has been requested via an OS signal',
        ),
      },
    },
  });
}

/** NGINX Inc.'s ingress controller is told to read a ConfigMap that was never created. */
function nginxIncIngressConfigMapMissing(): ScenarioDef {
  return daemonSetScenario({
    dir: 'missing-config/real2-nginx-inc-ingress-configmap-not-found',
    source:
      'https://github.com/nginx/kubernetes-ingress/issues/1094 — the nginx-ingress DaemonSet pods (NGINX Ingress Controller 1.8.0) crash-loop with exit code 255 because the nginx-config ConfigMap named by -nginx-configmaps was never created ("You need to create a config map ... kubectl apply -f deployments/common/nginx-config.yaml"; it worked after that). Pod names and exit code verbatim; the fatal log line is the controller\'s own message for this case (main.go: "Error when getting %v: %v"), args and image completed from the 1.8.0 manifests.',
    cause: 'missing-config',
    ns: 'nginx-ingress',
    name: 'nginx-ingress',
    collectedAt: '2020-08-06T15:00:00Z',
    podAge: 1500,
    node: { name: 'node1' },
    containers: [
      {
        name: 'nginx-ingress',
        image: 'nginx/nginx-ingress:1.8.0',
        args: ['-nginx-configmaps=$(POD_NAMESPACE)/nginx-config', '-default-server-tls-secret=$(POD_NAMESPACE)/default-server-secret'],
        ports: [{ containerPort: 80, hostPort: 80, name: 'http' }, { containerPort: 443, hostPort: 443, name: 'https' }],
      },
    ],
    statuses: { 'nginx-ingress': crash(255, { ran: 0.4, finishedAgo: 140, restarts: 9 }) },
    logs: {
      'nginx-ingress': {
        previous: lines(
          'I0806 14:57:41.212310       1 main.go:213] Starting NGINX Ingress controller Version=1.8.0 GitCommit=4d2d6e8c',
          'F0806 14:57:41.236108       1 main.go:309] Error when getting nginx-ingress/nginx-config: configmaps "nginx-config" not found',
        ),
      },
    },
  });
}

/** The kubelet evicts a memory-hungry pod under node memory pressure; the message names the threshold. */
function lavaCallbackMemoryEviction(): ScenarioDef {
  const msg = 'The node was low on resource: memory. Threshold quantity: 750Mi, available: 755728Ki. Container lava-callback was using 2919212Ki, request is 0, has larger consumption of memory.';
  const def = appScenario({
    dir: 'evicted/real2-lava-callback-memory-threshold',
    source:
      'https://github.com/kernelci/kernelci-pipeline/issues/902 — lava-callback pods "crashing from time to time": the kubelet evicts them ("The node was low on resource: memory. Threshold quantity: 750Mi ... request is 0, has larger consumption of memory"), then Killing / ExceededGracePeriod; the fix is proper resource requests. Events verbatim; pod status and the killed container\'s exit code (137) completed.',
    cause: 'evicted',
    ns: 'kernelci-pipeline',
    app: 'lava-callback',
    hash: '5cd8dc95c7',
    podName: 'lava-callback-5cd8dc95c7-984t5',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2024-11-20T09:02:00Z',
    podAge: 5 * 3600,
    node: { name: 'aks-pool16ram-37841871-vmss00000l' },
    containers: [{ name: 'lava-callback', image: 'kernelci/kernelci:lava-callback', ports: [{ containerPort: 8000 }] }],
    statuses: { 'lava-callback': { kind: 'terminated', term: { exitCode: 137, reason: 'Error', ran: 5 * 3600 - 80, finishedAgo: 54 } } },
    events: [
      { reason: 'Evicted', type: 'Warning', message: msg, firstAgo: 64 },
      { reason: 'Killing', container: 'lava-callback', message: 'Stopping container lava-callback', firstAgo: 64 },
      { reason: 'ExceededGracePeriod', type: 'Warning', message: 'Container runtime did not kill the pod within specified grace period.', firstAgo: 54 },
    ],
    logs: {},
  });
  // appScenario has no pod phase/reason: set what the kubelet writes on an evicted pod.
  const objects = def.objects.map((o) =>
    o.kind === 'Pod' && o.metadata.name === def.expected.target.name ? { ...o, status: { ...o.status, phase: 'Failed', reason: 'Evicted', message: msg } } : o,
  );
  return { ...def, objects };
}

export const TUNED_R2_B: Array<() => ScenarioDef> = [
  alpineNoCommand,
  nodeProblemDetectorArm64,
  keycloakWildflyPgAuth,
  nginxIncIngressConfigMapMissing,
  lavaCallbackMemoryEviction,
];
