import { kubectl } from '../commands.js';
import type { Facts } from '../facts.js';
import { ENTRYPOINT_PATTERNS } from '../log-patterns/entrypoint.js';
import type { LogHit } from '../log-patterns/index.js';
import type { Rule } from '../rule.js';
import { best, score, clamp, compact, exitCode, hitsOf, logItem, startErrorHits, stateItem, timingItem, who } from './support.js';

/** Node prints "Require stack:" when a module required by code is missing: that is a dependency, not the entrypoint. */
export function requiredByCode(f: Facts, h: LogHit): boolean {
  if (h.pattern.id !== 'node-main-missing' || h.source !== 'log') return false;
  return f.logs.lines.slice(h.index + 1, h.index + 4).some((l) => /^Require stack:/.test(l.trim()));
}

function launch(f: Facts): string {
  const cmd = f.command.length ? `command: ${JSON.stringify(f.command)}` : 'command: (image ENTRYPOINT)';
  const args = f.args.length ? `, args: ${JSON.stringify(f.args)}` : '';
  return `${cmd}${args}`;
}

export const badEntrypointRule: Rule = {
  id: 'bad-entrypoint',
  title: 'Command or entrypoint cannot run',
  match(_evidence, f) {
    const hits = [...hitsOf(f, 'bad-entrypoint'), ...startErrorHits(f, ENTRYPOINT_PATTERNS)].filter((h) => !requiredByCode(f, h));
    const top = best(hits);
    const code = exitCode(f);
    const startError = f.last?.reason === 'StartError' || f.last?.reason === 'ContainerCannotRun' || f.waitingReason === 'RunContainerError' || f.waitingReason === 'CreateContainerError';
    let confidence = top ? score(top) : 0;
    if (code === 127) confidence = Math.max(confidence + 0.03, 0.85);
    else if (code === 126) confidence = Math.max(confidence + 0.03, 0.8);
    else if (startError) confidence = Math.max(confidence, 0.6);
    if (hitsOf(f, 'exec-format').length > 0) confidence -= 0.3;
    if (confidence <= 0) return null;
    const k = kubectl(f);
    const codeText = code === 127 ? ' (exit 127: command not found)' : code === 126 ? ' (exit 126: found but not executable)' : code !== null ? ` (exit ${code})` : '';
    const what = top?.pattern.label ?? (code === 126 ? 'the command is not executable' : 'the command cannot be started');
    const empty = f.logs.meaningful === 0 ? ' The program never started, so its log is empty.' : '';
    return {
      confidence: clamp(confidence),
      title: `${f.container}'s command cannot run`,
      summary: `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} fails to start its process: ${what}${codeText}. It runs ${launch(f)} from ${f.spec?.image ?? f.image ?? 'its image'}.${empty}`,
      evidence: compact([
        top ? logItem(f, top) : null,
        stateItem(f),
        { kind: 'spec' as const, text: launch(f) },
        timingItem(f),
      ]),
      remedy: {
        text: 'Point command/args at a program that exists in the image (exec form: ["node", "server.js"], not ["node server.js"]; args alone keep the image ENTRYPOINT), make scripts executable with a valid shebang and LF line endings, or fix the image build.',
        commands: compact([
          k.describePod(),
          `kubectl -n ${f.namespace} get pod ${f.podName} -o jsonpath='{.spec.${f.init ? 'initContainers' : 'containers'}[?(@.name=="${f.container}")].command}{"\\n"}{.spec.${f.init ? 'initContainers' : 'containers'}[?(@.name=="${f.container}")].args}'`,
          `kubectl -n ${f.namespace} run ${f.container}-shell --rm -it --restart=Never --image=${f.spec?.image ?? f.image ?? '<image>'} --command -- sh`,
          k.editWorkload(),
        ]),
      },
      ...(top?.source === 'log' ? { anchor: top.line } : {}),
    };
  },
};
