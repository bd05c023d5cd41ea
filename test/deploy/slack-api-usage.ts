/**
 * Which Slack Web API methods the code calls, found in the source (not a hand list), and the bot-token
 * scopes each needs.
 *
 * Method names come from the real WebClient (every `family.method` function it has); a call site is a
 * dotted chain ending in `(` whose longest suffix is such a method (`deps.slack.chat\n.postEphemeral(`,
 * `client.usergroups.users.list(`), plus `apiCall('x.y')` and Bolt's `say(` (chat.postMessage).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { webApi } from '@slack/bolt';
import { REPO_ROOT } from './dockerfile-replay.js';

/**
 * Bot-token scopes per method, from each method's page in Slack's reference (docs.slack.dev/reference/methods/<method>,
 * "Required scopes", Bot tokens). An empty list: no scope needed. Methods whose scope depends on the
 * conversation type list one scope per type; see CONVERSATION_TYPES.
 */
export const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.getPermalink': [],
  'conversations.history': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history', 'mpim:history'],
  'conversations.info': ['channels:read', 'groups:read', 'im:read', 'mpim:read'],
  'conversations.members': ['channels:read', 'groups:read', 'im:read', 'mpim:read'],
  'conversations.join': ['channels:join'],
  'usergroups.users.list': ['usergroups:read'],
  'usergroups.list': ['usergroups:read'],
  'users.info': ['users:read'],
  'users.list': ['users:read'],
  'reactions.add': ['reactions:write'],
  'views.open': [],
  'views.update': [],
};

/**
 * The conversation types the bot works in: public channels (`channels:*`) and private channels
 * (`groups:*`), where /crashloop is run and ALERT_CHANNEL points. Not DMs (`im:*`, `mpim:*`).
 */
export const CONVERSATION_TYPES = ['channels', 'groups'] as const;

/** The scopes a method needs in the conversation types above. */
export function scopesFor(method: string): string[] | undefined {
  const scopes = METHOD_SCOPES[method];
  if (!scopes) return undefined;
  const perType = scopes.filter((s) => /^(channels|groups|im|mpim):/.test(s));
  if (perType.length === 0) return scopes;
  return perType.filter((s) => (CONVERSATION_TYPES as readonly string[]).includes(s.split(':')[0]!));
}

/** Every `family.method` the Web API client offers (about 280). */
export function knownApiMethods(): Set<string> {
  const client = new webApi.WebClient();
  const methods = new Set<string>();
  const walk = (o: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'function' && prefix) methods.add(prefix + k);
      else if (v && typeof v === 'object' && depth < 3 && /^[a-z]/.test(k) && v.constructor === Object) {
        walk(v as Record<string, unknown>, `${prefix}${k}.`, depth + 1);
      }
    }
  };
  walk(client as unknown as Record<string, unknown>, '', 0);
  return methods;
}

export interface CallSite {
  method: string;
  file: string;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Comments out of the way (kept line count), so prose such as "calls chat.postMessage(" is not a call. */
function stripComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

export function findSlackCalls(srcDir = join(REPO_ROOT, 'src')): CallSite[] {
  const known = knownApiMethods();
  const calls: CallSite[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = stripComments(readFileSync(file, 'utf8'));
    const lineOf = (index: number) => text.slice(0, index).split('\n').length;
    const add = (method: string, index: number) => calls.push({ method, file: relative(REPO_ROOT, file), line: lineOf(index) });
    for (const m of text.matchAll(/[A-Za-z_$][\w$]*(?:\s*\??\.\s*[A-Za-z_$][\w$]*)+(?=\s*\()/g)) {
      const parts = m[0].replace(/\s+|\?/g, '').split('.');
      for (let i = 0; i < parts.length - 1; i++) {
        const candidate = parts.slice(i).join('.');
        if (known.has(candidate)) {
          add(candidate, m.index);
          break;
        }
      }
    }
    for (const m of text.matchAll(/\.apiCall\(\s*['"`]([\w.]+)['"`]/g)) add(m[1]!, m.index);
    for (const m of text.matchAll(/(?<![\w$.])say\s*\(/g)) add('chat.postMessage', m.index);
  }
  return calls;
}
