/**
 * The command cannot run: the binary or script is missing, not executable, built for another CPU,
 * or the runtime cannot find the main program. Also seen in `lastState.terminated.message` and events.
 */
import { family } from './define.js';

export const EXEC_FORMAT_PATTERNS = family('exec-format', [
  ['exec-format', /exec format error/i, 0.95, { label: 'exec format error' }],
  ['cannot-execute-binary', /cannot execute binary file/i, 0.9, { label: 'binary for another architecture' }],
  ['platform-mismatch', /does not match the detected host platform|image platform .* does not match/i, 0.85, { label: 'image platform differs from the host' }],
  ['elf-as-script', /^\S+: line 1: (?:syntax error: unexpected|\S*ELF\S*: not found)|: line 1: \S*ELF/i, 0.6, { label: 'binary run as a script (architecture?)' }],
]);

export const ENTRYPOINT_PATTERNS = family('bad-entrypoint', [
  ['not-in-path', /executable file not found in \$PATH|executable file not found/i, 0.95, { label: 'executable not found' }],
  ['exec-no-such-file', /\bexec(?: user process caused)?:? "?(\/?[^\s":]+)"?:? (?:stat [^:]+: )?(?:no such file or directory|permission denied|is a directory|not a directory)/i, 0.92, { label: 'cannot exec the command' }],
  ['oci-start-failed', /^(?!.*(?:error mounting|mount(?:ing)? \S+ to rootfs|volume-subpaths))[^\n]*(?:OCI runtime (?:create|exec|start) failed|starting container process caused|failed to create shim task|error during container init|unable to start container process)[^\n]*(?:no such file|not found|permission denied|is a directory)/i, 0.93, { label: 'container runtime could not start the command' }],
  ['exec-user-process', /exec user process caused:? "?(?:no such file or directory|permission denied)/i, 0.92, { label: 'cannot exec the entrypoint' }],
  ['bad-interpreter', /bad interpreter|\benv: ['‘"]?[^:'’"\n]+['’"]?: No such file or directory|\benv: can't execute/i, 0.9, { label: 'script interpreter missing' }],
  ['shell-not-found', /(?:^|\s)(?:\/bin\/|\/usr\/bin\/)?(?:ba|da|z|a)?sh: (?:\d+: )?(?:line \d+: )?(?:exec: )?[^\s:]+: (?:not found|No such file or directory|Permission denied|cannot execute)|: command not found\s*$|sh: can't open '[^']+'/i, 0.85, { label: 'shell could not run the command' }],
  ['script-exec-missing', /^\S+\.sh: (?:line \d+: )?exec: ([^\s:]+): not found/, 0.9, { label: 'entrypoint script execs a program that is not in the image' }],
  ['node-main-missing', /Cannot find module '(\/[^']+)'(?! imported from)/, 0.88, { runtime: 'node', label: 'main script not found' }],
  ['python-main-missing', /can't open file '([^']+)': \[Errno 2\]|No such file or directory: '[^']+\.py'|python\d?(?:\.\d+)?: No module named ([\w.]+)$/i, 0.9, { runtime: 'python', label: 'main script not found' }],
  ['asgi-wsgi-app', /Error loading ASGI app|Failed to find attribute '\w+' in '[\w.]+'|Failed to find application object|Could not import module "?[\w.]+"?/, 0.8, { runtime: 'python', label: 'app module not found' }],
  ['jvm-main-missing', /Unable to access jarfile|Could not find or load main class|no main manifest attribute|Error: Invalid or corrupt jarfile/i, 0.92, { runtime: 'jvm', label: 'main class or jar not found' }],
  ['ruby-main-missing', /ruby: No such file or directory -- |bundler: command not found|rails: command not found|Could not locate Gemfile/i, 0.88, { runtime: 'ruby', label: 'main script not found' }],
  ['npm-script-missing', /npm ERR! [Mm]issing script: |Missing script: "?[\w:-]+"?|error Command "[\w:-]+" not found/, 0.88, { runtime: 'node', label: 'package script not found' }],
  ['php-main-missing', /Could not open input file: /i, 0.9, { runtime: 'php', label: 'main script not found' }],
  ['dotnet-main-missing', /The application to execute does not exist|Could not execute because the specified command or file was not found|The application '[^']+' does not exist|No executable found matching command/i, 0.9, { runtime: 'dotnet', label: 'main assembly not found' }],
  ['bad-flags', /flag provided but not defined|flag needs an argument|error: the following arguments are required|error: unrecognized arguments|unknown (?:flag|shorthand flag|command "[^"]+")|unrecognized (?:arguments?|option)|invalid option -- |Unknown option\b|Error: unknown option|No such option: /i, 0.72, { notOnInfo: true, label: 'command arguments rejected' }],
]);
