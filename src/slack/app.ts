/**
 * The Bolt app: HTTP mode (Bolt's HTTPReceiver; /slack/events plus our routes on one port) or Socket
 * Mode (SLACK_APP_TOKEN; our routes on PORT through the receiver's own HTTP server). The Web API
 * base URL follows SLACK_API_URL. `processBeforeResponse` stays false: listeners ack first, then queue.
 */
import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import { CrashloopError } from '../errors.js';
import type { RuntimeDeps } from '../runtime/deps.js';
import type { Route } from '../runtime/routes.js';
import { boltLogger } from './bolt-logger.js';
import { registerListeners } from './listeners.js';
import { slackClientOptions } from './web-client.js';

export interface SlackApp {
  app: App;
  /** Listen on PORT (0: any free port); returns the bound port. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

export async function createSlackApp(deps: RuntimeDeps, routes: Route[]): Promise<SlackApp> {
  const { config } = deps;
  const logger = boltLogger(deps.logger.child({ component: 'bolt' }));
  const clientOptions = slackClientOptions(config, logger);
  let receiver: Receiver;
  if (config.slack.mode === 'socket') {
    receiver = new SocketModeReceiver({
      appToken: config.slack.appToken!,
      logger,
      customRoutes: routes,
      installerOptions: { port: config.port, clientOptions },
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.slack.signingSecret!,
      endpoints: '/slack/events',
      customRoutes: routes,
      processBeforeResponse: false,
      logger,
      // Answer Slack before its 3 s window closes even if no listener acks (then Slack shows an error).
      unhandledRequestTimeoutMillis: 2_800,
    });
  }
  const app = new App({ token: config.slack.botToken, receiver, logger, clientOptions, deferInitialization: true });
  try {
    await app.init();
  } catch (err) {
    const code = (err as { data?: { error?: string }; code?: string }).data?.error ?? (err as Error).message;
    throw new CrashloopError('config', `Slack rejected SLACK_BOT_TOKEN at start (auth.test: ${code})`, [], { cause: err });
  }
  registerListeners(app, deps);

  let server: Server | undefined;
  return {
    app,
    async start() {
      const started = (await app.start(config.port)) as unknown;
      if (config.slack.mode === 'http') {
        server = started as Server;
        const addr = server.address();
        return typeof addr === 'object' && addr ? addr.port : config.port;
      }
      const http = (receiver as unknown as { httpServer?: Server }).httpServer;
      if (http && !http.listening) await new Promise<void>((r) => http.once('listening', () => r()));
      const addr = http?.address();
      return typeof addr === 'object' && addr ? addr.port : config.port;
    },
    async stop() {
      await app.stop();
    },
  };
}
