/**
 * A required setting is absent or malformed: environment variables, config keys, config files, and
 * the config checks of common servers. Capture group 1, when present, is the variable or key name.
 */
import { family } from './define.js';

/** Case-insensitive spelling of a keyword phrase, so the variable name itself can stay case-sensitive. */
function ci(phrase: string): string {
  return phrase.replace(/\\.|[a-z]/g, (c) => (c.length === 2 ? c : `[${c}${c.toUpperCase()}]`));
}

const NOT_A_NAME = String.raw`(?!(?:ERROR|FATAL|WARN|WARNING|INFO|DEBUG|PANIC|CRITICAL|TRACE|NOTE|HTTP|HTTPS|JSON|YAML|TLS|SSL|URL|URI|API|SQL|THE|AND|FOR|NOT)\b)`;
const VAR = String.raw`['"\`]?${NOT_A_NAME}([A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{3,}[A-Z0-9]*)['"\`]?`;
const ABSENT = ci(String.raw`(?:is\s+)?(?:not set|not defined|undefined|unset|is required|required|must be (?:set|defined|provided|specified|configured|present|non-empty)|(?:is )?missing|is empty|cannot be (?:empty|blank|null)|must not be (?:empty|blank|null)|was not (?:set|provided|specified|found|defined)|not (?:provided|specified|found|configured))`);
const SUBJECT = ci(String.raw`(?:env(?:ironment)?(?:\s+var(?:iable)?)?|variable|setting|config(?:uration)?(?:\s+(?:key|value|option|property|variable))?|key|property|parameter|option)`);
const MISSING = ci(String.raw`(?:missing|required|undefined|unset|no)\s+(?:required\s+)?(?:env(?:ironment)?(?:\s+var(?:iable)?s?)?|config(?:uration)?(?:\s+(?:key|value|variable|setting|option|property))?|settings?|variables?|secret|key|property)`);
const VAR_KIND = ci(String.raw`(?:env(?:ironment)?\s+var(?:iable)?\s*|variable\s*|setting\s*|key\s*)?`);

export const CONFIG_PATTERNS = family('missing-config', [
  // Named variables and keys
  // Kubernetes injects <SERVICE>_PORT=tcp://10.x.y.z:port for every Service: a program reading e.g. REDIS_PORT or APP_PORT gets a URL.
  ['service-link-collision', /(?:invalid|parse|parsing|literal|NumberFormatException|not a valid|cannot convert|expected)[^\n]*tcp:\/\/\d{1,3}(?:\.\d{1,3}){3}:\d{2,5}|tcp:\/\/\d{1,3}(?:\.\d{1,3}){3}:\d{2,5}['"]?[^\n]*(?:invalid|not a valid|cannot be parsed|is not a|too many colons|missing port|unknown port)|(?:listen|bind)[^\n]{0,40}:tcp:\/\/\d/i, 0.9, { label: 'a Service link env var (NAME_PORT=tcp://...) overrides a setting' }],
  ['env-var-named', new RegExp(String.raw`\b${SUBJECT}\s+${VAR}\s+${ABSENT}`), 0.88, { label: 'required setting missing' }],
  ['var-absent', new RegExp(String.raw`${VAR}\s*${VAR_KIND}${ABSENT}`), 0.86, { label: 'required setting missing' }],
  ['missing-named', new RegExp(String.raw`\b${MISSING}\b[\s:=]*${VAR}`), 0.86, { label: 'required setting missing' }],
  // "Environment variable not found: \"MAILER_URL\"" (Symfony), "env var missing: FOO": the name after the verdict.
  ['env-absent-then-name', /\b[Ee]nv(?:ironment)?[ _-]?var(?:iable)?s?\s+(?:is\s+|was\s+)?(?:not found|not set|not defined|missing|undefined|unset|empty)\s*[:=]?\s*['"`]?([A-Z][A-Z0-9_]{2,})/, 0.88, { label: 'required setting missing' }],
  ['env-vars-not-set', /\benvironment variables? (?:are|is|was|were|have not been|has not been) (?:not |never )?(?:set|defined|provided|missing|undefined|empty)\b(?<!\b(?:are|is|was|were) (?:set|defined|provided))|\bEnvNotFoundException\b|\bMissing (?:required )?environment variables?\b/i, 0.84, { notOnInfo: true, label: 'required environment variables missing' }],
  ['quoted-key-absent', /['"`]([\w.-]{2,})['"`] (?:is required|is missing|must be (?:set|provided|specified|defined)|is not (?:set|defined|allowed to be empty)|not set|not found in (?:the )?(?:config|configuration|settings|environment))/i, 0.8, { notOnInfo: true, label: 'required setting missing' }],
  ['missing-quoted-key', /\b(?:missing|required|undefined|no)\s+(?:required\s+)?(?:config(?:uration)?|settings?|env(?:ironment)?(?: var(?:iable)?)?|key|property|option|parameter|value)(?:\s+(?:key|value|option|for))?\s*[:=]?\s*['"`]([\w.-]{2,})['"`]/i, 0.8, { notOnInfo: true, label: 'required setting missing' }],
  ['quoted-key-invalid', /['"`]([\w.-]{2,})['"`] must be (?:a |an )?(?:valid |positive |non-empty )?(?:number|string|integer|boolean|uri|url|port|duration|one of)/i, 0.72, { notOnInfo: true, label: 'setting malformed' }],
  ['mp-config-required', /config property ([\w."-]+) is required but it could not be found|Required property ([\w.-]+) not found|SRCFG0001[14]:/, 0.9, { runtime: 'jvm', label: 'required config property missing' }],
  ['elixir-fetch-env', /could not fetch environment variable "([A-Z][A-Z0-9_]+)" because it is not set|environment variable ([A-Z][A-Z0-9_]+) is missing\b/, 0.9, { label: 'environment variable missing' }],
  ['envconfig', /required key ([A-Z][A-Z0-9_]+) missing value/, 0.9, { label: 'required setting missing' }],
  ['python-keyerror-env', /KeyError: ['"]([A-Z][A-Z0-9_]{2,})['"]/, 0.84, { runtime: 'python', label: 'environment variable missing' }],
  ['ruby-fetch', /key not found: "?([A-Z][A-Z0-9_]{2,})"?/, 0.84, { runtime: 'ruby', label: 'environment variable missing' }],
  ['rust-env', /environment variable not found|\bNotPresent\b/, 0.8, { runtime: 'rust', label: 'environment variable missing' }],
  ['spring-placeholder', /Could not resolve placeholder '([^']+)'|Failed to bind properties under '([^']+)'|'url' attribute is not specified|Failed to determine a suitable driver class/, 0.88, { runtime: 'jvm', label: 'Spring property missing' }],
  ['dotnet-null-config', /Value cannot be null\.?\s*\(?Parameter '?(connectionString|configuration|\w*(?:Key|Secret|Url|Uri|Connection)\w*)'?|ConnectionString property has not been initialized|No connection string named|OptionsValidationException/i, 0.84, { runtime: 'dotnet', label: 'configuration value missing' }],
  ['pydantic', /validation errors? for \w*(?:Settings|Config|Env)\b|\bfield required \(type=value_error\.missing\)|Field required \[type=missing/, 0.84, { runtime: 'python', label: 'settings validation failed' }],
  ['django-rails-laravel', /ImproperlyConfigured|Missing `?secret_key_base`?|No application encryption key has been specified|couldn't find a valid master key|Missing encryption key to decrypt|MissingKeyError/i, 0.86, { label: 'framework configuration missing' }],
  ['invalid-env', /Invalid environment variables?|invalid (?:value|format|setting|configuration|config)(?: for| of| in)?\s+['"`]?([A-Z][A-Z0-9_]+|[\w.-]+)['"`]?/i, 0.8, { notOnInfo: true, label: 'setting malformed' }],
  ['parse-number', /strconv\.(?:Atoi|ParseInt|ParseBool|ParseFloat|ParseUint|ParseDuration): parsing "[^"]*": invalid syntax|time: invalid duration|NumberFormatException: For input string|invalid literal for int\(\) with base|invalid digit found in string|cannot parse "[^"]*" as/i, 0.62, { notOnInfo: true, label: 'setting malformed' }],
  // Config files
  ['config-file-missing', /(?:config(?:uration)?|settings?|properties|\.env)(?: file)?\s+['"]?\S*['"]?\s*(?:not found|does not exist|is missing|could not be (?:found|read|loaded))|(?:no such file or directory|ENOENT|FileNotFoundError|FileNotFoundException|cannot find the file|could not (?:open|read|load))[^\n]{0,120}\.(?:ya?ml|json|toml|ini|conf|cfg|properties|env|xml|crt|pem|key|p12|pfx|jks|keystore)\b|\.(?:ya?ml|json|toml|ini|conf|cfg|properties|env|crt|pem|key|jks)['"]?\)?:? (?:no such file|not found|does not exist)/i, 0.82, { notOnInfo: true, label: 'config file missing' }],
  // A Kubernetes API lookup of the ConfigMap/Secret the program was pointed at (client-go, fabric8, kubernetes-client).
  ['k8s-object-not-found', /\b(?:configmaps?|secrets?) "([^"]+)" not found\b|\b(?:ConfigMap|Secret) "?[\w./-]+"? (?:was )?not found\b/, 0.84, { notOnInfo: true, label: 'ConfigMap or Secret not found' }],
  ['config-not-found', /(?:could not|couldn't|cannot|can't|unable to|failed to) (?:find|locate|open|read|load) (?:the |any )?(?:config(?:uration)?|settings)\b/i, 0.78, { notOnInfo: true, label: 'configuration not found' }],
  ['url-malformed', /Could not parse (?:rfc1738 )?URL from string|\bparse "[^"]*": (?:empty url|missing protocol scheme|invalid URI for request)|ERR_INVALID_URL|Invalid URI: The URI is empty|UriFormatException|invalid (?:connection string|DSN|database url)|(?:connection string|DSN) (?:is )?(?:empty|invalid|malformed)/i, 0.78, { notOnInfo: true, label: 'connection setting malformed or empty' }],
  ['config-parse', /(?:error|failed|unable|cannot) (?:parsing|to parse|to load|to read|loading|reading) (?:the )?(?:config|configuration|settings|yaml|json|toml)|yaml: (?:line \d+|unmarshal errors)|mapping values are not allowed|while parsing a (?:block|flow) mapping|JSONDecodeError|Unexpected token .* in JSON|(?:error|failed) (?:initiali[sz]ing|validating|loading|reading|parsing) (?:the )?(?:config|configuration|settings)\b|field \S+ not found in type|\bfield not found\b|\bunknown field\b/i, 0.75, { notOnInfo: true, label: 'config malformed' }],
  ['config-exception', /\b\w*Config(?:uration)?(?:Exception|Error)\b|\bBeanDefinitionStoreException\b/, 0.72, { label: 'configuration error' }],
  // Servers
  ['nginx-config', /\[emerg\][^\n]*(?:unknown directive|invalid (?:number|value|parameter|port|host)|unexpected|directive is not allowed|no "events" section|is duplicate|"[^"]+" directive is|unknown "[^"]+" variable|cannot load certificate|BIO_new_file)|configuration file \S+ test failed|\[emerg\] open\(\) "[^"]+" failed \(2: No such file or directory\)/i, 0.86, { runtime: 'nginx', label: 'nginx configuration invalid' }],
  ['db-image-env', /Database is uninitialized and (?:superuser )?password (?:option )?is not specified|You must specify (?:POSTGRES_PASSWORD|one of MYSQL_|MARIADB_)|You need to specify one of the following|MYSQL_ROOT_PASSWORD|POSTGRES_PASSWORD is not specified/i, 0.9, { label: 'database image needs its password variable' }],
  ['httpd-haproxy-config', /Syntax error on line \d+ of \S+|AH00526|parsing \[[^\]]+:\d+\] ?: (?:unknown keyword|[^\n]*(?:expects|requires|unknown))|Fatal errors found in configuration/i, 0.85, { label: 'server configuration invalid' }],
  ['redis-config', /FATAL CONFIG FILE ERROR|Bad directive or wrong number of arguments/i, 0.86, { runtime: 'redis', label: 'redis configuration invalid' }],
  ['postgres-config', /invalid value for parameter "[^"]+"|unrecognized configuration parameter|configuration file "[^"]+" contains errors/i, 0.86, { runtime: 'postgres', label: 'postgres configuration invalid' }],
  ['mysql-config', /unknown variable '[^']+'|\[ERROR\] [^\n]*unknown option|Found option without preceding group/i, 0.84, { runtime: 'mysql', label: 'mysql configuration invalid' }],
  ['mount-mismatch', /Are you trying to mount a directory onto a file|error mounting "[^"]+" to rootfs|references non-existent (?:config|secret) key|failed to prepare subPath/i, 0.85, { label: 'volume or key wiring wrong' }],
  ['jvm-options', /Invalid (?:maximum|initial) heap size|Unrecognized VM option|Improperly specified VM option|Error: Could not create the Java Virtual Machine/, 0.78, { runtime: 'jvm', label: 'JVM options invalid' }],
  ['data-dir-not-empty', /directory "[^"]+" exists but is not empty|--initialize specified but the data directory has files in it|lost\+found/i, 0.7, { label: 'data directory not empty (point the data dir at a subdirectory of the volume)' }],
  ['dns-loop', /plugin\/loop: Loop \([^)]*\) detected/i, 0.85, { label: 'DNS forwarding loop in the resolver configuration' }],
  ['generic-not-configured', /\b(?:is|are|was) not configured\b|\bno (?:api[ _-]?key|token|credentials?|secret) (?:provided|configured|found|set)\b/i, 0.66, { notOnInfo: true, label: 'not configured' }],
]);
