import { kubectl } from '../commands.js';
import type { Rule } from '../rule.js';
import { clamp, compact, countOf, exitCode, hitsOf, ranFor, stateItem, strongestOther, timingItem, who } from './support.js';

export const completedExitRule: Rule = {
  id: 'completed-exit',
  title: 'The process exits successfully and is restarted',
  match(_evidence, f) {
    if (exitCode(f) !== 0) return null;
    if (f.init && !f.sidecar) return null; // an init container that exits 0 did its job
    let confidence = f.restarts > 0 || f.waitingReason === 'CrashLoopBackOff' ? 0.86 : 0.5;
    if (countOf(f, 'probe-kill') > 0) confidence = 0.45;
    if (strongestOther(f, [], 0.8)) confidence -= 0.3;
    if (hitsOf(f, 'shutdown').length > 0) confidence -= 0.25;
    const k = kubectl(f);
    const kind = f.workload?.kind ?? 'Pod';
    const lastLine = [...f.logs.lines].reverse().find((l) => l.trim());
    return {
      confidence: clamp(confidence, 0.05),
      title: `${f.container} exits 0 and is restarted`,
      summary: `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} finishes normally (exit 0, reason ${f.last?.reason ?? 'Completed'})${ranFor(f)}, and the ${kind}'s restartPolicy Always starts it again. Either it is a one-shot task (run it as a Job/CronJob) or its entrypoint does not stay in the foreground (a server started in the background, a daemonizing process).`,
      evidence: compact([
        stateItem(f),
        lastLine ? { kind: 'log' as const, text: `last log line: ${lastLine.trim()}` } : { kind: 'log' as const, text: 'the log is empty' },
        { kind: 'spec' as const, text: `${f.command.length ? `command: ${JSON.stringify(f.command)}` : 'command: (image ENTRYPOINT)'}${f.args.length ? `, args: ${JSON.stringify(f.args)}` : ''}` },
        timingItem(f),
      ]),
      remedy: {
        text: 'Run one-shot work as a Job or CronJob; for a server, make the main process stay in the foreground (exec the server, no trailing &, "daemon off;" for nginx, no --daemonize).',
        commands: compact([k.logsPrevious(), `kubectl -n ${f.namespace} get pod ${f.podName} -o jsonpath='{.spec.containers[?(@.name=="${f.container}")].command}'`, k.editWorkload()]),
      },
    };
  },
};
