// Keeps the server answering while a large document is analysed (issue 7). Two parts:
// - parseInSlices: when a document has much text that is not parsed yet (just opened, its
//   caches dropped, a large paste), its chunks are parsed into its ParseCache in slices of about
//   SLICE_MS with pauses between them; parsing is most of a first analysis.
// - runInSlices: documents above SLICED_ABOVE are then analysed a phase at a time (analysisSteps)
//   in the same way. Smaller ones are analysed in one go: an edit re-parses one chunk and the
//   pauses would only add latency.
// Either stops at a pause when the document changed, the request was cancelled or the
// configuration changed, and the caller drops the superseded work.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParseCache } from '../engine';
import { parseSlices } from '../engine/slices';
import { languageOf } from './analysis';
import type { DocumentConfig } from './config';
import { isRcPath } from './rc';
import { parseUri } from './uri';

/** Documents this large are analysed in slices. */
export const SLICED_ABOVE = 512 * 1024;
/** This much text more than at the last analysis (or a first analysis of this much) is parsed in slices first. */
const UNPARSED_ABOVE = 64 * 1024;

/** Document length at the last parse, per ParseCache. */
const parsedLength = new WeakMap<ParseCache, number>();

/** Parse for about this long, then pause. */
const SLICE_MS = 20;
/**
 * Then give the event loop this long. A timer, not a single setImmediate: the JSON-RPC
 * connection handles one queued message per turn of the event loop, so one turn per slice
 * would let a backlog of requests build up.
 */
const PAUSE_MS = 3;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, PAUSE_MS));

/**
 * Parses the uncached chunks of a document that will be analysed into its cache, yielding to
 * the event loop between slices, so hover, completion and other documents are served meanwhile.
 * False when `superseded()` turned true on the way: the caller drops this analysis (the chunks
 * parsed so far stay cached for the next one).
 */
export async function parseInSlices(document: TextDocument, config: DocumentConfig, cache: ParseCache, superseded: () => boolean): Promise<boolean> {
  const text = document.getText();
  const last = cache.size === 0 ? 0 : (parsedLength.get(cache) ?? 0);
  const path = parseUri(document.uri)?.path ?? '';
  const needed = Math.abs(text.length - last) >= UNPARSED_ABOVE && config.settings.enable && !isRcPath(path) && languageOf(document.languageId, path, text) !== undefined;
  const done = !needed || (await runInSlices(parseSlices(text, cache, 4096), superseded)) !== undefined;
  // Unfinished, the next run starts again (the chunks parsed so far are cached).
  if (done) parsedLength.set(cache, text.length);
  return done;
}

/** Whether a document is large enough to be analysed in slices. */
export function sliced(document: TextDocument): boolean {
  return document.getText().length >= SLICED_ABOVE;
}

/**
 * Runs analysis steps (analyzeDocumentSteps) in slices of about SLICE_MS, pausing between them:
 * the result, or undefined when `superseded()` turned true at a pause (the analysis is dropped).
 */
export async function runInSlices<T>(steps: Generator<unknown, T, void>, superseded: () => boolean): Promise<T | undefined> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await pause();
    if (superseded()) return undefined;
    sliceStart = performance.now();
  }
}

/** Runs steps to the end at once (small documents). */
export function runToEnd<T>(steps: Generator<unknown, T, void>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
