/**
 * A loopback Slack Socket Mode endpoint: the bot gets its URL from `apps.connections.open` (the Web
 * API stub), connects by WebSocket, receives `hello`, then envelopes (`slash_commands`, `interactive`)
 * that it must ack with `{ envelope_id, payload }`, as with Slack.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

export interface SocketModeServer {
  url: string;
  connected(): boolean;
  /** Send an envelope; resolves with the bot's ack payload and how long the ack took. */
  send(type: 'slash_commands' | 'interactive', payload: Record<string, unknown>): Promise<{ payload: Record<string, unknown>; ms: number }>;
  close(): Promise<void>;
}

export async function startSocketModeServer(): Promise<SocketModeServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  let socket: WebSocket | undefined;
  const pending = new Map<string, (payload: Record<string, unknown>) => void>();
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { envelope_id?: string; payload?: Record<string, unknown> };
      if (msg.envelope_id) pending.get(msg.envelope_id)?.(msg.payload ?? {});
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0APP' }, debug_info: { host: 'fake' } }));
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/link`,
    connected: () => socket?.readyState === WebSocket.OPEN,
    send(type, payload) {
      const envelopeId = randomUUID();
      const started = performance.now();
      return new Promise((resolve, reject) => {
        if (!socket || socket.readyState !== WebSocket.OPEN) return reject(new Error('no Socket Mode connection'));
        const timer = setTimeout(() => reject(new Error('no ack within 3 s')), 3000);
        pending.set(envelopeId, (p) => {
          clearTimeout(timer);
          pending.delete(envelopeId);
          resolve({ payload: p, ms: performance.now() - started });
        });
        socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: true }));
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
