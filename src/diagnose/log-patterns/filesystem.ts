/** Permission problems at run time and address/lock conflicts. */
import { family } from './define.js';

export const PORT_IN_USE_PATTERNS = family('port-in-use', [
  ['eaddrinuse', /\bEADDRINUSE\b|address already in use|Address in use|Only one usage of each socket address|Connection in use: |(?:port|Port) \d+ (?:is |was )?already (?:in use|bound|allocated)/i, 0.94, { label: 'address already in use' }],
  ['bind-failed', /Failed to bind to (?:address )?\S+|could not bind (?:to )?(?:port|address|socket)|bind\(\) to \S+ failed \(98/i, 0.8, { label: 'could not bind' }],
  ['lock-held', /Unable to lock \S+,? error: ?11|lock file "[^"]+" already exists|Is another postmaster (?:\(PID \d+\) )?running|failed to obtain node locks|LockObtainFailedException|lock DB directory: resource temporarily unavailable|Another instance (?:of \S+ )?is already running|is already running|Resource temporarily unavailable[^\n]*lock|lock[^\n]*Resource temporarily unavailable|Unable to (?:obtain|acquire) (?:file )?lock|Unable to lock the lock file|DBPathInUse/i, 0.8, { notOnInfo: true, label: 'lock held by another instance' }],
]);

export const PERMISSION_PATTERNS = family('permission', [
  ['privileged-port', /\bbind: permission denied|\blisten EACCES|\bEACCES\b[^\n]*:(?:[1-9]\d{0,2}|10[01]\d|102[0-3])\b|bind\(\) to \S+ failed \(13: Permission denied\)|(?:Socket|Bind)Exception: Permission denied|[Pp]ermission denied[^\n]*\bbind\b|\bbind\b[^\n]*[Pp]ermission denied/, 0.92, { label: 'cannot bind a privileged port' }],
  ['read-only-fs', /Read-only file system|\bEROFS\b|on a read-only (?:directory|volume|mount)|(?:directory|volume|mount) is read-only\b/i, 0.9, { label: 'read-only file system' }],
  ['eacces', /\bEACCES\b|\[Errno 13\]|PermissionError|java\.nio\.file\.AccessDeniedException|AccessDeniedException: \/|UnauthorizedAccessException|Access to the path '[^']+' is denied|Permission denied \(os error 13\)|(?:: |\{error,\s*|\b(?:reason|error)[=:]\s*)eacces\b|'[^']*': eacces|\((?:13: )?Permission denied\)|Errcode: 13|errno: 13\b/, 0.9, { label: 'permission denied' }],
  ['path-denied', /(?:open|mkdir|mkdirall|create|creat|chmod|chown|write|remove|rename|stat|lstat|unlink|read|access|opendir|fopen|touch|cp|mv)\s*(?:\(\))?\s*['"]?\/?[\w./-]+['"]?:? (?:failed )?(?:\(13: )?permission denied|(?:could not|couldn't|can't|cannot|unable to|failed to) (?:open|create|write|change permissions of|access|lock|read)[^\n]*: Permission denied|cannot (?:create|open|write|touch|access)[^\n]*Permission denied|failed to open stream: Permission denied|could not be opened[^\n]*Permission denied|has (?:wrong ownership|invalid permissions)|Can't create\/write to file|Operation not permitted|\bEPERM\b/i, 0.86, { label: 'permission denied on a path' }],
  ['generic-denied', /\bpermission denied\b(?! for (?:table|relation|schema|database|sequence|function|view))/i, 0.66, { notOnInfo: true, label: 'permission denied' }],
]);

export const SHUTDOWN_PATTERNS = family('shutdown', [
  ['sigterm', /\b(?:received|got|caught|handling|trapped)\s+(?:signal\s+)?(?:SIGTERM|SIGINT|TERM|terminated|signal 15|shutdown signal|stop signal)|\bSIGTERM received|signal: terminated|shutting down gracefully|graceful(?:ly)? shut(?:ting)?[ -]?down|exiting on signal|Stopping (?:server|application|service)s?\b|Received (?:shutdown|termination) (?:request|signal)|"?signal"?\s*[:=]\s*"?(?:terminated|SIGTERM|TERM|15)\b/i, 0.7, { label: 'graceful shutdown on a signal' }],
  ['shutting-down', /\bshutting down\b|\bshutdown (?:initiated|requested|started)\b/i, 0.5, { label: 'shutting down' }],
]);
