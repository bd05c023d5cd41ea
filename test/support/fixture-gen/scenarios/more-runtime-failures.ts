/** Hard runtime cases: a probe that times out (not a dependency), a cgo crash that exits 2, a DaemonSet failing only on arm64. */
import { appScenario, COLLECTED_AT, crash, runningFor, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';
import { daemonSetScenario } from '../more.js';

const T = logTimes(COLLECTED_AT);

/** Node.js as PID 1 blocks its event loop; the liveness probe times out; SIGTERM is ignored by PID 1, SIGKILL follows (137). */
function nodeProbeTimeout(): ScenarioDef {
  const ran = 95;
  const fin = 48;
  const st = fin + ran;
  return appScenario({
    dir: 'liveness-probe-failure/node-event-loop-blocked-probe-timeout',
    source: 'synthetic: Node.js API (PID 1, no SIGTERM handler) blocks its event loop rebuilding a cache; liveness probe times out after 1 s; exit 137 without OOMKilled',
    cause: 'liveness-probe-failure',
    app: 'pricing-api',
    ns: 'pricing',
    history: 'single',
    podAge: 2200,
    containers: [
      {
        name: 'api',
        image: 'registry.example.com/pricing/pricing-api:6.0.1',
        command: ['node', 'dist/server.js'],
        ports: [{ containerPort: 8080 }],
        resources: { limits: { memory: '1Gi', cpu: '500m' }, requests: { memory: '512Mi', cpu: '250m' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
      },
    ],
    statuses: { api: crash(137, { ran, finishedAgo: fin, restarts: 10 }) },
    events: [
      { reason: 'Unhealthy', type: 'Warning', container: 'api', count: 31, firstAgo: 2100, lastAgo: 78, message: 'Liveness probe failed: Get "http://{podIP}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' },
      { reason: 'Killing', container: 'api', count: 10, firstAgo: 2080, lastAgo: 78, message: 'Container api failed liveness probe, will be restarted' },
    ],
    logs: {
      api: {
        previous: lines(
          `{"level":30,"time":${T.epochMs(st - 0.8)},"pid":1,"msg":"pricing-api 6.0.1 listening on :8080"}`,
          `{"level":30,"time":${T.epochMs(st - 1.0)},"pid":1,"msg":"GET /healthz 200","responseTime":1}`,
          `{"level":30,"time":${T.epochMs(st - 12.3)},"pid":1,"msg":"rebuilding price matrix","skus":2210394,"regions":41}`,
        ),
      },
    },
  });
}

/** A cgo library segfaults: the Go runtime prints "unexpected signal during runtime execution" and exits 2. */
function goCgoSegfault(): ScenarioDef {
  return appScenario({
    dir: 'segfault/go-cgo-unexpected-signal',
    source: 'synthetic: Go service calling librdkafka through cgo crashes natively ([signal SIGSEGV] in C code, fatal error: unexpected signal during runtime execution, exit 2)',
    cause: 'segfault',
    app: 'audit-shipper',
    ns: 'security',
    history: 'single',
    podAge: 3000,
    containers: [{ name: 'shipper', image: 'registry.example.com/security/audit-shipper:2.2.0', resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '100m' } } }],
    statuses: { shipper: crash(2, { ran: 412, finishedAgo: 130, restarts: 6 }) },
    logs: {
      shipper: {
        previous: lines(
          `${T.go(541)} audit-shipper 2.2.0 starting, brokers=kafka-0.kafka-headless.streaming.svc:9092`,
          `${T.go(300)} shipped 100000 audit events`,
          'fatal error: unexpected signal during runtime execution',
          '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x7f9a3c21d7e4]',
          '',
          'runtime stack:',
          'runtime.throw({0xb1c2f4?, 0x0?})',
          '\t/usr/local/go/src/runtime/panic.go:1023 +0x5c fp=0x7f9a2bffe830 sp=0x7f9a2bffe800 pc=0x43b2dc',
          'runtime.sigpanic()',
          '\t/usr/local/go/src/runtime/signal_unix.go:895 +0x285 fp=0x7f9a2bffe890 sp=0x7f9a2bffe830 pc=0x452e45',
          '',
          'goroutine 41 gp=0xc000503180 m=9 mp=0xc000480808 [syscall]:',
          'runtime.cgocall(0x9d4e10, 0xc00064bd80)',
          '\t/usr/local/go/src/runtime/cgocall.go:157 +0x4b fp=0xc00064bd58 sp=0xc00064bd20 pc=0x40806b',
          'github.com/confluentinc/confluent-kafka-go/v2/kafka._Cfunc_rd_kafka_produce(...)',
          '\t_cgo_gotypes.go:1534 +0x4d',
          'github.com/confluentinc/confluent-kafka-go/v2/kafka.(*Producer).produce(0xc0001c6000, 0xc000512c00, 0x0, 0x0)',
          '\t/go/pkg/mod/github.com/confluentinc/confluent-kafka-go/v2@v2.3.0/kafka/producer.go:269 +0x5d8',
        ),
      },
    },
  });
}

/** A DaemonSet whose image is amd64-only: its pods crash on the arm64 node and run on the amd64 ones. */
function daemonSetMixedArch(): ScenarioDef {
  return daemonSetScenario({
    dir: 'exec-format-error/daemonset-arm64-node-only',
    source: "seeds/004 section 'CrashLoopBackOff in Jobs, CronJobs, and DaemonSets' (crashes only on some nodes): an amd64-only log agent on a mixed amd64/arm64 cluster",
    cause: 'exec-format-error',
    ns: 'logging',
    name: 'log-agent',
    containers: [{ name: 'agent', image: 'registry.example.com/logging/log-agent:1.11.0', resources: { limits: { memory: '200Mi' }, requests: { memory: '100Mi', cpu: '50m' } } }],
    podAge: 1800,
    node: { name: 'aks-armpool-20418833-vmss000000', arch: 'arm64' },
    statuses: { agent: crash(255, { ran: 0.01, finishedAgo: 170, restarts: 9 }) },
    others: [
      { createdAgo: 1800, nodeName: 'aks-nodepool1-31718369-vmss000000', statuses: { agent: runningFor(1795) } },
      { createdAgo: 1800, nodeName: 'aks-nodepool1-31718369-vmss000001', statuses: { agent: runningFor(1794) } },
    ],
    extraNodes: [{ name: 'aks-nodepool1-31718369-vmss000000' }, { name: 'aks-nodepool1-31718369-vmss000001' }],
    logs: { agent: { previous: lines('exec /usr/bin/log-agent: exec format error') } },
  });
}

export const MORE_RUNTIME_SCENARIOS = [nodeProbeTimeout, goCgoSegfault, daemonSetMixedArch];

/** A rollout paused half-way (kubectl rollout pause) while its new pod crashes: the rollback is still offered. */
function pausedRollout(): ScenarioDef {
  const c = (tag: string) => ({ name: 'web', image: `registry.example.com/shop/storefront-next:${tag}`, ports: [{ containerPort: 3000 }], resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '100m' } } });
  return appScenario({
    dir: 'application-error/paused-rollout-node-crash',
    source: "seeds/004 section 'Stopping and Rolling Back a Bad Deployment Safely' (rollout paused while the new revision crashes; rollback to the previous revision)",
    cause: 'application-error',
    app: 'storefront-next',
    ns: 'shop',
    history: 'regression',
    paused: true,
    podAge: 420,
    containers: [c('14.2.0')],
    previousContainers: [c('14.1.3')],
    rollout: { previousRevision: 3, rollbackOffered: true, currentRevision: 4, failingOnNewest: true, paused: true },
    statuses: { web: crash(1, { ran: 2.4, finishedAgo: 88, restarts: 5 }) },
    logs: {
      web: {
        previous: lines(
          '  ▲ Next.js 14.2.0',
          '  - Local:        http://localhost:3000',
          '  - Network:      http://0.0.0.0:3000',
          '',
          ' ✓ Starting...',
          " ⨯ TypeError: Cannot destructure property 'locale' of 'config.i18n' as it is undefined.",
          '    at loadConfig (/app/.next/server/chunks/8120.js:1:4411)',
          '    at async /app/server.js:31:5',
        ),
      },
    },
  });
}

/** Two restarts in nine days, exit 1 with an ordinary log: nothing supports a cause. */
function rareExit(): ScenarioDef {
  return appScenario({
    dir: 'unknown/rare-restart-ordinary-log',
    source: 'synthetic: a worker that restarted twice in nine days and runs again; the last instance exited 1 after 3 days with no error in its log, no probe, no OOM, no events beyond the restart',
    cause: 'unknown',
    app: 'mail-relay',
    ns: 'ops',
    history: 'single',
    podAge: 9 * 86400,
    crashingPods: 1,
    containers: [{ name: 'relay', image: 'registry.example.com/ops/mail-relay:1.0.9', resources: { limits: { memory: '128Mi' }, requests: { memory: '64Mi', cpu: '20m' } } }],
    statuses: { relay: { kind: 'running', startedAgo: 2900, restarts: 2, last: { exitCode: 1, ran: 3 * 86400, finishedAgo: 2901 } } },
    logs: {
      relay: {
        previous: lines(`${T.go(2960)} relayed 41 messages in the last hour`, `${T.go(2910)} queue empty, sleeping 30s`),
        current: lines(`${T.go(2899)} mail-relay 1.0.9 starting`, `${T.go(100)} relayed 38 messages in the last hour`),
      },
    },
  });
}

export const MORE_ROLLOUT_SCENARIOS = [pausedRollout, rareExit];
