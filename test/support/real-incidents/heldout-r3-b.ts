/**
 * Held-out real incidents, round 3 (2/3): the wrong binary, a missing one, an unwritable volume, a process
 * that ends. Never tuned against (test/fixtures/heldout/README.md). Log lines, messages and names are the
 * reports'; `source` says what was completed.
 */
import { appScenario, crash, runningFor, type ScenarioDef } from '../fixture-gen/define.js';
import { uid } from '../fixture-gen/ids.js';
import { lines } from '../fixture-gen/log-time.js';
import { barePodScenario, statefulSetScenario } from '../fixture-gen/more.js';
import type { J } from '../fixture-gen/objects.js';

function heldOut(def: ScenarioDef): ScenarioDef {
  const { rollout: _r, ...expected } = def.expected;
  return { ...def, expected };
}

/** The labeler sidecar's new image ships an aarch64 binary; the nodes are amd64. */
function mongoLabelerArmBinary(): ScenarioDef {
  return heldOut(
    statefulSetScenario({
      dir: 'mongo-labeler-sidecar-aarch64-binary',
      source:
        'https://github.com/combor/k8s-mongo-labeler-sidecar/issues/14 — after moving to the new version of the sidecar the pod crashes with "standard_init_linux.go:228: exec user process caused: exec format error"; a user extracted the image and found primary-sidecar to be "ELF 64-bit LSB executable, ARM aarch64", i.e. the image was built for arm64 only and the nodes are amd64. Log line verbatim; StatefulSet, mongo container, image tag, exit code and node completed.',
      cause: 'exec-format-error',
      ns: 'default',
      name: 'mongo',
      serviceName: 'mongo',
      collectedAt: '2022-08-09T10:00:00Z',
      podAge: 900,
      focus: 'mongo-labeler',
      containers: [
        { name: 'mongo', image: 'mongo:4.4', command: ['mongod', '--replSet', 'rs0', '--bind_ip_all'], ports: [{ containerPort: 27017, name: 'mongo' }] },
        { name: 'mongo-labeler', image: 'combor/k8s-mongo-labeler-sidecar:latest', env: [{ name: 'LABEL_SELECTOR', value: 'app=mongo' }, { name: 'NAMESPACE', value: 'default' }] },
      ],
      statuses: { mongo: runningFor(890), 'mongo-labeler': crash(1, { ran: 0, finishedAgo: 120, restarts: 6 }) },
      logs: { 'mongo-labeler': { previous: lines('standard_init_linux.go:228: exec user process caused: exec format error') } },
    }),
  );
}

/** The hotelReservation manifests run "./user", which is not where the image keeps the binary. */
function hotelReservationUserBinaryMissing(): ScenarioDef {
  const runErr =
    'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "./user": stat ./user: no such file or directory: unknown';
  const def = heldOut(
    appScenario({
      dir: 'hotel-reservation-user-binary-not-found',
      source:
        'https://github.com/delimitrou/DeathStarBench/issues/358 — after `kubectl apply -Rf kubernetes/` the hotelReservation Go services crash-loop with "Error: failed to start container \\"hotel-reserv-user\\": Error response from daemon: ... exec: \\"./user\\": stat ./user: no such file or directory"; the answer: the command in the manifests does not point at where the image keeps the binary (use e.g. /go/bin/frontend). Event verbatim; image, port, exit code 127 / ContainerCannotRun (Docker\'s for a missing executable) and counts completed.',
      cause: 'bad-entrypoint',
      ns: 'default',
      app: 'hotel-reserv-user',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2025-05-18T10:00:00Z',
      podAge: 840,
      containers: [{ name: 'hotel-reserv-user', image: 'deathstarbench/hotel-reservation:latest', command: ['./user'], ports: [{ containerPort: 8086 }] }],
      statuses: { 'hotel-reserv-user': crash(127, { reason: 'ContainerCannotRun', message: runErr, ran: 0, finishedAgo: 600, restarts: 6 }) },
      events: [
        { reason: 'Failed', type: 'Warning', container: 'hotel-reserv-user', count: 6, firstAgo: 780, lastAgo: 600, message: `Error: failed to start container "hotel-reserv-user": Error response from daemon: ${runErr}` },
      ],
      logs: {},
    }),
  );
  // The container never started: no "Started" events.
  return { ...def, objects: def.objects.filter((o: J) => !(o.kind === 'Event' && o.reason === 'Started')) };
}

/** Loki runs as a non-root user and cannot create its directory on the fresh GKE volume. */
function lokiIngesterDataNotWritable(): ScenarioDef {
  const name = 'observatorium-xyz-loki-ingester';
  return heldOut(
    statefulSetScenario({
      dir: 'observatorium-loki-ingester-mkdir-data',
      source:
        'https://github.com/observatorium/observatorium/issues/410 — deploying the example manifests on a fresh GKE cluster, loki-compactor, loki-ingester and loki-querier crash-loop with `msg="error running loki" err="mkdir /data/loki: permission denied`; adding a securityContext running as user/group 0 made them work (the /data volume is not writable by Loki\'s non-root user). Log line verbatim; names, image tag, args, volume and exit code completed.',
      cause: 'permission-denied',
      ns: 'observatorium',
      name,
      serviceName: `${name}-grpc`,
      collectedAt: '2021-05-06T20:08:00Z',
      podAge: 720,
      node: { name: 'gke-observatorium-default-pool-5c1f2a3b-x7k2' },
      containers: [
        {
          name,
          image: 'docker.io/grafana/loki:2.2.1',
          args: ['-target=ingester', '-config.file=/etc/loki/config/config.yaml', '-limits.per-user-override-config=/etc/loki/config/overrides.yaml', '-log.level=error'],
          ports: [
            { containerPort: 3100, name: 'metrics' },
            { containerPort: 9095, name: 'grpc' },
            { containerPort: 7946, name: 'gossip-ring' },
          ],
          volumeMounts: [
            { name: 'config', mountPath: '/etc/loki/config/', readOnly: false },
            { name: 'storage', mountPath: '/data', readOnly: false },
          ],
        },
      ],
      volumes: [
        { name: 'config', configMap: { name: 'observatorium-xyz-loki', defaultMode: 420 } },
        { name: 'storage', persistentVolumeClaim: { claimName: `storage-${name}-0` } },
      ],
      statuses: { [name]: crash(1, { ran: 1, finishedAgo: 37, restarts: 6 }) },
      logs: { [name]: { previous: lines('level=error ts=2021-05-06T20:07:23.034407503Z caller=log.go:149 msg="error running loki" err="mkdir /data/loki: permission denied') } },
    }),
  );
}

/** `oc new-app centos`: the base image's shell exits at once, the DeploymentConfig restarts it forever. */
function openshiftCentosNewApp(): ScenarioDef {
  const def = heldOut(
    barePodScenario({
      dir: 'openshift-new-app-centos-exits',
      source:
        'https://github.com/openshift/origin/issues/18362 — `oc new-app centos` (or alpine, debian) gives a crash-looping pod whose `oc logs` print nothing; the maintainers: these base images do nothing useful, their entrypoint is not a long-running process, so the container exits and is restarted. Pod name and empty log verbatim; the ReplicationController of DeploymentConfig centos (OpenShift 3.7), image reference, exit code 0 and counts completed.',
      cause: 'completed-exit',
      ns: 'myproject',
      name: 'centos-1-dl5dp',
      collectedAt: '2018-01-31T10:00:00Z',
      podAge: 600,
      node: { name: 'localhost' },
      containers: [{ name: 'centos', image: 'docker.io/centos:latest' }],
      statuses: { centos: crash(0, { ran: 0, finishedAgo: 95, restarts: 6 }) },
      logs: { centos: { previous: '' } },
    }),
  );
  const rcName = 'centos-1';
  const rcUid = uid(`rc:myproject/${rcName}`);
  const labels = { app: 'centos', deployment: rcName, deploymentconfig: 'centos' };
  const objects = def.objects.map((o: J): J => {
    if (o.kind !== 'Pod') return o;
    const owner = { apiVersion: 'v1', kind: 'ReplicationController', name: rcName, uid: rcUid, controller: true, blockOwnerDeletion: true };
    const annotations = { ...(o.metadata.annotations ?? {}), 'openshift.io/deployment-config.name': 'centos', 'openshift.io/deployment.name': rcName };
    return { ...o, metadata: { ...o.metadata, labels, annotations, ownerReferences: [owner] } };
  });
  const pod = objects.find((o: J) => o.kind === 'Pod')!;
  const rc: J = {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: {
      name: rcName,
      namespace: 'myproject',
      uid: rcUid,
      resourceVersion: '48213',
      generation: 2,
      creationTimestamp: pod.metadata.creationTimestamp,
      labels: { app: 'centos', 'openshift.io/deployment-config.name': 'centos' },
      annotations: { 'openshift.io/deployment-config.latest-version': '1', 'openshift.io/deployment-config.name': 'centos', 'openshift.io/deployment.phase': 'Running' },
    },
    spec: { replicas: 1, selector: { deployment: rcName, deploymentconfig: 'centos' }, template: { metadata: { labels }, spec: pod.spec } },
    status: { replicas: 1, fullyLabeledReplicas: 1, observedGeneration: 2 },
  };
  return { ...def, objects: [...objects, rc] };
}

export const HELDOUT_R3_B: Array<() => ScenarioDef> = [
  mongoLabelerArmBinary,
  hotelReservationUserBinaryMissing,
  lokiIngesterDataNotWritable,
  openshiftCentosNewApp,
];
