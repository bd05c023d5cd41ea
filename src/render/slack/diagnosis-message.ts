/**
 * The diagnosis as a Block Kit message (a reply in the thread): cause first, key facts as fields,
 * the evidence quoted, the remedy copyable, the rollout change, notes, and the buttons.
 * Pure: every string from the cluster goes through ./mrkdwn.ts (redact + escape) on its way in.
 */
import type { Button, KnownBlock } from '@slack/types';
import { encodeButtonValue } from '../../domain/button-value.js';
import type { Diagnosis, RolloutInfo } from '../../domain/diagnosis.js';
import { confidenceLabel, lastExit, percent, plural, ranFor, restarts, revisionLabel, rollbackSentence } from '../format.js';
import { actions, button, capBlocks, context, divider, fallback, fields, header, section, sections, type SlackMessage } from './blocks.js';
import { clusterText, code, codeBlock, mentionUser, ownText, slackDate, truncate } from './mrkdwn.js';

export const ACTIONS_BLOCK_ID = 'crashloop_actions';
export const ACTIONS_HINT_BLOCK_ID = 'crashloop_actions_hint';
const CLUSTER_CHANGING = new Set(['rollback', 'pause_rollout', 'resume_rollout']);

export interface DiagnosisMessageOptions {
  /** Cluster-changing buttons are off when no approvers are configured; `hint` says how to turn them on. */
  actions: { enabled: boolean; hint?: string };
  /** Wall time of the diagnosis, shown in the context line. */
  durationMs?: number;
}

const MAX_EVIDENCE = 8;
const MAX_LOG_LINES = 20;

export function diagnosisMessage(d: Diagnosis, opts: DiagnosisMessageOptions): SlackMessage {
  const blocks: KnownBlock[] = [];
  const target = `${d.namespace}/${d.pod}`;
  blocks.push(header(`${stateEmoji(d.facts.state)} ${target} · ${d.facts.state}`));

  const detail = d.detail ? ` (${d.detail})` : '';
  const summary = d.summary ? `\n${truncate(clusterText(d.summary), 2000)}` : '';
  blocks.push(section(`*${truncate(clusterText(d.title), 250)}*${summary}`));
  blocks.push(context(...causeLine(d, detail, opts.durationMs)));

  blocks.push(fields(factFields(d)));

  if (d.evidence.length) {
    const shown = d.evidence.slice(0, MAX_EVIDENCE).map((e) => `• ${truncate(clusterText(e.text), 600)}`);
    if (d.evidence.length > MAX_EVIDENCE) shown.push(`_… and ${d.evidence.length - MAX_EVIDENCE} more (the CLI shows all)_`);
    blocks.push(...sections(`*Evidence*\n${shown.join('\n')}`, 2));
  }

  if (d.logExcerpt && d.logExcerpt.lines.length) {
    const lx = d.logExcerpt;
    const lines = lx.lines.slice(-MAX_LOG_LINES);
    const label = `*Log excerpt* (${lx.previous ? 'previous instance' : 'current instance'} of ${code(lx.container, 80)}, last ${plural(lines.length, 'line')})`;
    blocks.push(section(`${label}\n${codeBlock(lines, { max: 3000 - label.length - 1, keep: 'tail', maxLineLength: 300 })}`));
  }

  blocks.push(divider());
  const remedy = `*Remedy*\n${clusterText(d.remedy.text)}`;
  const cmds = d.remedy.commands.length ? `\n${codeBlock(d.remedy.commands, { max: 1800, keep: 'head', maxLineLength: 400 })}` : '';
  blocks.push(section(`${truncate(remedy, 3000 - cmds.length)}${cmds}`));

  // A Deployment with a single revision and nothing changed: no rollout story to tell.
  const r = d.rollout;
  if (r && (r.previousRevision !== null || r.changes.length > 0 || r.paused)) blocks.push(section(rolloutText(r)));

  if (d.notes.length) {
    blocks.push(context(d.notes.slice(0, 10).map((n) => `:warning: ${truncate(clusterText(n), 280)}`).join('\n')));
  }

  blocks.push(...actionBlocks(d, opts.actions));

  const conf = `${confidenceLabel(d.confidence)} confidence`;
  return {
    text: fallback(`${clusterText(target)}: ${clusterText(d.title)} (cause: ${d.cause}${detail}, ${conf})`),
    blocks: capBlocks(blocks, opts.actions.enabled ? 1 : 2),
  };
}

function stateEmoji(state: string): string {
  if (/pull/i.test(state)) return '📦';
  if (/evicted/i.test(state)) return '🧹';
  return '🔴';
}

function causeLine(d: Diagnosis, detail: string, durationMs?: number): string[] {
  const parts = [`cause: \`${d.cause}\`${detail}`, `confidence: *${confidenceLabel(d.confidence)}* (${percent(d.confidence)})`];
  if (d.alternatives.length) {
    parts.push(`also possible: ${d.alternatives.slice(0, 3).map((a) => `\`${a.cause}\` ${percent(a.confidence)}`).join(', ')}`);
  }
  const r = d.rollout;
  if (r?.rollbackOffered && r.previousRevision !== null) parts.push(`rollback: revision ${r.deploymentRevision} → ${r.previousRevision}`);
  if (durationMs !== undefined) parts.push(`diagnosed in ${(durationMs / 1000).toFixed(1)} s`);
  return parts;
}

function factFields(d: Diagnosis): Array<[string, string]> {
  const f = d.facts;
  const out: Array<[string, string]> = [[d.initContainer ? 'Init container' : 'Container', code(d.container, 200)]];
  const exit = lastExit(f);
  if (exit !== null) {
    const reason = f.reason ? ` · ${clusterText(f.reason)}` : '';
    out.push(['Last exit', f.exitCode !== null ? `${code(String(f.exitCode))}${reason}` : clusterText(exit)]);
  }
  out.push(['Restarts', clusterText(restarts(f))]);
  const ran = ranFor(f);
  if (ran) out.push(['Ran for', clusterText(ran)]);
  if (f.node) out.push(['Node', code(f.node, 300)]);
  if (f.owner) out.push(['Owner', `${code(f.owner, 300)}${d.rollout ? ` · revision ${d.rollout.currentRevision}` : ''}`]);
  if (f.memoryLimit) out.push(['Memory limit', code(f.memoryLimit, 100)]);
  if (f.image) out.push(['Image', code(f.image, 500)]);
  return out;
}

function rolloutText(r: RolloutInfo): string {
  const lines: string[] = [];
  const name = code(`deployment/${r.name}`, 300);
  const when = r.changedAt ? ` (${slackDate(r.changedAt)})` : '';
  if (r.previousRevision === null) {
    lines.push(`*Rollout* ${name} is at revision ${r.deploymentRevision}; there is no older revision to go back to.`);
  } else {
    const where = r.failingOnNewest
      ? `The failing pods run revision ${r.currentRevision}, the newest.`
      : `The failing pods run revision ${r.currentRevision}; the Deployment is now at ${r.deploymentRevision}.`;
    lines.push(`*Rollout change* ${name} went from revision ${r.previousRevision} to ${r.currentRevision}${when}. ${where}`);
  }
  const changes = r.changes.slice(0, 10).map((c) => `• ${truncate(clusterText(c), 300)}`);
  if (r.changes.length > 10) changes.push(`_… and ${r.changes.length - 10} more_`);
  lines.push(...changes);
  if (r.previousRevision !== null) {
    const icon = { healthy: ':white_check_mark:', failing: ':x:', 'scaled-down': ':information_source:', unknown: ':information_source:' }[r.previousHealth.status];
    const prev = clusterText(revisionLabel(r.previousRevision, r.previousImages));
    lines.push(`${icon} Before it, ${truncate(prev, 300)}: ${truncate(clusterText(r.previousHealth.text), 500)}`);
    if (!r.rollbackOffered) lines.push(`_${noRollbackReason(r)}_`);
  }
  if (r.paused) lines.push(':double_vertical_bar: The rollout is *paused*.');
  return lines.join('\n');
}

function noRollbackReason(r: RolloutInfo): string {
  if (r.previousHealth.status === 'failing') return `No rollback offered: revision ${r.previousRevision} was failing too.`;
  if (!r.failingOnNewest) return 'No rollback offered: the failing pods are not on the newest revision.';
  return `No rollback offered: how revision ${r.previousRevision} ran is not known.`;
}

function actionBlocks(d: Diagnosis, cfg: DiagnosisMessageOptions['actions']): KnownBlock[] {
  const buttons: Button[] = [];
  const r = d.rollout;
  if (cfg.enabled && r) buttons.push(...rolloutButtons(d, r));
  buttons.push(
    button({
      text: 'Re-run diagnosis',
      actionId: 'rediagnose',
      value: encodeButtonValue({ ns: d.namespace, pod: d.pod, c: d.container }),
    }),
  );
  const out: KnownBlock[] = [];
  if (!cfg.enabled && r) {
    const hint = cfg.hint ? ownText(cfg.hint) : 'Set `ACTION_APPROVERS` to allow rollback and pause from Slack.';
    out.push({ ...context(`:lock: Rollback and pause buttons are off. ${hint}`), block_id: ACTIONS_HINT_BLOCK_ID });
  }
  out.push(actions(ACTIONS_BLOCK_ID, buttons));
  return out;
}

function rolloutButtons(d: Diagnosis, r: RolloutInfo): Button[] {
  const out: Button[] = [];
  const dep = `${r.namespace}/${r.name}`;
  const base = { ns: d.namespace, pod: d.pod, c: d.container, d: r.name, from: r.deploymentRevision };
  const sentence = rollbackSentence(r);
  if (r.rollbackOffered && r.previousRevision !== null && sentence) {
    out.push(
      button({
        text: `Roll back to revision ${r.previousRevision}`,
        actionId: 'rollback',
        value: encodeButtonValue({ ...base, to: r.previousRevision }),
        style: 'danger',
        confirm: { title: `Roll back ${dep}?`, text: sentence, confirm: 'Roll back', deny: 'Cancel' },
      }),
    );
  }
  if (r.paused) {
    out.push(
      button({
        text: 'Resume rollout',
        actionId: 'resume_rollout',
        value: encodeButtonValue(base),
        confirm: {
          title: `Resume ${dep}?`,
          text: `Resume the rollout of Deployment ${dep} (at revision ${r.deploymentRevision}): pending changes to its pod template start rolling out.`,
          confirm: 'Resume',
        },
      }),
    );
  } else {
    out.push(
      button({
        text: 'Pause rollout',
        actionId: 'pause_rollout',
        value: encodeButtonValue(base),
        confirm: {
          title: `Pause ${dep}?`,
          text: `Pause the rollout of Deployment ${dep} at revision ${r.deploymentRevision}: no further pod template changes roll out until it is resumed. Running pods are not touched.`,
          confirm: 'Pause',
        },
      }),
    );
  }
  return out;
}

/**
 * A posted diagnosis without its stale buttons: cluster-changing buttons (and the "buttons are off"
 * hint) removed, the re-run button kept unless `keep: 'none'`. An optional note says who did what,
 * e.g. `{ userId: 'U1', text: 'rolled back to revision 6' }` -> "<@U1> rolled back to revision 6" (text escaped).
 */
export function withoutActions(
  blocks: readonly KnownBlock[],
  note?: { userId?: string; text: string },
  keep: 'rediagnose' | 'none' = 'rediagnose',
): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (const b of blocks) {
    if (b.block_id === ACTIONS_HINT_BLOCK_ID) continue;
    if (b.type === 'actions') {
      const rest = b.elements.filter((e) => keep === 'rediagnose' && 'action_id' in e && !CLUSTER_CHANGING.has(String(e.action_id)));
      if (note) out.push(context(`${note.userId ? `${mentionUser(note.userId)} ` : ''}${clusterText(note.text)}`));
      if (rest.length) out.push({ ...b, elements: rest });
      continue;
    }
    out.push(b);
  }
  return out;
}
