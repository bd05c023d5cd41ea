/**
 * Queue contracts: every job name, its payload and how its id is built, in one place.
 * One BullMQ queue (`crashloop`) carries all jobs; the worker dispatches on `job.name`.
 * Job ids are deterministic so that a repeat (same alert again, a double click, Slack re-sending an
 * action) adds nothing: BullMQ ignores `add` with an existing job id.
 */
import type { TargetRequest } from '../domain/target.js';

export const QUEUE_NAME = 'crashloop';

/** What started a thread. Alerts are one kind; a crash watcher will be another. */
export type TriggerKind = 'slash-command' | 'alert' | 'button' | 'watcher';

/** Where a reply goes. `threadTs` empty: post a root message first (and record it). */
export interface ThreadRef {
  channel: string;
  /** ts of the thread's root message, once it exists. */
  threadTs?: string;
  /** Key of the thread in the thread map (workload + episode), when it belongs to one. */
  threadKey?: string;
}

export interface DiagnoseJob {
  target: TargetRequest;
  thread: ThreadRef;
  trigger: TriggerKind;
  /** Slack user id of who asked (slash command, re-run button), for the root message. */
  requestedBy?: string;
  /** Alert label set / alert name, for the root message of an alert thread. */
  alertName?: string;
  /** Slash command's response_url: target not found / ambiguous is answered there, ephemerally. */
  responseUrl?: string;
}

/** One Alertmanager alert (of a grouped webhook request). Id: jobId('alert', fingerprint, startsAt, status). */
export interface AlertJob {
  status: 'firing' | 'resolved';
  fingerprint: string;
  startsAt: string;
  endsAt?: string;
  alertName: string;
  /** From the labels namespace, pod, container (kube-state-metrics style). */
  target: TargetRequest;
  /** Channel picked by ALERT_CHANNEL / ALERT_CHANNEL_ROUTES. */
  channel: string;
  /** annotations.summary or description, for the thread. */
  summary?: string;
  generatorURL?: string;
}

export type ActionKind = 'rollback' | 'pause_rollout' | 'resume_rollout';

export interface ActionJob {
  action: ActionKind;
  namespace: string;
  deployment: string;
  /** The Deployment revision the button was rendered for (precondition). */
  fromRevision: number;
  /** For rollback: the revision to go back to. */
  toRevision?: number;
  /** Slack user who clicked (already authorised at click time). */
  userId: string;
  thread: ThreadRef;
  /** The message the button was on, to remove stale buttons after acting. */
  messageTs?: string;
  /** Pod and container of the diagnosis (from the button value), for buttons offered in replies. */
  pod?: string;
  container?: string;
  /** The message's content at click time (from the interaction payload), rewritten without its buttons. */
  message?: { text: string; blocks: unknown[] };
  /** ISO time of the click that queued this job: keys the thread replies of this run. */
  requestedAt?: string;
  /** Written by the processor: the plan before the patch (so a retry after a crash reports it), then the result. */
  progress?: {
    plan?: { fromRevision: number; toRevision: number; fromImages: string[]; toImages: string[]; crashedAfterSeconds?: number };
    /** Outcome kind, e.g. `rolled-back`, `already-at`, `stale`, `paused`, `forbidden`. */
    result?: string;
    finishedAt?: string;
  };
}

/** Follow a rollout after a rollback, like `kubectl rollout status`. */
export interface RolloutStatusJob {
  namespace: string;
  deployment: string;
  revision: number;
  thread: ThreadRef;
  startedAt: string;
  /** Seconds the old pods ran before crashing: the new ones must stay up past it. */
  crashedAfterSeconds?: number;
  /** Id of the action run this follows (keys its one final reply). */
  followId?: string;
  /** 0 for the first check; each delayed re-check is a new job with the next number. */
  check?: number;
  /** ISO time after which the rollout counts as timed out. */
  deadline?: string;
  /** Seconds between checks. */
  pollSeconds?: number;
}

export interface JobPayloads {
  diagnose: DiagnoseJob;
  alert: AlertJob;
  action: ActionJob;
  'rollout-status': RolloutStatusJob;
}
export type JobName = keyof JobPayloads;

/** Job ids may not contain ':' in BullMQ; keep them readable and deterministic. */
export function jobId(...parts: Array<string | number>): string {
  return parts.map((p) => String(p).replace(/[^A-Za-z0-9._-]/g, '_')).join('--');
}
