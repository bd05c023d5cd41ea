import { appScenario, type ScenarioDef } from '../define.js';

const nodeApiLog = (lines: string[]) => lines.join('\n');

/** seeds/001 Root Cause 3: api at 503Mi of a 512Mi limit, OOMKilled after 43 s, 9 restarts; log cut mid-line. */
function seedRunbook(): ScenarioDef {
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
        env: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'PORT', value: '8080' },
        ],
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '250m' } },
        readinessProbe: { httpGet: { path: '/ready', port: 8080 }, initialDelaySeconds: 5 },
      },
    ],
    statuses: {
      api: { kind: 'crashloop', restarts: 9, last: { exitCode: 137, reason: 'OOMKilled', ran: 43, finishedAgo: 106 } },
    },
    logs: {
      api: {
        previous: nodeApiLog([
          '{"level":30,"time":1775290321412,"pid":1,"hostname":"api-deployment-7d4b9c-xkp2z","msg":"server listening on :8080"}',
          '{"level":30,"time":1775290329871,"pid":1,"hostname":"api-deployment-7d4b9c-xkp2z","msg":"report export started","job":"exp-88213","rows":1840000}',
          '{"level":30,"time":1775290338105,"pid":1,"hostname":"api-deployment-7d4b9c-xkp2z","msg":"report export progress","job":"exp-88213","rows_buffered":1120000}',
          '{"level":30,"time":1775290351333,"pid":1,"hostname":"api-deployment-7d4b9c-xkp2z","msg":"report export progress","job":"exp-88213","rows_buffer',
        ]),
      },
    },
  });
}

export const OOM_SCENARIOS = [seedRunbook];
