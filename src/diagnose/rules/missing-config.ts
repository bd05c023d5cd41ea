import type { EvidenceItem } from '../../domain/diagnosis.js';
import type { Evidence } from '../../domain/evidence.js';
import { kubectl } from '../commands.js';
import type { Facts } from '../facts.js';
import { CONFIG_PATTERNS } from '../log-patterns/config.js';
import type { LogHit } from '../log-patterns/index.js';
import type { Finding, Rule } from '../rule.js';
import { loopbackWithoutListener, placeholderHost } from '../loopback.js';
import { best, clamp, compact, eventItem, eventsOf, exitCode, hitsOf, logItem, score, startErrorHits, stateItem, targetIn, timingItem, who } from './support.js';

export const NON_ROOT = /runAsNonRoot|image will run as root|non-numeric user|cannot verify user is non-root|breaks non-root policy/i;

interface Missing {
  kind: 'secret' | 'configmap' | 'key' | null;
  object: string | null;
  key: string | null;
}

function parseMissing(text: string): Missing {
  const key = /couldn't find key (\S+) in (Secret|ConfigMap) (?:[\w-]+\/)?([\w.-]+)/i.exec(text);
  if (key) return { kind: 'key', object: `${key[2]?.toLowerCase()}/${key[3]}`, key: key[1] ?? null };
  const obj = /(secret|configmap|config map)s? "([^"]+)" not found/i.exec(text);
  if (obj) return { kind: /secret/i.test(obj[1] ?? '') ? 'secret' : 'configmap', object: obj[2] ?? null, key: null };
  return { kind: null, object: null, key: null };
}

function envSources(f: Facts): string {
  const env = (f.spec?.env ?? []).map((e) => e.name);
  const from = (f.spec?.envFrom ?? []).map((e) => (e.secretRef ? `secret/${e.secretRef.name}` : e.configMapRef ? `configmap/${e.configMapRef.name}` : '?'));
  return `env: ${env.length ? env.join(', ') : 'none'}${from.length ? `; envFrom: ${from.join(', ')}` : ''}`;
}

/** ConfigMaps/Secrets mounted into the container, with their mount paths. */
function mountedConfig(evidence: Evidence, f: Facts): Array<{ kind: 'configmap' | 'secret'; name: string; path: string }> {
  const volumes = evidence.pod.spec?.volumes ?? [];
  const out: Array<{ kind: 'configmap' | 'secret'; name: string; path: string }> = [];
  for (const m of f.spec?.volumeMounts ?? []) {
    const v = volumes.find((x) => x.name === m.name);
    if (v?.configMap?.name) out.push({ kind: 'configmap', name: v.configMap.name, path: m.mountPath });
    else if (v?.secret?.secretName) out.push({ kind: 'secret', name: v.secret.secretName, path: m.mountPath });
  }
  return out;
}

function remedyFor(f: Facts, m: Missing, variable: string | null, mounted: ReturnType<typeof mountedConfig>, line: string | null) {
  const k = kubectl(f);
  const ns = f.namespace;
  const commands: string[] = [];
  if (m.kind === 'secret' && m.object) commands.push(k.getSecrets(), `kubectl -n ${ns} create secret generic ${m.object} --from-literal=<KEY>=<value>`);
  else if (m.kind === 'configmap' && m.object) commands.push(k.getConfigMaps(), `kubectl -n ${ns} create configmap ${m.object} --from-literal=<KEY>=<value>`);
  else if (m.kind === 'key' && m.object) commands.push(`kubectl -n ${ns} describe ${m.object}`, `kubectl -n ${ns} edit ${m.object}`);
  else if (variable) commands.push(k.setEnv(`${variable}=<value>`));
  else {
    const named = line ? mounted.filter((x) => line.includes(x.path)) : [];
    const edits = (named.length ? named : mounted).slice(0, 2).map((x) => `kubectl -n ${ns} edit ${x.kind} ${x.name}`);
    commands.push(k.logsPrevious(), ...(edits.length ? [...edits, k.rolloutRestart()] : [k.editWorkload()]));
  }
  commands.push(m.kind ? k.describePod() : k.rolloutStatus());
  if (m.kind && k.workloadRef) commands.push(k.rolloutRestart());
  const text =
    m.kind === 'key'
      ? `Add the key ${m.key ?? ''} to ${m.object ?? 'the object'} (or fix the key name in the pod spec); the kubelet retries on its own.`
      : m.kind
        ? `Create ${m.kind} ${m.object ?? ''} in namespace ${ns} (or fix the name the pod references); the kubelet retries on its own.`
        : variable
          ? `Set ${variable} for ${f.container} (env, or the Secret/ConfigMap it comes from), then let the rollout restart the pods.`
          : mounted.length
            ? `Fix the setting or file the log names; the container mounts ${mounted.map((x) => `${x.kind} ${x.name} at ${x.path}`).join(', ')}. Then restart the rollout.`
            : 'Give the program the setting its log names (env var, Secret/ConfigMap key or config file), then restart the rollout.';
  return { text, commands };
}

/** A Service's injected NAME_PORT=tcp://ip:port variable shadows a setting the program reads. */
function serviceLinkFinding(f: Facts, hit: LogHit, confidence: number): Finding {
  const k = kubectl(f);
  return {
    confidence,
    title: `${f.container} reads a Kubernetes service-link variable as its setting`,
    summary: `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} exits because a setting holds a URL like tcp://10.x.y.z:port: Kubernetes injects <SERVICE>_PORT/_HOST variables for every Service in the namespace, and one of them shadows a variable the program reads (e.g. a Service named like the app). Set enableServiceLinks: false or set the variable explicitly.`,
    evidence: compact([logItem(f, hit), stateItem(f), timingItem(f)]),
    remedy: {
      text: 'Disable service links for the pod (spec.enableServiceLinks: false) or set the variable explicitly in the container env; renaming the Service also avoids the clash.',
      commands: compact([
        k.workloadRef ? `kubectl -n ${f.namespace} patch ${k.workloadRef} -p '{"spec":{"template":{"spec":{"enableServiceLinks":false}}}}'` : k.editWorkload(),
        `kubectl -n ${f.namespace} exec ${f.podName} -c ${f.container} -- env`,
        k.rolloutStatus(),
      ]),
    },
    ...(hit.source === 'log' ? { anchor: hit.line } : {}),
  };
}

/**
 * The program connects to localhost/127.0.0.1 and is refused, and no other container of the pod can be listening:
 * it fell back to its built-in default because the setting that names the real host (URL, host env var) is absent.
 */
function loopbackDefaultFinding(evidence: Evidence, f: Facts): Finding | null {
  const deps = hitsOf(f, 'dependency').filter((h) => h.source === 'log');
  const unset = [...deps].reverse().find((h) => placeholderHost(h.line, targetIn(h.line)));
  if (unset) return unsetHostFinding(f, unset, placeholderHost(unset.line, targetIn(unset.line)) ?? 'undefined');
  const refused = deps.filter((h) => h.pattern.detail === 'refused');
  const hit = [...refused].reverse().find((h) => loopbackWithoutListener(evidence, f, targetIn(h.line)));
  if (!hit) return null;
  const target = targetIn(hit.line) ?? 'localhost';
  const code = exitCode(f);
  const k = kubectl(f);
  return {
    confidence: clamp(0.84 + (code !== null && code !== 0 && code !== 137 && code !== 143 ? 0.02 : 0)),
    title: `${f.container} falls back to ${target}: its connection setting is missing`,
    summary: `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} exits at startup because it connects to ${target}, inside its own pod, where no container listens: the setting that names the real host (a URL or host variable in env, a Secret or a config file) is not reaching the container, so the program uses its built-in default.`,
    evidence: compact([logItem(f, hit), { kind: 'spec' as const, text: `no other container of the pod listens on ${target} (${envSources(f)})` }, stateItem(f), timingItem(f)]),
    remedy: {
      text: 'Give the container its connection setting (the database/broker URL or host, from env, envFrom or the config file it reads) pointing at the Service, then restart the rollout.',
      commands: compact([`kubectl -n ${f.namespace} get pod ${f.podName} -o jsonpath='{.spec.containers[?(@.name=="${f.container}")].env[*].name}'`, k.getSecrets(), k.getConfigMaps(), k.editWorkload(), k.rolloutStatus()]),
    },
    anchor: hit.line,
  };
}

/** The program dials a placeholder host ("undefined", "None", an unexpanded $(VAR)): the host setting is unset. */
function unsetHostFinding(f: Facts, hit: LogHit, host: string): Finding {
  const code = exitCode(f);
  const k = kubectl(f);
  const unexpanded = host.startsWith('$');
  return {
    confidence: clamp(0.86 + (code !== null && code !== 0 && code !== 137 && code !== 143 ? 0.02 : 0)),
    title: `${f.container} connects to host "${host}": its host setting is unset`,
    summary: `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} exits at startup because the host it connects to is "${host}"${unexpanded ? ', a variable reference Kubernetes did not expand (the variable it names is not defined, or is defined after the one that uses it)' : ', the text an unset variable turns into'}: the setting that names the dependency does not reach the container.`,
    evidence: compact([logItem(f, hit), { kind: 'spec' as const, text: envSources(f) }, stateItem(f), timingItem(f)]),
    remedy: {
      text: unexpanded
        ? 'Define the referenced variable in the container env before the variable that uses it (Kubernetes expands $(VAR) only from variables listed earlier), or set the value directly; then restart the rollout.'
        : 'Set the host/URL variable the program reads (env, envFrom Secret/ConfigMap or config file), then restart the rollout.',
      commands: compact([`kubectl -n ${f.namespace} get pod ${f.podName} -o jsonpath='{.spec.containers[?(@.name=="${f.container}")].env}'`, k.getConfigMaps(), k.editWorkload(), k.rolloutStatus()]),
    },
    anchor: hit.line,
  };
}

export const missingConfigRule: Rule = {
  id: 'missing-config',
  title: 'Missing or invalid configuration',
  match(evidence, f) {
    const events = eventsOf(f, 'config-not-found');
    // runAsNonRoot refusals share the waiting reason but are a security-context problem (permission-denied).
    const nonRoot = NON_ROOT.test(`${f.waitingMessage ?? ''}\n${events.map((e) => e.message).join('\n')}`);
    const configWaiting = f.waitingReason === 'CreateContainerConfigError' && !nonRoot;
    const hits = [...hitsOf(f, 'missing-config'), ...startErrorHits(f, CONFIG_PATTERNS)];
    const top = best(hits);
    let confidence = 0;
    if (configWaiting) confidence = 0.96;
    // A missing Secret/ConfigMap keeps the container from starting; once it has run, such events are stale.
    else if (events.length > 0) confidence = f.last === null && f.stateName !== 'running' ? 0.92 : 0.5;
    if (top) {
      const code = exitCode(f);
      // A config-error banner whose next lines say "Permission denied": the file the config names cannot be opened.
      const denied = hitsOf(f, 'permission').some((p) => p.source === 'log' && top.source === 'log' && p.index >= top.index && p.index - top.index <= 3);
      const selfExit = code !== null && code !== 0 && code !== 137 && code !== 143;
      confidence = Math.max(confidence, score(top) + (selfExit ? 0.02 : -0.1) - (denied && !configWaiting ? 0.08 : 0));
    }
    if (confidence === 0) return loopbackDefaultFinding(evidence, f);
    const text = [f.waitingMessage ?? '', ...events.map((e) => e.message)].join('\n');
    const m = parseMissing(text);
    const variable = top?.capture && /^[A-Z][A-Z0-9_]+$/.test(top.capture) ? top.capture : null;
    let specItem: EvidenceItem | null = null;
    if (variable && f.spec) {
      const declared = (f.spec.env ?? []).some((e) => e.name === variable);
      specItem = { kind: 'spec', text: `${variable} ${declared ? 'is declared' : 'is not declared'} in the container spec (${envSources(f)})` };
      if (!declared) confidence += 0.03;
    }
    const what = m.kind === 'key'
      ? `key ${m.key ?? '?'} is missing from ${m.object ?? 'a referenced object'}`
      : m.kind
        ? `${m.kind} "${m.object ?? '?'}" does not exist in namespace ${f.namespace}`
        : variable
          ? `the program reports that ${variable} is missing or invalid`
          : `the program reports missing or invalid configuration (${top?.pattern.label ?? 'config'})`;
    if (top?.pattern.id === 'service-link-collision') return serviceLinkFinding(f, top, clamp(confidence));
    return {
      confidence: clamp(confidence),
      title: m.kind ? `${f.container} references a missing ${m.kind === 'key' ? 'key' : m.kind}` : `${f.container} is missing configuration${variable ? ` (${variable})` : ''}`,
      summary: `${who(f)[0]?.toUpperCase()}${who(f).slice(1)} ${configWaiting || (events.length && !top) ? 'cannot be created' : 'exits at startup'}: ${what}.`,
      evidence: compact([
        top && !configWaiting && events.length === 0 ? logItem(f, top) : null,
        stateItem(f),
        eventItem(events),
        top && (configWaiting || events.length > 0) ? logItem(f, top) : null,
        specItem,
        timingItem(f),
      ]),
      remedy: remedyFor(f, m, variable, mountedConfig(evidence, f), top?.line ?? null),
      ...(top && top.source === 'log' ? { anchor: top.line } : {}),
    };
  },
};
