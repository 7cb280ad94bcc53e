// Parsing a large document in slices (issue 7: a 2 MB document must never freeze hover or
// completion). The language server runs this generator a few steps at a time before it
// analyses: each step parses the chunks not yet in the document's ParseCache, about
// `sliceChars` characters of them, then a few hundred lines' masks and tokens go into the line
// memos; requests are answered between steps and a superseded analysis stops early. The
// analysis then finds every chunk cached and every line memoised. Pure: the caller schedules.
import { parseDocument, type ParseCache } from './document';
import { splitChunks } from './parse/chunks';
import { oversize } from './parse/limits';
import { splitLines } from './text';
import { maskLine } from './mask';
import { scanLineCached } from './cache';

/**
 * Yields after each slice of newly parsed text; returns the number of characters it parsed.
 * Each chunk is parsed on its own, under the key parseDocument gives it in the whole document:
 * a chunk begins where splitChunks found a safe split, so parsed alone it stays one chunk, and
 * the first chunk keeps its front matter.
 */
export function* parseSlices(text: string, cache: ParseCache, sliceChars = 32_768): Generator<number, number> {
  // A document over the size limit is not parsed beyond its head (parse/limits.ts).
  if (oversize(text)) return 0;
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
  // Then the memoised masks and tokens of every line, which the analysis reads first (cache.ts).
  const lines = splitLines(text).lines;
  for (let i = 0; i < lines.length; i++) {
    scanLineCached(maskLine(lines[i] ?? ''));
    if (i % 256 === 255) yield parsed;
  }
  return parsed;
}
