/**
 * A loopback fake Kubernetes API server (node:http, port 0) that speaks the real REST protocol over
 * a set of API objects: a scenario folder (objects.json + logs/, see test/fixtures/README.md) or
 * objects given in code. Real clients (@kubernetes/client-node, kubectl) talk to it unchanged.
 *
 * Test controls: every request is recorded (method, path, query, content type, body, timing);
 * per-route faults (status + Status body, delay, hang) and a global latency can be injected;
 * `expectOnly()` turns on the strict mode where any request outside the list is answered 404
 * and recorded as unexpected.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { discoveryAnswer, handleResource, json, parseRoute, type Answer, type Route } from './kube-handlers.js';
import { faultBody, loadScenario, matches, type Fault, type RequestMatcher } from './kube-faults.js';
import { status } from './kube-status.js';
import { KubeStore, type KubeObject, type LogEntry } from './kube-store.js';
import { isWatch, streamWatch } from './kube-watch.js';

export interface RecordedRequest {
  method: string;
  /** URL path without the query, e.g. /api/v1/namespaces/shop/pods/api-1 */
  path: string;
  query: Record<string, string>;
  contentType: string | null;
  /** Parsed JSON body (or the raw text), null when empty. */
  body: unknown;
  status: number;
  /** ms since the server started */
  startedAt: number;
  endedAt: number;
  /** The resource the request addressed (e.g. `pods`, `pods/log`, `deployments`), null for discovery/unknown. */
  resource: string | null;
  /** A LIST of a namespaced resource across all namespaces. */
  clusterWide: boolean;
  /** Answered 404 because strict mode did not expect it, or because no route serves it. */
  unexpected: boolean;
  /** The client's TCP port: requests with the same value came over the same (kept-alive) connection. */
  connection: number;
  userAgent: string | null;
}

export type { Fault, RequestMatcher } from './kube-faults.js';
export { loadScenario } from './kube-faults.js';

export interface FakeKubeApiOptions {
  /** Scenario folder holding objects.json (a v1 List) and logs/<pod>/<container>[.previous].log */
  scenario?: string;
  objects?: KubeObject[];
  logs?: LogEntry[];
  /** Added to every request (the bench uses 50 ms). */
  latencyMs?: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export class FakeKubeApi {
  readonly store = new KubeStore();
  readonly requests: RecordedRequest[] = [];
  latencyMs = 0;
  private readonly faults: Fault[] = [];
  private expected: RequestMatcher[] | null = null;
  private readonly hit = new Set<RequestMatcher>();
  private readonly t0 = performance.now();
  private server: Server;
  url = '';

  constructor(options: FakeKubeApiOptions = {}) {
    if (options.scenario) loadScenario(this.store, options.scenario);
    for (const o of options.objects ?? []) this.store.add(o);
    for (const l of options.logs ?? []) this.store.setLog(l);
    this.latencyMs = options.latencyMs ?? 0;
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Inject a fault; returns a function removing it. */
  fault(f: Fault): () => void {
    this.faults.push({ ...f });
    return () => {
      const i = this.faults.findIndex((x) => x.path === f.path && x.method === f.method);
      if (i >= 0) this.faults.splice(i, 1);
    };
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Strict mode: requests not matching one of these are answered 404 and recorded as unexpected. */
  expectOnly(matchers: RequestMatcher[]): void {
    this.expected = matchers;
    this.hit.clear();
  }

  /** Matchers given to expectOnly() that no request has met. */
  unmetExpectations(): RequestMatcher[] {
    return (this.expected ?? []).filter((m) => !this.hit.has(m));
  }

  unexpectedRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.unexpected);
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  /** Recorded requests other than discovery ones. */
  apiRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.resource !== null);
  }

  /** A client-node KubeConfig pointing at this server (http needs skipTLSVerify). */
  kubeConfig(namespace?: string): KubeConfig {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'fake', server: this.url, skipTLSVerify: true }],
      users: [{ name: 'fake-user', token: 'fake-token' }],
      contexts: [{ name: 'fake', cluster: 'fake', user: 'fake-user', ...(namespace ? { namespace } : {}) }],
      currentContext: 'fake',
    });
    return kc;
  }

  /** Write a kubeconfig file for kubectl or the CLI; `context` names the (only) context. */
  writeKubeconfig(path: string, opts: { context?: string; namespace?: string } = {}): string {
    const ctx = opts.context ?? 'fake';
    const ns = opts.namespace ? `\n    namespace: ${opts.namespace}` : '';
    writeFileSync(
      path,
      `apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: ${this.url}\n    insecure-skip-tls-verify: true\n` +
        `users:\n- name: fake-user\n  user:\n    token: fake-token\ncontexts:\n- name: ${ctx}\n  context:\n    cluster: fake\n    user: fake-user${ns}\n` +
        `current-context: ${ctx}\n`,
    );
    return path;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = performance.now() - this.t0;
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    const contentType = req.headers['content-type']?.split(';')[0]?.trim() ?? null;
    let body: unknown = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const route = parseRoute(url.pathname);
    const rec: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      contentType,
      body,
      status: 0,
      startedAt,
      endedAt: startedAt,
      resource: route ? route.type.plural + (route.subresource ? `/${route.subresource}` : '') : null,
      clusterWide: Boolean(route && route.type.namespaced && route.namespace === undefined),
      unexpected: false,
      connection: req.socket.remotePort ?? 0,
      userAgent: req.headers['user-agent'] ?? null,
    };
    this.requests.push(rec);
    if (this.latencyMs > 0) await sleep(this.latencyMs);

    let answer: Answer;
    const fault = this.faults.find((f) => matches(f, method, url.pathname) && (f.times === undefined || f.times > 0));
    if (this.expected && route) {
      const m = this.expected.find((e) => matches(e, method, url.pathname));
      if (m) this.hit.add(m);
      else rec.unexpected = true;
    }
    if (!rec.unexpected && !fault && route && isWatch(route, method, url.searchParams)) {
      rec.status = 200;
      await streamWatch(this.store, route, url.searchParams, req, res);
      rec.endedAt = performance.now() - this.t0;
      return;
    }
    if (rec.unexpected) {
      answer = json(404, status(404, `unexpected request ${method} ${url.pathname} (fake API strict mode)`));
    } else if (fault) {
      if (fault.times !== undefined) fault.times--;
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.hang) return; // the socket stays open until the client gives up or close()
      if (fault.reset) {
        rec.endedAt = performance.now() - this.t0;
        req.socket.resetAndDestroy();
        return;
      }
      answer = fault.status
        ? json(fault.status, fault.body ?? faultBody(fault.status, fault.message, route, method))
        : this.answer(route, url, method, contentType, raw, req, rec);
    } else {
      answer = this.answer(route, url, method, contentType, raw, req, rec);
    }
    rec.status = answer.status;
    rec.endedAt = performance.now() - this.t0;
    res.writeHead(answer.status, { 'Content-Type': answer.contentType, 'Cache-Control': 'no-cache, private' });
    res.end(answer.body);
  }

  private answer(route: Route | undefined, url: URL, method: string, contentType: string | null, raw: string, req: IncomingMessage, rec: RecordedRequest): Answer {
    if (route) {
      try {
        return handleResource(this.store, route, method, url.searchParams, contentType ?? '', raw);
      } catch (err) {
        return json(500, status(500, `Internal error occurred: ${(err as Error).message}`));
      }
    }
    if (method === 'GET') {
      const d = discoveryAnswer(url.pathname, req.headers.host ?? '127.0.0.1');
      if (d) return d;
    }
    rec.unexpected = true;
    return json(404, status(404, 'the server could not find the requested resource', { kind: '' }));
  }
}

/** Start a fake API server on a loopback port. */
export async function startFakeKubeApi(options: FakeKubeApiOptions = {}): Promise<FakeKubeApi> {
  return new FakeKubeApi(options).listen();
}
