import { kubectl } from '../commands.js';
import type { Rule } from '../rule.js';
import { best, score, clamp, compact, exitCode, hitsOf, logItem, ranFor, stateItem, timingItem, who } from './support.js';

const SIGNALS: Record<number, string> = { 139: 'SIGSEGV', 134: 'SIGABRT', 135: 'SIGBUS', 132: 'SIGILL', 136: 'SIGFPE' };
const SIG_BY_NUMBER: Record<number, number> = { 11: 139, 6: 134, 7: 135, 4: 132, 8: 136 };

export const segfaultRule: Rule = {
  id: 'segfault',
  title: 'Native crash (segmentation fault or abort)',
  match(_evidence, f) {
    const rawCode = exitCode(f);
    const code = rawCode ?? (f.last?.signal ? (SIG_BY_NUMBER[f.last.signal] ?? null) : null);
    const hits = hitsOf(f, 'segfault');
    const top = best(hits);
    const sig = code !== null ? SIGNALS[code] : undefined;
    let confidence = 0;
    if (code === 139) confidence = 0.86;
    else if (code === 134) confidence = 0.72;
    else if (sig) confidence = 0.78;
    if (top) confidence = Math.max(confidence, score(top)) + (sig ? 0.05 : 0);
    if (confidence === 0) return null;
    if (hitsOf(f, 'oom').some((h) => h.pattern.strength >= 0.85)) confidence = Math.min(confidence, 0.5);
    const goNil = hitsOf(f, 'app-error').some((h) => h.pattern.id === 'go-panic' && /nil pointer dereference|invalid memory address/.test(h.line));
    if (goNil || hitsOf(f, 'app-error').some((h) => h.pattern.id === 'go-panic' || h.pattern.id === 'rust-panic')) confidence = Math.min(confidence, 0.5);
    if (hitsOf(f, 'exec-format').length) confidence = Math.min(confidence, 0.4);
    const k = kubectl(f);
    const ill = code === 132;
    return {
      confidence: clamp(confidence),
      title: `${f.container} crashes natively (${sig ?? 'fatal signal'})`,
      summary: `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} dies from a fatal signal inside the process (${sig ?? 'native crash'}${code !== null ? `, exit ${code}` : ''})${ranFor(f)}. ${ill ? 'SIGILL usually means the binary uses CPU instructions this node lacks (e.g. AVX) or was built for another architecture.' : 'Suspect a native library or base-image incompatibility in a new image, or memory corruption; roll back if it started with a new version.'}`,
      evidence: compact([stateItem(f), top ? logItem(f, top) : null, { kind: 'spec' as const, text: `image: ${f.spec?.image ?? f.image ?? '?'}` }, f.node.arch ? { kind: 'node' as const, text: `node ${f.node.name ?? ''} kubernetes.io/arch=${f.node.arch}` } : null, timingItem(f)]),
      remedy: {
        text: 'Compare the image with the last one that worked (native dependencies, base image, compiler flags), reproduce with core dumps enabled, and roll back while you investigate.',
        commands: compact([k.logsPrevious(), k.describePod(), k.rolloutHistory(), k.debug()]),
      },
      ...(top?.source === 'log' ? { anchor: top.line } : {}),
    };
  },
};
