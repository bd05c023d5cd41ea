/**
 * The three patch types the API server accepts on PATCH, by Content-Type:
 * RFC 6902 JSON patch (a failed `test` op is an error), RFC 7386 merge patch, and strategic merge
 * patch (merge patch where known lists of objects merge by their key, e.g. containers by name).
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export class PatchError extends Error {
  constructor(message: string, readonly code: 400 | 422) {
    super(message);
  }
}

export const PATCH_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

function clone<T>(v: T): T {
  return structuredClone(v);
}

function isObject(v: unknown): v is { [k: string]: Json } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObject(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new PatchError(`invalid JSON pointer "${path}"`, 400);
  return path.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parent(doc: Json, tokens: string[], path: string): { container: Json; key: string } {
  let cur: Json = doc;
  for (const t of tokens.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(cur) ? cur[Number(t)] : isObject(cur) ? cur[t] : undefined;
    if (next === undefined) throw new PatchError(`doc is missing path: "${path}": missing value`, 422);
    cur = next;
  }
  return { container: cur, key: tokens[tokens.length - 1]! };
}

function get(doc: Json, path: string): Json {
  let cur: Json | undefined = doc;
  for (const t of parsePointer(path)) {
    cur = Array.isArray(cur) ? cur[Number(t)] : isObject(cur) ? cur[t] : undefined;
    if (cur === undefined) throw new PatchError(`doc is missing path: "${path}": missing value`, 422);
  }
  return cur as Json;
}

function remove(doc: Json, path: string): Json {
  const { container, key } = parent(doc, parsePointer(path), path);
  if (Array.isArray(container)) {
    const i = Number(key);
    if (!(i >= 0 && i < container.length)) throw new PatchError(`unable to remove nonexistent key: ${key}: missing value`, 422);
    return container.splice(i, 1)[0]!;
  }
  if (!isObject(container) || !(key in container)) throw new PatchError(`unable to remove nonexistent key: ${key}: missing value`, 422);
  const old = container[key]!;
  delete container[key];
  return old;
}

function add(doc: Json, path: string, value: Json, replace: boolean): Json {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const { container, key } = parent(doc, tokens, path);
  if (Array.isArray(container)) {
    const i = key === '-' ? container.length : Number(key);
    if (!(i >= 0 && i <= container.length)) throw new PatchError(`unable to access invalid index: ${key}: invalid index referenced`, 422);
    if (replace) {
      if (i >= container.length) throw new PatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`, 422);
      container[i] = value;
    } else container.splice(i, 0, value);
  } else if (isObject(container)) {
    if (replace && !(key in container)) throw new PatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`, 422);
    container[key] = value;
  } else throw new PatchError(`doc is missing path: "${path}": missing value`, 422);
  return doc;
}

export function applyJsonPatch(target: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch', 400);
  let doc = clone(target) as Json;
  for (const raw of patch) {
    if (!isObject(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') throw new PatchError('invalid JSON patch operation', 400);
    const { op, path } = raw;
    switch (op) {
      case 'add':
        doc = add(doc, path, clone(raw.value as Json), false);
        break;
      case 'replace':
        doc = add(doc, path, clone(raw.value as Json), true);
        break;
      case 'remove':
        remove(doc, path);
        break;
      case 'move':
      case 'copy': {
        if (typeof raw.from !== 'string') throw new PatchError(`${op} operation missing "from"`, 400);
        const value = op === 'move' ? remove(doc, raw.from) : clone(get(doc, raw.from));
        doc = add(doc, path, value, false);
        break;
      }
      case 'test':
        if (!deepEqual(get(doc, path), raw.value)) throw new PatchError(`testing value ${path} failed: test failed`, 422);
        break;
      default:
        throw new PatchError(`Unexpected kind: ${op}`, 400);
    }
  }
  return doc;
}

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const out: { [k: string]: Json } = isObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v) as Json;
  }
  return out;
}

/** Lists of objects that strategic merge patch merges by key (the apps/v1 + core/v1 ones we meet). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  conditions: 'type',
  ownerReferences: 'uid',
};

export function applyStrategicMergePatch(target: unknown, patch: unknown, field = ''): unknown {
  if (Array.isArray(patch)) {
    const key = MERGE_KEYS[field];
    if (!key || !Array.isArray(target)) return clone(patch);
    const out = clone(target) as Json[];
    for (const item of patch) {
      if (!isObject(item)) continue;
      const i = out.findIndex((o) => isObject(o) && o[key] === item[key]);
      if (item.$patch === 'delete') {
        if (i >= 0) out.splice(i, 1);
      } else if (i >= 0) out[i] = applyStrategicMergePatch(out[i], item) as Json;
      else out.push(applyStrategicMergePatch({}, item) as Json);
    }
    return out;
  }
  if (!isObject(patch)) return clone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return clone(rest);
  }
  const out: { [k: string]: Json } = isObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else out[k] = applyStrategicMergePatch(out[k], v, k) as Json;
  }
  return out;
}

export function applyPatch(contentType: string, target: unknown, patch: unknown): unknown {
  switch (contentType) {
    case PATCH_TYPES.json:
      return applyJsonPatch(target, patch);
    case PATCH_TYPES.merge:
      return applyMergePatch(target, patch);
    case PATCH_TYPES.strategic:
      return applyStrategicMergePatch(target, patch);
    default:
      throw new PatchError(`unsupported patch type ${contentType}`, 400);
  }
}

export { deepEqual };
