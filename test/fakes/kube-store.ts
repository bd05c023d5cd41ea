/**
 * The fake API's object store: objects keyed by resource, namespace and name, with a global
 * resourceVersion counter, plus the container logs the pods/log subresource serves.
 */
import { randomUUID } from 'node:crypto';
import { apiVersionOf, typeByKind, type ResourceType } from './kube-resources.js';

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{ apiVersion: string; kind: string; name: string; uid: string; controller?: boolean; blockOwnerDeletion?: boolean }>;
    [k: string]: unknown;
  };
  spec?: any;
  status?: any;
  [k: string]: unknown;
}

export interface LogEntry {
  namespace?: string;
  pod: string;
  container: string;
  /** The previous (terminated) instance's log, i.e. `kubectl logs --previous`. */
  previous?: boolean;
  text: string;
}

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

function key(t: ResourceType, namespace: string | undefined, name: string): string {
  return `${t.group}/${t.plural}/${namespace ?? ''}/${name}`;
}

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';
export type ChangeListener = (type: ChangeType, t: ResourceType, obj: KubeObject) => void;

export class KubeStore {
  private rv = 1000;
  private readonly listeners = new Set<ChangeListener>();
  private readonly objects = new Map<string, KubeObject>();
  private readonly logs = new Map<string, { current?: string; previous?: string }>();

  /** Subscribe to writes (watch); returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(type: ChangeType, t: ResourceType, obj: KubeObject): void {
    for (const l of this.listeners) l(type, t, structuredClone(obj));
  }

  get resourceVersion(): string {
    return String(this.rv);
  }

  /** Add (or overwrite) an object as it is; fills uid, creationTimestamp and resourceVersion if absent. */
  add(input: KubeObject): KubeObject {
    const t = typeByKind(input.kind ?? '');
    if (!t) throw new Error(`fake kube API: unsupported kind ${String(input.kind)} (object ${input.metadata?.name})`);
    const obj = structuredClone(input);
    obj.apiVersion = apiVersionOf(t);
    obj.metadata.uid ??= randomUUID();
    obj.metadata.creationTimestamp ??= new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    obj.metadata.resourceVersion ??= String(++this.rv);
    const numeric = Number(obj.metadata.resourceVersion);
    if (Number.isFinite(numeric) && numeric > this.rv) this.rv = numeric;
    if (WORKLOADS.has(t.kind)) obj.metadata.generation ??= 1;
    if (t.namespaced && !obj.metadata.namespace) obj.metadata.namespace = 'default';
    const k = key(t, t.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name);
    const existed = this.objects.has(k);
    this.objects.set(k, obj);
    this.emit(existed ? 'MODIFIED' : 'ADDED', t, obj);
    return obj;
  }

  /** Store a new version of an existing object, bumping its resourceVersion (and generation when spec changed). */
  update(t: ResourceType, obj: KubeObject, specChanged: boolean): KubeObject {
    obj.metadata.resourceVersion = String(++this.rv);
    if (specChanged && WORKLOADS.has(t.kind)) obj.metadata.generation = (obj.metadata.generation ?? 1) + 1;
    this.objects.set(key(t, t.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name), obj);
    this.emit('MODIFIED', t, obj);
    return obj;
  }

  get(t: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const o = this.objects.get(key(t, t.namespaced ? namespace : undefined, name));
    return o ? structuredClone(o) : undefined;
  }

  /** Objects of a type, in one namespace or (namespace undefined) all of them, ordered like the API (ns, name). */
  list(t: ResourceType, namespace?: string): KubeObject[] {
    const prefix = `${t.group}/${t.plural}/`;
    return [...this.objects.entries()]
      .filter(([k, o]) => k.startsWith(prefix) && (namespace === undefined || o.metadata.namespace === namespace))
      .map(([, o]) => structuredClone(o))
      .sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  }

  delete(t: ResourceType, namespace: string | undefined, name: string): boolean {
    const k = key(t, t.namespaced ? namespace : undefined, name);
    const obj = this.objects.get(k);
    if (!obj) return false;
    this.objects.delete(k);
    obj.metadata.resourceVersion = String(++this.rv);
    this.emit('DELETED', t, obj);
    return true;
  }

  /** Namespaces that exist: Namespace objects plus any namespace an object lives in. */
  namespaceExists(name: string): boolean {
    for (const o of this.objects.values()) {
      if (o.kind === 'Namespace' && o.metadata.name === name) return true;
      if (o.metadata.namespace === name) return true;
    }
    return false;
  }

  setLog(entry: LogEntry): void {
    const ns = entry.namespace ?? this.findPodNamespace(entry.pod) ?? 'default';
    const k = `${ns}/${entry.pod}/${entry.container}`;
    const cur = this.logs.get(k) ?? {};
    if (entry.previous) cur.previous = entry.text;
    else cur.current = entry.text;
    this.logs.set(k, cur);
  }

  getLog(namespace: string, pod: string, container: string): { current?: string; previous?: string } {
    return this.logs.get(`${namespace}/${pod}/${container}`) ?? {};
  }

  private findPodNamespace(pod: string): string | undefined {
    for (const o of this.objects.values()) if (o.kind === 'Pod' && o.metadata.name === pod) return o.metadata.namespace;
    return undefined;
  }
}
