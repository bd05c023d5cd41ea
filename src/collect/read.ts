/**
 * One optional read: run it with a timeout; on failure return a CollectNote saying what could not be
 * read and what that means, instead of throwing. Only the reads the diagnosis cannot do without
 * (the pod itself) bypass this and fail the collection.
 */
import type { ConfigurationOptions } from '@kubernetes/client-node';
import type { CollectNote, NoteSource } from '../domain/evidence.js';
import { describeError, noteKindOf, retryOnReset } from '../kube/api-error.js';
import { withTimeout } from '../kube/clients.js';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; note: CollectNote; error: unknown };

export interface ReadContext {
  timeoutMs: number;
}

export function requestOptions(ctx: ReadContext): ConfigurationOptions {
  return withTimeout(ctx.timeoutMs);
}

/**
 * @param what  what is being read, for people: "the events of pod shop/api-1"
 * @param impact what the diagnosis loses: "the diagnosis is made without events"
 */
export async function read<T>(
  ctx: ReadContext,
  source: NoteSource,
  what: string,
  impact: string,
  call: (options: ConfigurationOptions) => Promise<T>,
): Promise<ReadResult<T>> {
  try {
    return { ok: true, value: await retryOnReset(() => call(requestOptions(ctx))) };
  } catch (error) {
    const note: CollectNote = { source, kind: noteKindOf(error), message: `Could not read ${what}: ${describeError(error)}; ${impact}.` };
    return { ok: false, note, error };
  }
}
