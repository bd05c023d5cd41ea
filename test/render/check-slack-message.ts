/**
 * Test helpers: walk a Block Kit message and report every Slack limit it breaks, and every
 * mention, broadcast or link it contains. Independent of the renderers' own truncation code.
 */
import type { KnownBlock } from '@slack/types';
import { SLACK_LIMITS as L } from '../../src/render/slack/limits.js';

interface Msg {
  text: string;
  blocks: KnownBlock[];
}

interface TextObj {
  type: string;
  text: string;
}

/** Every limit violation as a readable string; empty when the message is within Slack's limits. */
export function limitViolations(msg: Msg): string[] {
  const v: string[] = [];
  const len = (what: string, s: string | undefined, max: number, min = 1) => {
    if (typeof s !== 'string') v.push(`${what}: missing`);
    else if (s.length > max) v.push(`${what}: ${s.length} > ${max}`);
    else if (s.length < min) v.push(`${what}: empty`);
  };
  if (typeof msg.text !== 'string' || msg.text.length === 0) v.push('fallback text missing');
  if (msg.blocks.length > L.blocksPerMessage) v.push(`blocks: ${msg.blocks.length} > ${L.blocksPerMessage}`);
  msg.blocks.forEach((b, i) => {
    const at = `block ${i} (${b.type})`;
    switch (b.type) {
      case 'header':
        len(`${at} text`, b.text.text, L.headerText);
        if (b.text.type !== 'plain_text') v.push(`${at}: header must be plain_text`);
        break;
      case 'section':
        if (!b.text && !b.fields) v.push(`${at}: neither text nor fields`);
        if (b.text) len(`${at} text`, b.text.text, L.sectionText);
        if (b.fields) {
          if (b.fields.length > L.sectionFields) v.push(`${at}: ${b.fields.length} fields > ${L.sectionFields}`);
          b.fields.forEach((f, j) => len(`${at} field ${j}`, f.text, L.fieldText));
        }
        break;
      case 'context':
        if (b.elements.length > L.contextElements) v.push(`${at}: ${b.elements.length} elements > ${L.contextElements}`);
        b.elements.forEach((e, j) => len(`${at} element ${j}`, (e as TextObj).text, L.contextText));
        break;
      case 'actions':
        if (b.elements.length > L.actionsElements) v.push(`${at}: too many elements`);
        b.elements.forEach((e, j) => {
          if (e.type !== 'button') return;
          const bt = `${at} button ${j}`;
          len(`${bt} text`, e.text.text, L.buttonText);
          len(`${bt} action_id`, e.action_id, L.actionId);
          len(`${bt} value`, e.value, L.buttonValue);
          if (e.confirm) {
            len(`${bt} confirm title`, e.confirm.title?.text, L.confirmTitle);
            len(`${bt} confirm text`, e.confirm.text?.text, L.confirmText);
            len(`${bt} confirm button`, e.confirm.confirm?.text, L.confirmButton);
            len(`${bt} deny button`, e.confirm.deny?.text, L.confirmButton);
          }
        });
        break;
      case 'divider':
        break;
      default:
        v.push(`${at}: unexpected block type`);
    }
  });
  return v;
}

/** Every mrkdwn string of a message (fallback included): where Slack parses `<…>`. */
export function mrkdwnTexts(msg: Msg): string[] {
  const out = [msg.text];
  for (const b of msg.blocks) {
    if (b.type === 'section') {
      if (b.text?.type === 'mrkdwn') out.push(b.text.text);
      for (const f of b.fields ?? []) if (f.type === 'mrkdwn') out.push(f.text);
    }
    if (b.type === 'context') for (const e of b.elements) if (e.type === 'mrkdwn') out.push(e.text);
  }
  return out;
}

/** Every plain_text string (header, buttons, confirm dialogs, plain context elements). */
export function plainTexts(msg: Msg): string[] {
  const out: string[] = [];
  for (const b of msg.blocks) {
    if (b.type === 'header') out.push(b.text.text);
    if (b.type === 'section' && b.text?.type === 'plain_text') out.push(b.text.text);
    if (b.type === 'context') for (const e of b.elements) if (e.type === 'plain_text') out.push(e.text);
    if (b.type === 'actions') {
      for (const e of b.elements) {
        if (e.type !== 'button') continue;
        out.push(e.text.text);
        if (e.confirm) out.push(...[e.confirm.title, e.confirm.text, e.confirm.confirm, e.confirm.deny].flatMap((t) => (t ? [t.text] : [])));
      }
    }
  }
  return out;
}

/** The `<…>` control sequences Slack would act on (mentions, broadcasts, links, dates) in a message. */
export function controlSequences(msg: Msg): string[] {
  return mrkdwnTexts(msg).flatMap((t) => t.match(/<[^<>]*>/g) ?? []);
}

/** All text of a message, for "does it say X" assertions. */
export function allText(msg: Msg): string {
  return [...mrkdwnTexts(msg), ...plainTexts(msg)].join('\n');
}

export function buttons(msg: Msg) {
  return msg.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.filter((e) => e.type === 'button') : []));
}
