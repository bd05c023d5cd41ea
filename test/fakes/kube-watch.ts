/**
 * `?watch=true` on a List path: a chunked stream of watch events, one JSON object per line
 * (`{"type":"ADDED|MODIFIED|DELETED","object":{...}}`), as the API server sends them. Objects that
 * exist are sent as ADDED when the client starts from resourceVersion "" or "0"; later writes are
 * sent as they happen. The stream ends after timeoutSeconds or when the server closes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiVersionOf } from './kube-resources.js';
import { matchFields, matchLabels, parseFieldSelector, parseLabelSelector, SelectorError } from './kube-selectors.js';
import { status } from './kube-status.js';
import type { KubeObject, KubeStore } from './kube-store.js';
import type { Route } from './kube-handlers.js';

export function isWatch(route: Route, method: string, query: URLSearchParams): boolean {
  const w = query.get('watch');
  return method === 'GET' && route.name === undefined && !route.subresource && (w === 'true' || w === '1');
}

/** Streams until the timeout or the connection ends; resolves then. */
export function streamWatch(store: KubeStore, route: Route, query: URLSearchParams, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const t = route.type;
  let matches: (o: KubeObject) => boolean;
  try {
    const labels = query.get('labelSelector') ? parseLabelSelector(query.get('labelSelector')!) : [];
    const fields = query.get('fieldSelector') ? parseFieldSelector(query.get('fieldSelector')!, t.fields) : [];
    matches = (o) =>
      (route.namespace === undefined || o.metadata.namespace === route.namespace) && matchLabels(labels, o.metadata.labels) && matchFields(fields, o);
  } catch (err) {
    if (!(err instanceof SelectorError)) throw err;
    res.writeHead(400, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(status(400, err.message)));
    return Promise.resolve();
  }
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  const send = (type: string, o: KubeObject) => res.write(`${JSON.stringify({ type, object: { ...o, apiVersion: apiVersionOf(t), kind: t.kind } })}\n`);
  const from = query.get('resourceVersion') ?? '';
  if (from === '' || from === '0') for (const o of store.list(t, route.namespace)) if (matches(o)) send('ADDED', o);
  const since = Number(from) || 0;
  return new Promise((resolve) => {
    const unsubscribe = store.onChange((type, changed, o) => {
      if (changed.plural === t.plural && changed.group === t.group && Number(o.metadata.resourceVersion) > since && matches(o)) send(type, o);
    });
    const seconds = Number(query.get('timeoutSeconds') ?? 1800);
    const timer = setTimeout(() => res.end(), Math.max(1, Math.min(seconds, 1800)) * 1000);
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    res.on('close', done);
    req.on('close', done);
  });
}
