import type { DependencyFailure } from '../../domain/cause-id.js';
import { kubectl, type Kubectl } from '../commands.js';
import type { Facts } from '../facts.js';
import type { LogHit } from '../log-patterns/index.js';
import type { Rule } from '../rule.js';
import { loopbackWithoutListener, placeholderHost } from '../loopback.js';
import { best, clamp, compact, countOf, exitCode, hitsOf, logItem, score, stateItem, targetIn, timingItem, who } from './support.js';

const WHAT: Record<DependencyFailure, string> = {
  dns: 'its name does not resolve (DNS)',
  refused: 'the connection is refused (nothing listening, or the dependency is down)',
  timeout: 'the connection times out (network path blocked or dependency overloaded)',
  auth: 'the dependency rejects the credentials',
  tls: 'the TLS handshake fails (certificate not trusted, expired or for another name)',
};

/** The detail: the strongest hit that has one, the latest among equals. */
function detailOf(hits: readonly LogHit[]): LogHit | null {
  return best(hits.filter((h) => h.pattern.detail));
}

function serviceOf(target: string | null): string | null {
  if (!target) return null;
  const host = target.replace(/:\d+$/, '').replace(/[[\]]/g, '');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host === 'localhost') return null;
  return host.split('.')[0] ?? null;
}

function commandsFor(f: Facts, k: Kubectl, detail: DependencyFailure | null, target: string | null): string[] {
  const ns = f.namespace;
  const svc = serviceOf(target);
  const host = target?.replace(/:\d+$/, '') ?? '<host>';
  const port = /:(\d+)$/.exec(target ?? '')?.[1] ?? '<port>';
  const probe = (cmd: string) => `kubectl -n ${ns} run netcheck --rm -it --restart=Never --image=busybox:1.36 -- ${cmd}`;
  switch (detail) {
    case 'dns':
      return compact([svc ? `kubectl -n ${ns} get svc ${svc}` : `kubectl -n ${ns} get svc`, probe(`nslookup ${host}`), k.logsPrevious()]);
    case 'refused':
      return compact([svc ? `kubectl -n ${ns} get endpoints ${svc}` : `kubectl -n ${ns} get endpoints`, `kubectl -n ${ns} get pods -o wide`, probe(`nc -zv -w 3 ${host} ${port}`), k.logsPrevious()]);
    case 'timeout':
      return compact([`kubectl -n ${ns} get networkpolicy`, probe(`nc -zv -w 5 ${host} ${port}`), k.logsPrevious()]);
    case 'auth':
      return compact([`kubectl -n ${ns} get pod ${f.podName} -o jsonpath='{.spec.${f.init ? 'initContainers' : 'containers'}[?(@.name=="${f.container}")].env[*].name}'`, k.getSecrets(), k.logsPrevious(), k.rolloutRestart()]);
    case 'tls':
      return compact([`kubectl -n ${ns} run tlscheck --rm -it --restart=Never --image=alpine/openssl -- s_client -connect ${host}:${port === '<port>' ? '443' : port} -brief`, k.logsPrevious()]);
    default:
      return compact([`kubectl -n ${ns} get svc,endpoints`, k.logsPrevious()]);
  }
}

function adviceFor(detail: DependencyFailure | null, f: Facts): string {
  const wait = f.init ? '' : ' Make startup retry with backoff (or gate it with an init container) so a brief outage does not crash-loop the app.';
  switch (detail) {
    case 'dns':
      return `Fix the host name (Service name, namespace suffix, typo) or create the Service; check cluster DNS if every name fails.${wait}`;
    case 'refused':
      return `Bring the dependency up (its pods, Service endpoints, port) or fix the port in the connection setting.${wait}`;
    case 'timeout':
      return `Check NetworkPolicies, firewalls and security groups between the pod and the dependency, and whether it is overloaded.${wait}`;
    case 'auth':
      return 'Fix the credentials the app uses (the Secret it reads, the user/role on the dependency), then restart the rollout.';
    case 'tls':
      return 'Trust the right CA (mount the CA bundle), renew the certificate, or connect with the name the certificate is issued for.';
    default:
      return `Make the dependency reachable and check the connection settings.${wait}`;
  }
}

const KUBE_API = /\/apis?\/|system:serviceaccount|kubernetes\.default|\b10\.96\.0\.1:443\b|\bis forbidden: User\b|component reflector|informer|list \*v1\./i;

function kubeApiRemedy(f: Facts, k: Kubectl, sa: string): { text: string; commands: string[] } {
  return {
    text: `The Kubernetes API server refuses the pod's ServiceAccount (${sa}): bind it to a Role/ClusterRole that grants the resources it reads (the chart's RBAC may not have been installed).`,
    commands: [`kubectl auth can-i --list -n ${f.namespace} --as=system:serviceaccount:${f.namespace}:${sa}`, `kubectl -n ${f.namespace} get rolebindings,clusterrolebindings -o wide | grep ${sa}`, k.rolloutRestart()],
  };
}

export const dependencyUnavailableRule: Rule = {
  id: 'dependency-unavailable',
  title: 'A dependency is unreachable',
  match(evidence, f) {
    const hits = hitsOf(f, 'dependency').filter((h) => h.source !== 'event');
    const top = best(hits);
    if (!top) return null;
    const withDetail = detailOf(hits);
    const detail = withDetail?.pattern.detail ?? null;
    const sameDetail = hits.filter((h) => h.pattern.detail === detail && withDetail && score(h) >= score(withDetail) - 0.06);
    const named = [...sameDetail].reverse().find((h) => targetIn(h.line));
    const anchor = named ?? (withDetail && score(withDetail) >= score(top) - 0.15 ? withDetail : top);
    const code = exitCode(f);
    let confidence = score(top);
    if (code !== null && code !== 0 && code !== 137 && code !== 143) confidence += 0.02;
    if (hits.length >= 3) confidence += 0.02;
    if (code === 137 || code === 143) confidence -= 0.1;
    // The kubelet killed it for failing probes: the dependency did not make it exit (its health check may depend on it).
    if (countOf(f, 'probe-kill') > 0) confidence -= 0.15;
    const target = targetIn(anchor.line) ?? [...hits].reverse().map((h) => targetIn(h.line)).find((t) => t) ?? null;
    // Falling back to localhost after a setting went missing: the missing setting is the cause.
    if (target && /^(?:localhost|127\.|\[?::1)/.test(target) && hitsOf(f, 'missing-config').length > 0) confidence -= 0.1;
    // Refused on the pod's own loopback with no sidecar there to listen: a defaulted setting (missing-config ranks first).
    if (detail === 'refused' && loopbackWithoutListener(evidence, f, target)) confidence -= 0.12;
    // Dialing "undefined", "None" or an unexpanded $(VAR): the host setting is unset (missing-config ranks first).
    else if (placeholderHost(anchor.line, target)) confidence -= 0.12;
    const k = kubectl(f);
    const kubeApi = detail === 'auth' && KUBE_API.test(anchor.line);
    const sa = evidence.pod.spec?.serviceAccountName ?? 'default';
    const what = kubeApi ? `the Kubernetes API server rejects its ServiceAccount ${sa} (RBAC)` : detail ? WHAT[detail] : 'the connection fails';
    const remedy = kubeApi ? kubeApiRemedy(f, k, sa) : { text: adviceFor(detail, f), commands: commandsFor(f, k, detail, target) };
    return {
      confidence: clamp(confidence),
      title: `${f.container} cannot reach ${target ?? 'a dependency'}${detail ? ` (${detail})` : ''}`,
      summary: `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} ${f.init ? 'keeps failing its dependency check' : 'exits at startup because a service it needs is unavailable'}: ${target ? `${target}: ` : ''}${what}${code !== null ? ` (exit ${code})` : ''}. ${remedy.text.split('. ')[0]?.replace(/\.$/, '')}.`,
      evidence: compact([logItem(f, anchor), anchor !== top ? logItem(f, top) : null, stateItem(f), hits.length > 1 ? { kind: 'log' as const, text: `${hits.length} log lines report connection failures` } : null, timingItem(f)]),
      remedy,
      ...(detail ? { detail } : {}),
      ...(anchor.source === 'log' ? { anchor: anchor.line } : {}),
    };
  },
};
