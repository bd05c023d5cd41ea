/**
 * The value carried by the thread's buttons (`rollback`, `pause_rollout`, `resume_rollout`, `rediagnose`).
 * Rendered by src/render, decoded by the button handlers. Compact JSON, well under Slack's 2000 chars.
 */
import { z } from 'zod';

export const BUTTON_ACTION_IDS = ['rollback', 'pause_rollout', 'resume_rollout', 'rediagnose'] as const;
export type ButtonActionId = (typeof BUTTON_ACTION_IDS)[number];

const buttonValueSchema = z.object({
  v: z.literal(1),
  /** namespace */
  ns: z.string().min(1).max(253),
  /** pod the diagnosis was about */
  pod: z.string().min(1).max(253),
  /** container (optional) */
  c: z.string().max(253).optional(),
  /** Deployment name, for rollout actions */
  d: z.string().max(253).optional(),
  /** Deployment revision the button was rendered for (precondition) */
  from: z.number().int().nonnegative().optional(),
  /** target revision for rollback */
  to: z.number().int().nonnegative().optional(),
});

export type ButtonValue = z.infer<typeof buttonValueSchema>;

export function encodeButtonValue(value: Omit<ButtonValue, 'v'>): string {
  return JSON.stringify({ v: 1, ...value });
}

/** Returns null for a value that is not ours (bad JSON or shape): the handler answers with an error. */
export function decodeButtonValue(raw: string): ButtonValue | null {
  try {
    const parsed = buttonValueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
