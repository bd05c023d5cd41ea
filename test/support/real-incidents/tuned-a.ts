/**
 * Tuned real incidents (1/2): config files, volumes, ports, eviction, dependencies.
 * Log lines, event messages, exit codes and pod/container names are the reports'; where a report leaves a
 * field out, the expected.json `source` says what was completed and with what.
 */
import { appScenario, crash, runningFor, type ScenarioDef } from '../fixture-gen/define.js';
import { lines } from '../fixture-gen/log-time.js';
import { barePodScenario, statefulSetScenario } from '../fixture-gen/more.js';

/** `slaveof  6379`: the start script wrote an empty master host into redis.conf; redis-server refuses the file. */
function redisHaEmptySlaveof(): ScenarioDef {
  return statefulSetScenario({
    dir: 'missing-config/real-redis-ha-slaveof-empty-master',
    source:
      "https://github.com/tarosky/k8s-redis-ha/issues/4 — redis-server-0 crash-loops on '*** FATAL CONFIG FILE ERROR *** ... >>> 'slaveof  6379' Bad directive or wrong number of arguments': the generated config has an empty master host (fixed by the maintainer). Exit code not in the report; 1 is what redis-server exits with on a config error.",
    cause: 'missing-config',
    ns: 'default',
    name: 'redis-server',
    serviceName: 'redis-server',
    collectedAt: '2017-03-10T08:05:30Z',
    podAge: 95,
    containers: [{ name: 'redis-server', image: 'tarosky/k8s-redis-ha:latest', ports: [{ containerPort: 6379, name: 'redis-server' }] }],
    statuses: { 'redis-server': crash(1, { ran: 0.1, finishedAgo: 50, restarts: 3 }) },
    others: [
      { createdAgo: 86400, statuses: { 'redis-server': runningFor(86390) } },
      { createdAgo: 86380, statuses: { 'redis-server': runningFor(86370) } },
    ],
    logs: {
      'redis-server': {
        previous: lines('', '*** FATAL CONFIG FILE ERROR ***', 'Reading the configuration file, at line 1058', ">>> 'slaveof  6379'", 'Bad directive or wrong number of arguments'),
      },
    },
  });
}

/** Ops Manager's application database cannot create its journal symlink on the data volume. */
function mongodbJournalSymlink(): ScenarioDef {
  return statefulSetScenario({
    dir: 'permission-denied/real-mongodb-om-journal-symlink',
    source:
      "https://github.com/mongodb/mongodb-enterprise-kubernetes/issues/60 — om-db-0 crash-loops on \"ln: failed to create symbolic link '/data/journal': Permission denied\" (the process runs as uid 2000, the data volume is not writable for it); resolved by changing the persistence layout. Namespace, container name and image completed; exit code not in the report, 1 is what the launcher script exits with.",
    cause: 'permission-denied',
    ns: 'mongodb',
    name: 'om-db',
    serviceName: 'om-db-svc',
    collectedAt: '2020-01-10T03:00:00Z',
    podAge: 2220,
    containers: [
      {
        name: 'mongodb-enterprise-database',
        image: 'quay.io/mongodb/mongodb-enterprise-appdb:10.2.2.5913-1_4.2.2',
        ports: [{ containerPort: 27017 }],
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
      },
    ],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-om-db-0' } }],
    spec: { securityContext: { runAsUser: 2000, runAsNonRoot: true } },
    statuses: { 'mongodb-enterprise-database': crash(1, { ran: 1, finishedAgo: 140, restarts: 12 }) },
    logs: {
      'mongodb-enterprise-database': {
        previous: lines(
          '{"logType":"agent-launcher-script","contents":"Using Kubernetes CA file"}',
          '{"logType":"agent-launcher-script","contents":"Added 2000 to /etc/passwd"}',
          "ln: failed to create symbolic link '/data/journal': Permission denied",
        ),
      },
    },
  });
}

/** A stale controller-manager process from an earlier run still holds :10252 on the host. */
function controllerManagerPortTaken(): ScenarioDef {
  const name = 'kube-controller-manager-ip-10-125-98-238.ec2.internal';
  return barePodScenario({
    dir: 'port-in-use/real-kube-controller-manager-port-10252',
    source:
      'https://github.com/kubernetes/kubernetes/issues/75726 — the static kube-controller-manager pod exits 255 on "listen tcp 0.0.0.0:10252: bind: address already in use"; `ps` on the node shows an older hyperkube controller-manager still running and holding the port. Command as far as the report shows it; hostNetwork completed (static control-plane pod).',
    cause: 'port-in-use',
    ns: 'default',
    name,
    collectedAt: '2019-03-26T09:30:00Z',
    podAge: 17 * 3600,
    node: { name: 'ip-10-125-98-238.ec2.internal' },
    containers: [
      {
        name: 'kube-controller-manager',
        image: 'gcr.io/google_containers/hyperkube',
        command: ['/bin/sh', '-c', '/hyperkube controller-manager --master=http://127.0.0.1:8080  --address=0.0.0.0 --cloud-provider=aws'],
      },
    ],
    spec: { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet', priorityClassName: 'system-cluster-critical' },
    statuses: { 'kube-controller-manager': crash(255, { ran: 1, finishedAgo: 43, restarts: 232 }) },
    logs: { 'kube-controller-manager': { previous: lines('listen tcp 0.0.0.0:10252: bind: address already in use') } },
  });
}

/** GKE evicts a Concourse worker for writing to the node's ephemeral storage without a request. */
function concourseWorkerEphemeralStorage(): ScenarioDef {
  const msg = 'The node was low on resource: ephemeral-storage. Container hush-house-worker was using 73712Ki, which exceeds its request of 0. ';
  return statefulSetScenario({
    dir: 'evicted/real-concourse-worker-ephemeral-storage',
    source:
      'https://github.com/concourse/hush-house/issues/8 — GKE evicts the Concourse workers (status reason Evicted, "The node was low on resource: ephemeral-storage ... exceeds its request of 0"); fixed by moving to a larger node disk. Pod status message verbatim; the killed container\'s exit code (137) and the eviction time are completed.',
    cause: 'evicted',
    ns: 'hush-house',
    name: 'hush-house-worker',
    serviceName: 'hush-house-worker',
    collectedAt: '2019-02-15T23:00:00Z',
    podAge: 9661,
    phase: 'Failed',
    reason: 'Evicted',
    message: msg,
    containers: [{ name: 'hush-house-worker', image: 'concourse/concourse:4.2.2', args: ['worker'], volumeMounts: [{ name: 'concourse-work-dir', mountPath: '/concourse-work-dir' }] }],
    volumes: [{ name: 'concourse-work-dir', emptyDir: {} }],
    statuses: { 'hush-house-worker': { kind: 'terminated', term: { exitCode: 137, reason: 'Error', ran: 8450, finishedAgo: 1200 } } },
    events: [
      { reason: 'Evicted', type: 'Warning', message: msg, firstAgo: 1200 },
      { reason: 'Killing', container: 'hush-house-worker', message: 'Stopping container hush-house-worker', firstAgo: 1200 },
    ],
    others: [{ createdAgo: 40000, statuses: { 'hush-house-worker': runningFor(39990) } }],
    logs: {},
  });
}

/** katib-db-manager gives up on MySQL: every ping is refused. */
function katibDbManagerRefused(): ScenarioDef {
  const ping = (t: string) => `E1218 ${t}       1 mysql.go:62] Ping to Katib db failed: dial tcp 10.233.28.55:3306: connect: connection refused`;
  return appScenario({
    dir: 'dependency-unavailable/real-katib-db-manager-mysql-refused',
    source:
      'https://github.com/kubeflow/kubeflow/issues/5468 — katib-db-manager crash-loops because katib-mysql refuses connections ("Ping to Katib db failed: dial tcp 10.233.28.55:3306: connect: connection refused"); the MySQL pod itself was down. Image tag completed; exit code not in the report, 255 is what klog.Fatal exits with when the db-manager gives up.',
    cause: 'dependency-unavailable',
    detail: 'refused',
    ns: 'kubeflow',
    app: 'katib-db-manager',
    hash: '6c88c68d79',
    podName: 'katib-db-manager-6c88c68d79-6snxk',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2020-12-18T10:41:30Z',
    podAge: 3600,
    containers: [{ name: 'katib-db-manager', image: 'docker.io/kubeflowkatib/katib-db-manager:v1beta1-a96ff59', ports: [{ containerPort: 6789, name: 'api' }] }],
    statuses: { 'katib-db-manager': crash(255, { ran: 60, finishedAgo: 45, restarts: 14 }) },
    logs: {
      'katib-db-manager': {
        previous: lines(...['10:39:50.481923', '10:39:55.473955', '10:40:00.501934', '10:40:05.493921', '10:40:10.481945', '10:40:15.473935', '10:40:20.501949', '10:40:25.493786', '10:40:30.481967', '10:40:35.473947'].map(ping)),
      },
    },
  });
}

/** cainjector cannot reach the API server's service IP after a CNI change: dial i/o timeout. */
function cainjectorApiserverTimeout(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/real-cert-manager-cainjector-apiserver-timeout',
    source:
      'https://github.com/aws/amazon-vpc-cni-k8s/issues/2074 — after adding an ENIConfig with its own security group, cert-manager-cainjector cannot reach the API server ("dial tcp 172.20.0.1:443: i/o timeout") and exits. Args and container name completed; exit code not in the report, 1 is what the command exits with on "Error: error creating manager".',
    cause: 'dependency-unavailable',
    detail: 'timeout',
    ns: 'cert-manager',
    app: 'cert-manager-cainjector',
    hash: '7457c7bfb4',
    podName: 'cert-manager-cainjector-7457c7bfb4-chs8j',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2022-09-02T08:17:00Z',
    podAge: 900,
    containers: [{ name: 'cert-manager', image: 'quay.io/jetstack/cert-manager-cainjector:v1.5.4', args: ['--v=2', '--leader-election-namespace=kube-system'] }],
    statuses: { 'cert-manager': crash(1, { ran: 31, finishedAgo: 84, restarts: 6 }) },
    logs: {
      'cert-manager': {
        previous: lines(
          'I0902 08:15:05.284992       1 start.go:107] "starting" version="v1.5.4" revision="a458e48212004fcf72a42d6b371e9d09ada94a5d"',
          'E0902 08:15:35.286504       1 cluster.go:160] cert-manager/controller-runtime/manager "msg"="Failed to get API Group-Resources" "error"="Get \\"https://172.20.0.1:443/api?timeout=32s\\": dial tcp 172.20.0.1:443: i/o timeout"',
          'Error: error creating manager: Get "https://172.20.0.1:443/api?timeout=32s": dial tcp 172.20.0.1:443: i/o timeout',
          'Usage:',
          '  ca-injector [flags]',
          '',
          'Flags:',
          '      --add_dir_header                            If true, adds the file directory to the header of the log messages',
        ),
      },
    },
  });
}

export const TUNED_A: Array<() => ScenarioDef> = [
  redisHaEmptySlaveof,
  mongodbJournalSymlink,
  controllerManagerPortTaken,
  concourseWorkerEphemeralStorage,
  katibDbManagerRefused,
  cainjectorApiserverTimeout,
];
