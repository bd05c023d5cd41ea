/** Bolt registrations, one line each naming its handler. */
import type { App } from '@slack/bolt';
import type { RuntimeDeps } from '../runtime/deps.js';
import { registerButtonHandlers } from './button-handlers.js';
import { onCrashloopCommand } from './crashloop-command.js';

export function registerListeners(app: App, deps: RuntimeDeps): void {
  app.command('/crashloop', onCrashloopCommand(deps));
  registerButtonHandlers(app, deps);
  app.error(async (err) => {
    deps.logger.error({ err }, 'unhandled error in a Slack listener');
  });
}
