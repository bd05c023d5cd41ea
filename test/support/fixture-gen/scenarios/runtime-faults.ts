/** segfault, completed-exit, killed-by-signal: how the process ended says most of it. */
import { appScenario, COLLECTED_AT, crash, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';
import { jobScenario } from '../more.js';

const T = logTimes(COLLECTED_AT);

/** Python with faulthandler: a native extension segfaults (exit 139). */
function pythonNativeSegfault(): ScenarioDef {
  return appScenario({
    dir: 'segfault/python-native-extension-sigsegv',
    source: 'synthetic: Python image-processing worker crashes inside a native extension (Fatal Python error: Segmentation fault, exit 139)',
    cause: 'segfault',
    app: 'image-worker',
    ns: 'media',
    history: 'regression',
    podAge: 500,
    containers: [{ name: 'worker', image: 'registry.example.com/media/image-worker:3.1.0', command: ['python', '-X', 'faulthandler', '-m', 'worker'], resources: { limits: { memory: '1Gi' }, requests: { memory: '512Mi', cpu: '250m' } } }],
    changeCause: 'rebuild on python:3.12-slim with pillow-simd',
    statuses: { worker: crash(139, { ran: 7.5, finishedAgo: 61, restarts: 6 }) },
    logs: {
      worker: {
        previous: lines(
          `${T.py(68.4)} INFO worker: consuming from queue thumbnails (prefetch=8)`,
          `${T.py(61.2)} INFO worker: job 5521893 resize 4032x3024 -> 3 variants`,
          'Fatal Python error: Segmentation fault',
          '',
          'Current thread 0x00007f3b2d7fe6c0 (most recent call first):',
          '  File "/usr/local/lib/python3.12/site-packages/PIL/Image.py", line 2200 in resize',
          '  File "/app/worker/resize.py", line 41 in make_variant',
          '  File "/app/worker/handlers.py", line 77 in handle',
          '  File "/app/worker/__main__.py", line 30 in main',
          '  File "<frozen runpy>", line 88 in _run_code',
          '  File "<frozen runpy>", line 198 in _run_module_as_main',
          '',
          'Extension modules: PIL._imaging, PIL._imagingft, pika._compat, charset_normalizer.md (total: 4)',
        ),
      },
    },
  });
}

/** glibc detects heap corruption in a C++ service and aborts (SIGABRT, exit 134). */
function cppDoubleFree(): ScenarioDef {
  return appScenario({
    dir: 'segfault/cpp-double-free-abort',
    source: 'synthetic: C++ market-data gateway aborts on heap corruption (free(): double free detected in tcache 2, SIGABRT, exit 134)',
    cause: 'segfault',
    app: 'md-gateway',
    ns: 'trading',
    history: 'single',
    podAge: 3300,
    containers: [{ name: 'gateway', image: 'registry.example.com/trading/md-gateway:12.4.1', ports: [{ containerPort: 9100 }], resources: { limits: { memory: '2Gi', cpu: '2' }, requests: { memory: '2Gi', cpu: '2' } } }],
    statuses: { gateway: crash(134, { ran: 188, finishedAgo: 77, restarts: 7 }) },
    logs: {
      gateway: {
        previous: lines(
          `[${T.isoMs(265)}] [info] md-gateway 12.4.1 starting, feeds=4`,
          `[${T.isoMs(264)}] [info] feed XNAS connected (multicast 239.1.1.12:31012)`,
          `[${T.isoMs(263)}] [info] feed XNYS connected (multicast 239.1.1.14:31014)`,
          `[${T.isoMs(120)}] [warn] feed XNAS gap detected seq=88120112..88120140, requesting retransmit`,
          'free(): double free detected in tcache 2',
        ),
      },
    },
  });
}

/** A one-shot database migration run as a Deployment: exits 0, the kubelet restarts it forever. */
function migrationAsDeployment(): ScenarioDef {
  return appScenario({
    dir: 'completed-exit/oneshot-migration-as-deployment',
    source: "seeds/000 'Exit Code 0' and seeds/004 'Exit code 0, still looping': a Django migrate command deployed as a Deployment",
    cause: 'completed-exit',
    app: 'cms-migrate',
    ns: 'content',
    history: 'single',
    podAge: 1900,
    crashingPods: 1,
    containers: [{ name: 'migrate', image: 'registry.example.com/content/cms:3.4.0', command: ['python', 'manage.py', 'migrate', '--noinput'], resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '100m' } } }],
    statuses: { migrate: crash(0, { reason: 'Completed', ran: 4, finishedAgo: 140, restarts: 10 }) },
    logs: {
      migrate: {
        previous: lines(
          'Operations to perform:',
          '  Apply all migrations: admin, auth, contenttypes, pages, sessions, taxonomy',
          'Running migrations:',
          '  No migrations to apply.',
        ),
      },
    },
  });
}

/** Redis configured with `daemonize yes`: the foreground process forks and exits 0. */
function redisDaemonize(): ScenarioDef {
  return appScenario({
    dir: 'completed-exit/redis-daemonize-yes',
    source: 'synthetic: Redis 7 started with a redis.conf that sets daemonize yes (copied from a VM); PID 1 forks into the background and exits 0',
    cause: 'completed-exit',
    app: 'session-cache',
    ns: 'web',
    history: 'single',
    podAge: 800,
    crashingPods: 1,
    containers: [
      {
        name: 'redis',
        image: 'redis:7.2.4',
        command: ['redis-server', '/usr/local/etc/redis/redis.conf'],
        ports: [{ containerPort: 6379 }],
        resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '50m' } },
        volumeMounts: [{ name: 'conf', mountPath: '/usr/local/etc/redis' }],
      },
    ],
    spec: { volumes: [{ name: 'conf', configMap: { name: 'session-cache-redis', defaultMode: 420 } }] },
    statuses: { redis: crash(0, { reason: 'Completed', ran: 0.1, finishedAgo: 118, restarts: 9 }) },
    logs: {
      redis: {
        previous: lines(
          `1:C ${T.redis(118.1)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
          `1:C ${T.redis(118.1)} * Redis version=7.2.4, bits=64, commit=00000000, modified=0, pid=1, just started`,
          `1:C ${T.redis(118.1)} * Configuration loaded`,
        ),
      },
    },
  });
}

/** 137 with no OOMKilled and no probes: an external SIGKILL from a watchdog sidecar sharing the PID namespace. */
function externalSigkill(): ScenarioDef {
  return appScenario({
    dir: 'killed-by-signal/sigkill-137-no-oom-no-probe',
    source: "seeds/000 FAQ 'Is an Exit Code 137 always an OOMKill?' and seeds/004 'Exit code 137, Reason Error, no OOMKilled': a watchdog sidecar kills the worker with SIGKILL; no OOMKilled, no probes",
    cause: 'killed-by-signal',
    app: 'etl-runner',
    ns: 'data',
    history: 'single',
    podAge: 2600,
    crashingPods: 1,
    containers: [
      { name: 'runner', image: 'registry.example.com/data/etl-runner:8.0.2', resources: { limits: { memory: '4Gi' }, requests: { memory: '2Gi', cpu: '1' } } },
      { name: 'watchdog', image: 'registry.example.com/platform/watchdog:0.3.0', args: ['--target=etl-runner', '--max-runtime=5m', '--signal=KILL'], resources: { limits: { memory: '32Mi' }, requests: { memory: '16Mi', cpu: '10m' } } },
    ],
    spec: { shareProcessNamespace: true },
    statuses: {
      runner: crash(137, { ran: 300, finishedAgo: 240, restarts: 5 }),
      watchdog: { kind: 'running', startedAgo: 2595 },
    },
    logs: {
      runner: {
        previous: lines(
          `${T.iso(540)} level=info msg="etl-runner 8.0.2 starting" pipeline=orders_daily`,
          `${T.iso(538)} level=info msg="extract started" source=orders rows_estimate=48211900`,
          `${T.iso(420)} level=info msg="extract progress" rows=19022113`,
          `${T.iso(300)} level=info msg="extract progress" rows=37940225`,
        ),
      },
    },
  });
}

/** A Job's container stopped with SIGTERM (143) by a timeout wrapper; no probe, no OOM. */
function sigterm143Job(): ScenarioDef {
  return jobScenario({
    dir: 'killed-by-signal/sigterm-143-job-no-probe',
    source: "seeds/000 'Exit Code 143: SIGTERM' and seeds/004 'Graceful Shutdown, SIGTERM, and the Exit Code 143 Trap': a backup Job's container is terminated by a timeout wrapper (timeout -s TERM); no probe, no OOM",
    cause: 'killed-by-signal',
    ns: 'ops',
    name: 'nightly-backup-29071440',
    containers: [
      {
        name: 'backup',
        image: 'registry.example.com/ops/pg-backup:2.1.0',
        command: ['timeout', '-s', 'TERM', '--preserve-status', '900', '/usr/local/bin/backup.sh'],
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '200m' } },
      },
    ],
    podAge: 3500,
    statuses: { backup: crash(143, { ran: 900, finishedAgo: 160, restarts: 2 }) },
    logs: {
      backup: {
        previous: lines(
          `[${T.iso(1060)}] backup: starting pg_dump of billing (format=custom, jobs=1)`,
          `[${T.iso(760)}] backup: 18.2 GiB written`,
          `[${T.iso(460)}] backup: 35.9 GiB written`,
          `[${T.iso(170)}] backup: 51.0 GiB written`,
        ),
      },
    },
  });
}

export const RUNTIME_FAULT_SCENARIOS = [pythonNativeSegfault, cppDoubleFree, migrationAsDeployment, redisDaemonize, externalSigkill, sigterm143Job];
