/** Timestamps in the formats real programs print, at `ago` seconds before a scenario's collectedAt. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function logTimes(collectedAt: string) {
  const now = Date.parse(collectedAt);
  const d = (ago: number) => new Date(now - Math.round(ago * 1000));
  const p2 = (n: number) => String(n).padStart(2, '0');
  const p3 = (n: number) => String(n).padStart(3, '0');
  const ymd = (x: Date, sep = '-') => `${x.getUTCFullYear()}${sep}${p2(x.getUTCMonth() + 1)}${sep}${p2(x.getUTCDate())}`;
  const hms = (x: Date) => `${p2(x.getUTCHours())}:${p2(x.getUTCMinutes())}:${p2(x.getUTCSeconds())}`;
  const ms = (x: Date) => p3(x.getUTCMilliseconds());
  return {
    /** 2026-04-04T08:12:01Z */
    iso: (ago: number) => d(ago).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    /** 2026-04-04T08:12:01.412Z */
    isoMs: (ago: number) => d(ago).toISOString(),
    /** 2026-04-04T08:12:01.412345Z (MySQL, logfmt with micros) */
    isoUs: (ago: number) => d(ago).toISOString().replace(/Z$/, `${p3((Math.round(ago * 7919) % 1000))}Z`),
    /** 2026-04-04 08:12:01 (MySQL entrypoint, many shell scripts) */
    ymdhms: (ago: number) => `${ymd(d(ago))} ${hms(d(ago))}`,
    /** 2026/04/04 08:12:01 (Go log, nginx error log) */
    go: (ago: number) => `${ymd(d(ago), '/')} ${hms(d(ago))}`,
    /** 2026-04-04 08:12:01,412 (Python logging) */
    py: (ago: number) => `${ymd(d(ago))} ${hms(d(ago))},${ms(d(ago))}`,
    /** 2026-04-04 08:12:01.412 UTC (PostgreSQL) */
    pg: (ago: number) => `${ymd(d(ago))} ${hms(d(ago))}.${ms(d(ago))} UTC`,
    /** 04 Apr 2026 08:12:01.412 (Redis) */
    redis: (ago: number) => `${p2(d(ago).getUTCDate())} ${MONTHS[d(ago).getUTCMonth()]} ${d(ago).getUTCFullYear()} ${hms(d(ago))}.${ms(d(ago))}`,
    /** 2026-04-04T08:12:01.412345 (Ruby Logger) */
    rb: (ago: number) => `${ymd(d(ago))}T${hms(d(ago))}.${ms(d(ago))}${p3(Math.round(ago * 31) % 1000)}`,
    /** epoch milliseconds (pino, bunyan) */
    epochMs: (ago: number) => String(now - Math.round(ago * 1000)),
    /** [2026-04-04 08:12:01 +0000] (gunicorn) */
    gunicorn: (ago: number) => `[${ymd(d(ago))} ${hms(d(ago))} +0000]`,
    /** [04-Apr-2026 08:12:01] (PHP) */
    php: (ago: number) => `[${p2(d(ago).getUTCDate())}-${MONTHS[d(ago).getUTCMonth()]}-${d(ago).getUTCFullYear()} ${hms(d(ago))}]`,
  };
}

export const lines = (...l: string[]) => `${l.join('\n')}\n`;
