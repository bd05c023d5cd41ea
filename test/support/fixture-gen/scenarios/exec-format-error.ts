import { appScenario, crash, type ScenarioDef } from '../define.js';
import { lines } from '../log-time.js';

/** seeds/002 Fix 11: an amd64-only image scheduled onto an arm64 (Ampere) node pool. */
function armNodeAmdImage(): ScenarioDef {
  return appScenario({
    dir: 'exec-format-error/seed-amd64-image-on-arm64-node',
    source: "seeds/002 section 'Fix 11: Image Pull Errors Leading to CrashLoopBackOff' (exec format error, wrong architecture)",
    cause: 'exec-format-error',
    app: 'thumbnailer',
    ns: 'media',
    history: 'single',
    podAge: 560,
    node: { name: 'aks-armpool-20418833-vmss000001', arch: 'arm64' },
    containers: [
      {
        name: 'thumbnailer',
        image: 'registry.example.com/media/thumbnailer:1.4.0',
        ports: [{ containerPort: 8080 }],
        resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '100m' } },
      },
    ],
    spec: { nodeSelector: { agentpool: 'armpool' } },
    statuses: { thumbnailer: crash(255, { ran: 0.01, finishedAgo: 80, restarts: 7 }) },
    logs: { thumbnailer: { previous: lines('exec /usr/local/bin/thumbnailer: exec format error') } },
  });
}

/** An image rebuilt on an arm64 laptop lands on amd64 nodes; older runc wording, exit 1. */
function armImageOnAmdNodes(): ScenarioDef {
  const c = (tag: string) => ({
    name: 'notifier',
    image: `registry.example.com/ops/notifier:${tag}`,
    command: ['/usr/local/bin/docker-entrypoint.sh'],
    args: ['notifier', '--config', '/etc/notifier/config.yaml'],
    resources: { limits: { memory: '128Mi' }, requests: { memory: '64Mi', cpu: '20m' } },
  });
  return appScenario({
    dir: 'exec-format-error/arm64-image-on-amd64-regression',
    source: 'synthetic: the new tag was built on an Apple-silicon laptop (linux/arm64 only) and runs on amd64 nodes; runc reports "exec user process caused: exec format error" (exit 1)',
    cause: 'exec-format-error',
    app: 'notifier',
    ns: 'ops',
    history: 'regression',
    podAge: 240,
    containers: [c('2.7.0')],
    previousContainers: [c('2.6.3')],
    statuses: { notifier: crash(1, { ran: 0.01, finishedAgo: 30, restarts: 5 }) },
    logs: { notifier: { previous: lines('standard_init_linux.go:228: exec user process caused: exec format error') } },
  });
}

export const EXEC_FORMAT_SCENARIOS = [armNodeAmdImage, armImageOnAmdNodes];
