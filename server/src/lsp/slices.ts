// Keeps the server answering while a large document is parsed (issue 7): the chunks an edit
// did not touch are cached, so only a first analysis (or a large paste) has much to parse, and
// that is done here one slice per macrotask before the synchronous analyze().
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParseCache } from '../engine';
import { parseSlices } from '../engine/slices';
import { languageOf } from './analysis';
import type { DocumentConfig } from './config';
import { isRcPath } from './rc';
import { parseUri } from './uri';

/** Below this much text a document is analysed in one go (slices would only add latency). */
export const SLICED_ABOVE = 128 * 1024;

// setImmediate in Node; the browser worker has only setTimeout.
const macrotask = () => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/**
 * Parses the uncached chunks of a document that will be analysed into its cache, yielding to
 * the event loop between slices, so hover, completion and other documents are served meanwhile.
 * False when `superseded()` turned true on the way: the caller drops this analysis (the chunks
 * parsed so far stay cached for the next one).
 */
export async function parseInSlices(document: TextDocument, config: DocumentConfig, cache: ParseCache, superseded: () => boolean): Promise<boolean> {
  const text = document.getText();
  if (text.length < SLICED_ABOVE || !config.settings.enable) return true;
  const path = parseUri(document.uri)?.path ?? '';
  if (isRcPath(path) || !languageOf(document.languageId, path, text)) return true;
  const steps = parseSlices(text, cache);
  for (let step = steps.next(); !step.done; step = steps.next()) {
    await macrotask();
    if (superseded()) return false;
  }
  return true;
}
