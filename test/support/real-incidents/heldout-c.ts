/**
 * Held-out real incidents (3/3): PHP (WordPress) cannot resolve its database Service.
 * Never tuned against (test/fixtures/heldout/README.md). Log lines and names are the report's;
 * `source` says what was completed.
 */
import { appScenario, crash, type ScenarioDef } from '../fixture-gen/define.js';
import { lines } from '../fixture-gen/log-time.js';

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

export const HELDOUT_C: Array<() => ScenarioDef> = [wordpressMysqlNameNotKnown];
