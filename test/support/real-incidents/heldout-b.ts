/**
 * Held-out real incidents (2/2): TLS to the API server, a node shutdown, a silent exit 139, a PHP volume.
 * Never tuned against (test/fixtures/heldout/README.md). Log lines, messages and names are the reports';
 * `source` says what was completed.
 */
import { appScenario, crash, runningFor, type ScenarioDef } from '../fixture-gen/define.js';
import { Clock } from '../fixture-gen/ids.js';
import { lines } from '../fixture-gen/log-time.js';
import { statefulSetScenario } from '../fixture-gen/more.js';
import { node, type J } from '../fixture-gen/objects.js';
import { deployment } from '../fixture-gen/workload.js';

function heldOut(def: ScenarioDef): ScenarioDef {
  const { rollout: _r, ...expected } = def.expected;
  return { ...def, expected };
}

/** cainjector does not trust the certificate the API server's service IP presents. */
function cainjectorApiserverX509(): ScenarioDef {
  return heldOut(
    appScenario({
      dir: 'cert-manager-cainjector-apiserver-x509',
      source:
        'https://github.com/cert-manager/cert-manager/issues/3281 — cert-manager-cainjector crash-loops because the TLS handshake with the API server fails ("Get \\"https://10.96.0.1:443/api?timeout=32s\\": x509: certificate signed by unknown authority"), followed by the command\'s usage text; the reporter found it confined to one node. Log as reported; pod name, args and exit code (1, the command failing) completed.',
      cause: 'dependency-unavailable',
      detail: 'tls',
      ns: 'cert-manager',
      app: 'cert-manager-cainjector',
      hash: '5c9d8f7b6',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2021-01-07T21:08:00Z',
      podAge: 600,
      containers: [{ name: 'cert-manager', image: 'quay.io/jetstack/cert-manager-cainjector:v1.1.0', args: ['--v=2', '--leader-election-namespace=kube-system'] }],
      statuses: { 'cert-manager': crash(1, { ran: 0.1, finishedAgo: 58, restarts: 6 }) },
      logs: {
        'cert-manager': {
          previous: lines(
            'I0107 21:07:01.750050       1 start.go:91] "starting" version="v1.1.0" revision="7fbdd6487646e812fe74c0c05503805b5d9d4751"',
            'E0107 21:07:01.753641       1 manager.go:279] cert-manager/controller-runtime/manager "msg"="Failed to get API Group-Resources" "error"="Get \\"https://10.96.0.1:443/api?timeout=32s\\": x509: certificate signed by unknown authority"  ',
            'Error: error creating manager: Get "https://10.96.0.1:443/api?timeout=32s": x509: certificate signed by unknown authority',
            'Usage:',
            '  ca-injector [flags]',
            'Flags:',
            '      --add_dir_header                     If true, adds the file directory to the header of the log messages',
            '      --alsologtostderr                    log to standard error as well as files',
            '  -h, --help                               help for ca-injector',
            '      --kubeconfig string                  Paths to a kubeconfig. Only required if out-of-cluster.',
            '      --leader-elect                       If true, cainjector will perform leader election between instances to ensure no more than one instance of cainjector operates at a time (default true)',
          ),
        },
      },
    }),
  );
}

/** Graceful node shutdown stops nginx (exit 0, Completed); only the pod status says why. */
function nginxGracefulNodeShutdown(): ScenarioDef {
  const collectedAt = '2021-09-03T16:29:16Z';
  const clock = new Clock(collectedAt);
  const node2 = node(clock, { name: 'k22-node2' });
  const node1 = node(clock, { name: 'k22-node1' });
  const c = { name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] };
  const msg = 'Pod was terminated in response to imminent node shutdown.';
  const built = deployment(clock, {
    ns: 'default',
    name: 'nginx-deployment',
    progress: 'progressing',
    revisions: [
      {
        revision: 1,
        hash: '66b6c48dd5',
        createdAgo: 174,
        containers: [c],
        pods: [
          {
            name: 'nginx-deployment-66b6c48dd5-bchnh',
            createdAgo: 174,
            nodeName: 'k22-node2',
            statuses: { nginx: { kind: 'terminated', term: { exitCode: 0, reason: 'Completed', ran: 95, finishedAgo: 75 } } },
            phase: 'Running',
            reason: 'Terminated',
            message: msg,
          },
          { name: 'nginx-deployment-66b6c48dd5-brmdn', createdAgo: 174, nodeName: 'k22-node1', statuses: { nginx: runningFor(170) } },
          { name: 'nginx-deployment-66b6c48dd5-xml4d', createdAgo: 11, nodeName: 'k22-node1', statuses: { nginx: runningFor(9) } },
        ],
      },
    ],
  });
  const target = built.objects.find((o: J) => o.kind === 'Pod' && o.metadata.name === 'nginx-deployment-66b6c48dd5-bchnh')!;
  return {
    dir: 'nginx-graceful-node-shutdown-completed',
    expected: {
      target: { namespace: 'default', name: target.metadata.name },
      collectedAt,
      cause: 'killed-by-signal',
      container: 'nginx',
      initContainer: false,
      source:
        'https://github.com/kubernetes/kubernetes/issues/104531 — on Kubernetes 1.22 a graceful node shutdown of k22-node2 stops the nginx pod from outside: kubectl shows it Completed (nginx exits 0 on the stop signal) while the pod status carries Reason Terminated; the message is cut in the issue\'s output and completed from the same reporter\'s reproduction in kubernetes/kubernetes#104798. Node conditions are boilerplate (the report does not show the node).',
    },
    objects: [...built.objects, node1, node2],
    logs: {},
  };
}

/** rauthy exits 139 at once, no log line: a mandatory setting was left out of its config. */
function rauthyExit139MissingSetting(): ScenarioDef {
  return heldOut(
    statefulSetScenario({
      dir: 'rauthy-exit-139-missing-listen-scheme',
      source:
        'https://github.com/sebadob/rauthy/issues/598 — on k3s the rauthy-0 pod restarts with "Last state: Terminated with 139: Error" one second after start and no logs; the reporter found the cause: the required LISTEN_SCHEME setting was missing from the config (fixed by setting LISTEN_SCHEME=http). The report shows no logs; image and config volume completed.',
      cause: 'missing-config',
      ns: 'rauthy',
      name: 'rauthy',
      serviceName: 'rauthy',
      collectedAt: '2024-10-24T17:20:00Z',
      podAge: 240,
      containers: [
        {
          name: 'rauthy',
          image: 'ghcr.io/sebadob/rauthy:0.26.2',
          ports: [{ containerPort: 8080, name: 'http' }],
          volumeMounts: [
            { name: 'rauthy-config', mountPath: '/app/rauthy.cfg', subPath: 'rauthy.cfg', readOnly: true },
            { name: 'rauthy-data', mountPath: '/app/data' },
          ],
        },
      ],
      volumes: [
        { name: 'rauthy-config', secret: { secretName: 'rauthy-config', defaultMode: 420 } },
        { name: 'rauthy-data', persistentVolumeClaim: { claimName: 'rauthy-data-rauthy-0' } },
      ],
      statuses: { rauthy: { kind: 'crashloop', restarts: 2, backoff: '10s', last: { exitCode: 139, ran: 1, finishedAgo: 37 } } },
      logs: {},
    }),
  );
}

/** Bitnami's Laravel image copies the skeleton into a mounted /app it may not write to. */
function laravelAppVolumeNotWritable(): ScenarioDef {
  const cp = (f: string) => `cp: cannot create regular file '/app/${f}': Permission denied`;
  return heldOut(
    appScenario({
      dir: 'bitnami-laravel-app-volume-not-writable',
      source:
        "https://github.com/bitnami/bitnami-docker-laravel/issues/70 — on minikube (Windows 10) the Laravel (PHP) container goes down right after start: creating the application in the mounted /app fails with \"cp: cannot create regular file '/app/...': Permission denied\" (the mounted host folder is not writable for the container). Log as reported up to where it is cut; hostPath volume, image tag and exit code (1, the setup script failing) completed.",
      cause: 'permission-denied',
      ns: 'default',
      app: 'myapp',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2017-08-18T12:00:00Z',
      podAge: 600,
      node: { name: 'minikube' },
      containers: [
        {
          name: 'myapp',
          image: 'bitnami/laravel:5.4.23-r1',
          ports: [{ containerPort: 3000 }],
          volumeMounts: [{ name: 'app-data', mountPath: '/app' }],
        },
      ],
      spec: { volumes: [{ name: 'app-data', hostPath: { path: '/c/Users/myapp', type: '' } }] },
      statuses: { myapp: crash(1, { ran: 2, finishedAgo: 80, restarts: 6 }) },
      logs: {
        myapp: {
          previous: lines(
            'Welcome to the Bitnami laravel container',
            'Subscribe to project updates by watching https://github.com/bitnami/bitnami-docker-laravel',
            'Submit issues and feature requests at https://github.com/bitnami/bitnami-docker-laravel/issues',
            'Send us your feedback at containers@bitnami.com',
            '',
            'Creating laravel application',
            ...['webpack.mix.js', '.env', '.env.example', '.gitattributes', '.gitignore', 'artisan', 'composer.json'].map(cp),
          ),
        },
      },
    }),
  );
}

export const HELDOUT_B: Array<() => ScenarioDef> = [cainjectorApiserverX509, nginxGracefulNodeShutdown, rauthyExit139MissingSetting, laravelAppVolumeNotWritable];
