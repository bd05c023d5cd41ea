/**
 * Held-out real incidents (3/3): PHP (WordPress) cannot resolve its database Service.
 * Never tuned against (test/fixtures/heldout/README.md). Log lines and names are the report's;
 * `source` says what was completed.
 */
import { appScenario, crash, runningFor, type ScenarioDef } from '../fixture-gen/define.js';
import { Clock } from '../fixture-gen/ids.js';
import { lines } from '../fixture-gen/log-time.js';
import { node, type J } from '../fixture-gen/objects.js';
import { deployment } from '../fixture-gen/workload.js';

function heldOut(def: ScenarioDef): ScenarioDef {
  const { rollout: _r, ...expected } = def.expected;
  return { ...def, expected };
}

/** The WordPress tutorial's PHP entrypoint cannot resolve wordpress-mysql: kube-dns is not answering. */
function wordpressMysqlNameNotKnown(): ScenarioDef {
  return heldOut(
    appScenario({
      dir: 'wordpress-mysql-getaddrinfo-failed',
      source:
        'https://github.com/kubernetes/website/issues/5663 — following the WordPress/MySQL tutorial, the wordpress pod crash-loops while wordpress-mysql runs: PHP cannot resolve the database host ("php_network_getaddresses: getaddrinfo failed: Name or service not known"), i.e. cluster DNS does not answer for the Service name. Log verbatim; Deployment spec from the tutorial of that time; exit code (1, the entrypoint giving up on MySQL) completed.',
      cause: 'dependency-unavailable',
      detail: 'dns',
      ns: 'default',
      app: 'wordpress',
      hash: '2385591603',
      podName: 'wordpress-2385591603-nd9w8',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2017-09-27T10:00:00Z',
      podAge: 600,
      node: { name: 'kube-node1' },
      containers: [
        {
          name: 'wordpress',
          image: 'wordpress:4.8-apache',
          env: [
            { name: 'WORDPRESS_DB_HOST', value: 'wordpress-mysql' },
            { name: 'WORDPRESS_DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'mysql-pass', key: 'password.txt' } } },
          ],
          ports: [{ containerPort: 80, name: 'wordpress' }],
          volumeMounts: [{ name: 'wordpress-persistent-storage', mountPath: '/var/www/html' }],
        },
      ],
      spec: { volumes: [{ name: 'wordpress-persistent-storage', persistentVolumeClaim: { claimName: 'wp-pv-claim' } }] },
      statuses: { wordpress: crash(1, { ran: 31, finishedAgo: 75, restarts: 6 }) },
      logs: {
        wordpress: {
          previous: lines(
            'Warning: mysqli::mysqli(): php_network_getaddresses: getaddrinfo failed: Name or service not known in - on line 22',
            'Warning: mysqli::mysqli(): (HY000/2002): php_network_getaddresses: getaddrinfo failed: Name or service not known in - on line 22',
            'MySQL Connection Error: (2002) php_network_getaddresses: getaddrinfo failed: Name or service not known',
          ),
        },
      },
    }),
  );
}

/** The kubelet rejected the pod for node disk pressure: only the pod's status says so, no container ever ran. */
function flaggerPrometheusDiskPressure(): ScenarioDef {
  const collectedAt = '2020-08-06T09:30:00Z';
  const clock = new Clock(collectedAt);
  const c = {
    name: 'prometheus',
    image: 'prom/prometheus:v2.19.0',
    args: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.retention.time=2h', '--storage.tsdb.path=/prometheus/'],
    ports: [{ containerPort: 9090, name: 'http' }],
    volumeMounts: [
      { name: 'config-volume', mountPath: '/etc/prometheus' },
      { name: 'data-volume', mountPath: '/prometheus/' },
    ],
    resources: { requests: { cpu: '10m', memory: '128Mi' } },
  };
  const built = deployment(clock, {
    ns: 'istio-system',
    name: 'flagger-prometheus',
    progress: 'complete',
    revisions: [
      {
        revision: 1,
        hash: '6c8d9f7b5',
        createdAgo: 86400,
        containers: [c],
        spec: {
          serviceAccountName: 'flagger-prometheus',
          volumes: [
            { name: 'config-volume', configMap: { name: 'flagger-prometheus', defaultMode: 420 } },
            { name: 'data-volume', emptyDir: {} },
          ],
        },
        replicas: 1,
        pods: [
          {
            name: 'flagger-prometheus-6c8d9f7b5-w2h9q',
            createdAgo: 1800,
            statuses: { prometheus: { kind: 'waiting', reason: 'ContainerCreating' } },
            phase: 'Failed',
            reason: 'Evicted',
            message: 'Pod The node had condition: [DiskPressure]. ',
            noLifecycleEvents: true,
          },
          { name: 'flagger-prometheus-6c8d9f7b5-x7k2m', createdAgo: 1790, statuses: { prometheus: runningFor(1780) } },
        ],
      },
    ],
  });
  const name = 'flagger-prometheus-6c8d9f7b5-w2h9q';
  // A pod the kubelet refuses at admission never gets container statuses.
  const objects = built.objects.map((o: J) => {
    if (o.kind !== 'Pod' || o.metadata.name !== name) return o;
    const { containerStatuses: _c, podIP: _i, podIPs: _is, ...status } = o.status;
    return { ...o, status };
  });
  return {
    dir: 'flagger-prometheus-evicted-disk-pressure',
    expected: {
      target: { namespace: 'istio-system', name },
      collectedAt,
      cause: 'evicted',
      container: 'prometheus',
      initContainer: false,
      source:
        'https://github.com/fluxcd/flagger/issues/665 — flagger-prometheus pods are regularly evicted with only the pod status to show for it ("Status: Failed, Reason: Evicted, Message: Pod The node had condition: [DiskPressure]."); the maintainer traced the disk use to a Prometheus bug fixed by upgrading. Status message verbatim; the replacement pod, image, args and node are boilerplate (node conditions as the reporter found them afterwards: enough disk).',
    },
    objects: [...objects, node(clock)],
    logs: {},
  };
}

export const HELDOUT_C: Array<() => ScenarioDef> = [wordpressMysqlNameNotKnown, flaggerPrometheusDiskPressure];
