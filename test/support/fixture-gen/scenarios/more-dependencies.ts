/** More dependency and lock failures, worded as other clients print them. */
import { appScenario, COLLECTED_AT, crash, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';

const T = logTimes(COLLECTED_AT);
const res = { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '50m' } };

/** seeds/003 third-party DNS: a Go service resolving a public API through a failing upstream resolver. */
function goDnsServerMisbehaving(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/go-dns-server-misbehaving',
    source: "seeds/003 section 'Issue with Third-Party Services (DNS Error)': Go service verifying its payment provider at startup; lookup ... server misbehaving",
    cause: 'dependency-unavailable',
    detail: 'dns',
    app: 'billing-gateway',
    ns: 'billing',
    history: 'single',
    podAge: 1300,
    containers: [{ name: 'gateway', image: 'registry.example.com/billing/billing-gateway:1.14.0', resources: res }],
    statuses: { gateway: crash(1, { ran: 5.2, finishedAgo: 200, restarts: 9 }) },
    logs: {
      gateway: {
        previous: lines(
          `time=${T.iso(205)} level=INFO msg="billing-gateway starting" version=1.14.0`,
          `time=${T.iso(200)} level=ERROR msg="provider self-check failed" err="Get \\"https://api.stripe.com/v1/balance\\": dial tcp: lookup api.stripe.com on 10.0.0.10:53: server misbehaving"`,
          `time=${T.iso(200)} level=ERROR msg="exiting" code=1`,
        ),
      },
    },
  });
}

/** ioredis gives up after ETIMEDOUT to a Redis IP behind a NetworkPolicy. */
function nodeRedisEtimedout(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/node-redis-etimedout',
    source: 'synthetic: Node.js session service; ioredis connect ETIMEDOUT to Redis (egress dropped by a NetworkPolicy), process exits 1',
    cause: 'dependency-unavailable',
    detail: 'timeout',
    app: 'sessions',
    ns: 'web',
    history: 'single',
    podAge: 1600,
    containers: [{ name: 'sessions', image: 'registry.example.com/web/sessions:2.3.0', env: [{ name: 'REDIS_HOST', value: '10.0.8.4' }], ports: [{ containerPort: 3000 }], resources: res }],
    statuses: { sessions: crash(1, { ran: 21, finishedAgo: 150, restarts: 9 }) },
    logs: {
      sessions: {
        previous: lines(
          `{"level":30,"time":${T.epochMs(171)},"msg":"sessions 2.3.0 starting"}`,
          '[ioredis] Unhandled error event: Error: connect ETIMEDOUT',
          '    at Socket.<anonymous> (/app/node_modules/ioredis/built/Redis.js:170:41)',
          '    at Object.onceWrapper (node:events:634:28)',
          '    at Socket.emit (node:events:520:28)',
          '    at Socket._onTimeout (node:net:595:8)',
          '    at listOnTimeout (node:internal/timers:573:17)',
          '    at process.processTimers (node:internal/timers:514:7)',
          `{"level":60,"time":${T.epochMs(150)},"msg":"redis not reachable after 20000ms (10.0.8.4:6379), exiting","err":{"type":"Error","message":"connect ETIMEDOUT","code":"ETIMEDOUT","errno":-110,"syscall":"connect"}}`,
        ),
      },
    },
  });
}

/** Python requests: certificate verify failed against an internal CA. */
function pythonSslVerifyFailed(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/python-ssl-certificate-verify-failed',
    source: 'synthetic: Python service fetching its feature flags over HTTPS from an internal endpoint signed by a private CA the image lacks (CERTIFICATE_VERIFY_FAILED)',
    cause: 'dependency-unavailable',
    detail: 'tls',
    app: 'recs-api',
    ns: 'ml',
    history: 'single',
    podAge: 1000,
    containers: [{ name: 'api', image: 'registry.example.com/ml/recs-api:1.5.0', command: ['python', '-m', 'recs'], resources: res }],
    statuses: { api: crash(1, { ran: 1.6, finishedAgo: 100, restarts: 8 }) },
    logs: {
      api: {
        previous: lines(
          'Traceback (most recent call last):',
          '  File "/usr/local/lib/python3.11/site-packages/urllib3/connectionpool.py", line 467, in _make_request',
          '    self._validate_conn(conn)',
          '  File "/usr/local/lib/python3.11/site-packages/urllib3/connection.py", line 653, in connect',
          '    sock_and_verified = _ssl_wrap_socket_and_match_hostname(',
          'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)',
          '',
          'During handling of the above exception, another exception occurred:',
          '',
          'Traceback (most recent call last):',
          '  File "/app/recs/__main__.py", line 9, in <module>',
          '    flags = load_flags()',
          '  File "/app/recs/flags.py", line 22, in load_flags',
          '    resp = requests.get(FLAGS_URL, timeout=5)',
          "requests.exceptions.SSLError: HTTPSConnectionPool(host='flags.platform.internal', port=443): Max retries exceeded with url: /v1/flags/recs-api (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))",
        ),
      },
    },
  });
}

/** MongoDB rejects the credentials (Node driver). */
function nodeMongoAuthFailed(): ScenarioDef {
  return appScenario({
    dir: 'dependency-unavailable/node-mongodb-authentication-failed',
    source: 'synthetic: Node.js service connecting to MongoDB with a rotated password (MongoServerError: Authentication failed.)',
    cause: 'dependency-unavailable',
    detail: 'auth',
    app: 'catalog-api',
    ns: 'shop',
    history: 'single',
    podAge: 800,
    containers: [{ name: 'api', image: 'registry.example.com/shop/catalog-api:3.2.1', env: [{ name: 'MONGO_URL', valueFrom: { secretKeyRef: { name: 'catalog-mongo', key: 'url' } } }], resources: res }],
    statuses: { api: crash(1, { ran: 0.9, finishedAgo: 80, restarts: 7 }) },
    logs: {
      api: {
        previous: lines(
          '/app/node_modules/mongodb/lib/cmap/connection.js:306',
          '                callback(new error_1.MongoServerError(document));',
          '                         ^',
          '',
          'MongoServerError: Authentication failed.',
          '    at Connection.onMessage (/app/node_modules/mongodb/lib/cmap/connection.js:206:30)',
          '    at MessageStream.<anonymous> (/app/node_modules/mongodb/lib/cmap/connection.js:61:60)',
          '    at MessageStream.emit (node:events:519:28) {',
          '  ok: 0,',
          "  code: 18,",
          "  codeName: 'AuthenticationFailed',",
          "  connectionGeneration: 0,",
          "  [Symbol(errorLabels)]: Set(2) { 'HandshakeError', 'ResetPool' }",
          '}',
          '',
          'Node.js v20.15.1',
        ),
      },
    },
  });
}

/** gunicorn cannot bind: a leftover process in the same container image entrypoint already holds :8000. */
function gunicornConnectionInUse(): ScenarioDef {
  return appScenario({
    dir: 'port-in-use/python-gunicorn-connection-in-use',
    source: 'synthetic: entrypoint script starts a metrics exporter on :8000 in the background, then gunicorn binds :8000 too ([ERROR] Connection in use, Errno 98)',
    cause: 'port-in-use',
    app: 'forms',
    ns: 'web',
    history: 'regression',
    podAge: 300,
    containers: [{ name: 'forms', image: 'registry.example.com/web/forms:4.1.0', command: ['/app/entrypoint.sh'], ports: [{ containerPort: 8000 }], resources: res }],
    statuses: { forms: crash(1, { ran: 31, finishedAgo: 40, restarts: 4 }) },
    logs: {
      forms: {
        previous: lines(
          'metrics exporter listening on 0.0.0.0:8000',
          `${T.gunicorn(70)} [9] [INFO] Starting gunicorn 22.0.0`,
          `${T.gunicorn(70)} [9] [ERROR] Connection in use: ('0.0.0.0', 8000)`,
          `${T.gunicorn(70)} [9] [ERROR] Retrying in 1 second.`,
          `${T.gunicorn(69)} [9] [ERROR] Connection in use: ('0.0.0.0', 8000)`,
          `${T.gunicorn(69)} [9] [ERROR] Retrying in 1 second.`,
          `${T.gunicorn(42)} [9] [ERROR] Connection in use: ('0.0.0.0', 8000)`,
          `${T.gunicorn(41)} [9] [ERROR] Retrying in 1 second.`,
          `${T.gunicorn(40)} [9] [ERROR] Can't connect to ('0.0.0.0', 8000)`,
        ),
      },
    },
  });
}

export const MORE_DEPENDENCY_SCENARIOS = [goDnsServerMisbehaving, nodeRedisEtimedout, pythonSslVerifyFailed, nodeMongoAuthFailed, gunicornConnectionInUse];
