/** Deterministic ids, hashes and times for generated fixtures (same input, same bytes). */
import { createHash } from 'node:crypto';

export function hex(seed: string, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += createHash('sha256').update(`${seed}#${i}`).digest('hex');
  return out.slice(0, length);
}

export function uid(seed: string): string {
  const h = hex(`uid:${seed}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function resourceVersion(seed: string): string {
  return String(100000 + (parseInt(hex(`rv:${seed}`, 6), 16) % 8_900_000));
}

export function containerId(seed: string): string {
  return `containerd://${hex(`cid:${seed}`, 64)}`;
}

/** Pod-name suffix alphabet of the ReplicaSet controller (no vowels, no ambiguous digits). */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';
export function podSuffix(seed: string, length = 5): string {
  const h = hex(`sfx:${seed}`, length * 2);
  let out = '';
  for (let i = 0; i < length; i++) out += SAFE[parseInt(h.slice(i * 2, i * 2 + 2), 16) % SAFE.length];
  return out;
}

/** Times relative to a scenario's frozen clock (`collectedAt`), as the API prints them (RFC 3339, seconds). */
export class Clock {
  readonly now: number;
  constructor(readonly collectedAt: string) {
    this.now = Date.parse(collectedAt);
    if (Number.isNaN(this.now)) throw new Error(`bad collectedAt ${collectedAt}`);
  }
  ago(seconds: number): string {
    return new Date(this.now - Math.round(seconds * 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  /** Seconds (possibly fractional) before collectedAt of an absolute log time. */
  stamp(seconds: number, fmt: 'iso' | 'isoMs' = 'iso'): string {
    const iso = new Date(this.now - Math.round(seconds * 1000)).toISOString();
    return fmt === 'isoMs' ? iso : iso.replace(/\.\d{3}Z$/, 'Z');
  }
}
