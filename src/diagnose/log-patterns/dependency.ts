/**
 * A service the program needs cannot be reached or refuses it. Ordered by detail priority:
 * DNS, then TLS, then auth, then refused, then timeout, then generic connection failures. A line counts
 * once, for the first pattern it matches, so `lookup db on 10.96.0.10:53: i/o timeout` is DNS.
 */
import { family } from './define.js';

const dns = { detail: 'dns', label: 'name resolution failed' } as const;
const tls = { detail: 'tls', label: 'TLS/certificate failure' } as const;
const auth = { detail: 'auth', label: 'authentication refused' } as const;
const refused = { detail: 'refused', label: 'connection refused' } as const;
const timeout = { detail: 'timeout', label: 'connection timed out' } as const;
const generic = { label: 'could not connect' } as const;

export const DEPENDENCY_PATTERNS = family('dependency', [
  // DNS: Go, glibc/musl, Node, JVM, Python, Ruby, .NET, Rust, PHP, curl, busybox, nginx, MySQL, Postgres
  ['dns-go-lookup', /\blookup \S+(?: on \S+:53)?: (?:no such host|server misbehaving|.*\btimeout\b|.*\brefused\b)/i, 0.92, dns],
  ['dns-no-such-host', /\bno such host\b|No such host is known/i, 0.92, dns],
  ['dns-enotfound', /\b(?:ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_NODATA)\b/, 0.92, dns],
  ['dns-glibc', /Name or service not known|Temporary failure in name resolution|nodename nor servname provided|No address associated with hostname|Name does not resolve|failed to lookup address information/i, 0.9, dns],
  ['dns-jvm', /\bUnknownHostException\b/, 0.9, dns],
  ['dns-postgres', /could not translate host name/i, 0.92, dns],
  ['dns-mysql', /Unknown (?:MySQL|MariaDB) server host/i, 0.92, dns],
  ['dns-curl', /Could not resolve (?:host|hostname|proxy)\b/i, 0.9, dns],
  ['dns-nginx', /host not found in (?:upstream|resolver)/i, 0.9, dns],
  ['dns-busybox', /\bbad address '|can't resolve\b|\bNXDOMAIN\b|\bSERVFAIL\b|server can't find/i, 0.85, dns],
  ['dns-getaddrinfo', /getaddrinfo\b.*(?:failed|error|not known)|php_network_getaddresses/i, 0.88, dns],
  ['dns-kafka', /No resolvable bootstrap urls given in bootstrap\.servers|Couldn't resolve server \S+ from bootstrap\.servers/i, 0.9, dns],
  ['dns-dotnet-frame', /\bat System\.Net\.Dns\.(?:GetHost|InternalGetHost)/, 0.84, dns],
  ['dns-generic', /\bdns (?:error|resolution (?:failed|error)|lookup (?:failed|error))|name resolver error|produced zero addresses|Resolving timed out/i, 0.85, dns],
  // TLS
  ['tls-x509', /\bx509: /i, 0.9, tls],
  ['tls-unknown-ca', /certificate signed by unknown authority|unable to (?:verify|get local issuer)(?: the first)? certificate|self[- ]signed certificate|PKIX path (?:building|validation) failed/i, 0.9, tls],
  ['tls-verify', /CERTIFICATE_VERIFY_FAILED|certificate verify failed|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID|UNABLE_TO_GET_ISSUER_CERT/, 0.9, tls],
  ['tls-expired', /certificate (?:has expired|is not yet valid|is not trusted|has been revoked|is valid for|is not valid for)|doesn't match any of the subject alternative names|Hostname\/IP does not match certificate|The remote certificate is invalid/i, 0.88, tls],
  ['tls-handshake', /\b(?:SSLHandshakeException|SSLError|SSLException|SslStream|AuthenticationException: The remote certificate)\b|\btls: (?:handshake failure|bad certificate|unknown certificate|failed to verify|first record does not look|protocol version|internal error)|handshake (?:failure|failed)|SSL routines|wrong version number|ssl_error|SSL (?:connection|handshake) (?:error|failed)/i, 0.82, { ...tls, notOnInfo: true }],
  // Authentication and authorisation by the dependency
  ['auth-postgres', /password authentication failed|no pg_hba\.conf entry|role "[^"]+" does not exist|permission denied for (?:table|relation|schema|database|sequence|function|view)/i, 0.92, auth],
  ['auth-mysql', /Access denied for user|\(using password: (?:YES|NO)\)/i, 0.92, auth],
  ['auth-redis', /\bNOAUTH\b|\bWRONGPASS\b|invalid username-password pair|ERR invalid password|AUTH failed|Client sent AUTH, but no password is set/i, 0.92, auth],
  ['auth-mssql-oracle', /Login failed for user|ORA-01017|ORA-28000/i, 0.92, auth],
  ['auth-amqp', /ACCESS_REFUSED - Login was refused|\bPLAIN login refused\b|invalid credentials for user|not authorized to access vhost|\bSASL authentication failed\b/i, 0.9, auth],
  ['auth-cloud', /InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClientException|ExpiredToken(?:Exception)?|The security token included in the request is (?:invalid|expired)|invalid_grant|invalid_client|unauthorized_client|is not authorized to perform|NoCredentialProviders|Unable to locate credentials|could not find default credentials|DefaultCredentialsError|CredentialsProviderError/i, 0.85, auth],
  ['auth-rbac', /is forbidden: User "system:serviceaccount:/i, 0.85, auth],
  ['auth-generic', /\bauthentication (?:failed|failure|error|required)\b|\bAuthentication(?:Exception|Error|Failed)\b|SASL authentication|SaslAuthenticationException|\binvalid (?:credentials|password|api[ _-]?key|access key|token)\b|\b(?:401 Unauthorized|403 Forbidden)\b|:\s*Unauthorized\s*$|\b(?:status(?:[ _]?code)?|code|http)\W{0,3}40[13]\b/i, 0.75, { ...auth, notOnInfo: true }],
  // Refused / reset
  ['refused', /\bECONNREFUSED\b|connection refused|ConnectionRefused(?:Error|Exception)?\b|actively refused|Connection to \S+ refused/i, 0.9, refused],
  ['refused-errno', /\[?Errno 111\]?|\berror 111\b|\(111(?:[,)])|\(111 "Connection refused"\)|SQLSTATE\[HY000\] \[2002\]|Can't connect to (?:local )?MySQL server|Is the server running on host|Broker may not be available|could not be established\. Broker/i, 0.88, refused],
  ['reset', /\bECONNRESET\b|connection reset by peer|Connection reset\b|EPIPE\b|broken pipe/i, 0.6, { ...refused, notOnInfo: true }],
  // Timeouts and unreachable networks
  ['timeout-io', /\bi\/o timeout\b|\bETIMEDOUT\b|\bESOCKETTIMEDOUT\b|context deadline exceeded|DeadlineExceeded|deadline exceeded/i, 0.88, timeout],
  ['timeout-connect', /(?:connect(?:ion)?|connecting|dial(?:ing)?|handshake|socket|read|request|server selection|login)\s*(?:attempt\s*)?(?:timed out|timeout|time-out)|Connection timed out|Operation timed out|timed out (?:after|waiting|while)|timeout expired|Timeout (?:expired|exceeded|awaiting)|Connection Timeout Expired/i, 0.85, timeout],
  ['timeout-exceptions', /\b(?:SocketTimeoutException|ConnectTimeoutException|ConnectTimeoutError|ConnectTimeout|ReadTimeout(?:Error)?|TimeoutError|ServerSelectionTimeoutError|MongoServerSelectionError|TimeoutException|OperationTimedOut)\b/, 0.8, timeout],
  ['timeout-beam', /tcp connect \([^)]*\): timeout\b|\{error,\s*(?:etimedout|timeout)\}|- :(?:etimedout|timeout)\b/i, 0.86, timeout],
  ['unreachable', /\bEHOSTUNREACH\b|\bENETUNREACH\b|No route to host|Network is unreachable|host is unreachable/i, 0.85, timeout],
  // Generic "could not connect"
  ['connect-failed', /\b(?:could ?not|couldn't|unable to|failed to|cannot|can't|error while) (?:connect|reach|establish (?:a )?(?:database |db )?connection|open (?:a )?connection|acquire (?:a )?(?:JDBC )?connection|ping)\b/i, 0.7, generic],
  ['connect-drivers', /Communications link failure|network-related or instance-specific error|error occurred while establishing a connection|AMQPConnectionError|code = Unavailable|KeeperErrorCode = ConnectionLoss|Exception during pool initialization|no reachable servers|NoHostAvailable|NoNodeAvailableException|All connection attempts failed|no healthy upstream|upstream connect error|OperationalError|ConnectionError|ConnectionFailure|MongoNetworkError|RedisConnectionException|Unable to connect to Redis|connection (?:to \S+ )?failed|ServiceUnavailable|503 Service Unavailable/i, 0.66, { ...generic, notOnInfo: true }],
  ['wait-for', /\bwaiting for (?:the )?(?:db|database|postgres(?:ql)?|mysql|mariadb|redis|mongo(?:db)?|rabbitmq|kafka|zookeeper|elasticsearch|opensearch|etcd|vault|consul|service|dependency|broker|api|backend|[\w.-]+:\d{2,5})\b|\bdatabase "[^"]+" does not exist|\bnot (?:yet )?(?:ready|available|reachable),? (?:retrying|waiting)|\b(?:db|database|postgres(?:ql)?|mysql|redis|rabbitmq|kafka|mongo(?:db)?|elasticsearch|broker|upstream) (?:is )?(?:unavailable|not (?:ready|available|reachable|up)|down)\b/i, 0.55, generic],
]);
