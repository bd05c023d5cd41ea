import { appScenario, COLLECTED_AT, crash, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';
import { statefulSetScenario } from '../more.js';

const T = logTimes(COLLECTED_AT);
const res = (mem = '512Mi') => ({ limits: { memory: mem }, requests: { memory: '128Mi', cpu: '100m' } });

/** seeds/001 Root Cause 7: the init-migrate init container fails a schema migration. */
function seedInitMigrate(): ScenarioDef {
  return appScenario({
    dir: 'application-error/seed-init-container-migration',
    source: "seeds/001 section 'Root Cause 7: Init Container Failure' (init-migrate: ERROR: relation \"users\" does not exist)",
    cause: 'application-error',
    app: 'api-deployment',
    podName: 'api-deployment-7d4b9c-xkp2z',
    hash: '7d4b9c',
    history: 'single',
    podAge: 360,
    crashingPods: 1,
    focus: 'init-migrate',
    focusInit: true,
    initContainers: [
      {
        name: 'init-migrate',
        image: 'registry.solvethenetwork.com/api-migrations:v1.2.1',
        command: ['/migrate.sh'],
        env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'api-db-credentials', key: 'url' } } }],
      },
    ],
    containers: [{ name: 'api', image: 'registry.solvethenetwork.com/api:v1.2.1', ports: [{ containerPort: 8080 }], resources: res() }],
    statuses: {
      'init-migrate': crash(1, { ran: 1.3, finishedAgo: 41, restarts: 4 }),
      api: { kind: 'waiting', reason: 'PodInitializing' },
    },
    logs: {
      'init-migrate': {
        previous: lines(
          'running migration 004_add_sessions_table.sql',
          'ERROR: relation "users" does not exist',
          'LINE 1: ALTER TABLE users ADD COLUMN last_seen TIMESTAMP;',
          'migration failed — exiting with code 1',
        ),
      },
    },
  });
}

/** A Go nil-pointer panic (mentions SIGSEGV, but it is the runtime's panic, exit 2) introduced by a new image. */
function goNilPointer(): ScenarioDef {
  const c = (tag: string) => ({ name: 'inventory', image: `registry.example.com/retail/inventory:${tag}`, ports: [{ containerPort: 8080 }], resources: res('256Mi') });
  return appScenario({
    dir: 'application-error/go-nil-pointer-panic-regression',
    source: 'synthetic: Go service panics with a nil pointer dereference in its config loader after an image bump (goroutine trace, exit 2)',
    cause: 'application-error',
    app: 'inventory',
    ns: 'retail',
    history: 'regression',
    podAge: 270,
    containers: [c('1.18.0')],
    previousContainers: [c('1.17.4')],
    changeCause: 'image bumped to 1.18.0',
    statuses: { inventory: crash(2, { ran: 0.4, finishedAgo: 49, restarts: 4 }) },
    logs: {
      inventory: {
        previous: lines(
          `${T.go(49.4)} inventory 1.18.0 starting (commit 9c1e2f7)`,
          `${T.go(49.3)} loading warehouse topology from /etc/inventory/topology.json`,
          'panic: runtime error: invalid memory address or nil pointer dereference',
          '[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x8f6c2a]',
          '',
          'goroutine 1 [running]:',
          'github.com/acme/inventory/internal/topology.(*Graph).Link(0x0, {0xc0001a2f60, 0x6}, {0xc0001a2f70, 0x7})',
          '\t/src/internal/topology/graph.go:57 +0x2a',
          'github.com/acme/inventory/internal/topology.Load({0x7ffd4d3c2e9b, 0x1c})',
          '\t/src/internal/topology/load.go:33 +0x1f9',
          'main.run(0xc000114000)',
          '\t/src/cmd/inventory/main.go:48 +0x125',
          'main.main()',
          '\t/src/cmd/inventory/main.go:21 +0x4f',
        ),
      },
    },
  });
}

/** A Java bug: duplicate map keys while building a currency table. */
function javaIllegalState(): ScenarioDef {
  return appScenario({
    dir: 'application-error/java-exception-in-main',
    source: 'synthetic: Java service throws java.lang.IllegalStateException (duplicate key) while building a lookup table at startup',
    cause: 'application-error',
    app: 'fx-rates',
    ns: 'payments',
    history: 'single',
    podAge: 1700,
    containers: [{ name: 'fx-rates', image: 'registry.example.com/payments/fx-rates:2.0.3', command: ['java', '-jar', '/app/fx-rates.jar'], resources: res('768Mi') }],
    statuses: { 'fx-rates': crash(1, { ran: 2.8, finishedAgo: 180, restarts: 10 }) },
    logs: {
      'fx-rates': {
        previous: lines(
          `${T.py(182.7)} INFO  [main] c.a.p.fx.FxRatesApp - starting fx-rates 2.0.3`,
          `${T.py(181.2)} INFO  [main] c.a.p.fx.CurrencyTable - loading 171 currencies from classpath:currencies.csv`,
          'Exception in thread "main" java.lang.IllegalStateException: Duplicate key EUR (attempted merging values Currency[code=EUR, minor=2] and Currency[code=EUR, minor=2])',
          '\tat java.base/java.util.stream.Collectors.duplicateKeyException(Collectors.java:135)',
          '\tat java.base/java.util.stream.Collectors.lambda$uniqKeysMapAccumulator$1(Collectors.java:182)',
          '\tat java.base/java.util.stream.ReduceOps$3ReducingSink.accept(ReduceOps.java:169)',
          '\tat java.base/java.util.ArrayList$ArrayListSpliterator.forEachRemaining(ArrayList.java:1708)',
          '\tat java.base/java.util.stream.AbstractPipeline.copyInto(AbstractPipeline.java:509)',
          '\tat java.base/java.util.stream.ReferencePipeline.collect(ReferencePipeline.java:682)',
          '\tat com.acme.payments.fx.CurrencyTable.load(CurrencyTable.java:44)',
          '\tat com.acme.payments.fx.FxRatesApp.main(FxRatesApp.java:27)',
        ),
      },
    },
  });
}

/** A Python TypeError in the app's own code. */
function pythonTypeError(): ScenarioDef {
  return appScenario({
    dir: 'application-error/python-typeerror-traceback',
    source: 'synthetic: Python scheduler crashes on a TypeError in its own code (None + int) on startup',
    cause: 'application-error',
    app: 'scheduler',
    ns: 'ops',
    history: 'single',
    podAge: 2300,
    containers: [{ name: 'scheduler', image: 'registry.example.com/ops/scheduler:0.27.0', command: ['python', '-m', 'scheduler'], resources: res() }],
    statuses: { scheduler: crash(1, { ran: 1.1, finishedAgo: 275, restarts: 11 }) },
    logs: {
      scheduler: {
        previous: lines(
          `${T.py(276.1)} INFO scheduler.main: loading 42 schedules from /etc/scheduler/schedules.yaml`,
          'Traceback (most recent call last):',
          '  File "<frozen runpy>", line 198, in _run_module_as_main',
          '  File "<frozen runpy>", line 88, in _run_code',
          '  File "/app/scheduler/__main__.py", line 4, in <module>',
          '    main()',
          '  File "/app/scheduler/main.py", line 61, in main',
          '    plan = build_plan(schedules, now=datetime.now(timezone.utc))',
          '  File "/app/scheduler/plan.py", line 112, in build_plan',
          '    next_run = entry.last_run_epoch + entry.interval_seconds',
          "TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'",
        ),
      },
    },
  });
}

/** A Rust panic (exit 101). */
function rustPanic(): ScenarioDef {
  return appScenario({
    dir: 'application-error/rust-panic-unwrap',
    source: 'synthetic: Rust service panics on Option::unwrap() on a None value (exit 101)',
    cause: 'application-error',
    app: 'geo-router',
    ns: 'logistics',
    history: 'single',
    podAge: 1000,
    containers: [{ name: 'router', image: 'registry.example.com/logistics/geo-router:0.6.3', ports: [{ containerPort: 7000 }], resources: res('256Mi') }],
    statuses: { router: crash(101, { ran: 0.3, finishedAgo: 130, restarts: 9 }) },
    logs: {
      router: {
        previous: lines(
          `${T.isoMs(130.3).replace('Z', '000Z')}  INFO geo_router: starting geo-router v0.6.3`,
          `${T.isoMs(130.2).replace('Z', '000Z')}  INFO geo_router::graph: loading road graph from /data/graph.bin`,
          "thread 'main' panicked at src/graph/loader.rs:88:41:",
          'called `Option::unwrap()` on a `None` value',
          'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
        ),
      },
    },
  });
}

/** .NET unhandled exception: the runtime aborts (SIGABRT, exit 134) — a managed exception, not a native crash. */
function dotnetUnhandled134(): ScenarioDef {
  return appScenario({
    dir: 'application-error/dotnet-unhandled-exception-134',
    source: 'synthetic: .NET 8 worker with an unhandled InvalidOperationException; the runtime aborts with SIGABRT (exit 134)',
    cause: 'application-error',
    app: 'loyalty-worker',
    ns: 'crm',
    history: 'single',
    podAge: 2900,
    containers: [{ name: 'worker', image: 'acmecr.azurecr.io/crm/loyalty-worker:3.2.0', resources: res() }],
    statuses: { worker: crash(134, { ran: 4.2, finishedAgo: 55, restarts: 12 }) },
    logs: {
      worker: {
        previous: lines(
          'info: Microsoft.Hosting.Lifetime[0]',
          '      Application started. Press Ctrl+C to shut down.',
          'info: Microsoft.Hosting.Lifetime[0]',
          '      Hosting environment: Production',
          'info: Microsoft.Hosting.Lifetime[0]',
          '      Content root path: /app',
          'Unhandled exception. System.InvalidOperationException: Sequence contains no matching element',
          '   at System.Linq.ThrowHelper.ThrowNoMatchException()',
          '   at System.Linq.Enumerable.First[TSource](IEnumerable`1 source, Func`2 predicate)',
          '   at Crm.Loyalty.TierCalculator..ctor(IOptions`1 options) in /src/Crm.Loyalty/TierCalculator.cs:line 31',
          '   at Crm.Loyalty.Worker.ExecuteAsync(CancellationToken stoppingToken) in /src/Crm.Loyalty/Worker.cs:line 24',
          '   at Microsoft.Extensions.Hosting.Internal.Host.TryExecuteBackgroundServiceAsync(BackgroundService backgroundService)',
        ),
      },
    },
  });
}

/** Ruby NoMethodError on nil. */
function rubyNoMethodError(): ScenarioDef {
  return appScenario({
    dir: 'application-error/ruby-nomethoderror',
    source: 'synthetic: plain Ruby worker crashes with NoMethodError (undefined method for nil)',
    cause: 'application-error',
    app: 'feed-importer',
    ns: 'content',
    history: 'single',
    podAge: 1250,
    containers: [{ name: 'importer', image: 'registry.example.com/content/feed-importer:1.3.0', command: ['ruby', 'bin/import'], resources: res('256Mi') }],
    statuses: { importer: crash(1, { ran: 3.5, finishedAgo: 90, restarts: 8 }) },
    logs: {
      importer: {
        previous: lines(
          `I, [${T.rb(93.5)} #1]  INFO -- : feed-importer 1.3.0 starting, 12 feeds`,
          `I, [${T.rb(91.0)} #1]  INFO -- : fetching https://partner.example.net/feeds/products.xml`,
          "/app/lib/feed_importer/parser.rb:27:in `block in parse': undefined method `text' for nil (NoMethodError)",
          '',
          "        price = node.at_xpath('price').text.to_d",
          '                                      ^^^^^',
          "\tfrom /usr/local/bundle/gems/nokogiri-1.16.4-x86_64-linux/lib/nokogiri/xml/node_set.rb:234:in `block in each'",
          "\tfrom /usr/local/bundle/gems/nokogiri-1.16.4-x86_64-linux/lib/nokogiri/xml/node_set.rb:233:in `upto'",
          "\tfrom /usr/local/bundle/gems/nokogiri-1.16.4-x86_64-linux/lib/nokogiri/xml/node_set.rb:233:in `each'",
          "\tfrom /app/lib/feed_importer/parser.rb:24:in `map'",
          "\tfrom /app/lib/feed_importer/parser.rb:24:in `parse'",
          "\tfrom bin/import:18:in `<main>'",
        ),
      },
    },
  });
}

/** PostgreSQL refuses a data directory from an older major version after an image bump (FATAL, exit 1). */
function postgresIncompatibleData(): ScenarioDef {
  return statefulSetScenario({
    dir: 'application-error/postgres-fatal-incompatible-data-dir',
    source: 'synthetic: PostgreSQL StatefulSet bumped from 15 to 16.2 without pg_upgrade: FATAL database files are incompatible with server',
    cause: 'application-error',
    ns: 'data',
    name: 'postgres',
    serviceName: 'postgres-headless',
    containers: [
      {
        name: 'postgres',
        image: 'postgres:16.2',
        ports: [{ containerPort: 5432, name: 'postgres' }],
        env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }, { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'postgres', key: 'password' } } }],
        resources: { limits: { memory: '2Gi' }, requests: { memory: '1Gi', cpu: '500m' } },
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
      },
    ],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-postgres-0' } }],
    podAge: 1400,
    statuses: { postgres: crash(1, { ran: 0.2, finishedAgo: 200, restarts: 9 }) },
    logs: {
      postgres: {
        previous: lines(
          '',
          'PostgreSQL Database directory appears to contain a database; Skipping initialization',
          '',
          `${T.pg(200.1)} [1] FATAL:  database files are incompatible with server`,
          `${T.pg(200.1)} [1] DETAIL:  The data directory was initialized by PostgreSQL version 15, which is not compatible with this version 16.2 (Debian 16.2-1.pgdg120+2).`,
        ),
      },
    },
  });
}

export const APPLICATION_ERROR_SCENARIOS = [
  seedInitMigrate,
  goNilPointer,
  javaIllegalState,
  pythonTypeError,
  rustPanic,
  dotnetUnhandled134,
  rubyNoMethodError,
  postgresIncompatibleData,
];
