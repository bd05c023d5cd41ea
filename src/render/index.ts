/**
 * Renderers, picked by format: pure functions from a Diagnosis to output (style guide section 8).
 * `text` for a terminal, `json` for scripts (the CLI's documented schema), `slack` for the Block Kit
 * message as JSON (what the bot posts; handy to paste into Block Kit Builder).
 * The bot itself calls src/render/slack/*.ts directly for its messages.
 */
import type { Diagnosis } from '../domain/diagnosis.js';
import { CrashloopError } from '../errors.js';
import { renderJson } from './json.js';
import { diagnosisMessage } from './slack/diagnosis-message.js';
import { renderText } from './text.js';

export const RENDER_FORMATS = ['text', 'json', 'slack'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export interface RenderOptions {
  /** ANSI colour for the text format (the CLI sets it on a TTY). Ignored by other formats. */
  color?: boolean;
}

export function isRenderFormat(value: string): value is RenderFormat {
  return (RENDER_FORMATS as readonly string[]).includes(value);
}

const RENDERERS: Record<RenderFormat, (d: Diagnosis, options: RenderOptions) => string> = {
  text: (d, o) => renderText(d, { color: o.color ?? false }),
  json: (d) => renderJson(d),
  slack: (d) => `${JSON.stringify(diagnosisMessage(d, { actions: { enabled: true } }), null, 2)}\n`,
};

/** Renders a diagnosis as a string. An unknown format is a usage error that lists the valid ones. */
export function render(diagnosis: Diagnosis, format: RenderFormat | string, options: RenderOptions = {}): string {
  if (!isRenderFormat(format)) {
    throw new CrashloopError('usage', `unknown output format "${format}"; valid formats: ${RENDER_FORMATS.join(', ')}`, [
      `use one of: ${RENDER_FORMATS.map((f) => `-o ${f}`).join(', ')}`,
    ]);
  }
  return RENDERERS[format](diagnosis, options);
}
