import { kubectl } from '../commands.js';
import type { Rule } from '../rule.js';
import { best, score, clamp, compact, exitCode, hitsOf, logItem, stateItem, timingItem, who } from './support.js';

export const portInUseRule: Rule = {
  id: 'port-in-use',
  title: 'Address or lock already taken',
  match(evidence, f) {
    const top = best(hitsOf(f, 'port-in-use'));
    if (!top) return null;
    const code = exitCode(f);
    const hostNetwork = evidence.pod.spec?.hostNetwork === true;
    const lock = top.pattern.id === 'lock-held';
    let confidence = score(top) + (code !== null && code !== 0 ? 0.02 : -0.1);
    if (hostNetwork && !lock) confidence += 0.03;
    const port = /[:\s(](\d{2,5})\b(?![\d.])/.exec(top.line)?.[1] ?? null;
    const shared = port
      ? f.others.filter((o) => (evidence.pod.spec?.containers ?? []).concat(evidence.pod.spec?.initContainers ?? []).find((c) => c.name === o.name)?.ports?.some((p) => String(p.containerPort) === port))
      : [];
    const k = kubectl(f);
    const advice = lock
      ? 'Another instance holds the data directory lock: make sure only one pod mounts the volume (ReadWriteOnce, a StatefulSet, Recreate strategy) and remove a stale lock only when no other instance runs.'
      : hostNetwork
        ? 'The pod uses hostNetwork, so the port must be free on the node: move it off hostNetwork, change the port, or keep one replica per node (anti-affinity).'
        : 'Two processes in the pod bind the same port (a sidecar, or the app started twice): give each its own port.';
    return {
      confidence: clamp(confidence),
      title: lock ? `${f.container} cannot take its lock (another instance holds it)` : `${f.container} cannot bind ${port ? `port ${port}` : 'its port'}: address in use`,
      summary: `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} exits because ${lock ? 'a lock it needs is held by another instance' : `the address${port ? ` :${port}` : ''} is already in use`}. ${advice}`,
      evidence: compact([
        logItem(f, top),
        stateItem(f),
        hostNetwork ? { kind: 'spec' as const, text: 'spec.hostNetwork=true' } : null,
        shared.length ? { kind: 'spec' as const, text: `container(s) ${shared.map((o) => o.name).join(', ')} also declare port ${port}` } : null,
        timingItem(f),
      ]),
      remedy: { text: advice, commands: compact([k.logsPrevious(), k.getPodYaml(), k.editWorkload()]) },
      ...(top.source === 'log' ? { anchor: top.line } : {}),
    };
  },
};
