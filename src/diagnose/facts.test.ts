import { describe, expect, it } from 'vitest';
import { deriveFacts } from './facts.js';
import { probePortMismatch } from './facts/probes.js';
import { httpProbe, podEvidence } from './test-support.js';

describe('deriveFacts', () => {
  it('reads the last termination, how long it ran and restarts over pod age', () => {
    const f = deriveFacts(podEvidence({ exitCode: 137, reason: 'OOMKilled', ranForSeconds: 42, restarts: 6, podAgeSeconds: 7200, memoryLimit: '256Mi' }));
    expect(f.last).toMatchObject({ reason: 'OOMKilled', exitCode: 137, ranForSeconds: 42, current: false });
    expect(f.restartsPerHour).toBe(3);
    expect(f.memoryLimit).toBe('256Mi');
    expect(f.workload).toEqual({ kind: 'Deployment', name: 'app' });
    expect(f.waitingReason).toBe('CrashLoopBackOff');
  });

  it('resolves named probe ports and compares them with declared and announced ports', () => {
    const f = deriveFacts(
      podEvidence({
        exitCode: 137,
        ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 9090, name: 'metrics' }],
        liveness: httpProbe('metrics', '/healthz'),
        readiness: httpProbe('http', '/ready'),
        logs: ['INFO metrics listening on :9091', 'INFO http server listening on :8080'],
      }),
    );
    const liveness = f.probes.find((p) => p.kind === 'liveness');
    expect(liveness).toMatchObject({ type: 'httpGet', port: 9090, portName: 'metrics', path: '/healthz' });
    expect(liveness?.text).toBe('liveness http-get http://:9090/healthz delay=5s timeout=1s period=10s #failure=3');
    expect(f.ports.announced.map((a) => a.port)).toEqual([9091, 8080]);
    expect(probePortMismatch(liveness!, f.ports)).toMatch(/checks port 9090, but the app announces it listens on 9091, 8080/);
    expect(probePortMismatch(f.probes.find((p) => p.kind === 'readiness')!, f.ports)).toBeNull();
  });

  it('keeps events about the focus container or the whole pod, classified', () => {
    const f = deriveFacts(
      podEvidence({
        exitCode: 1,
        otherContainers: ['proxy'],
        events: [
          { reason: 'Unhealthy', message: 'Liveness probe failed: HTTP probe failed with statuscode: 500', count: 4 },
          { reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', type: 'Normal' },
          { reason: 'BackOff', message: 'Back-off restarting failed container proxy in pod x', container: 'proxy' },
          { reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "cfg" : configmap "app-cfg" not found', container: null },
        ],
      }),
    );
    expect(f.events.map((e) => e.category)).toEqual(['liveness-failed', 'probe-kill', 'config-not-found']);
    expect(f.events[0]?.text).toBe('Warning Unhealthy (x4): Liveness probe failed: HTTP probe failed with statuscode: 500');
  });

  it('normalises node and image architectures and node pressure', () => {
    const f = deriveFacts(podEvidence({ exitCode: 1, nodeArch: 'aarch64', image: 'docker.io/team/api:2.0-x86_64', nodeConditions: [{ type: 'DiskPressure', status: 'True' }] }));
    expect(f.node).toMatchObject({ arch: 'arm64', imageArch: 'amd64', pressure: ['DiskPressure'], ready: true });
  });

  it('prefers the previous log, and falls back to the current one when the previous is empty', () => {
    const e = podEvidence({ exitCode: 1, logs: [] });
    e.logs.push({ container: 'app', previous: false, lines: ['booting again'], truncated: false });
    const f = deriveFacts(e);
    expect(f.logs).toMatchObject({ source: 'current', previousEmpty: true, lines: ['booting again'] });
  });

  it('scans the termination message as the last word of the log', () => {
    const f = deriveFacts(podEvidence({ exitCode: 1, message: 'panic: DATABASE_URL environment variable is not set', logs: [] }));
    expect(f.hits.some((h) => h.source === 'termination-message' && h.family === 'missing-config' && h.capture === 'DATABASE_URL')).toBe(true);
  });
});
