/**
 * `/crashloop <pod|workload> [-n ns] [-c container]` and `/crashloop help`: text -> a target request.
 * Pure: no Slack, no queue. Bad input becomes a message saying what is wrong and how to ask.
 */
import type { TargetRequest } from '../domain/target.js';

export const USAGE = '/crashloop <pod|workload> [-n namespace] [-c container]';

export type SlashCommandRequest =
  | { kind: 'help' }
  | { kind: 'diagnose'; target: TargetRequest }
  | { kind: 'invalid'; problem: string; usage: string };

/** RFC 1123 subdomain: pod and workload names. */
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** RFC 1123 label: namespace and container names. */
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const FLAGS: Record<string, 'namespace' | 'container'> = {
  '-n': 'namespace',
  '--namespace': 'namespace',
  '-c': 'container',
  '--container': 'container',
};

function invalid(problem: string): SlashCommandRequest {
  return { kind: 'invalid', problem, usage: USAGE };
}

/** Why `value` is not a valid name of that kind, or null when it is. */
export function nameProblem(value: string, what: 'pod' | 'namespace' | 'container'): string | null {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  if (what === 'pod') {
    if (value.length > 253) return `"${shown}" is too long for a pod or workload name (at most 253 characters)`;
    if (!SUBDOMAIN.test(value)) return `"${shown}" is not a valid pod or workload name (lowercase letters, digits, '-' and '.')`;
    return null;
  }
  if (value.length > 63) return `"${shown}" is too long for a ${what} name (at most 63 characters)`;
  if (!LABEL.test(value)) return `"${shown}" is not a valid ${what} name (lowercase letters, digits and '-')`;
  return null;
}

export function parseSlashCommand(text: string, defaultNamespace: string): SlashCommandRequest {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return invalid('tell me which pod or workload to look at');
  if (tokens.length === 1 && /^(help|-h|--help)$/i.test(tokens[0]!)) return { kind: 'help' };

  const positional: string[] = [];
  const values: Partial<Record<'namespace' | 'container', string>> = {};
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!token.startsWith('-')) {
      positional.push(token);
      continue;
    }
    const [flag, inline] = token.includes('=') ? [token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1)] : [token, undefined];
    const field = FLAGS[flag];
    if (!field) return invalid(`unknown option "${flag.slice(0, 40)}" (known: -n/--namespace, -c/--container)`);
    const value = inline ?? tokens[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('-'))) return invalid(`${flag} needs a value`);
    if (values[field] !== undefined) return invalid(`${flag} was given twice`);
    values[field] = value;
  }
  if (positional.length === 0) return invalid('tell me which pod or workload to look at');
  if (positional.length > 1) return invalid(`one pod or workload at a time (got: ${positional.slice(0, 4).join(', ')})`);

  let name = positional[0]!;
  let namespace = values.namespace;
  // `ns/pod` is accepted as a shorthand for `pod -n ns`.
  if (name.includes('/') && namespace === undefined) {
    const [ns, rest, extra] = name.split('/');
    if (ns && rest && extra === undefined) {
      namespace = ns;
      name = rest;
    }
  }
  const problem =
    nameProblem(name, 'pod') ??
    (namespace !== undefined ? nameProblem(namespace, 'namespace') : null) ??
    (values.container !== undefined ? nameProblem(values.container, 'container') : null);
  if (problem) return invalid(problem);
  return {
    kind: 'diagnose',
    target: { namespace: namespace ?? defaultNamespace, name, ...(values.container ? { container: values.container } : {}) },
  };
}
