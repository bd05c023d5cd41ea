import { appScenario, COLLECTED_AT, crash, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';
import type { StatusSpec } from '../objects.js';

const T = logTimes(COLLECTED_AT);
const SEED_POD = 'api-deployment-7d4b9c-xkp2z';

const seedApi = (env: Array<Record<string, unknown>>) => ({
  name: 'api',
  image: 'registry.solvethenetwork.com/api:v1.2.1',
  ports: [{ containerPort: 8080, name: 'http' }],
  env,
  resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '250m' } },
});

/** seeds/001 Root Cause 1: DATABASE_PORT="abc" set in the new revision. */
function seedInvalidPort(): ScenarioDef {
  const at = '2026-04-04T08:21:40Z';
  const env = (port: string) => [
    { name: 'DATABASE_HOST', value: '10.0.1.45' },
    { name: 'DATABASE_PORT', value: port },
    { name: 'LOG_LEVEL', value: 'info' },
  ];
  return appScenario({
    dir: 'missing-config/seed-invalid-env-value',
    source: "seeds/001 section 'Root Cause 1: Bad Config or Environment Variable' (FATAL: invalid value for DATABASE_PORT)",
    cause: 'missing-config',
    app: 'api-deployment',
    podName: SEED_POD,
    hash: '7d4b9c',
    collectedAt: at,
    history: 'regression',
    podAge: 840,
    containers: [seedApi(env('abc'))],
    previousContainers: [seedApi(env('5432'))],
    changeCause: 'kubectl set env deployment/api-deployment DATABASE_PORT=abc',
    statuses: { api: crash(1, { ran: 0.4, finishedAgo: 47, restarts: 8 }) },
    logs: {
      api: {
        previous: lines(`${logTimes(at).iso(47.4)} INFO  api v1.2.1 starting`, 'FATAL: invalid value for DATABASE_PORT: "abc" (expected integer)'),
      },
    },
  });
}

/** seeds/001 Root Cause 1 (Go variant): panic because DATABASE_URL is unset, exit 2. */
function seedGoPanicUnset(): ScenarioDef {
  return appScenario({
    dir: 'missing-config/seed-go-panic-env-not-set',
    source: "seeds/001 section 'Root Cause 1: Bad Config or Environment Variable' (panic: DATABASE_URL environment variable is not set)",
    cause: 'missing-config',
    app: 'worker-deployment',
    podName: 'worker-deployment-5f8bb-r9t4k',
    hash: '5f8bb',
    history: 'single',
    podAge: 1320,
    containers: [
      {
        name: 'worker',
        image: 'registry.solvethenetwork.com/worker:v3.0.4',
        env: [{ name: 'QUEUE_NAME', value: 'billing-events' }, { name: 'DB_URL', valueFrom: { secretKeyRef: { name: 'worker-db', key: 'url' } } }],
        resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '100m' } },
      },
    ],
    statuses: { worker: crash(2, { ran: 0.1, finishedAgo: 212, restarts: 12 }) },
    logs: {
      worker: {
        previous: lines(
          'panic: DATABASE_URL environment variable is not set',
          '',
          'goroutine 1 [running]:',
          'main.mustGetEnv(...)',
          '\t/app/main.go:22 +0x5a',
          'main.loadConfig()',
          '\t/app/config.go:31 +0x2f4',
          'main.main()',
          '\t/app/main.go:41 +0x25',
        ),
      },
    },
  });
}

const configErr = (message: string): StatusSpec => ({ kind: 'waiting', reason: 'CreateContainerConfigError', message });

/** seeds/001 Root Cause 2: the Secret referenced by envFrom does not exist; the container never starts. */
function seedSecretNotFound(): ScenarioDef {
  return appScenario({
    dir: 'missing-config/seed-secret-not-found',
    source: "seeds/001 section 'Root Cause 2: Missing Kubernetes Secret' (Error: secret \"api-db-credentials\" not found)",
    cause: 'missing-config',
    app: 'api-deployment',
    podName: SEED_POD,
    hash: '7d4b9c',
    collectedAt: '2026-04-04T08:30:00Z',
    history: 'single',
    podAge: 45,
    crashingPods: 1,
    containers: [{ ...seedApi([{ name: 'LOG_LEVEL', value: 'info' }]), envFrom: [{ secretRef: { name: 'api-db-credentials' } }] }],
    statuses: { api: configErr('secret "api-db-credentials" not found') },
    events: [
      { reason: 'Pulled', container: 'api', count: 4, firstAgo: 44, lastAgo: 3, message: 'Container image "registry.solvethenetwork.com/api:v1.2.1" already present on machine' },
      { reason: 'Failed', type: 'Warning', container: 'api', count: 4, firstAgo: 45, lastAgo: 3, message: 'Error: secret "api-db-credentials" not found' },
    ],
    logs: {},
  });
}

/** seeds/001 Root Cause 2: the Secret exists but lacks the key DB_PASSWORD. */
function seedSecretKeyMissing(): ScenarioDef {
  return appScenario({
    dir: 'missing-config/seed-secret-key-missing',
    source: "seeds/001 section 'Root Cause 2: Missing Kubernetes Secret' (couldn't find key DB_PASSWORD in Secret production/api-db-credentials)",
    cause: 'missing-config',
    app: 'api-deployment',
    podName: SEED_POD,
    hash: '7d4b9c',
    history: 'regression',
    podAge: 300,
    containers: [
      seedApi([
        { name: 'DB_USER', valueFrom: { secretKeyRef: { name: 'api-db-credentials', key: 'DB_USER' } } },
        { name: 'DB_HOST', valueFrom: { secretKeyRef: { name: 'api-db-credentials', key: 'DB_HOST' } } },
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'api-db-credentials', key: 'DB_PASSWORD' } } },
      ]),
    ],
    previousContainers: [
      {
        ...seedApi([
          { name: 'DB_USER', valueFrom: { secretKeyRef: { name: 'api-db-credentials', key: 'DB_USER' } } },
          { name: 'DB_HOST', valueFrom: { secretKeyRef: { name: 'api-db-credentials', key: 'DB_HOST' } } },
        ]),
        image: 'registry.solvethenetwork.com/api:v1.2.0',
      },
    ],
    statuses: { api: configErr("couldn't find key DB_PASSWORD in Secret production/api-db-credentials") },
    events: [
      { reason: 'Pulling', container: 'api', firstAgo: 299, message: 'Pulling image "registry.solvethenetwork.com/api:v1.2.1"' },
      { reason: 'Pulled', container: 'api', firstAgo: 296, message: 'Successfully pulled image "registry.solvethenetwork.com/api:v1.2.1" in 2.871s (2.871s including waiting). Image size: 61822311 bytes.' },
      { reason: 'Pulled', container: 'api', count: 14, firstAgo: 280, lastAgo: 5, message: 'Container image "registry.solvethenetwork.com/api:v1.2.1" already present on machine' },
      { reason: 'Failed', type: 'Warning', container: 'api', count: 15, firstAgo: 296, lastAgo: 5, message: "Error: couldn't find key DB_PASSWORD in Secret production/api-db-credentials" },
    ],
    logs: {},
  });
}

/** seeds/002 Fix 4: ConfigMap myapp-config missing (created in another namespace). */
function seedConfigMapNotFound(): ScenarioDef {
  return appScenario({
    dir: 'missing-config/seed-configmap-not-found',
    source: "seeds/002 section 'Fix 4: Missing ConfigMaps or Secrets' (Error: configmap \"myapp-config\" not found)",
    cause: 'missing-config',
    app: 'myapp',
    ns: 'default',
    podName: 'myapp-6d8f7b4c5-x9z2k',
    hash: '6d8f7b4c5',
    history: 'single',
    podAge: 252,
    crashingPods: 1,
    containers: [
      {
        name: 'myapp',
        image: 'myapp:v2.1.0',
        envFrom: [{ configMapRef: { name: 'myapp-config' } }],
        env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'myapp-secret', key: 'DB_PASSWORD' } } }],
        resources: { requests: { memory: '256Mi', cpu: '250m' }, limits: { memory: '512Mi', cpu: '1000m' } },
      },
    ],
    statuses: { myapp: configErr('configmap "myapp-config" not found') },
    events: [
      { reason: 'Pulled', container: 'myapp', count: 12, firstAgo: 250, lastAgo: 9, message: 'Container image "myapp:v2.1.0" already present on machine' },
      { reason: 'Failed', type: 'Warning', container: 'myapp', count: 12, firstAgo: 250, lastAgo: 9, message: 'Error: configmap "myapp-config" not found' },
    ],
    logs: {},
  });
}

/** Rails refuses to boot without secret_key_base; the new revision dropped SECRET_KEY_BASE; Recreate left no old pods. */
function railsSecretKeyBaseRecreate(): ScenarioDef {
  const web = (env: Array<Record<string, unknown>>, tag: string) => ({
    name: 'web',
    image: `registry.example.com/shop/rails-web:${tag}`,
    command: ['bundle', 'exec', 'puma', '-C', 'config/puma.rb'],
    ports: [{ containerPort: 3000, name: 'http' }],
    env: [{ name: 'RAILS_ENV', value: 'production' }, { name: 'RAILS_LOG_TO_STDOUT', value: '1' }, ...env],
    resources: { limits: { memory: '1Gi' }, requests: { memory: '512Mi', cpu: '250m' } },
  });
  const skb = { name: 'SECRET_KEY_BASE', valueFrom: { secretKeyRef: { name: 'rails-web-secrets', key: 'secret-key-base' } } };
  return appScenario({
    dir: 'missing-config/ruby-rails-secret-key-base-recreate',
    source: 'synthetic: Rails 7.1 app whose new revision dropped SECRET_KEY_BASE; Deployment strategy Recreate, so the previous ReplicaSet is already at 0',
    cause: 'missing-config',
    app: 'rails-web',
    ns: 'shop',
    history: 'recreate',
    podAge: 480,
    containers: [web([], '2026.04.1')],
    previousContainers: [web([skb], '2026.03.4')],
    statuses: { web: crash(1, { ran: 3, finishedAgo: 95, restarts: 6 }) },
    logs: {
      web: {
        previous: lines(
          '[1] Puma starting in cluster mode...',
          '[1] * Puma version: 6.4.2 (ruby 3.3.0-p0) ("The Eagle of Durango")',
          '[1] *  Min threads: 5',
          '[1] *  Max threads: 5',
          '[1] *  Environment: production',
          '[1] *   Master PID: 1',
          '[1] *      Workers: 2',
          '[1] *     Restarts: (✔) hot (✖) phased',
          '[1] * Preloading application',
          "bundler: failed to load command: puma (/usr/local/bundle/bin/puma)",
          "/usr/local/bundle/gems/railties-7.1.3.2/lib/rails/application.rb:652:in `validate_secret_key_base': Missing `secret_key_base` for 'production' environment, set this string with `bin/rails credentials:edit` (ArgumentError)",
          "\tfrom /usr/local/bundle/gems/railties-7.1.3.2/lib/rails/application.rb:489:in `secret_key_base'",
          "\tfrom /usr/local/bundle/gems/railties-7.1.3.2/lib/rails/application.rb:457:in `key_generator'",
          "\tfrom /usr/local/bundle/gems/railties-7.1.3.2/lib/rails/application.rb:690:in `block in <class:Application>'",
          "\tfrom /usr/local/bundle/gems/puma-6.4.2/lib/puma/launcher.rb:194:in `run'",
          "\tfrom /usr/local/bundle/gems/puma-6.4.2/lib/puma/cli.rb:75:in `run'",
          "\tfrom /usr/local/bundle/gems/puma-6.4.2/bin/puma:10:in `<top (required)>'",
          "\tfrom /usr/local/bundle/bin/puma:25:in `load'",
          "\tfrom /usr/local/bundle/bin/puma:25:in `<main>'",
        ),
      },
    },
  });
}

export const MISSING_CONFIG_SCENARIOS = [seedInvalidPort, seedGoPanicUnset, seedSecretNotFound, seedSecretKeyMissing, seedConfigMapNotFound, railsSecretKeyBaseRecreate];
