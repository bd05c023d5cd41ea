import { kubectl } from '../commands.js';
import type { Rule } from '../rule.js';
import { launchModuleMissing, requiredByCode } from './bad-entrypoint.js';
import { best, score, clamp, compact, exitCode, hitsOf, logItem, stateItem, timingItem, who } from './support.js';

export const missingRuntimeDependencyRule: Rule = {
  id: 'missing-runtime-dependency',
  title: 'A library or module is missing from the image',
  match(_evidence, f) {
    const hits = [...hitsOf(f, 'runtime-dependency'), ...hitsOf(f, 'bad-entrypoint').filter((h) => requiredByCode(f, h))];
    const top = best(hits);
    if (!top) return null;
    const code = exitCode(f);
    // The missing module is the app package the command launches: the command or working directory is wrong (bad-entrypoint).
    const confidence = score(top) + (code !== null && code !== 0 ? 0.02 : -0.1) - (launchModuleMissing(f, top) ? 0.15 : 0);
    const module = top.capture ?? null;
    const k = kubectl(f);
    const image = f.spec?.image ?? f.image ?? 'the image';
    return {
      confidence: clamp(confidence),
      title: `${f.container} is missing ${module ? `"${module}"` : 'a library or module'}`,
      summary: `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} cannot load ${module ? `"${module}"` : 'a library or module it imports'} (${top.pattern.label ?? 'missing dependency'})${code !== null ? ` and exits with code ${code}` : ''}: ${image} was built without it. Fix the image build (install the package, copy it into the final stage) and redeploy, or roll back to the last good image.`,
      evidence: compact([logItem(f, top), stateItem(f), { kind: 'spec' as const, text: `image: ${image}` }, timingItem(f)]),
      remedy: {
        text: 'Add the missing package/library to the image (dependency manifest, lock file, multi-stage COPY, system package for shared libraries), rebuild and redeploy; roll back meanwhile if a previous image worked.',
        commands: compact([
          k.logsPrevious(),
          `kubectl -n ${f.namespace} run ${f.container}-shell --rm -it --restart=Never --image=${image} --command -- sh`,
          k.rolloutHistory(),
          k.workloadRef ? `kubectl -n ${f.namespace} set image ${k.workloadRef} ${f.container}=<fixed image>` : null,
        ]),
      },
      ...(top.source === 'log' ? { anchor: top.line } : {}),
    };
  },
};
