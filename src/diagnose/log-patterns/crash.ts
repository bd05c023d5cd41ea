/** Native crashes: fatal signals from inside the process. */
import { family } from './define.js';

export const SEGFAULT_PATTERNS = family('segfault', [
  ['segv', /Segmentation fault|segmentation violation|\bSIGSEGV\b|signal 11\b/i, 0.88, { label: 'segmentation fault' }],
  ['jvm-crash', /A fatal error has been detected by the Java Runtime Environment|# Problematic frame:/, 0.9, { runtime: 'jvm', label: 'JVM native crash' }],
  ['python-fatal', /Fatal Python error: (?:Segmentation fault|Aborted|Bus error)/, 0.9, { runtime: 'python', label: 'Python interpreter crash' }],
  ['go-signal', /fatal error: unexpected signal during runtime execution/, 0.88, { runtime: 'go', label: 'Go crash in native code' }],
  ['abort', /\bSIGABRT\b|Aborted \(core dumped\)|terminate called after throwing an instance of|Assertion [`'][^\n]*' failed|double free or corruption|free\(\): invalid|malloc\(\): [^\n]*corrupt|corrupted size vs\. prev_size|stack smashing detected|has overflowed its stack|fatal runtime error: /, 0.85, { label: 'process aborted' }],
  ['bus-ill', /\bSIGBUS\b|Bus error|Illegal instruction|\bSIGILL\b/, 0.85, { label: 'bus error / illegal instruction' }],
  ['core-dumped', /core dumped/i, 0.75, { label: 'core dumped' }],
]);
