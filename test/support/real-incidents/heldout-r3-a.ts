/**
 * Held-out real incidents, round 3 (1/3): memory limits, a liveness probe, a missing variable.
 * Never tuned against (test/fixtures/heldout/README.md). Log lines, messages, exit codes and limits are the
 * reports'; `source` says what was completed.
 */
import { appScenario, crash, runningFor, type ScenarioDef } from '../fixture-gen/define.js';
import { barePodScenario } from '../fixture-gen/more.js';
import { lines } from '../fixture-gen/log-time.js';

function heldOut(def: ScenarioDef): ScenarioDef {
  // Held-out fixtures say nothing about rollout (the scorer measures cause, detail and container).
  const { rollout: _r, ...expected } = def.expected;
  return { ...def, expected };
}

/** The demo's flagd-ui sidecar dies OOMKilled two seconds after each start under its 75Mi limit. */
function otelFlagdUiOomKilled(): ScenarioDef {
  return heldOut(
    appScenario({
      dir: 'otel-demo-flagdui-oomkilled',
      source:
        'https://github.com/open-telemetry/opentelemetry-demo/issues/1825 — on kind (amd64) the flagd pod of demo 1.12.0 sits at 1/2 in CrashLoopBackOff: its flagdui container ends "Last State: Terminated, Reason: OOMKilled, Exit Code: 137" two seconds after starting (7 restarts); the maintainers raised the flagd-ui memory limit (opentelemetry-helm-charts#1571, demo #2120). Status, image, port and restart count verbatim; the 75Mi limit is the demo\'s value at 1.12.0 (demo #1786); namespace, the flagd container\'s image and node completed; the report shows no logs.',
      cause: 'oom-killed',
      ns: 'default',
      app: 'my-otel-demo-flagd',
      hash: '7f4dcc6457',
      podName: 'my-otel-demo-flagd-7f4dcc6457-857bm',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2024-12-11T06:44:22Z',
      podAge: 780,
      node: { name: 'kind-control-plane' },
      focus: 'flagdui',
      containers: [
        {
          name: 'flagd',
          image: 'ghcr.io/open-feature/flagd:v0.11.1',
          command: ['/flagd-build'],
          args: ['start', '--uri', 'file:./etc/flagd/demo.flagd.json'],
          ports: [{ containerPort: 8013, name: 'service' }],
          resources: { limits: { memory: '75Mi' } },
        },
        {
          name: 'flagdui',
          image: 'ghcr.io/open-telemetry/demo:1.12.0-flagdui',
          ports: [{ containerPort: 4000, name: 'service' }],
          env: [{ name: 'FLAGD_METRICS_EXPORTER', value: 'otel' }],
          resources: { limits: { memory: '75Mi' } },
        },
      ],
      statuses: {
        flagd: runningFor(770),
        flagdui: crash(137, { reason: 'OOMKilled', ran: 2, finishedAgo: 162, restarts: 7 }),
      },
      logs: {},
    }),
  );
}

/** flagd under the demo chart's 20Mi limit: OOM-killed at start, fine at 100Mi. */
function otelFlagd20MiOomKilled(): ScenarioDef {
  return heldOut(
    appScenario({
      dir: 'otel-demo-flagd-20mi-limit',
      source:
        'https://github.com/open-telemetry/opentelemetry-demo/issues/1536 — demo 1.9.0 on kind: the flagd Deployment crash-loops; the reporter suspected the 20Mi memory limit and bumping it to 100Mi fixed it, a second user confirmed "it\'s getting OOM killed because of the 20M limit", and the chart raised it to 50Mi (opentelemetry-helm-charts#1161, which names flagd v0.9.0 as the image then). Limit and image verbatim; the OOMKilled/137 status follows from the thread, restart counts, args and names completed; no logs in the report.',
      cause: 'oom-killed',
      ns: 'default',
      app: 'my-otel-demo-flagd',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2024-04-17T10:00:00Z',
      podAge: 420,
      node: { name: 'kind-control-plane' },
      containers: [
        {
          name: 'flagd',
          image: 'ghcr.io/open-feature/flagd:v0.9.0',
          command: ['/flagd-build'],
          args: ['start', '--uri', 'file:./etc/flagd/demo.flagd.json'],
          ports: [{ containerPort: 8013, name: 'service' }],
          resources: { limits: { memory: '20Mi' } },
        },
      ],
      statuses: { flagd: crash(137, { reason: 'OOMKilled', ran: 3, finishedAgo: 48, restarts: 5 }) },
      logs: {},
    }),
  );
}

/** The operator's manager container is OOMKilled right after install. */
function azureServiceOperatorOomKilled(): ScenarioDef {
  return heldOut(
    appScenario({
      dir: 'azure-service-operator-manager-oomkilled',
      source:
        'https://github.com/Azure/azure-service-operator/issues/298 — "bump up memory limit for the operator": after installing the operator its manager restarts with "Last State: Terminated, Reason: OOMKilled, Exit Code: 137"; the fix raised the memory limit. Status verbatim; namespace, image, the kube-rbac-proxy sidecar and the 30Mi limit are the kubebuilder v2 scaffold the operator was generated from (completed), as are restart counts.',
      cause: 'oom-killed',
      ns: 'azureoperator-system',
      app: 'azureoperator-controller-manager',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2019-10-08T09:00:00Z',
      podAge: 600,
      focus: 'manager',
      containers: [
        {
          name: 'kube-rbac-proxy',
          image: 'gcr.io/kubebuilder/kube-rbac-proxy:v0.4.1',
          args: ['--secure-listen-address=0.0.0.0:8443', '--upstream=http://127.0.0.1:8080/', '--logtostderr=true', '--v=10'],
          ports: [{ containerPort: 8443, name: 'https' }],
        },
        {
          name: 'manager',
          image: 'mcr.microsoft.com/k8s/azureserviceoperator:latest',
          command: ['/manager'],
          args: ['--metrics-addr=127.0.0.1:8080', '--enable-leader-election'],
          resources: { limits: { cpu: '100m', memory: '30Mi' }, requests: { cpu: '100m', memory: '20Mi' } },
        },
      ],
      statuses: {
        'kube-rbac-proxy': runningFor(590),
        manager: crash(137, { reason: 'OOMKilled', ran: 21, finishedAgo: 70, restarts: 6 }),
      },
      logs: {},
    }),
  );
}

/** lakeFS needs more than 30 s to start; the chart's probes (10 s x 3) kill it first. */
function lakefsLivenessTooEarly(): ScenarioDef {
  const probe = { httpGet: { path: '/_health', port: 'http' } };
  return heldOut(
    appScenario({
      dir: 'lakefs-chart-liveness-kills-slow-start',
      source:
        'https://github.com/treeverse/charts/issues/143 — installing the lakeFS chart on a local cluster, lakeFS takes more than 30 s to start, so the liveness and readiness probes (period 10 s, failureThreshold 3) deem it unhealthy and terminate it before startup finishes, an endless CrashLoopBackOff; raising failureThreshold to 12 fixed it and the chart made the probes configurable (#158). Probe settings as the reporter gives them; the probe events are the kubelet\'s wording for that kill (completed, as are image, exit code 143 from the SIGTERM, counts); the report shows no logs.',
      cause: 'liveness-probe-failure',
      ns: 'default',
      app: 'lakefs',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2022-10-06T09:00:00Z',
      podAge: 420,
      node: { name: 'docker-desktop' },
      containers: [
        {
          name: 'lakefs',
          image: 'treeverse/lakefs:0.84.0',
          args: ['run'],
          ports: [{ containerPort: 8000, name: 'http' }],
          livenessProbe: probe,
          readinessProbe: probe,
        },
      ],
      statuses: { lakefs: crash(143, { ran: 31, finishedAgo: 55, restarts: 5 }) },
      events: [
        { reason: 'Unhealthy', type: 'Warning', container: 'lakefs', count: 15, firstAgo: 400, lastAgo: 60, message: 'Readiness probe failed: Get "http://{podIP}:8000/_health": dial tcp {podIP}:8000: connect: connection refused' },
        { reason: 'Unhealthy', type: 'Warning', container: 'lakefs', count: 15, firstAgo: 399, lastAgo: 59, message: 'Liveness probe failed: Get "http://{podIP}:8000/_health": dial tcp {podIP}:8000: connect: connection refused' },
        { reason: 'Killing', container: 'lakefs', count: 5, firstAgo: 379, lastAgo: 86, message: 'Container lakefs failed liveness probe, will be restarted' },
      ],
      logs: {},
    }),
  );
}

/** crunchy-postgres refuses to start without PG_PRIMARY_PORT, which the docs did not list. */
function crunchyPrimaryPortUnset(): ScenarioDef {
  return heldOut(
    barePodScenario({
      dir: 'crunchy-postgres-primary-port-unset',
      source:
        'https://github.com/CrunchyData/crunchy-containers/issues/706 — a crunchydata/crunchy-postgres pod on minishift ends in Error; its log says "ERROR: PG_PRIMARY_PORT environment variable is not set, aborting." and setting the variable makes it start; the maintainers added PG_PRIMARY_PORT to the required variables (PR #709). Log line verbatim; pod name, namespace, image tag, the other env vars (from the primary example) and exit code 1 completed.',
      cause: 'missing-config',
      ns: 'myproject',
      name: 'primary',
      collectedAt: '2018-07-26T17:15:00Z',
      podAge: 660,
      node: { name: 'localhost' },
      containers: [
        {
          name: 'postgres',
          image: 'crunchydata/crunchy-postgres:centos7-10.4-2.0.0',
          ports: [{ containerPort: 5432, name: 'postgres' }],
          env: [
            { name: 'PG_MODE', value: 'primary' },
            { name: 'PG_PRIMARY_USER', value: 'primaryuser' },
            { name: 'PG_USER', value: 'testuser' },
            { name: 'PG_DATABASE', value: 'userdb' },
            { name: 'PGHOST', value: '/tmp' },
          ],
          volumeMounts: [{ name: 'pgdata', mountPath: '/pgdata' }],
        },
      ],
      volumes: [{ name: 'pgdata', emptyDir: {} }],
      statuses: { postgres: crash(1, { ran: 1, finishedAgo: 65, restarts: 6 }) },
      logs: { postgres: { previous: lines('Thu Jul 26 17:13:55 UTC 2018 ERROR: PG_PRIMARY_PORT environment variable is not set, aborting.') } },
    }),
  );
}

export const HELDOUT_R3_A: Array<() => ScenarioDef> = [
  otelFlagdUiOomKilled,
  otelFlagd20MiOomKilled,
  azureServiceOperatorOomKilled,
  lakefsLivenessTooEarly,
  crunchyPrimaryPortUnset,
];
