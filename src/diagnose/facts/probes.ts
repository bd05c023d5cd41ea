import type { V1Container, V1Probe } from '@kubernetes/client-node';
import { announcedPorts } from '../log-patterns/index.js';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

export interface ProbeFacts {
  kind: ProbeKind;
  type: 'httpGet' | 'tcpSocket' | 'exec' | 'grpc' | 'none';
  /** Resolved port number (named ports resolved against containerPorts); null when unknown. */
  port: number | null;
  /** The port as written when it is a name (`http`). */
  portName: string | null;
  path: string | null;
  command: string | null;
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
  /** `liveness http-get :8080/healthz delay=5s timeout=1s period=10s #failure=3` (kubectl describe style). */
  text: string;
}

export interface PortFacts {
  container: Array<{ name: string | null; port: number }>;
  /** Ports the focus container's logs announce, with the announcing line. */
  announced: Array<{ port: number; line: string }>;
}

function resolvePort(raw: unknown, container: PortFacts['container']): { port: number | null; name: string | null } {
  if (typeof raw === 'number') return { port: raw, name: null };
  if (typeof raw === 'string') {
    if (/^\d+$/.test(raw)) return { port: Number(raw), name: null };
    return { port: container.find((p) => p.name === raw)?.port ?? null, name: raw };
  }
  return { port: null, name: null };
}

function describeProbe(kind: ProbeKind, p: V1Probe, port: number | null, portName: string | null): ProbeFacts {
  const type = p.httpGet ? 'httpGet' : p.tcpSocket ? 'tcpSocket' : p.exec ? 'exec' : p.grpc ? 'grpc' : 'none';
  const path = p.httpGet?.path ?? null;
  const command = p.exec?.command?.join(' ') ?? null;
  const portText = port !== null ? String(port) : (portName ?? '?');
  const target =
    type === 'httpGet'
      ? `http-get ${p.httpGet?.scheme === 'HTTPS' ? 'https' : 'http'}://:${portText}${path ?? '/'}`
      : type === 'tcpSocket'
        ? `tcp-socket :${portText}`
        : type === 'grpc'
          ? `grpc :${portText}`
          : type === 'exec'
            ? `exec [${command ?? ''}]`
            : 'none';
  const f: Omit<ProbeFacts, 'text'> = {
    kind,
    type,
    port,
    portName,
    path,
    command,
    initialDelaySeconds: p.initialDelaySeconds ?? 0,
    periodSeconds: p.periodSeconds ?? 10,
    timeoutSeconds: p.timeoutSeconds ?? 1,
    failureThreshold: p.failureThreshold ?? 3,
  };
  const text = `${kind} ${target} delay=${f.initialDelaySeconds}s timeout=${f.timeoutSeconds}s period=${f.periodSeconds}s #failure=${f.failureThreshold}`;
  return { ...f, text };
}

export function probeFacts(spec: V1Container | null, logLines: readonly string[]): { probes: ProbeFacts[]; ports: PortFacts } {
  const container = (spec?.ports ?? []).map((p) => ({ name: p.name ?? null, port: p.containerPort }));
  const probes: ProbeFacts[] = [];
  const add = (kind: ProbeKind, p: V1Probe | undefined) => {
    if (!p) return;
    const raw = p.httpGet?.port ?? p.tcpSocket?.port ?? p.grpc?.port;
    const { port, name } = resolvePort(raw, container);
    probes.push(describeProbe(kind, p, port, name));
  };
  add('startup', spec?.startupProbe);
  add('liveness', spec?.livenessProbe);
  add('readiness', spec?.readinessProbe);
  return { probes, ports: { container, announced: announcedPorts(logLines) } };
}

/**
 * Why a probe's port looks wrong: it is not among the declared containerPorts, or the app announces
 * other ports in its log. Null when nothing says so.
 */
export function probePortMismatch(probe: ProbeFacts, ports: PortFacts): string | null {
  if (probe.port === null) {
    return probe.portName ? `probe port "${probe.portName}" names no containerPort` : null;
  }
  const announced = ports.announced.map((a) => a.port);
  if (announced.length > 0 && !announced.includes(probe.port)) {
    const a = ports.announced[0];
    return `the ${probe.kind} probe checks port ${probe.port}, but the app announces it listens on ${announced.join(', ')}${a ? ` ("${a.line}")` : ''}`;
  }
  const declared = ports.container.map((p) => p.port);
  if (declared.length > 0 && !declared.includes(probe.port)) {
    return `the ${probe.kind} probe checks port ${probe.port}, but the container declares containerPort ${declared.join(', ')}`;
  }
  return null;
}
