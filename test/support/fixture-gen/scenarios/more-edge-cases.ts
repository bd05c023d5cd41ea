/** Edge cases whose wording points at the wrong cause: "permission denied" at exec, a probe failing on a dependency, bad args. */
import { appScenario, COLLECTED_AT, crash, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';

const T = logTimes(COLLECTED_AT);
const res = (mem = '256Mi') => ({ limits: { memory: mem }, requests: { memory: '128Mi', cpu: '50m' } });

/** runc cannot exec the entrypoint (no executable bit): StartError 128 whose message says "permission denied". */
function startErrorPermissionDenied(): ScenarioDef {
  const msg =
    'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/docker-entrypoint.sh": permission denied: unknown';
  return appScenario({
    dir: 'bad-entrypoint/starterror-entrypoint-permission-denied',
    source: 'synthetic: the image entrypoint script lost its executable bit; runc refuses to exec it (StartError, exit 128, "permission denied" at exec, empty previous log)',
    cause: 'bad-entrypoint',
    app: 'keystone',
    ns: 'identity',
    history: 'regression',
    podAge: 330,
    containers: [{ name: 'keystone', image: 'registry.example.com/identity/keystone:27.0.1', ports: [{ containerPort: 5000 }], resources: res('512Mi') }],
    statuses: { keystone: crash(128, { reason: 'StartError', message: msg, ran: 0, finishedAgo: 61, restarts: 5 }) },
    events: [{ reason: 'Failed', type: 'Warning', container: 'keystone', count: 6, firstAgo: 325, lastAgo: 61, message: `Error: ${msg}` }],
    logs: { keystone: { previous: '' } },
  });
}

/** The liveness endpoint checks the database; a database blip makes the kubelet kill a healthy app. */
function deepHealthCheck(): ScenarioDef {
  const ran = 44;
  const fin = 35;
  const st = fin + ran;
  return appScenario({
    dir: 'liveness-probe-failure/deep-health-check-database-blip',
    source: "seeds/004 section 'Match the probe mechanism to what it is checking' (a liveness endpoint that checks the database turns a dependency blip into restarts): Go API, /healthz returns 503 while Postgres fails over",
    cause: 'liveness-probe-failure',
    app: 'profiles',
    ns: 'accounts',
    history: 'single',
    podAge: 5 * 86400,
    crashingPods: 2,
    containers: [
      {
        name: 'profiles',
        image: 'registry.example.com/accounts/profiles:3.8.2',
        ports: [{ containerPort: 8080 }],
        resources: res('512Mi'),
        livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3 },
      },
    ],
    statuses: { profiles: crash(2, { ran, finishedAgo: fin, restarts: 6 }) },
    events: [
      { reason: 'Unhealthy', type: 'Warning', container: 'profiles', count: 19, firstAgo: 1500, lastAgo: 36, message: 'Liveness probe failed: HTTP probe failed with statuscode: 503' },
      { reason: 'Killing', container: 'profiles', count: 6, firstAgo: 1480, lastAgo: 36, message: 'Container profiles failed liveness probe, will be restarted' },
    ],
    logs: {
      profiles: {
        previous: lines(
          `{"time":"${T.isoMs(st - 0.2)}","level":"INFO","msg":"profiles 3.8.2 listening","addr":":8080"}`,
          `{"time":"${T.isoMs(st - 10.1)}","level":"WARN","msg":"healthz: database ping failed","error":"failed to connect to \`host=profiles-pg-rw user=profiles database=profiles\`: dial error (dial tcp 10.0.31.9:5432: connect: connection refused)"}`,
          `{"time":"${T.isoMs(st - 20.1)}","level":"WARN","msg":"healthz: database ping failed","error":"failed to connect to \`host=profiles-pg-rw user=profiles database=profiles\`: dial error (dial tcp 10.0.31.9:5432: connect: connection refused)"}`,
          `{"time":"${T.isoMs(st - 30.1)}","level":"WARN","msg":"healthz: database ping failed","error":"failed to connect to \`host=profiles-pg-rw user=profiles database=profiles\`: dial error (dial tcp 10.0.31.9:5432: connect: connection refused)"}`,
          `{"time":"${T.isoMs(st - 30.4)}","level":"INFO","msg":"shutting down","signal":"terminated"}`,
          `{"time":"${T.isoMs(fin + 0.1)}","level":"ERROR","msg":"shutdown: draining connections","error":"context deadline exceeded"}`,
        ),
      },
    },
  });
}

/** java -jar names a jar that the image does not contain. */
function javaJarfileMissing(): ScenarioDef {
  return appScenario({
    dir: 'bad-entrypoint/java-unable-to-access-jarfile',
    source: 'synthetic: command java -jar /app/app.jar while the build now produces /app/service.jar ("Error: Unable to access jarfile", exit 1)',
    cause: 'bad-entrypoint',
    app: 'quota-service',
    ns: 'platform',
    history: 'regression',
    podAge: 280,
    containers: [{ name: 'quota', image: 'registry.example.com/platform/quota-service:2.0.0', command: ['java', '-jar', '/app/app.jar'], resources: res('768Mi') }],
    statuses: { quota: crash(1, { ran: 0.2, finishedAgo: 44, restarts: 5 }) },
    logs: { quota: { previous: lines('Error: Unable to access jarfile /app/app.jar') } },
  });
}

/** args carry a flag the binary does not define: Go's flag package prints usage and exits 2. */
function goUnknownFlag(): ScenarioDef {
  return appScenario({
    dir: 'bad-entrypoint/go-flag-provided-but-not-defined',
    source: 'synthetic: args pass -config (renamed to -config-file in the new binary); Go flag parsing fails with usage and exit 2',
    cause: 'bad-entrypoint',
    app: 'router',
    ns: 'edge',
    history: 'regression',
    podAge: 260,
    containers: [{ name: 'router', image: 'registry.example.com/edge/router:5.0.0', args: ['-config', '/etc/router/router.yaml', '-listen', ':8080'], ports: [{ containerPort: 8080 }], resources: res() }],
    statuses: { router: crash(2, { ran: 0.01, finishedAgo: 39, restarts: 5 }) },
    logs: {
      router: {
        previous: lines(
          'flag provided but not defined: -config',
          'Usage of /usr/local/bin/router:',
          '  -config-file string',
          '    \tpath to the router configuration (default "/etc/router/config.yaml")',
          '  -listen string',
          '    \taddress to listen on (default ":8080")',
          '  -log-level string',
          '    \tdebug, info, warn or error (default "info")',
        ),
      },
    },
  });
}

/** An init container that downloads a model is OOMKilled (Init:OOMKilled / Init:CrashLoopBackOff). */
function initOomKilled(): ScenarioDef {
  return appScenario({
    dir: 'oom-killed/init-container-model-download',
    source: 'synthetic: a model-fetch init container buffers a 1.2 GB model in memory under a 256Mi limit; OOMKilled, the app container never starts',
    cause: 'oom-killed',
    app: 'embedder',
    ns: 'ml',
    history: 'single',
    podAge: 900,
    crashingPods: 1,
    focus: 'model-fetch',
    focusInit: true,
    initContainers: [
      {
        name: 'model-fetch',
        image: 'registry.example.com/ml/model-fetch:0.4.0',
        args: ['--model', 's3://acme-models/embedder/v7/model.safetensors', '--out', '/models/model.safetensors'],
        resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '100m' } },
        volumeMounts: [{ name: 'models', mountPath: '/models' }],
      },
    ],
    containers: [{ name: 'embedder', image: 'registry.example.com/ml/embedder:7.0.0', ports: [{ containerPort: 8000 }], resources: { limits: { memory: '4Gi' }, requests: { memory: '3Gi', cpu: '1' } }, volumeMounts: [{ name: 'models', mountPath: '/models' }] }],
    spec: { volumes: [{ name: 'models', emptyDir: {} }] },
    statuses: {
      'model-fetch': crash(137, { reason: 'OOMKilled', ran: 21, finishedAgo: 140, restarts: 6 }),
      embedder: { kind: 'waiting', reason: 'PodInitializing' },
    },
    logs: {
      'model-fetch': {
        previous: lines(
          `${T.py(160)} INFO fetch: s3://acme-models/embedder/v7/model.safetensors (1.21 GB)`,
          `${T.py(150)} INFO fetch: 412 MB received`,
        ),
      },
    },
  });
}

export const EDGE_CASE_SCENARIOS = [startErrorPermissionDenied, deepHealthCheck, javaJarfileMissing, goUnknownFlag, initOomKilled];
