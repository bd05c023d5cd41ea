/**
 * Redact secrets from text that came from the cluster (log lines, env values, messages) before it
 * is stored, shown or logged. Idempotent: redacting twice changes nothing more. Prose stays readable:
 * only values next to a secret-looking key (`password=...`, `"token": "..."`, `API_KEY: ...`) and
 * well-known credential shapes are replaced, so "password authentication failed for user" is untouched.
 */
export const REDACTED = '[REDACTED]';

/** Identifier that names a secret: DB_PASSWORD, api-key, clientSecret, x-auth-token, aws_secret_access_key... */
const SECRET_KEY = String.raw`(?:[A-Za-z0-9_.-]*(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?|auth[_-]?token|session[_-]?key|signing[_-]?key|encryption[_-]?key|dsn)[A-Za-z0-9_.-]*)`;

/** A value: "quoted with spaces", 'quoted', or a bare run up to a delimiter. */
const VALUE = String.raw`(?:\[REDACTED\]|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s"',;&}\])]+)`;

/** Words that say something about a secret rather than being one ("using password: YES"). */
const NOT_A_VALUE = String.raw`(?:YES|NO|true|false|null|none|nil|empty|required|missing|not set|unset|\*+)(?![\w-])`;

type Replacer = (match: string, ...groups: string[]) => string;

function keepRedacted(prefix: string, value: string): string {
  const bare = value.replace(/^["']|["']$/g, '');
  if (bare === REDACTED || bare === '') return `${prefix}${value}`;
  const quote = /^["']/.exec(value)?.[0] ?? '';
  return `${prefix}${quote}${REDACTED}${quote}`;
}

/** Opaque token material: long, or mixing digits/symbols with letters (so "Basic authentication" is not one). */
const TOKEN = String.raw`(?=[A-Za-z0-9\-._~+/]*[0-9+/=_-])[A-Za-z0-9\-._~+/]{12,}=*|[A-Za-z0-9\-._~+/]{32,}=*`;

const PATTERNS: Array<[RegExp, string | Replacer]> = [
  // Private keys (whole block, also when the END line was cut off)
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g, REDACTED],
  // Authorization headers and bearer/basic credentials
  [new RegExp(String.raw`\b(authorization\s*[:=]\s*["']?(?:bearer|basic|token|digest)\s+)(?:${TOKEN})`, 'gi'), `$1${REDACTED}`],
  [new RegExp(String.raw`\b((?:bearer|basic)\s+)(?:${TOKEN})`, 'gi'), `$1${REDACTED}`],
  // Credentials in URLs / connection strings: scheme://user:pass@host
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]*:)[^\s@/'"]+@/gi, `$1${REDACTED}@`],
  // JSON / quoted keys: "password": "x", 'api_key': 'x'
  [new RegExp(String.raw`((["'])${SECRET_KEY}\2\s*[:=]\s*)(${VALUE})`, 'gi'), ((_m, prefix, _q, value) => keepRedacted(prefix ?? '', value ?? '')) as Replacer],
  // key=value (env, flags, query strings, DSNs): DB_PASSWORD=x, --token=x, ?api_key=x, Password=x;
  [new RegExp(String.raw`(?<![\w'"\`.-])(${SECRET_KEY}\s*=\s*)(${VALUE})`, 'gi'), ((_m, prefix, value) => keepRedacted(prefix ?? '', value ?? '')) as Replacer],
  // key: value (YAML / log fields), a space after the colon; not a quoted or code identifier
  [new RegExp(String.raw`(?<![\w'"\`.-])(${SECRET_KEY}:[ \t]+)(?!${NOT_A_VALUE})(${VALUE})`, 'gi'), ((_m, prefix, value) => keepRedacted(prefix ?? '', value ?? '')) as Replacer],
  // Well-known token shapes
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, REDACTED], // Slack
  [/\bxapp-[A-Za-z0-9-]{10,}/g, REDACTED], // Slack app-level
  [/\bgh[pousr]_[A-Za-z0-9]{30,}/g, REDACTED], // GitHub
  [/\bgithub_pat_[A-Za-z0-9_]{30,}/g, REDACTED],
  [/\bglpat-[A-Za-z0-9_-]{20,}/g, REDACTED], // GitLab
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, REDACTED], // AWS access key id
  [/\bAIza[0-9A-Za-z_-]{35}\b/g, REDACTED], // Google API key
  [/\bnpm_[A-Za-z0-9]{36}\b/g, REDACTED],
  [/\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}/g, REDACTED], // OpenAI-style
  [/\b[rs]k_(?:live|test)_[A-Za-z0-9]{10,}/g, REDACTED], // Stripe
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, REDACTED], // JWT
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
