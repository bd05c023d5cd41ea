/**
 * Block Kit builders that enforce Slack's limits at the point of construction, so no caller can
 * produce an over-long header, section, field, button or confirm dialog. Texts passed in here are
 * already mrkdwn-safe (built with ./mrkdwn.ts) or are our own fixed wording; plain_text inputs go
 * through `plain` (redacted, no `<` `>`).
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  SectionBlock,
} from '@slack/types';
import { SLACK_LIMITS as L } from './limits.js';
import { plain, truncate } from './mrkdwn.js';

/** What every message renderer returns: `text` is the plain fallback used in notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const mrkdwnObj = (text: string, max: number): MrkdwnElement => ({ type: 'mrkdwn', text: truncate(text || ' ', max) });

export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: plain(text, L.headerText) || ' ', emoji: true } };
}

/** A mrkdwn section. Text longer than 3000 characters is cut; use `sections` to split instead. */
export function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwnObj(text, L.sectionText) };
}

/** Split long mrkdwn into several sections at line breaks, each within 3000 characters. */
export function sections(text: string, maxBlocks = 3): SectionBlock[] {
  const out: SectionBlock[] = [];
  let rest = text;
  while (rest.length > 0 && out.length < maxBlocks) {
    if (rest.length <= L.sectionText || out.length === maxBlocks - 1) {
      out.push(section(rest));
      break;
    }
    let cut = rest.lastIndexOf('\n', L.sectionText);
    if (cut < L.sectionText / 2) {
      cut = L.sectionText;
      const amp = rest.lastIndexOf('&', cut - 1); // do not split an entity such as &amp;
      if (amp !== -1 && cut - amp < 5 && !rest.slice(amp, cut).includes(';')) cut = amp;
    }
    out.push(section(rest.slice(0, cut)));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  return out;
}

/** A section of label/value fields (two columns in Slack), at most 10 fields of 2000 characters. */
export function fields(pairs: ReadonlyArray<readonly [label: string, value: string]>): SectionBlock {
  return {
    type: 'section',
    fields: pairs.slice(0, L.sectionFields).map(([label, value]) => mrkdwnObj(`*${label}*\n${value}`, L.fieldText)),
  };
}

/** A context line of up to 10 mrkdwn elements. */
export function context(...elements: string[]): ContextBlock {
  const kept = elements.filter((e) => e.length > 0).slice(0, L.contextElements);
  return { type: 'context', elements: (kept.length ? kept : [' ']).map((e) => mrkdwnObj(e, L.contextText)) };
}

export function divider(): DividerBlock {
  return { type: 'divider' };
}

export interface ButtonSpec {
  text: string;
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
  confirm?: { title: string; text: string; confirm: string; deny?: string };
}

export function button(spec: ButtonSpec): Button {
  if (spec.actionId.length > L.actionId) throw new Error(`action_id longer than ${L.actionId}: ${spec.actionId.slice(0, 40)}…`);
  if (spec.value.length > L.buttonValue) throw new Error(`button value longer than ${L.buttonValue} characters`);
  const b: Button = {
    type: 'button',
    text: { type: 'plain_text', text: plain(spec.text, L.buttonText), emoji: true },
    action_id: spec.actionId,
    value: spec.value,
  };
  if (spec.style) b.style = spec.style;
  if (spec.confirm) {
    b.confirm = {
      title: { type: 'plain_text', text: plain(spec.confirm.title, L.confirmTitle) },
      text: { type: 'plain_text', text: plain(spec.confirm.text, L.confirmText) },
      confirm: { type: 'plain_text', text: plain(spec.confirm.confirm, L.confirmButton) },
      deny: { type: 'plain_text', text: plain(spec.confirm.deny ?? 'Cancel', L.confirmButton) },
    };
    if (spec.style === 'danger') b.confirm.style = 'danger';
  }
  return b;
}

export function actions(blockId: string, buttons: Button[]): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements: buttons.slice(0, L.actionsElements) };
}

/**
 * Safety net for the 50-block limit: keeps the head of the message and its trailing blocks (context
 * and buttons), replacing the middle with one context line saying the message was shortened.
 */
export function capBlocks(blocks: KnownBlock[], keepTail = 2): KnownBlock[] {
  if (blocks.length <= L.blocksPerMessage) return blocks;
  const tail = blocks.slice(blocks.length - keepTail);
  const head = blocks.slice(0, L.blocksPerMessage - keepTail - 1);
  const dropped = blocks.length - head.length - tail.length;
  return [...head, context(`_… ${dropped} more blocks left out (Slack allows ${L.blocksPerMessage}); the CLI shows everything._`), ...tail];
}

/** The notification fallback: mrkdwn-parsed by Slack, so callers pass escaped text; kept short. */
export function fallback(text: string): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), L.fallbackText);
}
