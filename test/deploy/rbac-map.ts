/**
 * Kubernetes RBAC, as the API server applies it, for the RBAC-coverage test: a REST request (method +
 * path + query) -> its request attributes (apiGroup, resource, subresource, verb, namespace, name), and the
 * rules that grant it. Follows k8s.io/apiserver RequestInfoFactory and rbac's RuleAllows.
 */
import type { K8sObject } from './render.js';

export interface ApiCall {
  method: string;
  path: string;
  query?: Record<string, string>;
}

export interface RequestAttributes {
  apiGroup: string;
  resource: string;
  subresource?: string;
  verb: string;
  namespace?: string;
  name?: string;
}

export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** null for non-resource requests (discovery: /api, /apis, /version, /openapi/...). */
export function requestAttributes(call: ApiCall): RequestAttributes | null {
  const parts = call.path.split('/').filter(Boolean);
  let rest: string[];
  let apiGroup: string;
  if (parts[0] === 'api' && parts.length >= 2) {
    apiGroup = '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    apiGroup = parts[1]!;
    rest = parts.slice(3);
  } else return null;
  if (rest.length === 0) return null; // a group-version discovery document
  let namespace: string | undefined;
  // /namespaces/{ns}/{resource}... is namespaced; /namespaces and /namespaces/{name} address Namespaces.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest as [string, string | undefined, string | undefined];
  const method = call.method.toUpperCase();
  const watching = call.query?.watch === 'true' || call.query?.watch === '1';
  const verb =
    method === 'GET' || method === 'HEAD' ? (watching ? 'watch' : name ? 'get' : 'list')
    : method === 'POST' ? 'create'
    : method === 'PUT' ? 'update'
    : method === 'PATCH' ? 'patch'
    : method === 'DELETE' ? (name ? 'delete' : 'deletecollection')
    : method.toLowerCase();
  return {
    apiGroup,
    resource,
    ...(subresource ? { subresource } : {}),
    verb,
    ...(namespace ? { namespace } : {}),
    ...(name ? { name } : {}),
  };
}

export const resourceKey = (a: { resource: string; subresource?: string }) => (a.subresource ? `${a.resource}/${a.subresource}` : a.resource);
export const describeAttributes = (a: RequestAttributes) =>
  `${a.verb} ${a.apiGroup || 'core'}/${resourceKey(a)}${a.namespace ? ` in namespace ${a.namespace}` : ''}`;

const has = (list: string[] | undefined, value: string) => (list ?? []).includes(value) || (list ?? []).includes('*');

export function ruleAllows(rule: PolicyRule, a: RequestAttributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (!has(rule.apiGroups, a.apiGroup)) return false;
  const key = resourceKey(a);
  if (!(rule.resources ?? []).some((r) => r === '*' || r === key || (a.subresource && r === `*/${a.subresource}`) || (!a.subresource && r === `${a.resource}/*`))) {
    return false;
  }
  if (rule.resourceNames && rule.resourceNames.length > 0 && !(a.name && rule.resourceNames.includes(a.name))) return false;
  return true;
}

/** Each (apiGroup, resource, verb) a rule grants, spelled out. */
export function grants(rule: PolicyRule): { apiGroup: string; resource: string; verb: string }[] {
  return (rule.apiGroups ?? []).flatMap((apiGroup) =>
    (rule.resources ?? []).flatMap((resource) => rule.verbs.map((verb) => ({ apiGroup, resource, verb }))),
  );
}

/**
 * The rules that apply to a ServiceAccount in rendered manifests: every ClusterRole bound to it by a
 * ClusterRoleBinding, and every (Cluster)Role bound by a RoleBinding (those apply in that namespace only).
 */
export function rulesFor(objects: K8sObject[], sa: { name: string; namespace: string }): { clusterWide: PolicyRule[]; byNamespace: Record<string, PolicyRule[]> } {
  type Binding = K8sObject & { roleRef: { kind: string; name: string }; subjects?: { kind: string; name: string; namespace?: string }[] };
  type Role = K8sObject & { rules?: PolicyRule[] };
  const roleRules = (kind: string, name: string, namespace?: string) =>
    (objects.find((o) => o.kind === kind && o.metadata.name === name && (kind === 'ClusterRole' || o.metadata.namespace === namespace)) as Role | undefined)?.rules ?? [];
  const boundHere = (b: Binding) => (b.subjects ?? []).some((s) => s.kind === 'ServiceAccount' && s.name === sa.name && (s.namespace ?? b.metadata.namespace) === sa.namespace);
  const clusterWide: PolicyRule[] = [];
  const byNamespace: Record<string, PolicyRule[]> = {};
  for (const b of objects as Binding[]) {
    if (b.kind === 'ClusterRoleBinding' && boundHere(b)) clusterWide.push(...roleRules('ClusterRole', b.roleRef.name));
    if (b.kind === 'RoleBinding' && boundHere(b)) {
      const ns = b.metadata.namespace!;
      (byNamespace[ns] ??= []).push(...roleRules(b.roleRef.kind, b.roleRef.name, ns));
    }
  }
  return { clusterWide, byNamespace };
}

export function allowed(rules: ReturnType<typeof rulesFor>, a: RequestAttributes): boolean {
  return rules.clusterWide.some((r) => ruleAllows(r, a)) || (a.namespace !== undefined && (rules.byNamespace[a.namespace] ?? []).some((r) => ruleAllows(r, a)));
}
