/**
 * Redact secrets from text that came from the cluster (log lines, env values, messages) before it
 * is stored, shown or logged. Idempotent: redacting twice changes nothing more.
 */
export const REDACTED = '[REDACTED]';

const SECRET_KEY = String.raw`(?:[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?|auth[_-]?token|session[_-]?key)[A-Za-z0-9_.-]*)`;

const PATTERNS: Array<[RegExp, string | ((...m: string[]) => string)]> = [
  // Authorization headers and bearer tokens
  [/\b(authorization\s*[:=]\s*)(?:"|')?(?:bearer|basic|token)\s+[^\s"',;]+/gi, `$1${REDACTED}`],
  [/\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi, `$1 ${REDACTED}`],
  // Credentials in URLs / connection strings: scheme://user:pass@host
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*:)[^\s@/'"]+@/gi, `$1${REDACTED}@`],
  // key=value / key: value / "key": "value" for secret-looking keys
  [
    new RegExp(String.raw`(\b${SECRET_KEY}\b["']?\s*[:=]\s*["']?)([^\s"',;&}]+)`, 'gi'),
    (_m: string, k: string, v: string) => (v === REDACTED ? `${k}${v}` : `${k}${REDACTED}`),
  ],
  // DSN-style password=... inside connection strings (Postgres key/value form)
  [/\b(password\s*=\s*)([^\s;'"]+)/gi, `$1${REDACTED}`],
  // Well-known token shapes
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, REDACTED], // Slack
  [/\bxapp-[A-Za-z0-9-]{10,}/g, REDACTED], // Slack app-level
  [/\bgh[pousr]_[A-Za-z0-9]{30,}/g, REDACTED], // GitHub
  [/\bAKIA[0-9A-Z]{16}\b/g, REDACTED], // AWS access key id
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, REDACTED], // JWT
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, REDACTED],
  [/\bsk_(?:live|test)_[A-Za-z0-9]{10,}/g, REDACTED], // Stripe
];

export function redact(text: string): string {
  let out = text;
  for (const [re, rep] of PATTERNS) {
    out = out.replace(re, rep as string);
  }
  return out;
}

/** True when an env var name suggests its value is secret (values of such names are never shown). */
export function isSecretName(name: string): boolean {
  return new RegExp(`^${SECRET_KEY}$`, 'i').test(name);
}
