import type { EvidenceItem } from '../../domain/diagnosis.js';
import { kubectl } from '../commands.js';
import type { Facts, ProbeFacts } from '../facts.js';
import { probePortMismatch } from '../facts/probes.js';
import type { Rule } from '../rule.js';
import { best, clamp, compact, logItem, countOf, eventItem, eventsOf, exitCode, hitsOf, stateItem, strongestOther, timingItem, who } from './support.js';

type Failure = 'refused' | 'status-404' | 'status' | 'timeout' | 'exec' | 'other';

function failureKind(message: string): Failure {
  if (/connection refused|connect: connection refused|ECONNREFUSED/i.test(message)) return 'refused';
  if (/statuscode: 404/i.test(message)) return 'status-404';
  if (/statuscode: \d+|status code \d+/i.test(message)) return 'status';
  if (/timeout|deadline exceeded|timed out/i.test(message)) return 'timeout';
  if (/command|exit code|exec|can't open|No such file/i.test(message)) return 'exec';
  return 'other';
}

/** Seconds from container start until the probe can kill it. */
function killWindow(p: ProbeFacts): number {
  return p.initialDelaySeconds + p.periodSeconds * p.failureThreshold;
}

function probeAdvice(kind: Failure, mismatch: string | null, probe: ProbeFacts | null, announced: number | null): string {
  if (mismatch && announced !== null) return `Point the ${probe?.kind ?? 'liveness'} probe at port ${announced}, where the app listens.`;
  if (mismatch) return `Point the ${probe?.kind ?? 'liveness'} probe at the port the app listens on.`;
  if (probe?.kind === 'startup' && (kind === 'refused' || kind === 'timeout' || kind === 'other')) {
    return `The startup probe gives up after ${killWindow(probe)}s (initialDelay + period x failureThreshold), before the app is up: raise failureThreshold (or periodSeconds) to cover the real startup time.`;
  }
  switch (kind) {
    case 'status-404':
      return `The probe path ${probe?.path ?? ''} does not exist (404): point it at the app's health endpoint.`;
    case 'refused':
      return 'Nothing listens on the probe port yet when the probe fires: add a startupProbe (or raise initialDelaySeconds) that covers the real startup time, and check the port.';
    case 'timeout':
      return 'The health endpoint answers too slowly: raise timeoutSeconds/failureThreshold and keep liveness checks shallow (no dependency checks).';
    case 'status':
      return 'The health endpoint reports unhealthy: make liveness check only the process itself, not its dependencies, and read why it fails.';
    default:
      return 'Align the probe with the app: correct target, a startupProbe for slow starts, tolerant timeouts.';
  }
}

export const livenessProbeFailureRule: Rule = {
  id: 'liveness-probe-failure',
  title: 'Liveness or startup probe kills the container',
  match(_evidence, f) {
    const killers = f.probes.filter((p) => p.kind === 'liveness' || p.kind === 'startup');
    const kills = countOf(f, 'probe-kill');
    const failures = eventsOf(f, 'liveness-failed', 'startup-failed');
    const failCount = countOf(f, 'liveness-failed', 'startup-failed');
    if (killers.length === 0 && kills === 0 && failCount === 0) return null;
    const code = exitCode(f);
    const shutdown = best(hitsOf(f, 'shutdown'));
    // An app that shuts down on the kubelet's SIGTERM may exit with any code: its log says it was stopped.
    const killed = code === 137 || code === 143 || f.last?.signal === 9 || f.last?.signal === 15 || (kills > 0 && !!shutdown);
    const depHit = best(hitsOf(f, 'dependency'));
    // Which probe kills it: the one the latest kill/failure event names, else liveness.
    const named = /\b(liveness|startup)\b/i.exec([...eventsOf(f, 'probe-kill', 'liveness-failed', 'startup-failed')].reverse()[0]?.message ?? '')?.[1]?.toLowerCase();
    const probe = killers.find((p) => p.kind === named) ?? killers.find((p) => p.kind === 'liveness') ?? killers[0] ?? null;
    const mismatch = killers.map((p) => probePortMismatch(p, f.ports)).find((m) => m) ?? null;
    const lastFailure = failures[failures.length - 1];
    const kind = lastFailure ? failureKind(lastFailure.message) : 'other';
    const window = probe ? killWindow(f.probes.find((p) => p.kind === 'startup') ?? probe) : null;
    const ran = f.last?.ranForSeconds ?? null;
    const ranNearWindow = window !== null && ran !== null && Math.abs(ran - window) <= (probe?.periodSeconds ?? 10) + (probe?.timeoutSeconds ?? 1) + 5;

    let confidence = 0;
    if (kills > 0) confidence = killed || code === 0 ? 0.93 : 0.8;
    else if (failCount > 0) confidence = killed ? 0.88 : 0.55;
    else if (killed && f.last?.reason !== 'OOMKilled' && mismatch) confidence = 0.72;
    else if (killed && f.last?.reason !== 'OOMKilled' && ranNearWindow) confidence = 0.5;
    if (confidence === 0) return null;
    if (f.last?.reason === 'OOMKilled') confidence = Math.min(confidence, 0.5);
    const other = strongestOther(f, ['oom', 'app-error', 'dependency']);
    if (!killed && code !== null && code !== 0 && other) confidence -= 0.2;
    if (mismatch) confidence += 0.03;

    // The port to point the probe at: an announced port that is also declared, else the first announced.
    const declared = new Set(f.ports.container.map((p) => p.port));
    const announced = (f.ports.announced.find((a) => declared.has(a.port)) ?? f.ports.announced[0])?.port ?? null;
    const k = kubectl(f);
    const normalStart = hitsOf(f, 'app-error').every((h) => h.pattern.strength < 0.6) && f.logs.meaningful > 0;
    const items: Array<EvidenceItem | null> = [
      eventItem(eventsOf(f, 'probe-kill')),
      lastFailure ? { kind: 'event', text: lastFailure.text } : null,
      stateItem(f),
      ...killers.map((p) => ({ kind: 'probe' as const, text: p.text })),
      mismatch ? { kind: 'probe', text: mismatch } : null,
      f.ports.container.length ? { kind: 'spec', text: `containerPorts: ${f.ports.container.map((p) => `${p.port}${p.name ? ` (${p.name})` : ''}`).join(', ')}` } : null,
      ranNearWindow && ran !== null && window !== null ? { kind: 'timing', text: `ran ${Math.round(ran)}s, about the probe's kill window (${window}s = initialDelay + period x failureThreshold)` } : null,
      normalStart && !depHit ? { kind: 'log', text: `the ${f.logs.source === 'previous' ? 'previous ' : ''}log shows a normal startup cut short, not an application error` } : null,
      depHit && kills > 0 ? logItem(f, depHit) : null,
      shutdown && kills > 0 ? logItem(f, shutdown) : null,
      timingItem(f),
    ];
    const idx = Math.max(0, f.containerIndex);
    const field = f.init ? 'initContainers' : 'containers';
    const portFix = mismatch && announced !== null && probe?.type === 'httpGet' && k.workloadRef
      ? `kubectl -n ${f.namespace} patch ${k.workloadRef} --type=json -p '[{"op":"replace","path":"/spec/template/spec/${field}/${idx}/${probe.kind}Probe/httpGet/port","value":${announced}}]'`
      : null;
    return {
      confidence: clamp(confidence),
      title: `${f.container} is killed by its ${probe?.kind ?? 'liveness'} probe`,
      summary:
        `The kubelet keeps restarting ${who(f)} because its ${probe?.kind ?? 'liveness'} probe fails${kills ? ` (${kills} kill${kills === 1 ? '' : 's'} recorded)` : ''}${code !== null ? `; exit ${code}${code === 137 && f.last?.reason !== 'OOMKilled' ? ' without OOMKilled' : ''}` : ''}. ` +
        (mismatch ? `${mismatch[0]?.toUpperCase()}${mismatch.slice(1)}. ` : '') +
        (depHit && kills > 0 ? 'The app also logs a dependency failure, so the health check likely depends on it. ' : '') +
        probeAdvice(kind, mismatch, probe, announced),
      evidence: compact(items),
      remedy: {
        text: `${probeAdvice(kind, mismatch, probe, announced)} The app itself may be healthy.`,
        commands: compact([k.describePod(), k.logsPrevious(), portFix ?? k.editWorkload(), k.rolloutStatus()]),
      },
    };
  },
};

