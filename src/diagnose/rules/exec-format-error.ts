import { kubectl } from '../commands.js';
import { EXEC_FORMAT_PATTERNS } from '../log-patterns/entrypoint.js';
import type { Rule } from '../rule.js';
import { best, score, clamp, compact, exitCode, hitsOf, logItem, startErrorHits, stateItem, timingItem, who } from './support.js';

export const execFormatErrorRule: Rule = {
  id: 'exec-format-error',
  title: 'Binary built for another CPU architecture',
  match(_evidence, f) {
    const hits = [...hitsOf(f, 'exec-format'), ...startErrorHits(f, EXEC_FORMAT_PATTERNS)];
    const top = best(hits);
    const nodeArch = f.node.arch;
    const imageArch = f.node.imageArch;
    const archMismatch = !!nodeArch && !!imageArch && nodeArch !== imageArch;
    const crashedQuietly = f.logs.meaningful === 0 && (exitCode(f) ?? 0) !== 0;
    let confidence = top ? score(top) : 0;
    if (archMismatch) confidence = top ? confidence + 0.03 : crashedQuietly ? 0.6 : 0.35;
    if (confidence === 0) return null;
    const k = kubectl(f);
    const archText = nodeArch
      ? `node ${f.node.name ?? ''} is ${nodeArch}${imageArch ? ` and the image name says ${imageArch}` : ''}`
      : 'the node architecture could not be read';
    const target = imageArch ?? (nodeArch === 'arm64' ? 'amd64' : 'arm64');
    return {
      confidence: clamp(confidence),
      title: `${f.container}'s binary does not match the node's CPU (exec format error)`,
      summary: `The kernel refuses to run the entrypoint of ${who(f)}: the image was built for another CPU architecture (${archText}). Publish a multi-arch image or schedule the pod onto nodes of the image's architecture.`,
      evidence: compact([
        top ? logItem(f, top) : null,
        stateItem(f),
        { kind: 'node' as const, text: `node ${f.node.name ?? '?'} kubernetes.io/arch=${nodeArch ?? 'unknown'}` },
        { kind: 'spec' as const, text: `image: ${f.spec?.image ?? f.image ?? '?'}${imageArch ? ` (name suggests ${imageArch})` : ''}` },
        timingItem(f),
      ]),
      remedy: {
        text: `Build and push the image for the node's platform (docker buildx build --platform linux/amd64,linux/arm64 ...), or pin the workload to ${target} nodes with a nodeSelector until then.`,
        commands: compact([
          k.describePod(),
          `kubectl get nodes -L kubernetes.io/arch`,
          k.workloadRef
            ? `kubectl -n ${f.namespace} patch ${k.workloadRef} -p '{"spec":{"template":{"spec":{"nodeSelector":{"kubernetes.io/arch":"${target}"}}}}}'`
            : null,
          k.rolloutStatus(),
        ]),
      },
      ...(top?.source === 'log' ? { anchor: top.line } : {}),
    };
  },
};
