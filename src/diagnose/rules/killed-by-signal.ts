import { kubectl } from '../commands.js';
import type { Rule } from '../rule.js';
import { best, clamp, compact, countOf, eventItem, eventsOf, exitCode, hitsOf, logItem, ranFor, stateItem, timingItem, who } from './support.js';

const NAMES: Record<number, string> = { 1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 9: 'SIGKILL', 15: 'SIGTERM' };

export const killedBySignalRule: Rule = {
  id: 'killed-by-signal',
  title: 'Stopped from outside by a signal',
  match(_evidence, f) {
    const code = exitCode(f);
    const signal = f.last?.signal ?? (code !== null && code > 128 && code < 160 ? code - 128 : null);
    if (signal === null || ![1, 2, 3, 9, 15].includes(signal)) return null;
    if (f.last?.reason === 'OOMKilled') return null;
    let confidence = signal === 15 ? 0.7 : signal === 9 ? 0.6 : 0.5;
    const probes = countOf(f, 'probe-kill', 'liveness-failed', 'startup-failed');
    if (probes > 0) confidence = 0.3;
    const kills = eventsOf(f, 'killing', 'preempted', 'node', 'evicted');
    if (kills.length > 0 && probes === 0) confidence += 0.1;
    const nodeStop = f.podReason !== null && /^(?:Shutdown|Terminated|NodeShutdown|Preempted|DeadlineExceeded)$/.test(f.podReason);
    if (nodeStop) confidence += 0.1;
    const shutdown = best(hitsOf(f, 'shutdown'));
    if (shutdown) confidence += 0.05;
    if (hitsOf(f, 'oom').some((h) => h.pattern.strength >= 0.8)) confidence -= 0.25;
    const name = NAMES[signal] ?? `signal ${signal}`;
    const k = kubectl(f);
    const sigkill = signal === 9;
    return {
      confidence: clamp(confidence, 0.05),
      title: `${f.container} was stopped by ${name}`,
      summary:
        `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} was terminated by ${name} (exit ${code ?? 128 + signal})${ranFor(f)} with no OOM kill and no probe failure recorded. ` +
        (sigkill
          ? 'SIGKILL without OOMKilled means the grace period ran out after SIGTERM, or something outside killed it (node drain, preemption, an operator).'
          : 'Something asked it to stop: a node drain, preemption, scale-down or an external kill; a program that exits on SIGTERM early also looks like this.'),
      evidence: compact([stateItem(f), nodeStop ? { kind: 'state' as const, text: `status.reason=${f.podReason}${f.podMessage ? `: ${f.podMessage}` : ''}` } : null, eventItem(kills), shutdown ? logItem(f, shutdown) : null, timingItem(f)]),
      remedy: {
        text: 'Find who sent the signal (events, node drains, preemption, autoscaler); make the app handle SIGTERM (drain, then exit) and set terminationGracePeriodSeconds long enough for that.',
        commands: compact([k.events(), k.describePod(), k.describeNode(), k.logsPrevious()]),
      },
      ...(shutdown?.source === 'log' ? { anchor: shutdown.line } : {}),
    };
  },
};
