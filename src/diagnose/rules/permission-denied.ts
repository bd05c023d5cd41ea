import type { EvidenceItem } from '../../domain/diagnosis.js';
import type { Evidence } from '../../domain/evidence.js';
import { kubectl } from '../commands.js';
import type { Facts } from '../facts.js';
import type { Finding, Rule } from '../rule.js';
import { NON_ROOT } from './missing-config.js';
import { best, score, clamp, compact, exitCode, hitsOf, logItem, stateItem, timingItem, who } from './support.js';

function securityItem(f: Facts, evidence: Evidence): EvidenceItem {
  const pod = evidence.pod.spec?.securityContext;
  const c = f.spec?.securityContext;
  const parts = [
    `runAsUser=${c?.runAsUser ?? pod?.runAsUser ?? 'image default'}`,
    `runAsNonRoot=${c?.runAsNonRoot ?? pod?.runAsNonRoot ?? false}`,
    `fsGroup=${pod?.fsGroup ?? 'none'}`,
    `readOnlyRootFilesystem=${c?.readOnlyRootFilesystem ?? false}`,
  ];
  return { kind: 'spec', text: `securityContext: ${parts.join(' ')}` };
}

/** The kubelet refuses to start a container whose image runs as root while runAsNonRoot is set. */
function nonRootFinding(f: Facts, message: string): Finding {
  const k = kubectl(f);
  return {
    confidence: 0.9,
    title: `${f.container} must run as non-root but its image runs as root`,
    summary: `The kubelet refuses to start ${who(f)}: securityContext.runAsNonRoot is set but the image runs as root (or a non-numeric user). Set a numeric securityContext.runAsUser (e.g. 10001) or build the image with a numeric non-root USER.`,
    evidence: compact([stateItem(f), { kind: 'event' as const, text: message }]),
    remedy: {
      text: 'Set securityContext.runAsUser (and runAsGroup/fsGroup) to a numeric non-root id the image supports, or change the image USER to a numeric uid.',
      commands: compact([k.describePod(), k.getPodYaml(), k.editWorkload(), k.rolloutStatus()]),
    },
  };
}

export const permissionDeniedRule: Rule = {
  id: 'permission-denied',
  title: 'Permission denied at run time',
  match(evidence, f) {
    const entryLines = new Set(hitsOf(f, 'bad-entrypoint').map((h) => `${h.source}:${h.index}`));
    const hits = hitsOf(f, 'permission').filter((h) => !entryLines.has(`${h.source}:${h.index}`) && !/\bexec\b/i.test(h.line));
    const top = best(hits);
    const refusal = [f.waitingMessage ?? '', ...f.events.map((e) => e.message)].find((m) => NON_ROOT.test(m));
    if (refusal) return nonRootFinding(f, refusal);
    if (!top) return null;
    const code = exitCode(f);
    const confidence = score(top) + (code !== null && code !== 0 ? 0.02 : -0.1);
    const k = kubectl(f);
    const port = top.pattern.id === 'privileged-port';
    const ro = top.pattern.id === 'read-only-fs';
    const path = /(\/[\w.@-]+(?:\/[\w.@-]+)*)/.exec(top.line)?.[1] ?? null;
    const what = port ? 'cannot bind a port below 1024 as a non-root user' : ro ? `cannot write to a read-only file system${path ? ` (${path})` : ''}` : `is denied access to ${path ?? 'a file or directory'}`;
    const advice = port
      ? 'Listen on a port above 1024 (and map the Service port to it), or grant NET_BIND_SERVICE.'
      : ro
        ? 'Mount a writable emptyDir at the path it writes to (readOnlyRootFilesystem is on), or write elsewhere.'
        : 'Run with a user that owns the path, or set securityContext.fsGroup so mounted volumes are group-writable (or fix ownership in the image).';
    return {
      confidence: clamp(confidence),
      title: `${f.container} ${port ? 'cannot bind a privileged port' : ro ? 'writes to a read-only file system' : 'gets permission denied'}`,
      summary: `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} ${what}${code !== null ? ` and exits with code ${code}` : ''}. ${advice}`,
      evidence: compact([logItem(f, top), stateItem(f), securityItem(f, evidence), timingItem(f)]),
      remedy: { text: advice, commands: compact([k.logsPrevious(), k.getPodYaml(), k.editWorkload(), k.rolloutStatus()]) },
      ...(top.source === 'log' ? { anchor: top.line } : {}),
    };
  },
};
