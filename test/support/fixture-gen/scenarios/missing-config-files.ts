/** missing-config read by the program itself: a malformed mounted file, a variable read with os.environ[...] . */
import { appScenario, COLLECTED_AT, crash, type ScenarioDef } from '../define.js';
import { lines, logTimes } from '../log-time.js';

const T = logTimes(COLLECTED_AT);

/** A malformed nginx.conf from a ConfigMap: nginx refuses to start. */
function nginxBadConfig(): ScenarioDef {
  return appScenario({
    dir: 'missing-config/nginx-unknown-directive-configmap',
    source: 'synthetic: nginx 1.25 with a ConfigMap-mounted default.conf containing a typo (proxy_passs); nginx [emerg] and exit 1',
    cause: 'missing-config',
    app: 'edge-proxy',
    ns: 'web',
    history: 'single',
    podAge: 700,
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.25.4',
        ports: [{ containerPort: 80, name: 'http' }],
        resources: { limits: { memory: '128Mi' }, requests: { memory: '64Mi', cpu: '50m' } },
        volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }],
      },
    ],
    spec: { volumes: [{ name: 'conf', configMap: { name: 'edge-proxy-conf', defaultMode: 420 } }] },
    statuses: { nginx: crash(1, { ran: 0.2, finishedAgo: 160, restarts: 8 }) },
    logs: {
      nginx: {
        previous: lines(
          '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
          '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
          '10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)',
          '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
          '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
          '/docker-entrypoint.sh: Configuration complete; ready for start up',
          `${T.go(160)} [emerg] 1#1: unknown directive "proxy_passs" in /etc/nginx/conf.d/default.conf:14`,
          'nginx: [emerg] unknown directive "proxy_passs" in /etc/nginx/conf.d/default.conf:14',
        ),
      },
    },
  });
}

/** Python settings read a required variable with os.environ[...] and it is absent: KeyError. */
function pythonKeyError(): ScenarioDef {
  return appScenario({
    dir: 'missing-config/python-django-keyerror-env',
    source: 'synthetic: Django app under gunicorn; settings.py reads os.environ["DJANGO_SECRET_KEY"], which the Deployment does not set',
    cause: 'missing-config',
    app: 'cms',
    ns: 'content',
    history: 'single',
    podAge: 1500,
    containers: [
      {
        name: 'cms',
        image: 'registry.example.com/content/cms:3.4.0',
        command: ['gunicorn', 'cms.wsgi:application', '--bind', '0.0.0.0:8000', '--workers', '3'],
        ports: [{ containerPort: 8000 }],
        env: [{ name: 'DJANGO_SETTINGS_MODULE', value: 'cms.settings.production' }, { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'cms-db', key: 'url' } } }],
        resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi', cpu: '100m' } },
      },
    ],
    statuses: { cms: crash(3, { ran: 2, finishedAgo: 88, restarts: 10 }) },
    logs: {
      cms: {
        previous: lines(
          `${T.gunicorn(90)} [1] [INFO] Starting gunicorn 21.2.0`,
          `${T.gunicorn(90)} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`,
          `${T.gunicorn(90)} [1] [INFO] Using worker: sync`,
          `${T.gunicorn(90)} [7] [INFO] Booting worker with pid: 7`,
          `${T.gunicorn(89)} [7] [ERROR] Exception in worker process`,
          'Traceback (most recent call last):',
          '  File "/usr/local/lib/python3.12/site-packages/gunicorn/arbiter.py", line 609, in spawn_worker',
          '    worker.init_process()',
          '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 134, in init_process',
          '    self.load_wsgi()',
          '  File "/usr/local/lib/python3.12/site-packages/gunicorn/workers/base.py", line 146, in load_wsgi',
          '    self.wsgi = self.app.wsgi()',
          '  File "/app/cms/wsgi.py", line 16, in <module>',
          '    application = get_wsgi_application()',
          '  File "/usr/local/lib/python3.12/site-packages/django/conf/__init__.py", line 89, in __getattr__',
          '    self._setup(name)',
          '  File "/app/cms/settings/production.py", line 9, in <module>',
          '    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]',
          '                 ~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^',
          '  File "<frozen os>", line 714, in __getitem__',
          "KeyError: 'DJANGO_SECRET_KEY'",
          `${T.gunicorn(89)} [7] [INFO] Worker exiting (pid: 7)`,
          `${T.gunicorn(88)} [1] [ERROR] Worker (pid:7) exited with code 3`,
          `${T.gunicorn(88)} [1] [ERROR] Shutting down: Master`,
          `${T.gunicorn(88)} [1] [ERROR] Reason: Worker failed to boot.`,
        ),
      },
    },
  });
}

export const MISSING_CONFIG_FILE_SCENARIOS = [nginxBadConfig, pythonKeyError];
