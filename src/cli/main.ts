#!/usr/bin/env node
/**
 * The `crashloop` command: `diagnose` (the CLI face of the pipeline) and the bot's processes
 * (`serve`, `worker`, `all`). Exit codes: 0 diagnosed, 2 usage, 3 target not found/ambiguous,
 * 4 cluster unreachable/forbidden (README, section cli).
 */
import { Command, CommanderError, Option } from 'commander';
import { EXIT_CODES } from '../errors.js';
import { runDiagnose, type DiagnoseFlags } from './diagnose-command.js';
import { reportError, useColor } from './report-error.js';

const debug = Boolean(process.env.CRASHLOOP_DEBUG);
const stderr = (s: string): void => void process.stderr.write(s);

async function runtime(name: 'serve' | 'worker' | 'all'): Promise<void> {
  const mod = (await import(`../runtime/${name}.js`)) as { run: () => Promise<void> };
  await mod.run();
}

function program(): Command {
  const cli = new Command('crashloop')
    .description('Tell why a Kubernetes pod is crash-looping, with the evidence and the fix.')
    .exitOverride()
    .showHelpAfterError('(run crashloop --help for usage)')
    .configureOutput({ writeErr: stderr });

  cli
    .command('diagnose')
    .description('diagnose a crash-looping pod, or the most crash-looping pod of a workload')
    .argument('<target>', 'pod name, workload name (Deployment, StatefulSet, DaemonSet, Job, CronJob), kind/name, or a unique pod-name prefix')
    .option('-n, --namespace <ns>', "namespace (default: the context's namespace, else default)")
    .option('-c, --container <name>', 'container to diagnose (default: the failing one)')
    .option('--context <ctx>', 'kubeconfig context to use')
    .option('--kubeconfig <path>', 'kubeconfig file (default: KUBECONFIG, ~/.kube/config, or in-cluster)')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json', 'slack']).default('text'))
    .option('--request-timeout <ms>', 'timeout of each API request in milliseconds', '5000')
    .action(async (target: string, flags: DiagnoseFlags) => {
      await runDiagnose(target, flags, { stdout: (s) => void process.stdout.write(s), color: useColor(process.stdout, process.env) });
    });

  cli.command('serve').description('run the Slack app and alert webhook (HTTP)').action(() => runtime('serve'));
  cli.command('worker').description('run the diagnosis and action worker').action(() => runtime('worker'));
  cli.command('all').description('run the HTTP server and the worker in one process (npm start)').action(() => runtime('all'));
  return cli;
}

async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; commander already printed its message for the rest.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return EXIT_CODES.usage;
    }
    return reportError(err, stderr, debug);
  }
}

process.exitCode = await main(process.argv);
