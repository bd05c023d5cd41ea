/**
 * Tuned real incidents, round 2 (5/5): server config files. HAProxy refuses a config rendered without its final
 * newline; Redis reports a permission problem under a "FATAL CONFIG FILE ERROR" banner. `source` says what was completed.
 */
import { appScenario, crash, type ScenarioDef } from '../fixture-gen/define.js';
import { lines } from '../fixture-gen/log-time.js';
import { statefulSetScenario } from '../fixture-gen/more.js';

/** The operator renders haproxy.cfg without a trailing newline; HAProxy 2.5 treats that as a fatal config error. */
function argocdRedisHaproxyMissingLf(): ScenarioDef {
  return appScenario({
    dir: 'missing-config/real2-haproxy-cfg-missing-lf-on-last-line',
    source:
      'https://github.com/argoproj-labs/argocd-operator/issues/581 — with Redis HA enabled and HAProxy 2.5.4, the argocd-redis-ha-haproxy pod crash-loops: "parsing [/usr/local/etc/haproxy/haproxy.cfg:77]: Missing LF on last line ... Fatal errors found in configuration." (the operator\'s rendered config lacked a final newline; fixed in argocd-operator#517). Log verbatim; names, mounts and exit code (1) completed.',
    cause: 'missing-config',
    ns: 'argocd',
    app: 'argocd-redis-ha-haproxy',
    history: 'single',
    collectedAt: '2022-03-04T10:00:00Z',
    podAge: 700,
    containers: [
      {
        name: 'haproxy',
        image: 'haproxy:2.5.4',
        ports: [{ containerPort: 6379, name: 'redis' }],
        volumeMounts: [{ name: 'data', mountPath: '/usr/local/etc/haproxy' }],
      },
    ],
    spec: { volumes: [{ name: 'data', emptyDir: {} }] },
    statuses: { haproxy: crash(1, { ran: 0.1, finishedAgo: 80, restarts: 8 }) },
    logs: {
      haproxy: {
        previous: lines(
          '[NOTICE]   (1) : haproxy version is 2.5.4-e55ab42',
          '[NOTICE]   (1) : path to executable is /usr/local/sbin/haproxy',
          '[ALERT]    (1) : config : parsing [/usr/local/etc/haproxy/haproxy.cfg:77]: Missing LF on last line, file might have been truncated at position 72.',
          '[ALERT]    (1) : config : Error(s) found in configuration file : /usr/local/etc/haproxy/haproxy.cfg',
          '[ALERT]    (1) : config : Fatal errors found in configuration.',
        ),
      },
    },
  });
}

/** A `logfile /var/log/redis.log` line in the ConfigMap: the non-root redis process may not create it. */
function redisLogfilePermission(): ScenarioDef {
  return statefulSetScenario({
    dir: 'permission-denied/real2-redis-fatal-config-logfile-permission',
    source:
      "https://github.com/bitnami/charts/issues/23885 — after adding `logfile '/var/log/redis.log'` to the Redis chart's ConfigMap the pod restarts with \"*** FATAL CONFIG FILE ERROR (Redis 7.0.12) *** Can't open the log file: Permission denied\": the redis process runs unprivileged and /var/log is not writable for it (a permission problem, despite the config-error banner). Error lines verbatim; StatefulSet layout, start-up lines and exit code (1) completed.",
    cause: 'permission-denied',
    ns: 'redis',
    name: 'redis-master',
    serviceName: 'redis-headless',
    collectedAt: '2024-02-26T09:00:00Z',
    podAge: 1200,
    containers: [
      {
        name: 'redis',
        image: 'docker.io/bitnami/redis:7.0.12-debian-11-r0',
        args: ['-c', '/opt/bitnami/scripts/start-scripts/start-master.sh'],
        command: ['/bin/bash'],
        ports: [{ containerPort: 6379, name: 'redis' }],
        securityContext: { runAsUser: 1001, runAsNonRoot: true },
        volumeMounts: [{ name: 'config', mountPath: '/opt/bitnami/redis/mounted-etc' }, { name: 'redis-data', mountPath: '/data' }],
      },
    ],
    volumes: [{ name: 'config', configMap: { name: 'redis-configuration' } }],
    statuses: { redis: crash(1, { ran: 0.3, finishedAgo: 95, restarts: 7 }) },
    logs: {
      redis: {
        previous: lines('', "*** FATAL CONFIG FILE ERROR (Redis 7.0.12) ***", "Can't open the log file: Permission denied"),
      },
    },
  });
}

export const TUNED_R2_E: Array<() => ScenarioDef> = [argocdRedisHaproxyMissingLf, redisLogfilePermission];
