/**
 * `crashloop diagnose <pod|workload>`: kubeconfig -> collect -> diagnose -> render to stdout.
 * The same pipeline the bot's worker runs.
 */
import { contextNamespace, loadKubeConfig } from '../kube/config.js';
import { makeClients, REQUEST_TIMEOUT_MS } from '../kube/clients.js';
import { collectEvidence, diagnose, render, RENDER_FORMATS } from '../pipeline.js';
import { isRenderFormat } from '../render/index.js';
import { CrashloopError } from '../errors.js';

export interface DiagnoseFlags {
  namespace?: string;
  container?: string;
  context?: string;
  kubeconfig?: string;
  output: string;
  requestTimeout?: string;
}

export interface DiagnoseIo {
  stdout: (s: string) => void;
  color: boolean;
}

function parseTimeout(raw: string | undefined): number {
  if (raw === undefined) return REQUEST_TIMEOUT_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0 || ms > 600_000) {
    throw new CrashloopError('usage', `--request-timeout must be a whole number of milliseconds between 1 and 600000, got "${raw}"`);
  }
  return ms;
}

export async function runDiagnose(target: string, flags: DiagnoseFlags, io: DiagnoseIo): Promise<void> {
  const timeoutMs = parseTimeout(flags.requestTimeout);
  if (!isRenderFormat(flags.output)) {
    throw new CrashloopError('usage', `unknown output format "${flags.output}"; valid formats: ${RENDER_FORMATS.join(', ')}`);
  }
  const kc = loadKubeConfig({ ...(flags.kubeconfig ? { kubeconfig: flags.kubeconfig } : {}), ...(flags.context ? { context: flags.context } : {}) });
  const namespace = flags.namespace ?? contextNamespace(kc) ?? 'default';
  const evidence = await collectEvidence(makeClients(kc), { namespace, name: target, ...(flags.container ? { container: flags.container } : {}) }, { timeoutMs });
  const diagnosis = diagnose(evidence);
  io.stdout(render(diagnosis, flags.output, { color: io.color }));
}
