/**
 * Tuned real incidents (4/4): a native crash after noisy start-up output, a config directory mounted
 * read-only, a .NET SqlClient that cannot resolve its server. Log lines and names are the reports'; `source` says what was completed.
 */
import { appScenario, crash, type ScenarioDef } from '../fixture-gen/define.js';
import { lines } from '../fixture-gen/log-time.js';
import { daemonSetScenario } from '../fixture-gen/more.js';

/** Falco loads its eBPF probe and rules, then glibc detects heap corruption and the process dies. */
function falcoDoubleFree(): ScenarioDef {
  const t = 'Thu May 21 05:20:04 2020:';
  return daemonSetScenario({
    dir: 'segfault/real-falco-double-free-after-driver-loader',
    source:
      'https://github.com/falcosecurity/falco/issues/1232 — on GKE (COS) the Falco DaemonSet pods crash right after loading the rules with "double free or corruption (!prev)" (a heap corruption in Falco itself, fixed in later releases), after a long, healthy-looking driver-loader output. Log verbatim; image tag, node and exit code (139, the segmentation fault the report names) completed.',
    cause: 'segfault',
    ns: 'falco',
    name: 'falco',
    collectedAt: '2020-05-21T05:22:00Z',
    podAge: 3600,
    node: { name: 'gke-cluster-1-default-pool-3c9a5e1f-7x2k' },
    containers: [
      {
        name: 'falco',
        image: 'docker.io/falcosecurity/falco:0.23.0',
        args: ['/usr/bin/falco', '--cri', '/run/containerd/containerd.sock', '-K', '/var/run/secrets/kubernetes.io/serviceaccount/token', '-k', 'https://$(KUBERNETES_SERVICE_HOST)', '-pk'],
        env: [{ name: 'FALCO_BPF_PROBE', value: '' }],
        securityContext: { privileged: true },
        resources: { limits: { cpu: '200m', memory: '1024Mi' }, requests: { cpu: '100m', memory: '512Mi' } },
      },
    ],
    statuses: { falco: crash(139, { ran: 2, finishedAgo: 114, restarts: 11 }) },
    logs: {
      falco: {
        previous: lines(
          '* Setting up /usr/src links from host',
          '* Running falco-driver-loader with: driver=bpf, compile=yes, download=yes',
          '* Mounting debugfs',
          '* Found kernel config at /proc/config.gz',
          '* COS detected (build 12371.175.0), using cos kernel headers',
          '* Downloading https://storage.googleapis.com/cos-tools/12371.175.0/kernel-headers.tgz',
          '* Extracting kernel sources',
          '* Configuring kernel',
          '* Trying to compile the eBPF probe (falco_cos_4.19.102+_1.o)',
          '* Skipping download, eBPF probe is already present in /root/.falco/falco_cos_4.19.102+_1.o',
          '* eBPF probe located in /root/.falco/falco_cos_4.19.102+_1.o',
          '* Success: eBPF probe symlinked to /root/.falco/falco-bpf.o',
          `${t} Falco initialized with configuration file /etc/falco/falco.yaml`,
          `${t} Configured rules filenames:`,
          `${t}    /etc/falco/falco_rules.yaml`,
          `${t}    /etc/falco/falco_rules.local.yaml`,
          `${t} Loading rules from file /etc/falco/falco_rules.yaml:`,
          'Thu May 21 05:20:05 2020: Loading rules from file /etc/falco/falco_rules.local.yaml:',
          'double free or corruption (!prev)',
        ),
      },
    },
  });
}

/** The fluentd start script edits its config in place, but the config directory is a ConfigMap mount. */
function fluentdConfigMapReadOnly(): ScenarioDef {
  return daemonSetScenario({
    dir: 'permission-denied/real-fluentd-sed-configmap-read-only',
    source:
      "https://github.com/giantswarm/kubernetes-elastic-stack/issues/44 — the fluentd DaemonSet crash-loops on \"sed: can't create temp file '/fluentd/etc/fluent.confXXXXXX': Read-only file system\": the start script edits fluent.conf in place but /fluentd/etc is the (read-only) ConfigMap volume. Image, namespace and exit code (1, the start script failing) completed.",
    cause: 'permission-denied',
    ns: 'logging',
    name: 'fluentd',
    collectedAt: '2018-04-11T09:00:00Z',
    podAge: 1200,
    containers: [
      {
        name: 'fluentd',
        image: 'fluent/fluentd-kubernetes-daemonset:v1.1-debian-elasticsearch',
        env: [
          { name: 'FLUENT_ELASTICSEARCH_HOST', value: 'elasticsearch' },
          { name: 'FLUENT_ELASTICSEARCH_PORT', value: '9200' },
        ],
        volumeMounts: [
          { name: 'config', mountPath: '/fluentd/etc' },
          { name: 'varlog', mountPath: '/var/log' },
        ],
      },
    ],
    volumes: [
      { name: 'config', configMap: { name: 'fluentd-config', defaultMode: 420 } },
      { name: 'varlog', hostPath: { path: '/var/log', type: '' } },
    ],
    statuses: { fluentd: crash(1, { ran: 0.5, finishedAgo: 150, restarts: 8 }) },
    logs: { fluentd: { previous: lines("sed: can't create temp file '/fluentd/etc/fluent.confXXXXXX': Read-only file system") } },
  });
}

/** Bitwarden's .NET services cannot resolve the SQL Server host because the chart never created the database pod. */
function bitwardenSqlClientNameDoesNotResolve(): ScenarioDef {
  const at = (s: string) => `   at ${s}`;
  return appScenario({
    dir: 'dependency-unavailable/real-bitwarden-sqlclient-name-does-not-resolve',
    source:
      'https://github.com/bitwarden/helm-charts/issues/355 — the internal database pod is never created, so the .NET services die on "Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error ... ---> System.Net.Sockets.SocketException (00000005, 0xFFFDFFFF): Name does not resolve": the SQL Server host name has no address. Stack as far as the report shows it; pod, container, image, date and exit code (134, .NET unhandled exception) completed.',
    cause: 'dependency-unavailable',
    detail: 'dns',
    ns: 'bitwarden',
    app: 'bitwarden-self-host-admin',
    crashingPods: 1,
    history: 'single',
    collectedAt: '2025-03-03T10:00:00Z',
    podAge: 1200,
    containers: [
      {
        name: 'bitwarden-admin',
        image: 'ghcr.io/bitwarden/admin:2025.2.3',
        ports: [{ containerPort: 5000, name: 'http' }],
        envFrom: [{ configMapRef: { name: 'bitwarden-self-host-config-map' } }, { secretRef: { name: 'bitwarden-secret' } }],
      },
    ],
    statuses: { 'bitwarden-admin': crash(134, { ran: 14, finishedAgo: 140, restarts: 7 }) },
    logs: {
      'bitwarden-admin': {
        previous: lines(
          'Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: TCP Provider, error: 35 - An internal exception was caught)',
          ' ---> System.Net.Sockets.SocketException (00000005, 0xFFFDFFFF): Name does not resolve',
          at('System.Net.Dns.GetHostEntryOrAddressesCore(String hostName, Boolean justAddresses, AddressFamily addressFamily, Nullable`1 startingTimestamp)'),
          at('System.Net.Dns.GetHostAddresses(String hostNameOrAddress, AddressFamily family)'),
          at('Microsoft.Data.SqlClient.SNI.SNITCPHandle.GetHostAddressesSortedByPreference(String serverName, SqlConnectionIPAddressPreference ipPreference)+MoveNext()'),
          at('Microsoft.Data.SqlClient.SNI.SNITCPHandle.Connect(String serverName, Int32 port, TimeoutTimer timeout, SqlConnectionIPAddressPreference ipPreference, String cachedFQDN, SQLDNSInfo& pendingDNSInfo)'),
        ),
      },
    },
  });
}

export const TUNED_D: Array<() => ScenarioDef> = [falcoDoubleFree, fluentdConfigMapReadOnly, bitwardenSqlClientNameDoesNotResolve];
