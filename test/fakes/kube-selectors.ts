/**
 * Label and field selectors as the API server parses them. A selector it cannot parse is a
 * 400 BadRequest, like the real server's "unable to parse requirement" / "field label not supported".
 */
export class SelectorError extends Error {}

type LabelReq =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.\/]*[a-z0-9A-Z])?)$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Split on commas that are not inside parentheses. */
function splitTerms(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t !== '');
}

function checkKey(key: string, raw: string): string {
  if (!KEY.test(key)) throw new SelectorError(`unable to parse requirement: invalid label key "${key}" in "${raw}"`);
  return key;
}

function checkValue(value: string, raw: string): string {
  if (!VALUE.test(value) || value.length > 63) throw new SelectorError(`unable to parse requirement: invalid label value "${value}" in "${raw}"`);
  return value;
}

export function parseLabelSelector(selector: string): LabelReq[] {
  return splitTerms(selector).map((term) => {
    let m = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (m) {
      const values = m[3]!.split(',').map((v) => checkValue(v.trim(), term));
      return { op: m[2] as 'in' | 'notin', key: checkKey(m[1]!, term), values };
    }
    m = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
    if (m) return { op: m[2] === '!=' ? 'neq' : 'eq', key: checkKey(m[1]!, term), value: checkValue(m[3]!, term) };
    m = /^!\s*(\S+)$/.exec(term);
    if (m) return { op: 'notexists', key: checkKey(m[1]!, term) };
    if (/^\S+$/.test(term)) return { op: 'exists', key: checkKey(term, term) };
    throw new SelectorError(`unable to parse requirement: found '${term}', expected: identifier`);
  });
}

export function matchLabels(reqs: LabelReq[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.hasOwn(l, r.key);
    switch (r.op) {
      case 'eq':
        return has && l[r.key] === r.value;
      case 'neq':
        return !has || l[r.key] !== r.value;
      case 'in':
        return has && r.values.includes(l[r.key]!);
      case 'notin':
        return !has || !r.values.includes(l[r.key]!);
      case 'exists':
        return has;
      case 'notexists':
        return !has;
    }
  });
}

interface FieldReq {
  field: string;
  value: string;
  negate: boolean;
}

/** Field selectors support =, == and != on the fields a resource declares. */
export function parseFieldSelector(selector: string, allowed: string[]): FieldReq[] {
  const fields = new Set(['metadata.name', 'metadata.namespace', ...allowed]);
  return splitTerms(selector).map((term) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(term);
    if (!m) throw new SelectorError(`invalid selector: '${selector}'; can't understand '${term}'`);
    const field = m[1]!.trim();
    if (!fields.has(field)) throw new SelectorError(`field label not supported: ${field}`);
    return { field, value: m[3]!.trim(), negate: m[2] === '!=' };
  });
}

function fieldValue(obj: unknown, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return '';
  if (typeof cur === 'object') {
    // `source` on events is {component, host}; the API matches the component.
    const c = (cur as Record<string, unknown>).component;
    return typeof c === 'string' ? c : '';
  }
  return String(cur);
}

export function matchFields(reqs: FieldReq[], obj: unknown): boolean {
  return reqs.every((r) => (fieldValue(obj, r.field) === r.value) !== r.negate);
}
