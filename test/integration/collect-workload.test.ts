/** resolveWorkload: the key of one Slack thread per crashing workload, read through the real client. */
import { afterEach, expect, it } from 'vitest';
import { resolveWorkload } from '../../src/collect/index.js';
import { makeClients } from '../../src/kube/clients.js';
import { startFakeKubeApi, type FakeKubeApi } from '../fakes/kube-api-server.js';
import { sampleObjects } from '../fakes/kube-sample.js';

let api: FakeKubeApi;
afterEach(async () => api.close());

const bare = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug', namespace: 'shop' }, spec: { containers: [{ name: 'sh', image: 'busybox' }] } };
const cronPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nightly-29000000-x1', namespace: 'shop', ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'nightly-29000000', uid: 'j1', controller: true }] },
  spec: { containers: [{ name: 'job', image: 'busybox' }] },
};
const job = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'nightly-29000000', namespace: 'shop', uid: 'j1', ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'c1', controller: true }] },
  spec: { template: { spec: { containers: [] } } },
};

it('walks pod -> ReplicaSet -> Deployment and Job -> CronJob; a bare or missing pod has none', async () => {
  api = await startFakeKubeApi({ objects: [...sampleObjects(), bare, cronPod, job] as never });
  const clients = makeClients(api.kubeConfig());
  expect(await resolveWorkload(clients, 'shop', 'api-7d9f8b6c5d-abcde')).toEqual({ kind: 'Deployment', name: 'api', namespace: 'shop' });
  expect(await resolveWorkload(clients, 'shop', 'nightly-29000000-x1')).toEqual({ kind: 'CronJob', name: 'nightly', namespace: 'shop' });
  expect(await resolveWorkload(clients, 'shop', 'debug')).toBeNull();
  expect(await resolveWorkload(clients, 'shop', 'gone')).toBeNull();
});

it('falls back to the ReplicaSet name when the ReplicaSet cannot be read', async () => {
  api = await startFakeKubeApi({ objects: sampleObjects() });
  api.fault({ path: /\/replicasets\//, status: 403 });
  const clients = makeClients(api.kubeConfig());
  expect(await resolveWorkload(clients, 'shop', 'api-7d9f8b6c5d-abcde')).toEqual({ kind: 'Deployment', name: 'api', namespace: 'shop' });
});
