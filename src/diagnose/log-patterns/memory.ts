/** The program hit its own memory ceiling (runtime heap) or the allocator failed. `runtime` drives the remedy. */
import { family } from './define.js';

export const MEMORY_PATTERNS = family('oom', [
  ['jvm-oom', /java\.lang\.OutOfMemoryError|OutOfMemoryError: (?:Java heap space|GC overhead limit exceeded|Metaspace|Direct buffer memory|unable to create (?:new )?native thread|Requested array size)|Terminating due to java\.lang\.OutOfMemoryError/, 0.92, { runtime: 'jvm', label: 'Java heap exhausted' }],
  ['jvm-native-oom', /There is insufficient memory for the Java Runtime Environment to continue|Could not reserve enough space for (?:\d+\w* )?object heap|Native memory allocation \(m?malloc\) failed/, 0.88, { runtime: 'native', label: 'JVM could not allocate native memory' }],
  ['node-heap', /JavaScript heap out of memory|Reached heap limit|Ineffective mark-compacts near heap limit|CALL_AND_RETRY_LAST Allocation failed|FATAL ERROR: [^\n]*Allocation failed/, 0.93, { runtime: 'node', label: 'Node.js heap exhausted' }],
  ['python-memory', /^\s*(?:\w+\.)*MemoryError\b|\b_ArrayMemoryError\b|Unable to allocate [\d.]+ [KMGT]i?B for an array/, 0.86, { runtime: 'python', label: 'Python MemoryError' }],
  ['go-oom', /fatal error: runtime: out of memory|runtime: out of memory: cannot allocate/, 0.92, { runtime: 'go', label: 'Go runtime out of memory' }],
  ['dotnet-oom', /System\.OutOfMemoryException|\bOutOfMemoryException\b/, 0.9, { runtime: 'dotnet', label: '.NET OutOfMemoryException' }],
  ['ruby-oom', /\bNoMemoryError\b|failed to allocate memory/, 0.88, { runtime: 'ruby', label: 'Ruby NoMemoryError' }],
  ['php-memory-limit', /Allowed memory size of \d+ bytes exhausted/, 0.92, { runtime: 'php', label: 'PHP memory_limit exhausted' }],
  ['beam-alloc', /eheap_alloc: Cannot allocate \d+ bytes|Cannot allocate \d+ bytes of memory \(of type "\w+"\)|binary_alloc: Cannot allocate/, 0.92, { runtime: 'native', label: 'Erlang VM could not allocate memory' }],
  ['rust-alloc', /memory allocation of \d+ bytes failed/, 0.9, { runtime: 'rust', label: 'Rust allocation failed' }],
  ['native-alloc', /std::bad_alloc|Cannot allocate memory|\bENOMEM\b|InnoDB: (?:Cannot allocate memory|Fatal error: cannot allocate memory)|mysqld: Out of memory|fork: Cannot allocate memory/, 0.78, { runtime: 'native', label: 'allocation failed' }],
  ['generic-oom', /\bout of memory\b|\bOOM[- ]?kill(?:ed|er)?\b/i, 0.62, { runtime: 'generic', notOnInfo: true, label: 'out of memory' }],
  ['shell-killed', /^\s*Killed\s*$|: line \d+:\s+\d+ Killed\s/, 0.55, { runtime: 'generic', label: 'process killed (SIGKILL) by the kernel' }],
]);
