import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.js';
import { httpProbe, NOW, podEvidence, withDeployment } from './test-support.js';

const livenessKill = (n = 4) => [
  { reason: 'Unhealthy', message: 'Liveness probe failed: Get "http://10.244.1.7:8081/healthz": dial tcp 10.244.1.7:8081: connect: connection refused', count: n * 3 },
  { reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', type: 'Normal' as const, count: n },
];

describe('diagnose: the hard cases', () => {
  it('137 without OOMKilled after liveness failures is the probe, not memory', () => {
    const d = diagnose(
      podEvidence({
        exitCode: 137,
        reason: 'Error',
        ranForSeconds: 35,
        memoryLimit: '512Mi',
        liveness: httpProbe(8081),
        ports: [{ containerPort: 8080, name: 'http' }],
        logs: ['2026-04-04T08:20:01Z INFO starting api v2', '2026-04-04T08:20:20Z INFO server listening on :8080'],
        events: livenessKill(),
      }),
    );
    expect(d.cause).toBe('liveness-probe-failure');
    expect(d.alternatives.map((a) => a.cause)).not.toContain('dependency-unavailable');
    expect(d.evidence.map((e) => e.text).join('\n')).toMatch(/probe checks port 8081, but the app announces it listens on 8080/);
    expect(d.remedy.commands.join('\n')).toMatch(/livenessProbe\/httpGet\/port","value":8080/);
    expect(d.summary).toMatch(/without OOMKilled/);
  });

  it('a liveness probe on a port other than the declared containerPort is named even without a port in the logs', () => {
    const d = diagnose(podEvidence({ exitCode: 143, liveness: httpProbe(9090), ports: [{ containerPort: 3000 }], logs: ['booting'], events: livenessKill() }));
    expect(d.cause).toBe('liveness-probe-failure');
    expect(d.evidence.some((e) => /port 9090, but the container declares containerPort 3000/.test(e.text))).toBe(true);
  });

  it.each([
    ['Go', 'panic: dial tcp: lookup postgres.db.svc.cluster.local on 10.96.0.10:53: no such host', 'dns'],
    ['Node', 'Error: getaddrinfo ENOTFOUND redis-master', 'dns'],
    ['Java', 'Caused by: java.net.UnknownHostException: kafka-0.kafka-headless', 'dns'],
    ['Python', 'psycopg2.OperationalError: could not translate host name "db" to address: Name or service not known', 'dns'],
    ['PHP', 'SQLSTATE[HY000] [2002] php_network_getaddresses: getaddrinfo for mysql failed: Name does not resolve', 'dns'],
    ['Go refused', 'failed to connect: dial tcp 10.0.3.7:5432: connect: connection refused', 'refused'],
    ['Python redis', 'redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused.', 'refused'],
    ['.NET', 'System.Net.Sockets.SocketException (111): Connection refused', 'refused'],
    ['Go timeout', 'dial tcp 10.20.0.5:9092: i/o timeout', 'timeout'],
    ['Mongo', 'MongoServerSelectionError: Server selection timed out after 30000 ms', 'timeout'],
    ['Postgres auth', 'FATAL:  password authentication failed for user "orders"', 'auth'],
    ['MySQL auth', "Access denied for user 'app'@'10.1.2.3' (using password: YES)", 'auth'],
    ['Redis auth', 'ReplyError: NOAUTH Authentication required.', 'auth'],
    ['Go TLS', 'Get "https://vault:8200/v1/sys/health": x509: certificate signed by unknown authority', 'tls'],
    ['Node TLS', 'Error: unable to verify the first certificate', 'tls'],
    ['Python TLS', 'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate', 'tls'],
  ])('exit 1 with a %s dependency failure is dependency-unavailable/%s', (_lang, line, detail) => {
    const d = diagnose(podEvidence({ exitCode: 1, logs: ['INFO starting', line, 'exiting'] }));
    expect({ cause: d.cause, detail: d.detail }).toEqual({ cause: 'dependency-unavailable', detail });
    expect(d.logExcerpt?.lines).toContain(line);
  });

  it('a stack trace that follows a dependency failure is the dependency, not an application error', () => {
    const logs = [
      'Exception in thread "main" org.springframework.beans.factory.BeanCreationException: Error creating bean with name \'dataSource\'',
      '\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.doCreateBean(AbstractAutowireCapableBeanFactory.java:628)',
      'Caused by: org.postgresql.util.PSQLException: Connection to orders-db:5432 refused. Check that the hostname and port are correct',
      '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:342)',
      'Caused by: java.net.ConnectException: Connection refused',
      '\t... 42 more',
    ];
    const d = diagnose(podEvidence({ exitCode: 1, logs }));
    expect(d.cause).toBe('dependency-unavailable');
    expect(d.detail).toBe('refused');
    expect(d.alternatives[0]?.cause).toBe('application-error');
  });

  it("a runtime's own OutOfMemoryError (exit 1) is oom-killed with a heap remedy, not a limit remedy", () => {
    const d = diagnose(
      podEvidence({
        exitCode: 1,
        memoryLimit: '2Gi',
        logs: ['Exception in thread "main" java.lang.OutOfMemoryError: Java heap space', '\tat java.base/java.util.Arrays.copyOf(Arrays.java:3512)'],
      }),
    );
    expect(d.cause).toBe('oom-killed');
    expect(d.title).toMatch(/runtime heap/);
    expect(d.summary).toMatch(/was not OOM-killed/);
    expect(d.remedy.text).toMatch(/MaxRAMPercentage|-Xmx/);
    expect(d.remedy.commands.join('\n')).toMatch(/set env deployment|JAVA_TOOL_OPTIONS/);
    expect(d.remedy.commands.join('\n')).not.toMatch(/--limits=memory/);
  });

  it('a Node heap exhaustion (exit 134) is oom with --max-old-space-size, not a segfault', () => {
    const d = diagnose(
      podEvidence({
        exitCode: 134,
        memoryLimit: '1Gi',
        logs: ['<--- Last few GCs --->', 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory', ' 1: 0xb090e0 node::Abort() [node]', 'Aborted (core dumped)'],
      }),
    );
    expect(d.cause).toBe('oom-killed');
    expect(d.remedy.commands.join('\n')).toMatch(/NODE_OPTIONS=--max-old-space-size=768/);
    expect(d.alternatives.map((a) => a.cause)).toContain('segfault');
  });

  it('a container OOMKilled with an empty previous log gets a raised limit', () => {
    const d = diagnose(podEvidence({ exitCode: 137, reason: 'OOMKilled', memoryLimit: '256Mi', ranForSeconds: 42, logs: [] }));
    expect(d.cause).toBe('oom-killed');
    expect(d.summary).toMatch(/exceeding its memory limit of 256Mi after 42s/);
    expect(d.summary).toMatch(/previous log is empty/);
    expect(d.remedy.commands).toContain('kubectl -n prod set resources deployment/app -c app --limits=memory=512Mi');
  });

  it('a sidecar crashing beside a healthy app is diagnosed on the sidecar', () => {
    const d = diagnose(
      podEvidence({
        container: 'log-shipper',
        sidecar: true,
        exitCode: 1,
        otherContainers: ['web'],
        logs: ['[error] [output:es:es.0] HTTP status=401 URI=/_bulk', '[engine] caught signal (SIGTERM)'],
      }),
    );
    expect(d.container).toBe('log-shipper');
    expect(d.evidence.some((e) => /web are running and ready; log-shipper is the one failing/.test(e.text))).toBe(true);
    expect(d.summary).toMatch(/^Sidecar container log-shipper/);
    expect(d.summary).toMatch(/Container web keeps running; only log-shipper fails\./);
  });

  it('an init container failing is diagnosed by its own cause and named', () => {
    const d = diagnose(
      podEvidence({
        container: 'wait-for-db',
        init: true,
        exitCode: 1,
        logs: ['waiting for postgres:5432...', 'nc: bad address \'postgres\'', 'nc: bad address \'postgres\''],
      }),
    );
    expect(d).toMatchObject({ cause: 'dependency-unavailable', detail: 'dns', container: 'wait-for-db', initContainer: true });
    expect(d.summary).toMatch(/^Init container wait-for-db/);
    expect(d.facts.state).toBe('Init:CrashLoopBackOff');
  });

  it('exit 0 is completed-exit', () => {
    const d = diagnose(podEvidence({ exitCode: 0, reason: 'Completed', ranForSeconds: 2, logs: ['migrating...', 'done: 12 migrations applied'] }));
    expect(d.cause).toBe('completed-exit');
    expect(d.remedy.text).toMatch(/Job/);
  });

  it('a command that never started (127, empty log) is bad-entrypoint', () => {
    const d = diagnose(
      podEvidence({
        exitCode: 127,
        reason: 'StartError',
        message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "gunicorn": executable file not found in $PATH: unknown',
        command: ['gunicorn', 'app:app'],
        logs: [],
      }),
    );
    expect(d.cause).toBe('bad-entrypoint');
    expect(d.evidence.some((e) => e.kind === 'log' && /executable file not found/.test(e.text))).toBe(true);
    expect(d.summary).toMatch(/command: \["gunicorn","app:app"\]/);
  });

  it('says how long the container ran and the restarts over pod age', () => {
    const d = diagnose(podEvidence({ exitCode: 1, ranForSeconds: 3, restarts: 14, podAgeSeconds: 3120, logs: ['Traceback (most recent call last):', '  File "/app/main.py", line 3, in <module>', 'ZeroDivisionError: division by zero'] }));
    expect(d.cause).toBe('application-error');
    expect(d.evidence.find((e) => e.kind === 'timing')?.text).toBe('the last instance ran 3s; 14 restarts in 52m of pod age (about 16/h)');
    expect(d.facts).toMatchObject({ ranForSeconds: 3, restarts: 14, podAgeSeconds: 3120, exitCode: 1 });
    expect(d.summary).toMatch(/ZeroDivisionError: division by zero/);
    expect(d.summary).toMatch(/Restarted 14 times in 52m\./);
  });
});

describe('diagnose: other causes', () => {
  it.each([
    ['CreateContainerConfigError', { waiting: { reason: 'CreateContainerConfigError', message: 'secret "api-db-credentials" not found' }, events: [{ reason: 'Failed', message: 'Error: secret "api-db-credentials" not found' }] }, /create secret generic api-db-credentials/],
    ['a missing key', { waiting: { reason: 'CreateContainerConfigError', message: "couldn't find key DB_PASSWORD in Secret prod/api-db" } }, /edit secret\/api-db/],
    ['a missing configmap volume', { waiting: { reason: 'ContainerCreating' }, events: [{ reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "cfg" : configmap "app-config" not found' }] }, /create configmap app-config/],
    ['a log naming the variable', { exitCode: 2, logs: ['panic: DATABASE_URL environment variable is not set', 'goroutine 1 [running]:'] }, /set env deployment\/app -c app DATABASE_URL=<value>/],
  ])('missing-config from %s', (_what, spec, command) => {
    const d = diagnose(podEvidence(spec));
    expect(d.cause).toBe('missing-config');
    expect(d.remedy.commands.join('\n')).toMatch(command);
  });

  it('a malformed mounted config file points at the ConfigMap that holds it', () => {
    const e = podEvidence({ exitCode: 1, logs: ['nginx: [emerg] unknown directive "proxy_passs" in /etc/nginx/conf.d/default.conf:14'] });
    e.pod.spec!.volumes = [{ name: 'conf', configMap: { name: 'edge-conf' } }];
    e.pod.spec!.containers[0]!.volumeMounts = [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }];
    const d = diagnose(e);
    expect(d.cause).toBe('missing-config');
    expect(d.remedy.text).toMatch(/configmap edge-conf at \/etc\/nginx\/conf\.d/);
    expect(d.remedy.commands).toEqual(expect.arrayContaining(['kubectl -n prod edit configmap edge-conf', 'kubectl -n prod rollout restart deployment/app']));
  });

  it('exec format error names the node and image architectures', () => {
    const d = diagnose(podEvidence({ exitCode: 255, image: 'registry.example.com/team/app:1.4-amd64', nodeArch: 'arm64', logs: ['exec /usr/local/bin/app: exec format error'] }));
    expect(d.cause).toBe('exec-format-error');
    expect(d.summary).toMatch(/is arm64 and the image name says amd64/);
  });

  it('an evicted pod is evicted', () => {
    const d = diagnose(podEvidence({ podReason: 'Evicted', podMessage: 'Pod ephemeral local storage usage exceeds the total limit of containers 1Gi.', waiting: null }));
    expect(d.cause).toBe('evicted');
    expect(d.remedy.commands.join('\n')).toMatch(/ephemeral-storage/);
  });

  it('image pull failures are image-pull with the reason', () => {
    const d = diagnose(podEvidence({ waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "registry.example.com/team/app:9.9.9"' }, events: [{ reason: 'Failed', message: 'Failed to pull image "registry.example.com/team/app:9.9.9": rpc error: code = NotFound desc = manifest unknown' }] }));
    expect(d.cause).toBe('image-pull');
    expect(d.summary).toMatch(/does not exist/);
  });

  it.each([
    [143, 'killed-by-signal'],
    [137, 'killed-by-signal'],
  ])('exit %i without OOM or probe failures is killed-by-signal', (exitCode, cause) => {
    const d = diagnose(podEvidence({ exitCode, logs: ['INFO serving', 'INFO received SIGTERM, shutting down gracefully'], events: [{ reason: 'Killing', message: 'Stopping container app', type: 'Normal' }] }));
    expect(d.cause).toBe(cause);
  });

  it('segfault from exit 139', () => {
    expect(diagnose(podEvidence({ exitCode: 139, logs: ['loading model', 'Segmentation fault (core dumped)'] })).cause).toBe('segfault');
  });

  it('permission-denied on a volume, not on exec', () => {
    const d = diagnose(podEvidence({ exitCode: 1, logs: ["Error: EACCES: permission denied, open '/data/uploads/.lock'"] }));
    expect(d.cause).toBe('permission-denied');
    const exec = diagnose(podEvidence({ exitCode: 126, logs: ['exec /app/start.sh: permission denied'] }));
    expect(exec.cause).toBe('bad-entrypoint');
  });

  it('port-in-use', () => {
    expect(diagnose(podEvidence({ exitCode: 1, hostNetwork: true, logs: ['listen tcp :9100: bind: address already in use'] })).cause).toBe('port-in-use');
  });

  it('unknown says what was read and what is missing', () => {
    const d = diagnose(podEvidence({ exitCode: 1, logs: [] }));
    expect(d.cause).toBe('unknown');
    expect(d.summary).toMatch(/Read: last termination \(reason Error, exit 1\)/);
    expect(d.summary).toMatch(/the previous log is empty/);
    expect(d.summary).toMatch(/no events/);
  });
});

describe('diagnose: false positives', () => {
  it('"connection refused" in a probe event is not a dependency failure', () => {
    const d = diagnose(podEvidence({ exitCode: 137, liveness: httpProbe(8081), logs: ['INFO starting'], events: livenessKill() }));
    expect(d.cause).toBe('liveness-probe-failure');
    expect(d.alternatives.map((a) => a.cause)).not.toContain('dependency-unavailable');
  });

  it('the word "error" in INFO lines does not make an application error', () => {
    const logs = ['2026-04-04 INFO error budget at 99.9%', 'level=info msg="errors=0 warnings=0"', '[INFO] Loaded ErrorHandler middleware'];
    const d = diagnose(podEvidence({ exitCode: 1, logs }));
    expect(d.logExcerpt?.lines).toEqual(logs);
    expect(d.cause === 'application-error' ? d.confidence : 0).toBeLessThan(0.4);
  });
});

describe('diagnose: stale events', () => {
  it('old pull failures and missing-secret events do not outrank what the running container logs now', () => {
    const d = diagnose(
      podEvidence({
        exitCode: 1,
        logs: ['Error: connect ECONNREFUSED 10.0.0.9:6379'],
        events: [
          { reason: 'Failed', message: 'Failed to pull image "registry.example.com/team/app:1.2.3": i/o timeout' },
          { reason: 'Failed', message: 'Error: secret "app-env" not found' },
        ],
      }),
    );
    expect(d.cause).toBe('dependency-unavailable');
  });
});

describe('diagnose: rollback in the remedy', () => {
  it('does not lead with a rollback when the revision ran for days before the crashes', () => {
    const e = withDeployment(podEvidence({ exitCode: 1, restarts: 5, logs: ['Error: connect ETIMEDOUT 10.0.0.5:5432'] }), [
      { revision: 1, image: 'app:1', replicas: 0, createdSecondsAgo: 86400 * 30 },
      { revision: 2, image: 'app:2', replicas: 1, createdSecondsAgo: 86400 * 3 },
    ], 2);
    const d = diagnose(e);
    expect(d.rollout?.ranBeforeCrashing).toMatch(/before the crashes began/);
    expect(d.remedy.commands[0]).not.toMatch(/rollout undo/);
    expect(d.remedy.text).not.toMatch(/Fastest mitigation/);
  });
});

describe('diagnose: sparse evidence', () => {
  it('degrades to unknown on a bare pod with nothing read, naming what is missing', () => {
    const d = diagnose({
      collectedAt: NOW,
      namespace: 'prod',
      pod: { metadata: { name: 'bare' } },
      focus: { name: 'app', init: false, reason: 'first' },
      events: [],
      logs: [],
      owners: { replicaSets: [] },
      siblings: [],
      notes: [{ source: 'events', kind: 'forbidden', message: 'events could not be read (403 forbidden)' }],
    });
    expect(d).toMatchObject({ pod: 'bare', container: 'app', cause: 'unknown', rollout: null, logExcerpt: null });
    expect(d.summary).toMatch(/no log of the container could be read/);
    expect(d.notes).toContain('events could not be read (403 forbidden)');
  });
});

describe('diagnose: output', () => {
  it('is deterministic and dated by the evidence', () => {
    const e = podEvidence({ exitCode: 1, logs: ['panic: boom'] });
    const a = diagnose(e);
    expect(diagnose(e)).toEqual(a);
    expect(a.diagnosedAt).toBe(NOW);
  });

  it('centres the excerpt on the decisive line and notes current logs', () => {
    const logs = [...Array.from({ length: 40 }, (_, i) => `INFO step ${i}`), 'ModuleNotFoundError: No module named \'flask\'', ...Array.from({ length: 10 }, (_, i) => `INFO after ${i}`)];
    const d = diagnose(podEvidence({ exitCode: 1, logs, previous: false }));
    expect(d.cause).toBe('missing-runtime-dependency');
    expect(d.logExcerpt?.lines).toContain("ModuleNotFoundError: No module named 'flask'");
    expect(d.logExcerpt?.lines.length).toBeLessThanOrEqual(20);
    expect(d.logExcerpt?.previous).toBe(false);
    expect(d.notes).toContain('previous logs were not available; showing the current instance');
  });

  it('redacts secrets in summaries, evidence and excerpts', () => {
    const d = diagnose(podEvidence({ exitCode: 1, logs: ['connecting with DB_PASSWORD=hunter2-secret', 'FATAL:  password authentication failed for user "app"'] }));
    expect(JSON.stringify(d)).not.toContain('hunter2-secret');
    expect(d.cause).toBe('dependency-unavailable');
  });
});
