/**
 * npm run bench:diagnose [-- --runs 50 --latency 50 --scenario <id>]
 *
 * Serves a scenario fixture from the loopback fake Kubernetes API with a fixed latency added to
 * every request, runs the whole diagnosis (collect through the real client -> diagnose -> render
 * JSON) many times, and prints wall time p50/p95/max, requests per diagnosis and sequential round
 * trips (from the recorded start/end times). Budget: <= 10 requests, <= 4 rounds, < 250 ms at 50 ms
 * per request, nothing cluster-wide. Exits 1 when over budget.
 */
import { parseArgs } from 'node:util';
import { makeClients } from '../src/kube/clients.js';
import { collectEvidence, diagnose, render } from '../src/pipeline.js';
import { startFakeKubeApi } from '../test/fakes/kube-api-server.js';
import { typeByKind } from '../test/fakes/kube-resources.js';
import { sequentialRounds } from '../test/fakes/kube-rounds.js';
import { listScenarios, readExpected } from '../test/support/scenarios.js';

const BUDGET = { requests: 10, rounds: 4, wallMs: 250 };

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '50' },
    latency: { type: 'string', default: '50' },
    scenario: { type: 'string', default: 'oom-killed/java-limit-lowered-regression' },
  },
});
const runs = Number(values.runs);
const latencyMs = Number(values.latency);
const scenario = listScenarios().find((s) => s.id === values.scenario);
if (!scenario || !Number.isInteger(runs) || runs < 1 || !Number.isFinite(latencyMs)) {
  console.error(`usage: bench/diagnose.ts [--runs N] [--latency ms] [--scenario id]; scenarios: ${listScenarios().map((s) => s.id).slice(0, 5).join(', ')}, ...`);
  process.exit(2);
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const expected = readExpected(scenario.dir);
const api = await startFakeKubeApi({ scenario: scenario.dir, latencyMs });
const clients = makeClients(api.kubeConfig());
const pod = expected.target.name;
// The same scenario asked by pod name and by its workload name (resolution costs one more round).
const podObj = api.store.list(typeByKind('Pod')!, expected.target.namespace).find((p) => p.metadata.name === pod);
const rsRef = podObj?.metadata.ownerReferences?.find((r) => r.controller);
const hash = podObj?.metadata.labels?.['pod-template-hash'];
const workload = rsRef?.kind === 'ReplicaSet' && hash && rsRef.name.endsWith(`-${hash}`) ? rsRef.name.slice(0, -hash.length - 1) : rsRef?.name;
const targets = [{ label: 'pod name', name: pod }, ...(workload ? [{ label: `workload name (${workload})`, name: workload }] : [])];

let over = false;
console.log(`bench:diagnose  scenario ${scenario.id}, ${latencyMs} ms per API request, ${runs} runs per target`);
for (const target of targets) {
  const wall: number[] = [];
  let maxRequests = 0;
  let maxRounds = 0;
  let clusterWide = 0;
  let cause = '';
  for (let i = 0; i < runs; i++) {
    api.clearRequests();
    const t0 = performance.now();
    const evidence = await collectEvidence(clients, { namespace: expected.target.namespace, name: target.name, ...(expected.target.container ? { container: expected.target.container } : {}) });
    const diagnosis = diagnose(evidence);
    render(diagnosis, 'json');
    wall.push(performance.now() - t0);
    const reqs = api.apiRequests();
    maxRequests = Math.max(maxRequests, reqs.length);
    maxRounds = Math.max(maxRounds, sequentialRounds(reqs));
    clusterWide += reqs.filter((r) => r.clusterWide || r.resource === 'secrets').length;
    cause = diagnosis.cause;
  }
  wall.sort((a, b) => a - b);
  const p50 = pct(wall, 50);
  const p95 = pct(wall, 95);
  const max = wall[wall.length - 1]!;
  const problems = [
    maxRequests > BUDGET.requests ? `requests ${maxRequests} > ${BUDGET.requests}` : '',
    maxRounds > BUDGET.rounds ? `rounds ${maxRounds} > ${BUDGET.rounds}` : '',
    latencyMs === 50 && p95 > BUDGET.wallMs ? `p95 ${p95.toFixed(0)} ms > ${BUDGET.wallMs} ms` : '',
    clusterWide > 0 ? `${clusterWide} cluster-wide/secret requests` : '',
  ].filter(Boolean);
  over ||= problems.length > 0;
  console.log(
    `  ${target.label.padEnd(34)} wall p50 ${p50.toFixed(0)} ms  p95 ${p95.toFixed(0)} ms  max ${max.toFixed(0)} ms | ` +
      `requests ${maxRequests} (budget ${BUDGET.requests}) | rounds ${maxRounds} (budget ${BUDGET.rounds}) | cause ${cause} | ` +
      (problems.length ? `OVER BUDGET: ${problems.join('; ')}` : 'within budget'),
  );
}
await api.close();
process.exitCode = over ? 1 : 0;
