import { appScenario, crash, type ScenarioDef } from '../define.js';
import { lines } from '../log-time.js';

const seedApi = (tag: string) => ({
  name: 'api',
  image: `registry.solvethenetwork.com/api:${tag}`,
  ports: [{ containerPort: 8080, name: 'http' }],
  resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '250m' } },
});

/** seeds/001 Root Cause 6: ModuleNotFoundError for a package that the new image no longer ships. */
function seedPythonModule(): ScenarioDef {
  return appScenario({
    dir: 'missing-runtime-dependency/seed-python-modulenotfound',
    source: "seeds/001 section 'Root Cause 6: Application Code Crash or Missing Runtime Dependency' (ModuleNotFoundError: No module named 'utils.auth')",
    cause: 'missing-runtime-dependency',
    app: 'api-deployment',
    podName: 'api-deployment-7d4b9c-xkp2z',
    hash: '7d4b9c',
    history: 'regression',
    podAge: 380,
    containers: [{ ...seedApi('v1.2.1'), command: ['python', '/app/main.py'] }],
    previousContainers: [{ ...seedApi('v1.2.0'), command: ['python', '/app/main.py'] }],
    statuses: { api: crash(1, { ran: 0.6, finishedAgo: 66, restarts: 5 }) },
    logs: {
      api: {
        previous: lines(
          'Traceback (most recent call last):',
          '  File "/app/main.py", line 14, in <module>',
          '    from utils.auth import verify_token',
          "ModuleNotFoundError: No module named 'utils.auth'",
        ),
      },
    },
  });
}

/** seeds/001 Root Cause 6: a Rust binary linked against OpenSSL 3 in a runtime image without libssl.so.3 (ld.so exits 127). */
function seedSharedLibrary(): ScenarioDef {
  return appScenario({
    dir: 'missing-runtime-dependency/seed-rust-shared-library-libssl',
    source: "seeds/001 section 'Root Cause 6' (error while loading shared libraries: libssl.so.3), as a Rust server on debian:bookworm-slim without libssl3",
    cause: 'missing-runtime-dependency',
    app: 'ledger-api',
    ns: 'finance',
    history: 'regression',
    podAge: 290,
    containers: [{ name: 'server', image: 'registry.example.com/finance/ledger-api:0.9.0', command: ['/app/server'], ports: [{ containerPort: 8443 }], resources: { limits: { memory: '256Mi' }, requests: { memory: '64Mi', cpu: '50m' } } }],
    previousContainers: [{ name: 'server', image: 'registry.example.com/finance/ledger-api:0.8.7', command: ['/app/server'], ports: [{ containerPort: 8443 }], resources: { limits: { memory: '256Mi' }, requests: { memory: '64Mi', cpu: '50m' } } }],
    statuses: { server: crash(127, { ran: 0.01, finishedAgo: 38, restarts: 5 }) },
    logs: { server: { previous: lines('/app/server: error while loading shared libraries: libssl.so.3: cannot open shared object file: No such file or directory') } },
  });
}

/** A production image built with `npm ci --omit=dev` while express sat in devDependencies. */
function nodePackageMissing(): ScenarioDef {
  return appScenario({
    dir: 'missing-runtime-dependency/node-cannot-find-package',
    source: "synthetic: Node service whose image lacks the express package (moved to devDependencies, npm ci --omit=dev): Cannot find module 'express'",
    cause: 'missing-runtime-dependency',
    app: 'webhooks',
    ns: 'integrations',
    history: 'single',
    podAge: 1100,
    containers: [{ name: 'webhooks', image: 'registry.example.com/integrations/webhooks:1.6.0', command: ['node', 'src/server.js'], ports: [{ containerPort: 3000 }], resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '50m' } } }],
    statuses: { webhooks: crash(1, { ran: 0.2, finishedAgo: 240, restarts: 9 }) },
    logs: {
      webhooks: {
        previous: lines(
          'node:internal/modules/cjs/loader:1148',
          '  throw err;',
          '  ^',
          '',
          "Error: Cannot find module 'express'",
          'Require stack:',
          '- /app/src/server.js',
          '    at Module._resolveFilename (node:internal/modules/cjs/loader:1145:15)',
          '    at Module._load (node:internal/modules/cjs/loader:986:27)',
          '    at Module.require (node:internal/modules/cjs/loader:1233:19)',
          '    at require (node:internal/modules/helpers:179:18)',
          '    at Object.<anonymous> (/app/src/server.js:3:17)',
          '    at Module._compile (node:internal/modules/cjs/loader:1358:14)',
          '    at Module._extensions..js (node:internal/modules/cjs/loader:1416:10)',
          '    at Module.load (node:internal/modules/cjs/loader:1208:32)',
          '    at Module._load (node:internal/modules/cjs/loader:1024:12)',
          '    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12) {',
          "  code: 'MODULE_NOT_FOUND',",
          "  requireStack: [ '/app/src/server.js' ]",
          '}',
          '',
          'Node.js v20.15.1',
        ),
      },
    },
  });
}

/** A shaded jar built without slf4j: NoClassDefFoundError at the first logger. */
function javaNoClassDef(): ScenarioDef {
  return appScenario({
    dir: 'missing-runtime-dependency/java-noclassdeffounderror',
    source: 'synthetic: Java service packaged without a runtime dependency (slf4j-api excluded from the fat jar): NoClassDefFoundError / ClassNotFoundException',
    cause: 'missing-runtime-dependency',
    app: 'invoice-export',
    ns: 'finance',
    history: 'single',
    podAge: 2000,
    containers: [{ name: 'exporter', image: 'registry.example.com/finance/invoice-export:3.3.0', command: ['java', '-jar', '/opt/app/invoice-export.jar'], resources: { limits: { memory: '1Gi' }, requests: { memory: '512Mi', cpu: '200m' } } }],
    statuses: { exporter: crash(1, { ran: 0.9, finishedAgo: 300, restarts: 10 }) },
    logs: {
      exporter: {
        previous: lines(
          'Exception in thread "main" java.lang.NoClassDefFoundError: org/slf4j/LoggerFactory',
          '\tat com.acme.finance.export.Main.<clinit>(Main.java:19)',
          'Caused by: java.lang.ClassNotFoundException: org.slf4j.LoggerFactory',
          '\tat java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(BuiltinClassLoader.java:641)',
          '\tat java.base/jdk.internal.loader.ClassLoaders$AppClassLoader.loadClass(ClassLoaders.java:188)',
          '\tat java.base/java.lang.ClassLoader.loadClass(ClassLoader.java:526)',
          '\t... 1 more',
        ),
      },
    },
  });
}

/** PHP image without `composer install`: vendor/autoload.php missing. */
function phpAutoloadMissing(): ScenarioDef {
  return appScenario({
    dir: 'missing-runtime-dependency/php-vendor-autoload-missing',
    source: 'synthetic: Laravel queue worker whose image skipped composer install; require vendor/autoload.php fails (PHP Fatal error, exit 255)',
    cause: 'missing-runtime-dependency',
    app: 'queue-worker',
    ns: 'shop',
    history: 'single',
    podAge: 1400,
    containers: [{ name: 'worker', image: 'registry.example.com/shop/laravel-app:11.4.0', command: ['php', 'artisan', 'queue:work', '--tries=3'], resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '100m' } } }],
    statuses: { worker: crash(255, { ran: 0.1, finishedAgo: 115, restarts: 9 }) },
    logs: {
      worker: {
        previous: lines(
          'PHP Warning:  require(/var/www/html/vendor/autoload.php): Failed to open stream: No such file or directory in /var/www/html/artisan on line 9',
          'PHP Fatal error:  Uncaught Error: Failed opening required \'/var/www/html/vendor/autoload.php\' (include_path=\'.:/usr/local/lib/php\') in /var/www/html/artisan:9',
          'Stack trace:',
          '#0 {main}',
          '  thrown in /var/www/html/artisan on line 9',
        ),
      },
    },
  });
}

/** A Ruby gem not in the bundle (Gemfile.lock updated, image built from an old layer). */
function rubyGemMissing(): ScenarioDef {
  return appScenario({
    dir: 'missing-runtime-dependency/ruby-bundler-gem-not-found',
    source: 'synthetic: Ruby service started with bundle exec while the image lacks a locked gem (Bundler::GemNotFound)',
    cause: 'missing-runtime-dependency',
    app: 'search-indexer',
    ns: 'search',
    history: 'single',
    podAge: 800,
    containers: [{ name: 'indexer', image: 'registry.example.com/search/indexer:2.0.1', command: ['bundle', 'exec', 'ruby', 'bin/indexer'], resources: { limits: { memory: '384Mi' }, requests: { memory: '256Mi', cpu: '100m' } } }],
    statuses: { indexer: crash(7, { ran: 0.7, finishedAgo: 95, restarts: 8 }) },
    logs: { indexer: { previous: lines("Could not find pg-1.5.6 in locally installed gems", "Run `bundle install` to install missing gems.") } },
  });
}

export const MISSING_DEPENDENCY_SCENARIOS = [seedPythonModule, seedSharedLibrary, nodePackageMissing, javaNoClassDef, phpAutoloadMissing, rubyGemMissing];
