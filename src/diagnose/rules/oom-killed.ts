import type { Remedy } from '../../domain/diagnosis.js';
import { kubectl } from '../commands.js';
import type { Facts } from '../facts.js';
import type { LogHit } from '../log-patterns/index.js';
import { fractionMb, suggestLimit } from '../quantity.js';
import type { Rule } from '../rule.js';
import { best, score, clamp, compact, countOf, eventItem, eventsOf, exitCode, hitsOf, logItem, ranFor, stateItem, timingItem, who } from './support.js';

const HEAP_RUNTIMES = new Set(['jvm', 'node', 'php', 'python', 'go', 'dotnet', 'ruby', 'rust']);

function runtimeRemedy(f: Facts, hit: LogHit): Remedy {
  const k = kubectl(f);
  const limit = f.memoryLimit;
  const rt = hit.pattern.runtime;
  if (rt === 'jvm') {
    return {
      text: `The JVM's own heap ceiling was reached, not the container limit${limit ? ` (${limit})` : ''}. Size the heap from the container limit (-XX:MaxRAMPercentage=75, or a larger -Xmx) and raise the limit with it if the heap genuinely needs more; look for a leak if usage only grows.`,
      commands: compact([k.logsPrevious(), k.setEnv(`JAVA_TOOL_OPTIONS='-XX:MaxRAMPercentage=75.0'`), k.rolloutStatus()]),
    };
  }
  if (rt === 'node') {
    const mb = fractionMb(limit, 0.75);
    return {
      text: `V8's old-space ceiling was reached, not the container limit${limit ? ` (${limit})` : ''}. Raise it with --max-old-space-size${mb ? ` (about ${mb} MB, 75% of the limit)` : ''} and the container limit alongside if needed; look for a leak if usage only grows.`,
      commands: compact([k.logsPrevious(), k.setEnv(`NODE_OPTIONS=--max-old-space-size=${mb ?? '<MB>'}`), k.rolloutStatus()]),
    };
  }
  if (rt === 'php') {
    return {
      text: "PHP's memory_limit was exhausted (a per-request/script ceiling, not the container limit). Raise memory_limit in php.ini (or the image's PHP_MEMORY_LIMIT), or reduce what the script loads at once.",
      commands: compact([k.logsPrevious(), k.setEnv('PHP_MEMORY_LIMIT=512M'), k.rolloutStatus()]),
    };
  }
  const suggestion = suggestLimit(limit);
  return {
    text: `The process ran out of memory inside ${f.container}. Raise the memory limit${suggestion ? ` (for example to ${suggestion})` : ''} if the demand is real, or reduce/fix the allocation if it leaks.`,
    commands: compact([k.logsPrevious(), k.top(), suggestion ? k.setMemoryLimit(suggestion) : k.editWorkload(), k.rolloutStatus()]),
  };
}

export const oomKilledRule: Rule = {
  id: 'oom-killed',
  title: 'Out of memory',
  match(_evidence, f) {
    const oomKilled = f.last?.reason === 'OOMKilled';
    const hits = hitsOf(f, 'oom');
    const heap = best(hits.filter((h) => h.pattern.runtime && HEAP_RUNTIMES.has(h.pattern.runtime)));
    const top = heap ?? best(hits);
    const nodeOom = eventsOf(f, 'oom');
    const code = exitCode(f);
    const probeKills = countOf(f, 'probe-kill', 'liveness-failed', 'startup-failed');
    let confidence = 0;
    if (oomKilled) confidence = 0.96;
    if (top) confidence = Math.max(confidence, score(top) + (code === 137 ? 0.05 : 0));
    if (nodeOom.length > 0) confidence = Math.max(confidence, 0.8);
    if (!oomKilled && !top && code === 137 && probeKills === 0 && f.logs.meaningful === 0 && f.memoryLimit) confidence = Math.max(confidence, 0.42);
    if (confidence === 0) return null;
    const k = kubectl(f);
    const limitText = f.memoryLimit ? `its memory limit of ${f.memoryLimit}` : 'the memory available (no limit is set)';
    const runtimeOwn = !oomKilled && !!heap && heap.pattern.runtime !== 'native' && heap.pattern.runtime !== 'generic';
    const suggestion = suggestLimit(f.memoryLimit);
    const summary = runtimeOwn
      ? `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} ran out of its runtime's own memory (${heap.pattern.label ?? 'heap exhausted'}) and exited with code ${code ?? '?'}${ranFor(f)}; the container was not OOM-killed, so the runtime ceiling is below ${limitText}.`
      : `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} was killed by the kernel for exceeding ${limitText}${ranFor(f)} (exit ${code ?? 137}).${f.logs.meaningful === 0 ? ' SIGKILL left no chance to log, so the previous log is empty.' : ''} Raise the limit if the demand is real${suggestion ? ` (e.g. ${suggestion})` : ''}, or find the leak.`;
    const remedy: Remedy =
      runtimeOwn && heap
        ? runtimeRemedy(f, heap)
        : {
            text: f.memoryLimit
              ? `Raise the memory limit of ${f.container}${suggestion ? ` from ${f.memoryLimit} to about ${suggestion}` : ''} (and the request with it), then watch usage; if it climbs steadily, profile the leak. Do not add replicas: each one hits the same limit.`
              : `Set a memory request and limit for ${f.container} sized from observed usage; without a limit the node's OOM killer picks victims.`,
            commands: compact([k.describePod(), k.top(), suggestion ? k.setMemoryLimit(suggestion) : k.editWorkload(), k.rolloutStatus()]),
          };
    return {
      confidence: clamp(confidence),
      title: runtimeOwn ? `${f.container} exhausted its runtime heap` : `${f.container} is being OOM-killed`,
      summary,
      evidence: compact([
        stateItem(f),
        top ? logItem(f, top) : null,
        { kind: 'spec' as const, text: `resources: limits.memory=${f.memoryLimit ?? 'none'} requests.memory=${f.memoryRequest ?? 'none'}` },
        eventItem(nodeOom),
        timingItem(f),
        !oomKilled && !top && code === 137 ? { kind: 'note' as const, text: 'exit 137 (SIGKILL) with an empty log and no probe failures; the reason is not OOMKilled, so this is only a suspicion' } : null,
      ]),
      remedy,
      ...(top?.source === 'log' ? { anchor: top.line } : {}),
    };
  },
};
