/**
 * A connection refused on the pod's own loopback (localhost:5432, 127.0.0.1:6379, [::1]:5672) when no other
 * container of the pod could be listening there: nothing in a pod serves localhost unless a sidecar does, so the
 * program is using its built-in default because the setting naming the real host is missing.
 */
import type { Evidence } from '../domain/evidence.js';
import type { Facts } from './facts.js';

const LOOPBACK = /^(?:localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[?::1\]?|0\.0\.0\.0)(?::(\d{1,5}))?$/i;

/** The port of a loopback target, '' for a loopback target without one, null when the target is not loopback. */
export function loopbackPort(target: string | null): string | null {
  const m = target ? LOOPBACK.exec(target.trim()) : null;
  return m ? (m[1] ?? '') : null;
}

/** True when the target is loopback and no other container of the pod (sidecar, native sidecar) can be its listener. */
export function loopbackWithoutListener(evidence: Evidence, f: Facts, target: string | null): boolean {
  const port = loopbackPort(target);
  if (port === null) return false;
  const spec = evidence.pod.spec;
  if (!spec || spec.hostNetwork) return false;
  const declares = (ports: Array<{ containerPort: number }> | undefined) => (ports ?? []).some((p) => String(p.containerPort) === port);
  // The program connecting to its own port is a start-order problem, not a defaulted setting.
  if (port && declares(f.spec?.ports)) return false;
  const others = [
    ...spec.containers.filter((c) => c.name !== f.container),
    ...(spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always' && c.name !== f.container),
  ];
  if (others.length === 0) return true;
  // A sidecar that declares no ports may well be the listener (proxies often do not declare them).
  return port !== '' && others.every((c) => (c.ports ?? []).length > 0 && !declares(c.ports));
}

const PLACEHOLDER_HOST = /^(?:undefined|null|none|nil|<nil>|\$\(?\{?[A-Za-z_]\w*\}?\)?)$/i;
const UNEXPANDED = /(?:lookup|ENOTFOUND|EAI_AGAIN|host name|UnknownHostException:?|resolve host:?|connect to)\s+["'`]?(\$\(?\{?[A-Za-z_]\w*\}?\)?)/;

/**
 * The host the program dials is a placeholder: `undefined`/`null`/`None` (an unset variable stringified) or an
 * unexpanded `$(VAR)`/`${VAR}` reference (Kubernetes leaves `$(VAR)` as is when VAR is not defined before it).
 */
export function placeholderHost(line: string, target: string | null): string | null {
  const host = target?.replace(/:\d+$/, '').replace(/^["'`]|["'`]$/g, '') ?? null;
  if (host && PLACEHOLDER_HOST.test(host)) return host;
  return UNEXPANDED.exec(line)?.[1] ?? null;
}
