// Parsing a large document in slices (issue 7: a 2 MB document must never freeze hover or
// completion). The language server runs this generator one step per macrotask before it calls
// analyze(): each step parses the chunks not yet in the document's ParseCache, about
// `sliceChars` characters of them, so requests are answered between steps and a superseded
// analysis stops early. analyze() then finds every chunk cached. Pure: the caller schedules.
import { parseDocument, type ParseCache } from './document';
import { splitChunks } from './parse/chunks';
import { splitLines } from './text';

/**
 * Yields after each slice of newly parsed text; returns the number of characters it parsed.
 * Each chunk is parsed on its own, under the key parseDocument gives it in the whole document:
 * a chunk begins where splitChunks found a safe split, so parsed alone it stays one chunk, and
 * the first chunk keeps its front matter.
 */
export function* parseSlices(text: string, cache: ParseCache, sliceChars = 32_768): Generator<number, number> {
  let parsed = 0;
  let slice = 0;
  for (const chunk of splitChunks(splitLines(text).lines)) {
    const before = cache.size;
    const chunkText = chunk.lines.join('\n');
    parseDocument(chunkText, { cache });
    if (cache.size === before) continue;
    parsed += chunkText.length;
    slice += chunkText.length;
    if (slice >= sliceChars) {
      yield parsed;
      slice = 0;
    }
  }
  return parsed;
}
