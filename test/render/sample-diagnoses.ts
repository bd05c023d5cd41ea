/**
 * Representative diagnoses built in code for renderer tests and the preview script: an OOM kill
 * after a rollout (rollback offered), a DNS failure in a StatefulSet (no rollout), a failing init
 * container with notes, a hostile one (mentions, links, a password), and a huge one.
 */
import type { Diagnosis } from '../../src/domain/diagnosis.js';

const base = {
  initContainer: false,
  detail: null,
  alternatives: [],
  notes: [],
  diagnosedAt: '2026-12-02T01:10:00.000Z',
} satisfies Partial<Diagnosis>;

export function oomAfterRollout(): Diagnosis {
  return {
    ...base,
    pod: 'payments-api-7f9c6d5b8-x2x4q',
    namespace: 'prod',
    container: 'api',
    cause: 'oom-killed',
    title: 'payments-api is being OOM-killed',
    confidence: 0.93,
    summary:
      'The container hits its 512Mi memory limit about 38 s after start and the kernel kills it (exit 137, OOMKilled). Revision 5 turned on the in-memory cache warm-up; revision 4 ran with the same limit.',
    evidence: [
      { kind: 'state', text: 'lastState.terminated: reason OOMKilled, exit code 137, ran 38s' },
      { kind: 'event', text: 'Back-off restarting failed container api in pod payments-api-7f9c6d5b8-x2x4q (×14)' },
      { kind: 'log', text: 'last log line is cut off mid-write: "alloc failed: requested 64Mi > available 14Mi & gc stalled"' },
      { kind: 'rollout', text: 'revision 5 created 10 min ago; env CACHE_WARMUP added' },
    ],
    remedy: {
      text: 'Fastest: roll back to revision 4 (button below). Or raise the memory limit and watch the rollout.',
      commands: [
        'kubectl -n prod rollout undo deployment/payments-api --to-revision=4',
        'kubectl -n prod set resources deployment/payments-api -c api --limits=memory=1Gi',
        'kubectl -n prod rollout status deployment/payments-api --timeout=120s',
      ],
    },
    alternatives: [{ cause: 'application-error', confidence: 0.12 }],
    rollout: {
      kind: 'Deployment',
      name: 'payments-api',
      namespace: 'prod',
      currentRevision: 5,
      previousRevision: 4,
      deploymentRevision: 5,
      currentImages: ['registry.example.com/pay/payments-api:2.14.0'],
      previousImages: ['registry.example.com/pay/payments-api:2.13.2'],
      changes: ['image payments-api:2.13.2 → payments-api:2.14.0', 'env CACHE_WARMUP added'],
      changedAt: '2026-12-02T01:00:00Z',
      failingOnNewest: true,
      previousHealth: { status: 'healthy', text: 'its pods ran 9 days without a restart before the rollout' },
      rollbackOffered: true,
      paused: false,
    },
    facts: {
      state: 'CrashLoopBackOff',
      exitCode: 137,
      reason: 'OOMKilled',
      signal: null,
      restarts: 5,
      ranForSeconds: 38,
      lastFinishedAt: '2026-12-02T01:06:00Z',
      image: 'registry.example.com/pay/payments-api:2.14.0',
      node: 'ip-10-0-3-17.eu-west-1.compute.internal',
      memoryLimit: '512Mi',
      owner: 'Deployment/payments-api',
      podAgeSeconds: 600,
    },
    logExcerpt: {
      container: 'api',
      previous: true,
      lines: [
        '2026-12-02T01:02:11Z INFO  starting payments-api v2.14.0 (revision 5)',
        '2026-12-02T01:02:12Z INFO  CACHE_WARMUP=true: loading 1,200,000 keys',
        '2026-12-02T01:02:47Z WARN  heap 498Mi / limit 512Mi',
        '2026-12-02T01:02:49Z ERROR alloc failed: requested 64Mi > available 14Mi & gc stalled',
      ],
    },
  };
}

export function dnsFailure(): Diagnosis {
  return {
    ...base,
    pod: 'orders-0',
    namespace: 'shop',
    container: 'orders',
    cause: 'dependency-unavailable',
    detail: 'dns',
    title: 'orders cannot resolve its database host',
    confidence: 0.86,
    summary: 'The app exits 1 right after start because the name postgres.shop.svc.cluster.local does not resolve (getaddrinfo ENOTFOUND). The code is probably fine; the Service is missing or misnamed.',
    evidence: [
      { kind: 'log', text: 'Error: getaddrinfo ENOTFOUND postgres.shop.svc.cluster.local' },
      { kind: 'state', text: 'exit code 1 after 2s, 12 restarts in 40m' },
    ],
    remedy: {
      text: 'Check that the Service exists and that the app is configured with its exact name.',
      commands: ['kubectl -n shop get svc postgres', 'kubectl -n shop get endpoints postgres', 'kubectl -n shop logs orders-0 -c orders --previous'],
    },
    alternatives: [{ cause: 'application-error', confidence: 0.2 }],
    rollout: null,
    facts: {
      state: 'CrashLoopBackOff',
      exitCode: 1,
      reason: 'Error',
      signal: null,
      restarts: 12,
      ranForSeconds: 2,
      lastFinishedAt: '2026-12-02T01:05:00Z',
      image: 'ghcr.io/acme/orders:3.1.0',
      node: 'worker-2',
      memoryLimit: null,
      owner: 'StatefulSet/orders',
      podAgeSeconds: 2400,
    },
    logExcerpt: {
      container: 'orders',
      previous: true,
      lines: [
        'node:internal/process/promises:288',
        '            triggerUncaughtException(err, true /* fromPromise */);',
        '            ^',
        '',
        'Error: getaddrinfo ENOTFOUND postgres.shop.svc.cluster.local',
        '    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26) {',
        "  errno: -3008, code: 'ENOTFOUND', hostname: 'postgres.shop.svc.cluster.local'",
        '}',
      ],
    },
  };
}

export function initContainerPaused(): Diagnosis {
  const d = oomAfterRollout();
  return {
    ...d,
    pod: 'billing-5d8f7c9b6-k2m4p',
    namespace: 'billing',
    container: 'wait-for-db',
    initContainer: true,
    cause: 'dependency-unavailable',
    detail: 'refused',
    title: 'init container wait-for-db cannot connect to the database',
    confidence: 0.71,
    summary: 'wait-for-db exits 1 after "connection refused" to 10.0.4.12:5432; the main container never starts.',
    evidence: [{ kind: 'log', text: 'psql: error: connection to server at "10.0.4.12", port 5432 failed: Connection refused' }],
    remedy: {
      text: 'Nothing listens on 10.0.4.12:5432. Check that the database pods are running and ready, and that the Service selects them.',
      commands: ['kubectl -n billing get pods -l app=postgres', 'kubectl -n billing get endpoints postgres', 'kubectl -n billing logs billing-5d8f7c9b6-k2m4p -c wait-for-db'],
    },
    facts: { ...d.facts, image: 'busybox:1.36', state: 'Init:CrashLoopBackOff', exitCode: 1, reason: 'Error', memoryLimit: null, owner: 'Deployment/billing', ranForSeconds: 1 },
    rollout: {
      ...d.rollout!,
      name: 'billing',
      namespace: 'billing',
      currentRevision: 3,
      previousRevision: 2,
      deploymentRevision: 3,
      currentImages: ['billing:7.0.0', 'postgres:16'],
      previousImages: ['billing:6.9.1', 'postgres:16'],
      changes: ['image billing:6.9.1 → billing:7.0.0'],
      previousHealth: { status: 'scaled-down', text: 'no pods of revision 2 are left to judge' },
      rollbackOffered: false,
      paused: true,
    },
    logExcerpt: null,
    notes: [
      'Events could not be read (forbidden): the diagnosis rests on the pod status and logs only.',
      'No previous logs: showing the current instance.',
    ],
  };
}

export const HOSTILE = {
  channel: '<!channel> wake up',
  user: 'ping <@U123ABC>',
  link: 'see <https://evil.example/login|your SSO>',
  amp: 'a & b <tag>',
  password: 'connecting with password=hunter2 to db',
  backtick: 'name with ` backtick and ``` fence',
} as const;

export function hostile(): Diagnosis {
  const d = oomAfterRollout();
  const all = Object.values(HOSTILE).join(' | ');
  return {
    ...d,
    pod: 'evil-pod',
    container: 'c`x',
    title: `${HOSTILE.channel} ${HOSTILE.link}`,
    summary: all,
    evidence: Object.values(HOSTILE).map((text) => ({ kind: 'event' as const, text })),
    remedy: { text: HOSTILE.user, commands: [`echo ${HOSTILE.password}`, HOSTILE.backtick] },
    facts: { ...d.facts, reason: HOSTILE.channel, node: HOSTILE.link, image: HOSTILE.backtick, owner: `Deployment/${HOSTILE.user}` },
    logExcerpt: { container: HOSTILE.amp, previous: true, lines: [...Object.values(HOSTILE), 'Authorization: Bearer ab12cd34ef56gh78'] },
    notes: [HOSTILE.user, HOSTILE.amp],
    rollout: { ...d.rollout!, changes: [HOSTILE.link, HOSTILE.channel], previousHealth: { status: 'healthy', text: HOSTILE.user } },
  };
}

/** Everything as long as it can be: tests that no block exceeds Slack's limits. */
export function huge(): Diagnosis {
  const d = oomAfterRollout();
  const long = (n: number, s = 'x') => s.repeat(n);
  const name = long(253, 'a');
  return {
    ...d,
    pod: name,
    namespace: long(63, 'n'),
    container: long(63, 'c'),
    title: long(5000, 'T'),
    summary: long(10_000, 'S '),
    evidence: Array.from({ length: 200 }, (_, i) => ({ kind: 'event' as const, text: `${i} ${long(4000, '&')}` })),
    remedy: { text: long(8000, 'R&'), commands: Array.from({ length: 100 }, (_, i) => `kubectl ${i} ${long(3000, '<')}`) },
    alternatives: Array.from({ length: 15 }, () => ({ cause: 'unknown' as const, confidence: 0.01 })),
    facts: { ...d.facts, state: long(500, 'Z'), reason: long(3000, '>'), node: long(3000, 'n'), image: long(5000, 'i'), owner: `Deployment/${name}` },
    logExcerpt: { container: long(63, 'c'), previous: true, lines: Array.from({ length: 1000 }, (_, i) => `${i} ${long(2000, '<')}`) },
    notes: Array.from({ length: 100 }, (_, i) => `${i} ${long(3000, 'N')}`),
    rollout: {
      ...d.rollout!,
      name,
      namespace: long(63, 'n'),
      currentImages: Array.from({ length: 20 }, () => long(300, 'i')),
      previousImages: Array.from({ length: 20 }, () => long(300, 'p')),
      changes: Array.from({ length: 300 }, () => long(1000, 'C')),
      previousHealth: { status: 'healthy', text: long(5000, 'H') },
      changedAt: long(100, '9'),
    },
  };
}
