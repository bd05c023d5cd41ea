/** `crashloop worker`: see ./start.ts for what this role runs. */
import { runRole } from './run.js';

export async function run(): Promise<void> {
  await runRole('worker');
}
