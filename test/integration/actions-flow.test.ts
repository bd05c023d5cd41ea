/**
 * Buttons end to end: signed block_actions requests into the real Bolt app, real redis-server + BullMQ
 * worker, the loopback fake Kubernetes API through client-node, and the loopback Slack Web API stub.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeButtonValue } from '../../src/domain/button-value.js';
import { actions, button } from '../../src/render/slack/blocks.js';
import { startFakeKubeApi, type FakeKubeApi } from '../fakes/kube-api-server.js';
import { startSlackApiStub, type SlackApiStub, type StubMessage } from '../fakes/slack-api-stub.js';
import { disposeRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { signedHeaders } from '../support/slack-signing.js';
import { startActionsBot, type ActionsBot } from './actions-bot.js';
import { historyCluster, NS, SEVEN_REVISIONS } from './actions-cluster.js';

const SECRET = 'test-signing-secret-0123456789';
const CHANNEL = 'C0OPS';
let redis: RedisServer;
let kube: FakeKubeApi;
let slack: SlackApiStub;
let bot: ActionsBot;
const logLines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  redis = await startRedisServer();
  kube = await startFakeKubeApi();
  slack = await startSlackApiStub({ usergroups: { S0SRE: ['U0BOB'] } });
  const kubeconfig = kube.writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'actions-flow-')), 'config'));
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  bot = await startActionsBot({
    // The follow-up with short timings (the production defaults poll every 5 s for 10 min).
    timings: { pollSeconds: 1, soakMarginSeconds: 1, rolloutTimeoutSeconds: 4, kubeTimeoutMs: 1_500 },
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
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await Promise.all([kube?.close(), slack?.close()]);
  await disposeRedisServer(redis);
});

/** A fresh Deployment `name` (distinct per test: job ids are per deployment) and its diagnosis message with buttons. */
async function setup(name: string, opts: { paused?: boolean; crashedAfterSeconds?: number } = {}) {
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
  const message = slack.messages.find((m) => m.ts === msg.ts)!;
  return { name, root: root.ts!, message };
}

function buttonValue(message: StubMessage, actionId: string): string {
  for (const b of (message.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>) {
    const e = b.elements?.find((x) => x.action_id === actionId);
    if (e) return e.value;
  }
  throw new Error(`no ${actionId} button`);
}

let clicks = 0;
/** POST a signed block_actions payload, as Slack does when a button is pressed. */
async function click(message: StubMessage, actionId: string, user = 'U0ALICE', value = buttonValue(message, actionId)): Promise<number> {
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
  const res = await fetch(`${bot.url}/slack/events`, {
    method: 'POST',
    headers: signedHeaders(body, 'application/x-www-form-urlencoded', { secret: SECRET }),
    body,
  });
  await res.text();
  return res.status;
}

const deployPath = (name: string) => `/apis/apps/v1/namespaces/${NS}/deployments/${name}`;
const patchesTo = (name: string) => kube.requests.filter((r) => r.method === 'PATCH' && r.path === deployPath(name));
const deployment = (name: string) => kube.store.get({ kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', namespaced: true } as never, NS, name)!;
/** The first thread reply whose fallback text or blocks contain `text`. */
const replyWith = (root: string, text: string) =>
  slack.waitFor(
    () => slack.replies(root).find((m) => !m.text.endsWith(' diagnosis') && (m.text.includes(text) || JSON.stringify(m.blocks ?? []).includes(text))),
    10_000,
  );
const ephemeralsTo = (user: string) => slack.callsTo('chat.postEphemeral').filter((c) => c.args.user === user);
const settle = (ms = 1_500) => new Promise((r) => setTimeout(r, ms));

describe('rollback button', () => {
  it('rolls back once, replies with the audit line, removes stale buttons, logs the audit and follows the rollout', async () => {
    const { name, root, message } = await setup('cart');
    expect(await click(message, 'rollback')).toBe(200);

    const reply = await replyWith(root, 'rolled back');
    expect(reply.text).toContain(`<@U0ALICE> rolled back ${NS}/${name} from revision 7 (api:1.4.2) to revision 6 (api:1.4.1)`);
    expect(patchesTo(name)).toHaveLength(1);
    expect(patchesTo(name)[0]!.contentType).toBe('application/json-patch+json');
    expect(deployment(name).spec.template.spec.containers[0].image).toBe('registry.example.com/shop/api:1.4.1');

    // The diagnosis message lost its cluster-changing buttons; re-run stays.
    await slack.waitFor(() => message.updates > 0, 5_000);
    const ids = JSON.stringify(message.blocks);
    expect(ids).not.toContain('"rollback"');
    expect(ids).not.toContain('"pause_rollout"');
    expect(ids).toContain('"rediagnose"');

    const audit = logLines.find((l) => l.audit === true && l.event === 'action' && l.deployment === name);
    expect(audit).toMatchObject({ action: 'rollback', user: 'U0ALICE', namespace: NS, fromRevision: 7, toRevision: 6, result: 'rolled-back' });
    expect(audit!.toImages).toEqual(['registry.example.com/shop/api:1.4.1']);

    // No pods to watch in the fake (no kubelet): the follow-up reports the rollout itself.
    const status = await replyWith(root, 'Rollout of');
    expect(status.text).toMatch(/complete/);
  });

  it('a double click, a second approver (via user group) and a re-sent action produce exactly one patch and one audit reply', async () => {
    const { name, root, message } = await setup('checkout');
    const asClicked = structuredClone(message); // the payload Slack would re-send carries the message as it was
    const statuses = await Promise.all([click(message, 'rollback'), click(message, 'rollback'), click(message, 'rollback', 'U0BOB')]);
    expect(statuses).toEqual([200, 200, 200]);
    await replyWith(root, 'rolled back');
    expect(await click(asClicked, 'rollback')).toBe(200); // Slack re-sends the same action later
    await settle();
    expect(patchesTo(name)).toHaveLength(1);
    expect(slack.replies(root).filter((m) => m.text.includes('rolled back'))).toHaveLength(1);
    expect(ephemeralsTo('U0ALICE').some((c) => String(c.args.text).startsWith('Already done'))).toBe(true);
  });

  it('a stale button (the Deployment moved on) changes nothing and says to re-run the diagnosis', async () => {
    const { name, root, message } = await setup('search');
    const stale = encodeButtonValue({ ns: NS, pod: `${name}-x`, d: name, from: 6, to: 5 });
    await click(message, 'rollback', 'U0ALICE', stale);
    const reply = await replyWith(root, 'moved on since this diagnosis');
    expect(JSON.stringify(reply.blocks)).toContain('Re-run the diagnosis');
    expect(patchesTo(name)).toHaveLength(0);
    expect(deployment(name).spec.template.spec.containers[0].image).toBe('registry.example.com/shop/api:1.4.2');
  });

  it("refuses a paused Deployment with kubectl's reason and offers resume; resume works, then the rollback", async () => {
    const { name, root, message } = await setup('payments', { paused: true });
    await click(message, 'rollback');
    const refusal = await replyWith(root, 'paused');
    expect(JSON.stringify(refusal.blocks)).toContain("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/payments' and try again");
    expect(patchesTo(name)).toHaveLength(0);

    await click(refusal, 'resume_rollout');
    await replyWith(root, 'resumed the rollout');
    expect(patchesTo(name).map((p) => [p.contentType, p.body])).toEqual([['application/merge-patch+json', { spec: { paused: false } }]]);

    await click(message, 'rollback'); // the same button again: the refused run does not block it
    await replyWith(root, 'rolled back');
    expect(patchesTo(name)).toHaveLength(2);
    expect(deployment(name).spec.template.spec.containers[0].image).toBe('registry.example.com/shop/api:1.4.1');
  });

  it('an unauthorised user changes nothing, gets an ephemeral "not allowed", and the refusal is logged', async () => {
    const { name, root, message } = await setup('ledger');
    expect(await click(message, 'rollback', 'U0MALLORY')).toBe(200);
    const eph = await slack.waitFor(() => ephemeralsTo('U0MALLORY')[0], 5_000);
    expect(String(eph.args.text)).toMatch(/^Not allowed/);
    await settle();
    expect(patchesTo(name)).toHaveLength(0);
    expect(slack.replies(root).filter((m) => m.text !== `${name} diagnosis`)).toHaveLength(0);
    expect(logLines.find((l) => l.event === 'action-denied' && l.deployment === name)).toMatchObject({ user: 'U0MALLORY', action: 'rollback', namespace: NS, reason: 'not-approver' });
  });

  it('reports 403 (naming the missing permission) and 404 in the thread', async () => {
    const forbidden = await setup('orders');
    kube.fault({ method: 'PATCH', path: deployPath('orders'), status: 403 });
    await click(forbidden.message, 'rollback');
    const denied = await replyWith(forbidden.root, 'Could not roll back');
    expect(JSON.stringify(denied.blocks)).toContain('patch deployments.apps in namespace shop');
    expect(deployment('orders').spec.template.spec.containers[0].image).toBe('registry.example.com/shop/api:1.4.2');

    const gone = await setup('billing');
    kube.store.delete({ kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', namespaced: true } as never, NS, 'billing');
    await click(gone.message, 'pause_rollout');
    const missing = await replyWith(gone.root, 'Could not pause');
    expect(JSON.stringify(missing.blocks)).toContain('no longer exists');
  });

  it('a retry after the patch went through (the reply failed) reports the rollback once and patches once', async () => {
    const { name, root, message } = await setup('wishlist');
    slack.inject('chat.postMessage', { error: 'internal_error' }, 1); // the first reply attempt fails after the patch
    await click(message, 'rollback');
    const reply = await replyWith(root, 'rolled back');
    expect(reply.text).toContain(`<@U0ALICE> rolled back ${NS}/${name} from revision 7 (api:1.4.2) to revision 6 (api:1.4.1)`);
    await settle();
    expect(patchesTo(name)).toHaveLength(1);
    expect(slack.replies(root).filter((m) => m.text.includes('rolled back'))).toHaveLength(1);
  });

  it('turns actions off where ACTION_APPROVERS says none, and the answer says why', async () => {
    const { message } = await setup('dns');
    const value = encodeButtonValue({ ns: 'kube-system', pod: 'coredns-x', d: 'coredns', from: 3, to: 2 });
    await click(message, 'rollback', 'U0ALICE', value);
    const eph = await slack.waitFor(() => ephemeralsTo('U0ALICE').find((c) => JSON.stringify(c.args.blocks).includes('kube-system=none')), 5_000);
    expect(String(eph.args.text)).toMatch(/^Not allowed/);
    expect(kube.requests.some((r) => r.path.includes('/namespaces/kube-system/'))).toBe(false);
  });

  it('re-run queues a fresh diagnosis into the same thread', async () => {
    const { name, root, message } = await setup('gateway');
    await click(message, 'rediagnose', 'U0MALLORY'); // not cluster-changing: anyone may
    let diagnose: { data: unknown } | undefined;
    for (let i = 0; i < 100 && !diagnose; i++) {
      const jobs = await bot.deps.queue.queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed']);
      diagnose = jobs.find((j) => j.name === 'diagnose' && j.data.target?.name === `${name}-x`);
      if (!diagnose) await settle(50);
    }
    expect(diagnose?.data).toMatchObject({ target: { namespace: NS, name: `${name}-x`, container: 'api' }, thread: { channel: CHANNEL, threadTs: root }, trigger: 'button', requestedBy: 'U0MALLORY' });
  });

  it('a bad button value gets an ephemeral error and queues nothing', async () => {
    const { name, message } = await setup('auth');
    await click(message, 'rollback', 'U0ALICE', '{"v":2}');
    const eph = await slack.waitFor(() => ephemeralsTo('U0ALICE').find((c) => String(c.args.text).includes('not one this bot made')), 5_000);
    expect(eph).toBeTruthy();
    expect(patchesTo(name)).toHaveLength(0);
  });
});

describe('rollout follow-up', () => {
  it('reports success only once the new pods outlive the old crash point, and failure when they crash too', async () => {
    const good = await setup('profile', { crashedAfterSeconds: 2 });
    await click(good.message, 'rollback');
    await replyWith(good.root, 'rolled back');
    addPods('profile', { startedSecondsAgo: 0, restarts: 0 });
    const ok = await replyWith(good.root, 'Rollout of');
    expect(ok.text).toMatch(/complete/);
    expect(JSON.stringify(ok.blocks)).toMatch(/stayed up past 2s/);

    const bad = await setup('reviews', { crashedAfterSeconds: 2 });
    await click(bad.message, 'rollback');
    await replyWith(bad.root, 'rolled back');
    addPods('reviews', { startedSecondsAgo: 0, restarts: 3, crashLoop: true });
    const failed = await replyWith(bad.root, 'Rollout of');
    expect(failed.text).toMatch(/failed/);
    expect(JSON.stringify(failed.blocks)).toMatch(/restarted 3 times \(CrashLoopBackOff\)/);
  });
});

describe('rollout follow-up timeout', () => {
  it('reports a rollout that does not finish in time, with the last kubectl-style status', async () => {
    const { name, root, message } = await setup('stuck');
    await click(message, 'rollback');
    await replyWith(root, 'rolled back');
    // Play a slow controller: only one of two new replicas ever comes up.
    const type = { kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', namespaced: true } as never;
    const d = deployment(name);
    d.status = { ...d.status, updatedReplicas: 1, availableReplicas: 1, readyReplicas: 1 };
    kube.store.update(type, d, false);
    const timeout = await replyWith(root, 'Rollout of');
    expect(timeout.text).toMatch(/not finished/);
    expect(JSON.stringify(timeout.blocks)).toContain('1 out of 2 new replicas have been updated');
    expect(JSON.stringify(timeout.blocks)).toContain(`kubectl -n ${NS} rollout status deployment/${name}`);
  });
});

/** Play the kubelet: pods of the Deployment's current ReplicaSet. */
function addPods(name: string, o: { startedSecondsAgo: number; restarts: number; crashLoop?: boolean }) {
  const rsType = { kind: 'ReplicaSet', group: 'apps', version: 'v1', plural: 'replicasets', namespaced: true } as never;
  const current = deployment(name).metadata.annotations!['deployment.kubernetes.io/revision'];
  const rs = kube.store.list(rsType, NS).find((r) => r.metadata.name.startsWith(`${name}-`) && r.metadata.annotations?.['deployment.kubernetes.io/revision'] === current)!;
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
            state: o.crashLoop
              ? { waiting: { reason: 'CrashLoopBackOff' } }
              : { running: { startedAt: new Date(Date.now() - o.startedSecondsAgo * 1000).toISOString() } },
          },
        ],
      },
    });
  }
}

describe('when Redis is down', () => {
  it('still acks the click and tells the clicker nothing was done', async () => {
    const { name, message } = await setup('inventory');
    await redis.stop();
    try {
      expect(await click(message, 'rollback')).toBe(200);
      const eph = await slack.waitFor(() => ephemeralsTo('U0ALICE').find((c) => JSON.stringify(c.args.blocks).includes('(Redis) is unavailable')), 10_000);
      expect(String(eph.args.text)).toMatch(/^Could not start this action/);
      expect(patchesTo(name)).toHaveLength(0);
    } finally {
      await redis.restart();
      // Let the bot's connections come back before the suite shuts it down.
      for (let i = 0; i < 100; i++) {
        if ((await bot.deps.redis.ping().catch(() => null)) === 'PONG') break;
        await settle(100);
      }
    }
  });
});
