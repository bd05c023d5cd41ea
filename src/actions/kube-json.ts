/**
 * Plain API JSON from the client's model objects. client-node deserialises responses into classes
 * (Dates, renamed reserved words); a patch body must carry the wire form, so we serialise back with the
 * client's own ObjectSerializer (not re-exported from the package root, hence the deep import).
 */
import type { V1PodTemplateSpec } from '@kubernetes/client-node';
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';

export function podTemplateJson(template: V1PodTemplateSpec): Record<string, unknown> {
  return ObjectSerializer.serialize(template, 'V1PodTemplateSpec', '') as Record<string, unknown>;
}

/** Deep equality of JSON values, independent of key order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) {
    // An absent key and an undefined/null one mean the same on the wire.
    const av = ao[k] ?? undefined;
    const bv = bo[k] ?? undefined;
    if (!jsonEqual(av, bv)) return false;
  }
  return true;
}

/** RFC 6901 escaping for a JSON-pointer segment: `~` -> `~0`, `/` -> `~1`. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
