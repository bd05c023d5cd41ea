import { appScenario, COLLECTED_AT, crash, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';

const T = logTimes(COLLECTED_AT);

/** seeds/001 Root Cause 3: api at 503Mi of a 512Mi limit, OOMKilled after 43 s, 9 restarts; log cut mid-line. */
function seedRunbook(): ScenarioDef {
  const t = logTimes('2026-04-04T08:14:30Z');
  const host = '"hostname":"api-deployment-7d4b9c-xkp2z"';
  return appScenario({
    dir: 'oom-killed/seed-runbook-api',
    source: "seeds/001 section 'Root Cause 3: OOMKilled (Out of Memory)'",
    cause: 'oom-killed',
    app: 'api-deployment',
    podName: 'api-deployment-7d4b9c-xkp2z',
    hash: '7d4b9c',
    collectedAt: '2026-04-04T08:14:30Z',
    history: 'single',
    podAge: 1720,
    containers: [
      {
        name: 'api',
        image: 'registry.solvethenetwork.com/api:v1.2.1',
        ports: [{ containerPort: 8080, name: 'http' }],
        env: [{ name: 'NODE_ENV', value: 'production' }, { name: 'PORT', value: '8080' }],
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '250m' } },
        readinessProbe: { httpGet: { path: '/ready', port: 8080 }, initialDelaySeconds: 5 },
      },
    ],
    statuses: { api: crash(137, { reason: 'OOMKilled', ran: 43, finishedAgo: 106, restarts: 9 }) },
    logs: {
      api: {
        previous:
          `{"level":30,"time":${t.epochMs(149)},"pid":1,${host},"msg":"server listening on :8080"}\n` +
          `{"level":30,"time":${t.epochMs(140.6)},"pid":1,${host},"msg":"report export started","job":"exp-88213","rows":1840000}\n` +
          `{"level":30,"time":${t.epochMs(132.4)},"pid":1,${host},"msg":"report export progress","job":"exp-88213","rows_buffered":1120000}\n` +
          `{"level":30,"time":${t.epochMs(119.2)},"pid":1,${host},"msg":"report export progress","job":"exp-88213","rows_buffer`,
      },
    },
  });
}

/** A memory limit lowered in the new revision below what the JVM's -Xmx lets the heap grow to. */
function javaLimitLowered(): ScenarioDef {
  const jvm = (mem: string) => ({
    name: 'orders',
    image: 'ghcr.io/acme/orders-service:2.14.0',
    ports: [{ containerPort: 8080, name: 'http' }],
    env: [
      { name: 'JAVA_TOOL_OPTIONS', value: '-Xmx768m -XX:+UseG1GC' },
      { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
    ],
    resources: { limits: { memory: mem, cpu: '1' }, requests: { memory: mem, cpu: '500m' } },
    readinessProbe: { httpGet: { path: '/actuator/health/readiness', port: 8080 }, initialDelaySeconds: 20 },
  });
  const s = (ago: number) => T.isoMs(ago);
  return appScenario({
    dir: 'oom-killed/java-limit-lowered-regression',
    source: 'synthetic: Spring Boot service, new revision cut the memory limit from 1Gi to 512Mi while -Xmx768m stays; OOMKilled under load',
    cause: 'oom-killed',
    app: 'orders',
    history: 'regression',
    podAge: 540,
    containers: [jvm('512Mi')],
    previousContainers: [{ ...jvm('1Gi'), image: 'ghcr.io/acme/orders-service:2.14.0' }],
    changeCause: 'kubectl set resources deployment/orders --limits=memory=512Mi',
    statuses: { orders: crash(137, { reason: 'OOMKilled', ran: 74, finishedAgo: 40, restarts: 4 }) },
    logs: {
      orders: {
        previous: lines(
          'Picked up JAVA_TOOL_OPTIONS: -Xmx768m -XX:+UseG1GC',
          '',
          '  .   ____          _            __ _ _',
          " /\\\\ / ___'_ __ _ _(_)_ __  __ _ \\ \\ \\ \\",
          "( ( )\\___ | '_ | '_| | '_ \\/ _` | \\ \\ \\ \\",
          " \\\\/  ___)| |_)| | | | | || (_| |  ) ) ) )",
          "  '  |____| .__|_| |_|_| |_\\__, | / / / /",
          ' =========|_|==============|___/=/_/_/_/',
          '',
          ' :: Spring Boot ::                (v3.2.5)',
          '',
          `${s(113.2)}  INFO 1 --- [orders] [           main] c.acme.orders.OrdersApplication          : Starting OrdersApplication v2.14.0 using Java 21.0.3 with PID 1 (/app/app.jar started by app in /app)`,
          `${s(113.1)}  INFO 1 --- [orders] [           main] c.acme.orders.OrdersApplication          : The following 1 profile is active: "prod"`,
          `${s(104.8)}  INFO 1 --- [orders] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat initialized with port 8080 (http)`,
          `${s(99.5)}  INFO 1 --- [orders] [           main] com.zaxxer.hikari.HikariDataSource       : HikariPool-1 - Start completed.`,
          `${s(93.0)}  INFO 1 --- [orders] [           main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path ''`,
          `${s(92.9)}  INFO 1 --- [orders] [           main] c.acme.orders.OrdersApplication          : Started OrdersApplication in 20.61 seconds (process running for 21.4)`,
          `${s(80.3)}  INFO 1 --- [orders] [ntainer#0-0-C-1] c.acme.orders.sync.CatalogSyncListener   : catalog snapshot received: 412338 items, building price index`,
          `${s(52.7)}  WARN 1 --- [orders] [ntainer#0-0-C-1] c.acme.orders.sync.CatalogSyncListener   : price index build slow: 27.6s elapsed, 301122/412338 items`,
        ),
      },
    },
  });
}

/** Node's own heap ceiling (--max-old-space-size) is hit well below the 3Gi container limit: V8 aborts, exit 134. */
function nodeHeapLimit(): ScenarioDef {
  return appScenario({
    dir: 'oom-killed/node-javascript-heap-out-of-memory',
    source: 'synthetic: Node.js worker with --max-old-space-size=2048 under a 3Gi limit; V8 "JavaScript heap out of memory" abort (exit 134), not a container OOM kill',
    cause: 'oom-killed',
    app: 'pdf-renderer',
    ns: 'docs',
    history: 'single',
    podAge: 4100,
    containers: [
      {
        name: 'renderer',
        image: 'registry.example.com/docs/pdf-renderer:5.3.1',
        command: ['node', '--max-old-space-size=2048', 'dist/worker.js'],
        env: [{ name: 'QUEUE_URL', value: 'amqp://rabbitmq.docs.svc:5672' }],
        resources: { limits: { memory: '3Gi' }, requests: { memory: '2Gi', cpu: '500m' } },
      },
    ],
    statuses: { renderer: crash(134, { ran: 66, finishedAgo: 212, restarts: 11 }) },
    logs: {
      renderer: {
        previous: lines(
          `[${T.iso(277)}] info: worker started, prefetch=4`,
          `[${T.iso(271)}] info: job 99812 render contract-bundle-2026-03 (1184 pages)`,
          '',
          '<--- Last few GCs --->',
          '',
          '[1:0x5d4e6a0]    61234 ms: Mark-Compact 2031.4 (2083.7) -> 2018.9 (2084.2) MB, 1423.51 / 0.00 ms  (average mu = 0.152, current mu = 0.029) allocation failure; scavenge might not succeed',
          '[1:0x5d4e6a0]    62811 ms: Mark-Compact 2034.8 (2084.2) -> 2020.2 (2085.9) MB, 1544.92 / 0.00 ms  (average mu = 0.091, current mu = 0.021) allocation failure; scavenge might not succeed',
          '',
          '',
          '<--- JS stacktrace --->',
          '',
          'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
          '----- Native stack trace -----',
          '',
          ' 1: 0xb8ced1 node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node]',
          ' 2: 0xf06460 v8::Utils::ReportOOMFailure(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node]',
          ' 3: 0xf06747 v8::internal::V8::FatalProcessOutOfMemory(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node]',
          ' 4: 0x1118185  [node]',
          ' 5: 0x1130008 v8::internal::Heap::CollectGarbage(v8::internal::AllocationSpace, v8::internal::GarbageCollectionReason, v8::GCCallbackFlags) [node]',
          ' 6: 0x1105e21 v8::internal::HeapAllocator::AllocateRawWithLightRetrySlowPath(int, v8::internal::AllocationType, v8::internal::AllocationOrigin, v8::internal::AllocationAlignment) [node]',
          ' 7: 0x1106fb5 v8::internal::HeapAllocator::AllocateRawWithRetryOrFailSlowPath(int, v8::internal::AllocationType, v8::internal::AllocationOrigin, v8::internal::AllocationAlignment) [node]',
          ' 8: 0x10e4626 v8::internal::Factory::NewFillerObject(int, v8::internal::AllocationAlignment, v8::internal::AllocationType, v8::internal::AllocationOrigin) [node]',
          ' 9: 0x1540446 v8::internal::Runtime_AllocateInYoungGeneration(int, unsigned long*, v8::internal::Isolate*) [node]',
          '10: 0x1979ef6  [node]',
        ),
      },
    },
  });
}

/** The JVM's own heap (-Xmx512m) is exhausted under a 2Gi limit; ExitOnOutOfMemoryError ends it with exit 3. */
function javaOutOfMemoryError(): ScenarioDef {
  return appScenario({
    dir: 'oom-killed/java-outofmemoryerror-heap-space',
    source: 'synthetic: Kafka consumer whose -Xmx512m heap overflows (java.lang.OutOfMemoryError: Java heap space, -XX:+ExitOnOutOfMemoryError, exit 3) far below its 2Gi container limit',
    cause: 'oom-killed',
    app: 'events-consumer',
    ns: 'streaming',
    history: 'single',
    podAge: 7300,
    containers: [
      {
        name: 'consumer',
        image: 'acme/events-consumer:1.8.2',
        env: [
          { name: 'JAVA_OPTS', value: '-Xms256m -Xmx512m -XX:+ExitOnOutOfMemoryError' },
          { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'kafka-0.kafka-headless.streaming.svc:9092' },
        ],
        resources: { limits: { memory: '2Gi' }, requests: { memory: '1Gi', cpu: '250m' } },
      },
    ],
    statuses: { consumer: crash(3, { ran: 412, finishedAgo: 95, restarts: 7 }) },
    logs: {
      consumer: {
        previous: lines(
          `${T.py(506)} INFO  [main] o.a.k.clients.consumer.ConsumerConfig - ConsumerConfig values: `,
          '\tauto.offset.reset = earliest',
          '\tbootstrap.servers = [kafka-0.kafka-headless.streaming.svc:9092]',
          '\tgroup.id = events-consumer',
          '\tmax.poll.records = 5000',
          `${T.py(505)} INFO  [main] o.a.kafka.common.utils.AppInfoParser - Kafka version: 3.6.1`,
          `${T.py(503)} INFO  [kafka-consumer-1] o.a.k.c.c.internals.ConsumerCoordinator - [Consumer clientId=consumer-events-consumer-1, groupId=events-consumer] Setting offset for partition events-3 to the committed offset FetchPosition{offset=88412733, offsetEpoch=Optional[12]}`,
          `${T.py(241)} WARN  [kafka-consumer-1] com.acme.events.Aggregator - aggregation window 2026-04-04T08:00 holds 1893310 events, flushing late`,
          'Exception in thread "kafka-consumer-1" java.lang.OutOfMemoryError: Java heap space',
          '\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)',
          '\tat java.base/java.util.ArrayList.grow(ArrayList.java:237)',
          '\tat java.base/java.util.ArrayList.add(ArrayList.java:455)',
          '\tat com.acme.events.Aggregator.accept(Aggregator.java:88)',
          '\tat com.acme.events.ConsumerLoop.run(ConsumerLoop.java:61)',
          '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
          'Terminating due to java.lang.OutOfMemoryError: Java heap space',
        ),
      },
    },
  });
}

/** OOMKilled with nothing in the previous logs (stdout block-buffered, lost with the SIGKILL); the rollout was days ago. */
function emptyLogsSettled(): ScenarioDef {
  return appScenario({
    dir: 'oom-killed/python-empty-previous-logs',
    source: 'synthetic: Python batch worker OOMKilled after ~5 min with empty previous logs (buffered stdout lost to SIGKILL); revision rolled out 3 days before the crashes began',
    cause: 'oom-killed',
    app: 'ledger-reconciler',
    ns: 'finance',
    history: 'settled',
    podAge: 0,
    containers: [
      {
        name: 'reconciler',
        image: 'registry.example.com/finance/ledger-reconciler:2024.11.3',
        command: ['python', '-m', 'reconciler.worker'],
        resources: { limits: { memory: '1Gi', cpu: '1' }, requests: { memory: '1Gi', cpu: '1' } },
      },
    ],
    statuses: { reconciler: crash(137, { reason: 'OOMKilled', ran: 311, finishedAgo: 64, restarts: 6 }) },
    logs: { reconciler: { previous: '' } },
  });
}

export const OOM_SCENARIOS = [seedRunbook, javaLimitLowered, nodeHeapLimit, javaOutOfMemoryError, emptyLogsSettled];
