/**
 * mrkdwn helpers: escaping, redaction, code spans/blocks and length-safe truncation.
 *
 * Every string that comes from the cluster (names, events, log lines, messages) must pass through
 * `clusterText` (redact, then escape) or `code`/`codeBlock` (which do the same) before it reaches a
 * block. Escaping `&`, `<` and `>` is what Slack documents, and it is what stops `<!channel>`,
 * `<!here>`, `<@U…>` and `<url|text>` from turning into mentions or links.
 */
import { redact } from '../../redact.js';

const ELLIPSIS = '…';

/** Escape the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cluster text for mrkdwn prose: secrets redacted first (patterns see the raw text), then escaped,
 * and backticks defused so a quoted name cannot open a code span that swallows the rest of a line.
 */
export function clusterText(text: string): string {
  return escapeMrkdwn(defuseBackticks(redact(text)));
}

/**
 * Our own wording that may carry user input (error details, hints): redacted and escaped like cluster
 * text, but backticks are kept so a hint can show a command as code.
 */
export function ownText(text: string): string {
  return escapeMrkdwn(redact(text));
}

/**
 * Cut `text` to at most `max` UTF-16 units, ending with `…` when cut. Never splits a surrogate pair
 * or an HTML entity produced by `escapeMrkdwn` (a half `&amp;` would show up as garbage).
 */
export function truncate(text: string, max: number, ellipsis = ELLIPSIS): string {
  if (text.length <= max) return text;
  if (max <= ellipsis.length) return ellipsis.slice(0, Math.max(0, max));
  let cut = max - ellipsis.length;
  // Do not split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  // Do not split an entity such as &amp; &lt; &gt; (at most 5 characters long).
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp !== -1 && cut - amp < 5) {
    const semi = text.indexOf(';', amp);
    if (semi === -1 || semi >= cut) cut = amp;
  }
  return text.slice(0, cut) + ellipsis;
}

/** Replace what would end a code span or block early: backticks become a look-alike (U+02CB). */
function defuseBackticks(text: string): string {
  return text.replace(/`/g, 'ˋ');
}

/**
 * An inline code span for cluster text (`api`, `shop/api-7f9c`): redacted, escaped, backticks
 * defused, newlines flattened, at most `max` characters of content.
 */
export function code(text: string, max = 200): string {
  const flat = defuseBackticks(redact(text)).replace(/[\r\n\t]+/g, ' ').trim();
  const body = truncate(escapeMrkdwn(flat === '' ? ' ' : flat), max);
  return `\`${body}\``;
}

export interface CodeBlockOptions {
  /** Total length of the result, fences included. */
  max: number;
  /** Longest single line kept (longer lines are cut with …). */
  maxLineLength?: number;
  /** Which end to keep when lines must be dropped: logs keep the tail (the crash is at the end). */
  keep?: 'head' | 'tail';
}

/**
 * A fenced code block of cluster lines within `max` characters (fences included). Lines are
 * redacted, escaped, and stripped of backticks that could close the fence. When lines must go, a
 * marker line says how many were left out.
 */
export function codeBlock(lines: readonly string[], options: CodeBlockOptions): string {
  const { max, maxLineLength = 500, keep = 'tail' } = options;
  const prepared = lines.map((l) => truncate(escapeMrkdwn(defuseBackticks(redact(l)).replace(/\r/g, '')), maxLineLength));
  const fence = '```';
  const overhead = fence.length * 2 + 2; // "```\n" + "\n```"
  const budget = max - overhead;
  const kept: string[] = [];
  let used = 0;
  const order = keep === 'tail' ? [...prepared].reverse() : prepared;
  for (const line of order) {
    // Reserve room for the omission marker (about 40 characters) whenever lines remain.
    const remaining = prepared.length - kept.length - 1;
    const reserve = remaining > 0 ? 40 : 0;
    if (used + line.length + 1 + reserve > budget) break;
    kept.push(line);
    used += line.length + 1;
  }
  const omitted = prepared.length - kept.length;
  if (keep === 'tail') kept.reverse();
  const marker = `… ${omitted} ${omitted === 1 ? 'line' : 'lines'} left out`;
  if (omitted > 0) {
    if (keep === 'tail') kept.unshift(marker);
    else kept.push(marker);
  }
  const body = kept.length === 0 ? ' ' : kept.join('\n');
  return truncate(`${fence}\n${body}\n${fence}`, max);
}

/**
 * A date Slack shows in each reader's time zone (`<!date^…>`), UTC as the fallback. The input is
 * parsed, so nothing of it reaches the message verbatim; an unparsable value is shown escaped.
 */
export function slackDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return clusterText(iso);
  const fallbackText = `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${fallbackText}>`;
}

/** A Slack user mention for ids that are ours (from Slack payloads), never for cluster text. */
export function mentionUser(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/**
 * Cluster text for a `plain_text` object (header, button, confirm title): redacted, on one line, and
 * with `<` `>` swapped for look-alikes (‹ ›) so it reads the same whether or not Slack decodes
 * entities there, and can never form a `<!channel>` or a link.
 */
export function plain(text: string, max: number): string {
  return truncate(redact(text).replace(/[\r\n\t]+/g, ' ').replace(/</g, '‹').replace(/>/g, '›'), max);
}
