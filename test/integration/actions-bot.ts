/**
 * Harness for the action tests, from real parts: a redis-server, the loopback fake Kubernetes API, the
 * Slack Web API stub, the real `crashloop serve` (startBot: config from env, Bolt's HTTPReceiver with all
 * listeners, client-node from KUBECONFIG) and a BullMQ worker running the action processors with short
 * follow-up timings (production polls every 5 s for 10 min). Clicks are signed block_actions requests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Worker } from 'bullmq';
import { actionProcessors } from '../../src/actions/processors.js';
import { encodeButtonValue } from '../../src/domain/button-value.js';
import { createRedis } from '../../src/queue/connection.js';
import { createWorker } from '../../src/queue/worker.js';
import { actions, button } from '../../src/render/slack/blocks.js';
import type { RuntimeDeps } from '../../src/runtime/deps.js';
import { startBot } from '../../src/runtime/start.js';
import { startFakeKubeApi, type FakeKubeApi } from '../fakes/kube-api-server.js';
import type { KubeObject } from '../fakes/kube-store.js';
import { startSlackApiStub, type SlackApiStub, type StubMessage } from '../fakes/slack-api-stub.js';
import { disposeRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { signedHeaders } from '../support/slack-signing.js';
import { historyCluster, NS, SEVEN_REVISIONS } from './actions-cluster.js';

const SECRET = 'test-signing-secret-0123456789';
export const CHANNEL = 'C0OPS';
const DEPLOYMENTS = { kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', namespaced: true } as never;
const REPLICASETS = { kind: 'ReplicaSet', group: 'apps', version: 'v1', plural: 'replicasets', namespaced: true } as never;

export interface Harness {
  redis: RedisServer;
  kube: FakeKubeApi;
  slack: SlackApiStub;
  deps: RuntimeDeps;
  /** Parsed pino lines the bot wrote. */
  logLines: Array<Record<string, unknown>>;
  setup(name: string, opts?: { paused?: boolean; crashedAfterSeconds?: number }): Promise<{ name: string; root: string; message: StubMessage }>;
  click(message: StubMessage, actionId: string, user?: string, value?: string): Promise<number>;
  patchesTo(name: string): FakeKubeApi['requests'];
  deployment(name: string): KubeObject;
  setDeployment(obj: KubeObject): void;
  deleteDeployment(name: string): void;
  replyWith(root: string, text: string): Promise<StubMessage>;
  ephemeralsTo(user: string): SlackApiStub['calls'];
  addPods(name: string, o: { startedSecondsAgo: number; restarts: number; crashLoop?: boolean }): void;
  stop(): Promise<void>;
}

export const settle = (ms = 1_500) => new Promise((r) => setTimeout(r, ms));

function buttonValue(message: StubMessage, actionId: string): string {
  for (const b of (message.blocks ?? []) as Array<{ elements?: Array<{ action_id: string; value: string }> }>) {
    const e = b.elements?.find((x) => x.action_id === actionId);
    if (e) return e.value;
  }
  throw new Error(`no ${actionId} button`);
}

export async function startHarness(): Promise<Harness> {
  const redis = await startRedisServer();
  const kube = await startFakeKubeApi();
  const slack = await startSlackApiStub({ usergroups: { S0SRE: ['U0BOB'] } });
  const kubeconfig = kube.writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'actions-')), 'config'));
  const logLines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const bot = await startBot('serve', {
    env: {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      REDIS_URL: redis.url,
      QUEUE_NAME: `actions-${process.pid}`,
      PORT: '0',
      KUBECONFIG: kubeconfig,
      ACTION_APPROVERS: 'U0ALICE,S0SRE;kube-system=none',
      LOG_LEVEL: 'info',
    },
    logDestination: sink,
  });
  const worker: Worker = createWorker(bot.deps, actionProcessors({ pollSeconds: 1, soakMarginSeconds: 1, rolloutTimeoutSeconds: 4, kubeTimeoutMs: 1_500 }), {
    connection: createRedis(redis.url, 'worker', bot.config.queueName),
    concurrency: 4,
  });
  const url = `http://127.0.0.1:${bot.port}`;
  let clicks = 0;

  const h: Harness = {
    redis,
    kube,
    slack,
    deps: bot.deps,
    logLines,
    /** A fresh Deployment `name` (distinct per test: job ids are per deployment) and its diagnosis message with buttons. */
    async setup(name, opts = {}) {
      for (const o of historyCluster({ images: SEVEN_REVISIONS, name, ...opts })) if (o.kind !== 'Namespace' || !kube.store.namespaceExists(NS)) kube.store.add(o);
      const base = { ns: NS, pod: `${name}-x`, c: 'api', d: name, from: 7 };
      const blocks = [
        { type: 'section', text: { type: 'mrkdwn', text: `*${name}* is crash-looping` } },
        actions('crashloop_actions', [
          button({ text: 'Roll back to revision 6', actionId: 'rollback', value: encodeButtonValue({ ...base, to: 6 }), style: 'danger' }),
          opts.paused
            ? button({ text: 'Resume rollout', actionId: 'resume_rollout', value: encodeButtonValue(base) })
            : button({ text: 'Pause rollout', actionId: 'pause_rollout', value: encodeButtonValue(base) }),
          button({ text: 'Re-run diagnosis', actionId: 'rediagnose', value: encodeButtonValue({ ns: NS, pod: base.pod, c: 'api' }) }),
        ]),
      ];
      const root = await bot.deps.slack.chat.postMessage({ channel: CHANNEL, text: `${name} root` });
      const msg = await bot.deps.slack.chat.postMessage({ channel: CHANNEL, thread_ts: root.ts!, text: `${name} diagnosis`, blocks: blocks as never });
      return { name, root: root.ts!, message: slack.messages.find((m) => m.ts === msg.ts)! };
    },
    /** POST a signed block_actions payload, as Slack does when a button is pressed. */
    async click(message, actionId, user = 'U0ALICE', value = buttonValue(message, actionId)) {
      clicks += 1;
      const payload = {
        type: 'block_actions',
        team: { id: 'T0001', domain: 'example' },
        user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0001' },
        api_app_id: 'A0APP',
        token: 'deprecated',
        container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false, thread_ts: message.thread_ts },
        trigger_id: `${clicks}.trigger`,
        channel: { id: message.channel, name: 'ops' },
        message: { type: 'message', user: message.user, ts: message.ts, thread_ts: message.thread_ts, text: message.text, blocks: message.blocks },
        response_url: `${slack.baseUrl}/response/${clicks}`,
        actions: [{ type: 'button', action_id: actionId, block_id: 'crashloop_actions', value, action_ts: `${Date.now() / 1000}`, text: { type: 'plain_text', text: actionId } }],
      };
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      const res = await fetch(`${url}/slack/events`, { method: 'POST', headers: signedHeaders(body, 'application/x-www-form-urlencoded', { secret: SECRET }), body });
      await res.text();
      return res.status;
    },
    patchesTo: (name) => kube.requests.filter((r) => r.method === 'PATCH' && r.path === `/apis/apps/v1/namespaces/${NS}/deployments/${name}`),
    deployment: (name) => kube.store.get(DEPLOYMENTS, NS, name)!,
    setDeployment: (obj) => void kube.store.update(DEPLOYMENTS, obj, false),
    deleteDeployment: (name) => void kube.store.delete(DEPLOYMENTS, NS, name),
    /** The first thread reply (not the diagnosis message) whose fallback text or blocks contain `text`. */
    replyWith: (root, text) =>
      slack.waitFor(
        () => slack.replies(root).find((m) => !m.text.endsWith(' diagnosis') && (m.text.includes(text) || JSON.stringify(m.blocks ?? []).includes(text))),
        10_000,
      ),
    ephemeralsTo: (user) => slack.callsTo('chat.postEphemeral').filter((c) => c.args.user === user),
    /** Play the kubelet: two pods of the Deployment's current ReplicaSet. */
    addPods(name, o) {
      const current = h.deployment(name).metadata.annotations!['deployment.kubernetes.io/revision'];
      const rs = kube.store.list(REPLICASETS, NS).find((r) => r.metadata.name.startsWith(`${name}-`) && r.metadata.annotations?.['deployment.kubernetes.io/revision'] === current)!;
      const hash = rs.metadata.labels!['pod-template-hash']!;
      for (const i of [0, 1]) {
        kube.store.add({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: `${name}-${hash}-new${i}`, namespace: NS, labels: { app: name, 'pod-template-hash': hash } },
          spec: rs.spec.template.spec,
          status: {
            phase: 'Running',
            containerStatuses: [
              {
                name: 'api',
                image: rs.spec.template.spec.containers[0].image,
                ready: !o.crashLoop,
                restartCount: o.restarts,
                state: o.crashLoop ? { waiting: { reason: 'CrashLoopBackOff' } } : { running: { startedAt: new Date(Date.now() - o.startedSecondsAgo * 1000).toISOString() } },
              },
            ],
          },
        });
      }
    },
    async stop() {
      await worker.close();
      await bot.stop();
      await Promise.all([kube.close(), slack.close()]);
      await disposeRedisServer(redis);
    },
  };
  return h;
}
