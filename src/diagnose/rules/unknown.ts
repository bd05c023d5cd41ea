import { kubectl } from '../commands.js';
import type { Rule } from '../rule.js';
import { compact, stateItem, timingItem, who } from './support.js';

/** Always matches, weakly: the fallback that says what was read and what is missing. */
export const unknownRule: Rule = {
  id: 'unknown',
  title: 'Cause not determined',
  match(evidence, f) {
    const read: string[] = [];
    const missing: string[] = [];
    if (f.last) read.push(`last termination (reason ${f.last.reason ?? '-'}, exit ${f.last.exitCode ?? '-'})`);
    else if (f.waitingReason) read.push(`state ${f.waitingReason}`);
    else missing.push('no terminated state recorded for the container');
    if (f.logs.source === 'none') missing.push('no log of the container could be read');
    else if (f.logs.meaningful === 0) missing.push(`the ${f.logs.source} log is empty`);
    else read.push(`${f.logs.meaningful} ${f.logs.source} log lines with no recognised error`);
    if (f.events.length) read.push(`${f.events.length} event(s) with no decisive reason`);
    else missing.push('no events (they expire after about an hour)');
    if (f.probes.length) read.push(`${f.probes.length} probe(s) without failures`);
    for (const n of evidence.notes) if (n.kind !== 'info') missing.push(n.message);
    const k = kubectl(f);
    return {
      confidence: 0.1,
      title: `No clear cause for ${f.container}`,
      summary: `Nothing read about ${who(f)} points to a cause with useful confidence. Read: ${read.join('; ') || 'nothing useful'}. Missing: ${missing.join('; ') || 'nothing obvious'}.`,
      evidence: compact([stateItem(f), timingItem(f), ...missing.map((m) => ({ kind: 'note' as const, text: m }))]),
      remedy: {
        text: 'Read the previous log and the events by hand, and if the container dies too fast to leave output, run the image with a shell or attach a debug container.',
        commands: [k.logsPrevious(), k.describePod(), k.events(), k.debug()],
      },
    };
  },
};
