/** Small wording helpers shared by the text and Slack renderers (pure, no escaping here). */
import type { ContainerFacts, Diagnosis, RolloutInfo } from '../domain/diagnosis.js';

/** 38 -> "38s", 252 -> "4m 12s", 7380 -> "2h 3m", 777600 -> "9d". */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${s % 60 ? ` ${s % 60}s` : ''}`;
  if (s < 86400) return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)}m` : ''}`;
  return `${Math.floor(s / 86400)}d${Math.floor((s % 86400) / 3600) ? ` ${Math.floor((s % 86400) / 3600)}h` : ''}`;
}

export function confidenceLabel(confidence: number): 'high' | 'medium' | 'low' {
  if (confidence >= 0.8) return 'high';
  if (confidence >= 0.5) return 'medium';
  return 'low';
}

export function percent(confidence: number): string {
  const c = Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0;
  return `${Math.round(c * 100)}%`;
}

/** "137 (OOMKilled)", "signal 11 (Error)", "—" */
export function lastExit(f: ContainerFacts): string | null {
  const parts: string[] = [];
  if (f.exitCode !== null) parts.push(String(f.exitCode));
  else if (f.signal !== null) parts.push(`signal ${f.signal}`);
  if (f.reason) parts.push(parts.length ? `(${f.reason})` : f.reason);
  return parts.length ? parts.join(' ') : null;
}

/** "5" or "5 in 12m" when the pod age is known. */
export function restarts(f: ContainerFacts): string {
  return f.podAgeSeconds !== null && f.podAgeSeconds > 0 ? `${f.restarts} in ${duration(f.podAgeSeconds)}` : String(f.restarts);
}

export function ranFor(f: ContainerFacts): string | null {
  return f.ranForSeconds === null ? null : `${duration(f.ranForSeconds)} before it exited`;
}

/** Short image names for people: "registry.example.com/team/api:1.4.2" -> "api:1.4.2". */
export function shortImage(image: string): string {
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const digest = at === -1 ? '' : image.slice(at, at + 20); // "@sha256:" + 12 hex
  const last = name.slice(name.lastIndexOf('/') + 1);
  return (last.length > 0 ? last : name) + digest;
}

export function images(list: readonly string[]): string {
  return list.length ? list.map(shortImage).join(', ') : 'unknown image';
}

/** "revision 7 (api:1.4.2)" */
export function revisionLabel(revision: number, imgs: readonly string[]): string {
  return imgs.length ? `revision ${revision} (${images(imgs)})` : `revision ${revision}`;
}

/** Exactly what a rollback does, for confirm dialogs and audit lines. */
export function rollbackSentence(r: RolloutInfo): string | null {
  if (r.previousRevision === null) return null;
  const fromImages = r.deploymentRevision === r.currentRevision ? r.currentImages : [];
  return `Roll back Deployment ${r.namespace}/${r.name} from ${revisionLabel(r.deploymentRevision, fromImages)} to ${revisionLabel(r.previousRevision, r.previousImages)}?`;
}

export function ownerWithRevision(d: Diagnosis): string | null {
  const owner = d.facts.owner;
  if (!owner) return null;
  return d.rollout ? `${owner}, revision ${d.rollout.currentRevision}` : owner;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
