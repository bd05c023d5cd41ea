/** Alertmanager webhook payloads (version 4) as kube-prometheus-stack sends them: grouped by namespace. */
export function alertPayload(over: {
  fingerprints?: string[]; status?: 'firing' | 'resolved'; pods: string[]; namespace?: string; startsAt?: string }) {
  const status = over.status ?? 'firing';
  const namespace = over.namespace ?? 'shop';
  return {
    version: '4',
    groupKey: '{}:{namespace="shop"}',
    truncatedAlerts: 0,
    status,
    receiver: 'crashloop-bot',
    groupLabels: { namespace },
    commonLabels: { alertname: 'KubePodCrashLooping', namespace, severity: 'warning' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager.example:9093',
    alerts: over.pods.map((pod, i) => ({
      status,
      labels: { alertname: 'KubePodCrashLooping', namespace, pod, container: 'api', reason: 'CrashLoopBackOff' },
      annotations: { summary: `Pod ${namespace}/${pod} (api) is in waiting state (reason: "CrashLoopBackOff").` },
      startsAt: over.startsAt ?? '2026-12-01T10:00:00Z',
      endsAt: status === 'resolved' ? '2026-12-01T11:00:00Z' : '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.example/graph',
      fingerprint: over.fingerprints?.[i] ?? `fp-${pod}`,
    })),
  };
}

