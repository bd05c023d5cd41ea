/**
 * Held-out real incidents, round 3 (3/3): a Service name that does not resolve, modules missing from the
 * image, a Go panic. Never tuned against (test/fixtures/heldout/README.md). Log lines and names are the
 * reports'; `source` says what was completed.
 */
import { appScenario, crash, type ScenarioDef } from '../fixture-gen/define.js';
import { lines } from '../fixture-gen/log-time.js';

function heldOut(def: ScenarioDef): ScenarioDef {
  const { rollout: _r, ...expected } = def.expected;
  return { ...def, expected };
}

/** ACME Fitness "pos" looks the frontend up in the default namespace; the demo runs elsewhere. */
function acmePosFrontendNoSuchHost(): ScenarioDef {
  return heldOut(
    appScenario({
      dir: 'acme-pos-frontend-no-such-host',
      source:
        'https://github.com/vmwarecloudadvocacy/acme_fitness_demo/issues/17 — the pos pod crash-loops on its first request to the frontend: "dial tcp: lookup frontend.default.svc.cluster.local on 10.96.0.10:53: no such host"; fixed by setting FRONTEND_HOST to frontend.<namespace the demo is deployed in>.svc.cluster.local. Log verbatim (env values as it prints them); namespace, image and exit code 1 (log.Fatal) completed.',
      cause: 'dependency-unavailable',
      detail: 'dns',
      ns: 'acme-fitness',
      app: 'pos',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2021-03-10T15:45:00Z',
      podAge: 540,
      containers: [
        {
          name: 'pos',
          image: 'gcr.io/vmwarecloudadvocacy/acmeshop-pos:latest',
          env: [
            { name: 'HTTP_PORT', value: '7777' },
            { name: 'DATASTORE', value: 'REMOTE' },
            { name: 'FRONTEND_HOST', value: 'frontend.default.svc.cluster.local' },
          ],
          ports: [{ containerPort: 7777, name: 'http-pos' }],
        },
      ],
      statuses: { pos: crash(1, { ran: 1, finishedAgo: 66, restarts: 6 }) },
      logs: {
        pos: {
          previous: lines(
            '2021/03/10 15:43:54 FRONTEND_HOST is set to frontend.default.svc.cluster.local',
            '2021/03/10 15:43:54 DATASTORE is set to REMOTE',
            '2021/03/10 15:43:54 HTTP_PORT is set to 7777',
            '[GIN-debug] [WARNING] Creating an Engine instance with the Logger and Recovery middleware already attached.',
            '',
            '[GIN-debug] [WARNING] Running in "debug" mode. Switch to "release" mode in production.',
            ' - using env:   export GIN_MODE=release',
            ' - using code:  gin.SetMode(gin.ReleaseMode)',
            '',
            '[GIN-debug] Loaded HTML Templates (2): ',
            '        - ',
            '        - index.tmpl',
            '',
            '[GIN-debug] GET    /assets/*filepath         --> github.com/gin-gonic/gin.(*RouterGroup).createStaticHandler.func1 (3 handlers)',
            '[GIN-debug] HEAD   /assets/*filepath         --> github.com/gin-gonic/gin.(*RouterGroup).createStaticHandler.func1 (3 handlers)',
            '2021/03/10 15:43:54 Get http://frontend.default.svc.cluster.local/products: dial tcp: lookup frontend.default.svc.cluster.local on 10.96.0.10:53: no such host',
          ),
        },
      },
    }),
  );
}

/** The kubediff image runs the script but the package it imports was never installed into it. */
function kubediffModuleNotInstalled(): ScenarioDef {
  return heldOut(
    appScenario({
      dir: 'kubediff-image-missing-kubedifflib',
      source:
        'https://github.com/weaveworks/kubediff/issues/9 — "The docker image this build doesn\'t run": the container dies with "ImportError: No module named kubedifflib", as kubedifflib is not installed in the image (introduced by #5, per the maintainer). Traceback verbatim; the in-cluster Deployment (the project ships one), namespace, image tag, args and exit code 1 completed.',
      cause: 'missing-runtime-dependency',
      ns: 'kube-system',
      app: 'kubediff',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2016-10-04T12:00:00Z',
      podAge: 480,
      containers: [
        {
          name: 'kubediff',
          image: 'quay.io/weaveworks/kubediff:master-5b3a8c1',
          args: ['-repo=/data/repo', '-listen-addr=:80'],
          ports: [{ containerPort: 80, name: 'http' }],
        },
      ],
      statuses: { kubediff: crash(1, { ran: 0, finishedAgo: 75, restarts: 6 }) },
      logs: {
        kubediff: {
          previous: lines('Traceback (most recent call last):', '  File "/kubediff", line 6, in <module>', '    from kubedifflib import (', 'ImportError: No module named kubedifflib'),
        },
      },
    }),
  );
}

/** A published backend image whose modules disagree: one imports a constant the other does not define. */
function kagentiBackendImportError(): ScenarioDef {
  return heldOut(
    appScenario({
      dir: 'kagenti-backend-cannot-import-name',
      source:
        'https://github.com/rossoctl/rossoctl/issues/1339 — the ghcr.io/kagenti/kagenti/backend:v0.6.0-alpha.5 image crash-loops at once with "ImportError: cannot import name \'AGENT_SANDBOX_CRD_GROUP\' from \'app.core.constants\'": the image was built from a code state where kubernetes.py imports a constant the constants.py in the image does not define, so what the program imports is missing from the image (fixed by a rebuilt image). Traceback as the report shows it (the reporter elided the import list); namespace, port and exit code 1 completed.',
      cause: 'missing-runtime-dependency',
      ns: 'kagenti-system',
      app: 'kagenti-backend',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2026-04-26T10:00:00Z',
      podAge: 600,
      containers: [{ name: 'backend', image: 'ghcr.io/kagenti/kagenti/backend:v0.6.0-alpha.5', ports: [{ containerPort: 8000, name: 'http' }] }],
      statuses: { backend: crash(1, { ran: 3, finishedAgo: 80, restarts: 6 }) },
      logs: {
        backend: {
          previous: lines(
            '  File "/app/app/services/kubernetes.py", line 19, in <module>',
            '    from app.core.constants import (',
            '        ...',
            '    )',
            "ImportError: cannot import name 'AGENT_SANDBOX_CRD_GROUP' from 'app.core.constants' (/app/app/core/constants.py)",
          ),
        },
      },
    }),
  );
}

/** The operator panics on a nil map while reconciling the README's sample. */
function loggingOperatorNilMapPanic(): ScenarioDef {
  return heldOut(
    appScenario({
      dir: 'logging-operator-nil-map-panic',
      source:
        'https://github.com/kube-logging/logging-operator/issues/60 — following the README, logging-operator crash-loops; its log ends in "panic: assignment to entry in nil map" while reconciling the sample Plugin, an unhandled error in the operator itself (the maintainers updated the README\'s steps). Log lines verbatim in the order the report shows them; image tag, namespace and exit code 2 (Go panic) completed.',
      cause: 'application-error',
      ns: 'default',
      app: 'logging-operator',
      hash: '795f4f66d4',
      podName: 'logging-operator-795f4f66d4-pr4tb',
      crashingPods: 1,
      history: 'single',
      collectedAt: '2019-03-05T18:34:30Z',
      podAge: 333,
      containers: [
        {
          name: 'logging-operator',
          image: 'banzaicloud/logging-operator:0.1.2',
          command: ['logging-operator'],
          env: [{ name: 'WATCH_NAMESPACE', value: '' }, { name: 'OPERATOR_NAME', value: 'logging-operator' }],
        },
      ],
      statuses: { 'logging-operator': crash(2, { ran: 1, finishedAgo: 37, restarts: 5 }) },
      logs: {
        'logging-operator': {
          previous: lines(
            '/usr/local/go/src/runtime/asm_amd64.s:1333',
            'panic: assignment to entry in nil map [recovered]',
            '\tpanic: assignment to entry in nil map',
            '{"level":"info","ts":1551810833.3330257,"logger":"controller_plugin","msg":"Reconciling Plugin","Request.Namespace":"default","Request.Name":"nginx-logging"}',
            'time="2019-03-05T18:33:53Z" level=info msg="Applying filter"',
            'E0305 18:33:53.434889       1 runtime.go:69] Observed a panic: "assignment to entry in nil map" (assignment to entry in nil map)',
          ),
        },
      },
    }),
  );
}

export const HELDOUT_R3_C: Array<() => ScenarioDef> = [acmePosFrontendNoSuchHost, kubediffModuleNotInstalled, kagentiBackendImportError, loggingOperatorNilMapPanic];
