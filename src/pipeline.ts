/**
 * The shared surface of the product: the CLI (`crashloop diagnose`) and the bot's worker both call
 * these, so the diagnosis is never written twice.
 *
 *   collect (kube I/O only) -> diagnose (pure) -> render (pure)
 */
export { collectEvidence } from './collect/index.js';
export { diagnose } from './diagnose/diagnose.js';
export { render, RENDER_FORMATS, type RenderFormat } from './render/index.js';
