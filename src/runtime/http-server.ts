/**
 * A small node:http server for our routes when there is no Bolt receiver on the port: the worker role
 * (/healthz, /readyz, /metrics, so its job metrics can be scraped and it can be probed).
 */
import { createServer, type Server } from 'node:http';
import type { Route } from './routes.js';

export interface RouteServer {
  port: number;
  close(): Promise<void>;
}

export async function startRouteServer(routes: Route[], port: number): Promise<RouteServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const candidates = routes.filter((r) => r.path === path);
    const route = candidates.find((r) => r.method === req.method);
    if (route) return route.handler(req, res);
    res.writeHead(candidates.length ? 405 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: candidates.length ? 'method not allowed' : 'not found' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  const addr = server.address();
  return {
    port: typeof addr === 'object' && addr ? addr.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeIdleConnections();
        server.close(() => resolve());
      }),
  };
}
