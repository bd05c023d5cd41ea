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

/** Top-level Python packages the command launches: `gunicorn app.wsgi:application`, `uvicorn main:app`, `python -m pkg`, `celery -A proj`. */
function launchedPackages(f: Facts): string[] {
  const tokens = [...f.command, ...f.args].flatMap((t) => t.split(/\s+/)).filter(Boolean);
  const out: string[] = [];
  tokens.forEach((t, i) => {
    const ref = /^([A-Za-z_]\w*)(?:\.[\w.]+)?:[A-Za-z_][\w.()]*$/.exec(t);
    if (ref?.[1]) out.push(ref[1]);
    const prev = tokens[i - 1];
    if (prev && /^(?:-m|-A|--app)$/.test(prev) && /^[A-Za-z_][\w.]*$/.test(t)) out.push(t.split('.')[0]!);
    const eq = /^--app=([A-Za-z_]\w*)/.exec(t);
    if (eq?.[1]) out.push(eq[1]);
  });
  return out;
}

/** "No module named 'proj'" where proj is the package the command launches: the command (or working dir) is wrong, not a dependency. */
export function launchModuleMissing(f: Facts, h: LogHit | null): boolean {
  if (!h || h.pattern.id !== 'python-module' || !h.capture) return false;
  const top = h.capture.split('.')[0];
  return !!top && launchedPackages(f).includes(top);
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
    const launchMissing = hitsOf(f, 'runtime-dependency').filter((h) => launchModuleMissing(f, h));
    const hits = [...hitsOf(f, 'bad-entrypoint'), ...startErrorHits(f, ENTRYPOINT_PATTERNS), ...launchMissing].filter((h) => !requiredByCode(f, h));
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
    const what = top && launchModuleMissing(f, top)
      ? `the package "${top.capture ?? ''}" that the command launches is not importable from the container's working directory or PYTHONPATH`
      : (top?.pattern.label ?? (code === 126 ? 'the command is not executable' : 'the command cannot be started'));
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
