/** oom-killed outside the plain Deployment case: a StatefulSet server and a sidecar beside a healthy app. */
import { appScenario, COLLECTED_AT, crash, runningFor, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';
import { statefulSetScenario } from '../more.js';

const T = logTimes(COLLECTED_AT);

/** Redis (StatefulSet) loading an RDB larger than its limit: OOMKilled mid-load. */
function redisStatefulSet(): ScenarioDef {
  return statefulSetScenario({
    dir: 'oom-killed/redis-statefulset-rdb-load',
    source: 'synthetic: Redis 7 StatefulSet killed by the cgroup OOM killer while loading a 1.4 GB RDB under a 1Gi limit',
    cause: 'oom-killed',
    ns: 'cache',
    name: 'redis',
    serviceName: 'redis-headless',
    containers: [
      {
        name: 'redis',
        image: 'redis:7.2.4',
        command: ['redis-server', '/etc/redis/redis.conf'],
        ports: [{ containerPort: 6379, name: 'redis' }],
        resources: { limits: { memory: '1Gi' }, requests: { memory: '768Mi', cpu: '200m' } },
        volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'config', mountPath: '/etc/redis' }],
        livenessProbe: { tcpSocket: { port: 6379 }, initialDelaySeconds: 30, periodSeconds: 10 },
      },
    ],
    volumes: [{ name: 'config', configMap: { name: 'redis-config', defaultMode: 420 } }, { name: 'data', persistentVolumeClaim: { claimName: 'data-redis-0' } }],
    podAge: 2900,
    statuses: { redis: crash(137, { reason: 'OOMKilled', ran: 19, finishedAgo: 150, restarts: 8 }) },
    logs: {
      redis: {
        previous: lines(
          `1:C ${T.redis(169)} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.`,
          `1:C ${T.redis(169)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`,
          `1:C ${T.redis(169)} * Redis version=7.2.4, bits=64, commit=00000000, modified=0, pid=1, just started`,
          `1:C ${T.redis(169)} * Configuration loaded`,
          `1:M ${T.redis(168.9)} * monotonic clock: POSIX clock_gettime`,
          `1:M ${T.redis(168.9)} * Running mode=standalone, port=6379.`,
          `1:M ${T.redis(168.9)} * Server initialized`,
          `1:M ${T.redis(168.8)} * Loading RDB produced by version 7.2.4`,
          `1:M ${T.redis(168.8)} * RDB age 412 seconds`,
          `1:M ${T.redis(168.8)} * RDB memory usage when created 1398.22 Mb`,
        ),
      },
    },
  });
}

/** A log-shipping sidecar is OOMKilled while the app container beside it runs fine. */
function sidecarFluentBit(): ScenarioDef {
  return appScenario({
    dir: 'oom-killed/sidecar-fluent-bit-beside-healthy-app',
    source: 'synthetic: fluent-bit sidecar (64Mi limit) OOMKilled repeatedly beside a healthy, ready web container',
    cause: 'oom-killed',
    app: 'storefront',
    ns: 'shop',
    history: 'single',
    podAge: 5200,
    focus: 'fluent-bit',
    containers: [
      {
        name: 'web',
        image: 'registry.example.com/shop/storefront:3.9.0',
        ports: [{ containerPort: 3000, name: 'http' }],
        resources: { limits: { memory: '768Mi' }, requests: { memory: '512Mi', cpu: '250m' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 3000 }, initialDelaySeconds: 15 },
        volumeMounts: [{ name: 'applogs', mountPath: '/var/log/app' }],
      },
      {
        name: 'fluent-bit',
        image: 'cr.fluentbit.io/fluent/fluent-bit:3.0.7',
        resources: { limits: { memory: '64Mi' }, requests: { memory: '32Mi', cpu: '20m' } },
        volumeMounts: [{ name: 'applogs', mountPath: '/var/log/app', readOnly: true }, { name: 'fluent-bit-config', mountPath: '/fluent-bit/etc/' }],
      },
    ],
    spec: { volumes: [{ name: 'applogs', emptyDir: {} }, { name: 'fluent-bit-config', configMap: { name: 'storefront-fluent-bit', defaultMode: 420 } }] },
    statuses: {
      web: runningFor(5195),
      'fluent-bit': crash(137, { reason: 'OOMKilled', ran: 212, finishedAgo: 31, restarts: 14 }),
    },
    logs: {
      'fluent-bit': {
        previous: lines(
          'Fluent Bit v3.0.7',
          '* Copyright (C) 2015-2024 The Fluent Bit Authors',
          '* Fluent Bit is a CNCF sub-project under the umbrella of Fluentd',
          '* https://fluentbit.io',
          '',
          `[${T.go(243)}] [ info] [fluent bit] version=3.0.7, commit=73e72bdf9a, pid=1`,
          `[${T.go(243)}] [ info] [storage] ver=1.5.2, type=memory, sync=normal, checksum=off, max_chunks_up=128`,
          `[${T.go(243)}] [ info] [cmetrics] version=0.9.1`,
          `[${T.go(243)}] [ info] [input:tail:tail.0] initializing`,
          `[${T.go(243)}] [ info] [input:tail:tail.0] storage_strategy='memory' (memory only)`,
          `[${T.go(242)}] [ info] [output:es:es.0] worker #0 started`,
          `[${T.go(242)}] [ info] [sp] stream processor started`,
          `[${T.go(188)}] [ warn] [engine] failed to flush chunk '1-1775291089.412566123.flb', retry in 9 seconds: task_id=3, input=tail.0 > output=es.0 (out_id=0)`,
          `[${T.go(121)}] [ warn] [engine] failed to flush chunk '1-1775291151.88221005.flb', retry in 17 seconds: task_id=11, input=tail.0 > output=es.0 (out_id=0)`,
        ),
      },
      web: { current: lines(`${T.iso(5190)} storefront listening on http://0.0.0.0:3000`, `${T.iso(60)} GET /healthz 200 1ms`) },
    },
  });
}

export const OOM_SIDECAR_SCENARIOS = [redisStatefulSet, sidecarFluentBit];
