import { appScenario, crash, type ScenarioDef } from '../define.js';
import { lines } from '../log-time.js';

/** seeds/002 Fix 8: command ["node server.js"] (shell form in an exec array) — runc cannot find that executable. */
function seedShellFormCommand(): ScenarioDef {
  const app = (command: string[]) => ({
    name: 'myapp',
    image: 'registry.example.com/myapp:2.2.0',
    command,
    ports: [{ containerPort: 8080 }],
    resources: { requests: { memory: '256Mi', cpu: '250m' }, limits: { memory: '512Mi', cpu: '1000m' } },
  });
  const msg =
    'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "node server.js": executable file not found in $PATH: unknown';
  return appScenario({
    dir: 'bad-entrypoint/seed-exec-array-shell-form',
    source: "seeds/002 section 'Fix 8: Wrong Command or Entrypoint' (command: [\"node server.js\"])",
    cause: 'bad-entrypoint',
    app: 'myapp',
    ns: 'default',
    history: 'regression',
    podAge: 410,
    containers: [app(['node server.js'])],
    previousContainers: [{ ...app(['node', 'server.js']), image: 'registry.example.com/myapp:2.1.0' }],
    statuses: { myapp: crash(128, { reason: 'StartError', message: msg, ran: 0, finishedAgo: 70, restarts: 6 }) },
    events: [{ reason: 'Failed', type: 'Warning', container: 'myapp', count: 7, firstAgo: 405, lastAgo: 70, message: `Error: ${msg}` }],
    logs: { myapp: { previous: '' } },
  });
}

/** An entrypoint script that is not in the image: /bin/sh answers 127. */
function shNotFound127(): ScenarioDef {
  return appScenario({
    dir: 'bad-entrypoint/sh-script-not-found-127',
    source: 'synthetic: command sh -c ./start.sh while the image WORKDIR has no start.sh (moved to /app/bin by a Dockerfile refactor); exit 127',
    cause: 'bad-entrypoint',
    app: 'quotes',
    ns: 'pricing',
    history: 'single',
    podAge: 900,
    containers: [
      {
        name: 'quotes',
        image: 'registry.example.com/pricing/quotes:7.0.0',
        command: ['/bin/sh', '-c', './start.sh'],
        ports: [{ containerPort: 9000 }],
        resources: { limits: { memory: '256Mi' }, requests: { memory: '128Mi', cpu: '50m' } },
      },
    ],
    statuses: { quotes: crash(127, { ran: 0.05, finishedAgo: 45, restarts: 9 }) },
    logs: { quotes: { previous: lines('/bin/sh: 1: ./start.sh: not found') } },
  });
}

/** Node cannot find the main script: the build output moved from /app/server.js to /app/dist/server.js. */
function nodeMainModuleMissing(): ScenarioDef {
  return appScenario({
    dir: 'bad-entrypoint/node-cannot-find-main-script',
    source: "seeds/002 section 'Fix 3: Application Crash on Startup' (Error: Cannot find module '/app/server.js')",
    cause: 'bad-entrypoint',
    app: 'gateway',
    ns: 'edge',
    history: 'regression',
    podAge: 320,
    containers: [
      {
        name: 'gateway',
        image: 'registry.example.com/edge/gateway:3.0.0',
        args: ['server.js'],
        ports: [{ containerPort: 8080 }],
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '100m' } },
      },
    ],
    previousContainers: [
      {
        name: 'gateway',
        image: 'registry.example.com/edge/gateway:2.9.3',
        args: ['server.js'],
        ports: [{ containerPort: 8080 }],
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '100m' } },
      },
    ],
    statuses: { gateway: crash(1, { ran: 0.1, finishedAgo: 52, restarts: 5 }) },
    logs: {
      gateway: {
        previous: lines(
          'node:internal/modules/cjs/loader:1228',
          '  throw err;',
          '  ^',
          '',
          "Error: Cannot find module '/app/server.js'",
          '    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)',
          '    at Module._load (node:internal/modules/cjs/loader:1051:27)',
          '    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)',
          '    at node:internal/main/run_main_module:28:49 {',
          "  code: 'MODULE_NOT_FOUND',",
          '  requireStack: []',
          '}',
          '',
          'Node.js v20.12.2',
        ),
      },
    },
  });
}

/** The entrypoint script lost its executable bit: exit 126 from the shell. */
function scriptNotExecutable126(): ScenarioDef {
  return appScenario({
    dir: 'bad-entrypoint/script-permission-denied-126',
    source: 'synthetic: entrypoint script copied without the executable bit (COPY --chmod dropped); sh exits 126 "Permission denied" at exec',
    cause: 'bad-entrypoint',
    app: 'ingest',
    ns: 'data',
    history: 'single',
    podAge: 1900,
    containers: [
      {
        name: 'ingest',
        image: 'registry.example.com/data/ingest:1.12.0',
        command: ['/bin/sh', '-c', '/app/entrypoint.sh --config /etc/ingest/config.toml'],
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '100m' } },
      },
    ],
    statuses: { ingest: crash(126, { ran: 0.03, finishedAgo: 190, restarts: 11 }) },
    logs: { ingest: { previous: lines('/bin/sh: 1: /app/entrypoint.sh: Permission denied') } },
  });
}

/** Python cannot open the script named in args (wrong WORKDIR): exit 2. */
function pythonCantOpenFile(): ScenarioDef {
  return appScenario({
    dir: 'bad-entrypoint/python-cant-open-file',
    source: "synthetic: args name manage.py relative to a WORKDIR that changed; python: can't open file (exit 2)",
    cause: 'bad-entrypoint',
    app: 'admin',
    ns: 'backoffice',
    history: 'single',
    podAge: 600,
    containers: [
      {
        name: 'admin',
        image: 'registry.example.com/backoffice/admin:5.1.0',
        command: ['python'],
        args: ['manage.py', 'runserver', '0.0.0.0:8000'],
        workingDir: '/srv',
        ports: [{ containerPort: 8000 }],
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '100m' } },
      },
    ],
    statuses: { admin: crash(2, { ran: 0.04, finishedAgo: 140, restarts: 7 }) },
    logs: { admin: { previous: lines("python: can't open file '/srv/manage.py': [Errno 2] No such file or directory") } },
  });
}

export const BAD_ENTRYPOINT_SCENARIOS = [seedShellFormCommand, shNotFound127, nodeMainModuleMissing, scriptNotExecutable126, pythonCantOpenFile];

