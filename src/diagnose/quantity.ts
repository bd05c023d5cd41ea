/** Kubernetes memory quantities ("512Mi", "1G", "268435456") to bytes and back, for remedy suggestions. */

const UNITS: Record<string, number> = {
  '': 1,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  m: 1e-3,
};

export function memoryBytes(q: string | null | undefined): number | null {
  if (!q) return null;
  const m = /^\s*(\d+(?:\.\d+)?)(?:e(\d+))?\s*([kKMGT]i?|m)?\s*$/.exec(q);
  if (!m?.[1]) return null;
  const unit = UNITS[m[3] ?? ''] ?? 1;
  return Number(m[1]) * 10 ** Number(m[2] ?? 0) * unit;
}

/** Bytes as a quantity in Mi or Gi (rounded up to a tidy value). */
export function formatMemory(bytes: number): string {
  const mi = bytes / 1024 ** 2;
  if (mi >= 1024) {
    const gi = Math.ceil((mi / 1024) * 2) / 2;
    return Number.isInteger(gi) ? `${gi}Gi` : `${Math.ceil(mi / 128) * 128}Mi`;
  }
  return `${Math.ceil(mi / 64) * 64}Mi`;
}

/** A raised limit to suggest: double below 1Gi, +50% above. */
export function suggestLimit(current: string | null): string | null {
  const b = memoryBytes(current);
  if (b === null || b <= 0) return null;
  return formatMemory(b < 1024 ** 3 ? b * 2 : b * 1.5);
}

/** Megabytes (for --max-old-space-size) at a fraction of the limit. */
export function fractionMb(limit: string | null, fraction: number): number | null {
  const b = memoryBytes(limit);
  return b === null ? null : Math.max(64, Math.floor((b * fraction) / 1024 ** 2));
}
