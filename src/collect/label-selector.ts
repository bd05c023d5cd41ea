/** A workload's metav1.LabelSelector as a query string, and matched against labels client-side. */
import type { V1LabelSelector } from '@kubernetes/client-node';

const HASH_LABEL = 'pod-template-hash';

export function selectorToString(sel: V1LabelSelector | undefined): string | null {
  if (!sel) return null;
  const terms: string[] = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') terms.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') terms.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') terms.push(e.key);
    else if (e.operator === 'DoesNotExist') terms.push(`!${e.key}`);
  }
  // An empty selector would select every pod of the namespace: never ask for that.
  return terms.length ? terms.join(',') : null;
}

/** A ReplicaSet's selector without its pod-template-hash: the selector of the Deployment owning it. */
export function withoutTemplateHash(sel: V1LabelSelector | undefined): V1LabelSelector | undefined {
  if (!sel) return undefined;
  const { [HASH_LABEL]: _hash, ...matchLabels } = sel.matchLabels ?? {};
  return { matchLabels, matchExpressions: (sel.matchExpressions ?? []).filter((e) => e.key !== HASH_LABEL) };
}

export function selectorMatches(sel: V1LabelSelector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  if (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) return false;
  const plain = Object.entries(sel.matchLabels ?? {}).every(([k, v]) => l[k] === v);
  return (
    plain &&
    (sel.matchExpressions ?? []).every((e) => {
      const has = Object.hasOwn(l, e.key);
      const values = e.values ?? [];
      switch (e.operator) {
        case 'In':
          return has && values.includes(l[e.key]!);
        case 'NotIn':
          return !has || !values.includes(l[e.key]!);
        case 'Exists':
          return has;
        case 'DoesNotExist':
          return !has;
        default:
          return false;
      }
    })
  );
}
