/**
 * The program's own unhandled error: exception lines, panics and stack frames, per language, plus
 * level-tagged FATAL/ERROR lines. Structural shapes only: the word "error" in a normal line is not one.
 * Strength: exception/panic lines ~0.8, frames ~0.45, bare ERROR lines 0.4.
 */
import { family } from './define.js';

export const APP_ERROR_PATTERNS = family('app-error', [
  // Go
  ['go-panic', /^panic: |^\s*panic\(/, 0.82, { runtime: 'go', label: 'Go panic' }],
  ['go-fatal', /^fatal error: /, 0.8, { runtime: 'go', label: 'Go fatal error' }],
  ['go-goroutine', /^goroutine \d+ \[[\w ,]+\]:/, 0.5, { runtime: 'go', label: 'Go stack trace' }],
  // Rust
  ['rust-panic', /thread '[^']+' panicked at|called `(?:Result|Option)::(?:unwrap|expect)\(\)` on an? `(?:Err|None)` value/, 0.84, { runtime: 'rust', label: 'Rust panic' }],
  // JVM
  ['jvm-main-exception', /Exception in thread "[^"]+" |APPLICATION FAILED TO START|Application run failed|Error starting ApplicationContext/, 0.84, { runtime: 'jvm', label: 'unhandled Java exception' }],
  ['jvm-caused-by', /^Caused by: [\w$.]+(?:Exception|Error)\b/, 0.74, { runtime: 'jvm', label: 'Java exception cause' }],
  ['jvm-frame', /^\s+at [\w$.<>/]+\((?:[\w$.-]+\.(?:java|kt|scala|groovy|clj)(?::\d+)?|Unknown Source|Native Method)\)|^\s+\.\.\. \d+ (?:more|common frames omitted)/, 0.45, { runtime: 'jvm', label: 'Java stack trace' }],
  // .NET
  ['dotnet-unhandled', /Unhandled [eE]xception\.? |Unhandled exception\.$|Hosting failed to start|An error occurred while starting the application|Application startup exception/, 0.84, { runtime: 'dotnet', label: 'unhandled .NET exception' }],
  ['dotnet-frame', /^\s+at [\w.`<>+|]+\([^)]*\)(?: in \S+:line \d+)?\s*$|^\s+--- End of (?:inner exception )?stack trace/, 0.45, { runtime: 'dotnet', label: '.NET stack trace' }],
  // Python
  ['python-traceback', /^Traceback \(most recent call last\):/, 0.72, { runtime: 'python', label: 'Python traceback' }],
  ['python-frame', /^\s+File "[^"]+", line \d+, in /, 0.45, { runtime: 'python', label: 'Python stack trace' }],
  // Ruby
  ['ruby-exception', /\.rb:\d+:in [`'][^']*': [^\n]*\([A-Z]\w*(?:::\w+)*\)|^[\w/.-]+\.rb:\d+:in /, 0.8, { runtime: 'ruby', label: 'unhandled Ruby exception' }],
  ['ruby-frame', /^\s+from \S+\.rb:\d+:in /, 0.45, { runtime: 'ruby', label: 'Ruby stack trace' }],
  // PHP
  ['php-fatal', /PHP Fatal error:|Fatal error: Uncaught|PHP Parse error:|Uncaught [\w\\]+(?:Exception|Error)\b/, 0.84, { runtime: 'php', label: 'PHP fatal error' }],
  ['php-frame', /^#\d+ (?:\S+\(\d+\)|\{main\}|\[internal function\])/, 0.45, { runtime: 'php', label: 'PHP stack trace' }],
  // Node.js
  ['node-uncaught', /UnhandledPromiseRejection|Unhandled promise rejection|uncaughtException|triggerUncaughtException|throw er; \/\/ Unhandled 'error' event|\[ERR_UNHANDLED_REJECTION\]|process\.on\('unhandledRejection'/, 0.8, { runtime: 'node', label: 'unhandled Node.js error' }],
  ['node-frame', /^\s+at (?:async )?(?:[\w$.<>\[\] ]+ )?\(?(?:file:\/\/)?(?:\/|node:|[A-Za-z]:\\)[^\s)]*:\d+:\d+\)?\s*$/, 0.45, { runtime: 'node', label: 'Node.js stack trace' }],
  ['node-version-footer', /^Node\.js v\d+\.\d+\.\d+$/, 0.55, { runtime: 'node', label: 'Node.js crashed' }],
  // Elixir / Erlang
  ['beam-crash', /\*\* \([\w.]+(?:Error|Exception)\)|Kernel pid terminated|Application \w+ exited: /, 0.78, { runtime: 'generic', label: 'BEAM crash' }],
  // Exception/error lines in the common "Type: message" shape (Python last line, Java, JS, .NET)
  ['exception-line', /^(?:Uncaught )?(?:[a-z_][\w]*\.)*[A-Z]\w*(?:Error|Exception|Exit|Failure|Fault)(?: \[\w+\])?(?::\s|$)/, 0.7, { label: 'exception' }],
  // Levels
  ['fatal-level', /(?:^|[\s[|"'=:(])(?:FATAL|CRITICAL|CRIT|EMERG(?:ENCY)?|PANIC|Fatal|Critical)(?=[\]\s|:"',)]|$)|^F\d{4} \d/, 0.62, { notOnInfo: true, label: 'fatal log line' }],
  ['fatal-field', /level=(?:fatal|panic|critical)\b|"(?:level|severity|lvl)"\s*:\s*"(?:fatal|panic|critical|emergency|alert)"|\[(?:fatal|crit|emerg|alert)\]/i, 0.62, { notOnInfo: true, label: 'fatal log line' }],
  ['startup-failed', /(?:failed to (?:start|initiali[sz]e|boot|run)|startup failed|could not start|unable to start|initiali[sz]ation failed|exiting due to|shutting down due to (?:an )?error|terminating due to)\b/i, 0.55, { notOnInfo: true, label: 'startup failed' }],
  ['error-level', /(?:^|[\s[|"'=:(])(?:ERROR|ERR|SEVERE)(?=[\]\s|:"',)]|$)|^E\d{4} \d/, 0.4, { notOnInfo: true, label: 'error log line' }],
  ['error-field', /level=error\b|"(?:level|severity|lvl)"\s*:\s*"error"|\[error\]/i, 0.4, { notOnInfo: true, label: 'error log line' }],
  ['exit-status', /exit(?:ed)? (?:status|with (?:status|code|exit code)) [1-9]\d*\b|process exited with code [1-9]|exited with code [1-9]/i, 0.45, { label: 'non-zero exit reported' }],
]);
