// Parsing a large document in slices (issue 7: a 2 MB document must never freeze hover or
// completion). The language server runs this generator a few steps at a time before it
// analyses: each step parses the chunks not yet in the document's ParseCache, about
// `sliceChars` characters of them, then a few hundred lines' masks and tokens go into the line
// memos; requests are answered between steps and a superseded analysis stops early. The
// analysis then finds every chunk cached and every line memoised. Pure: the caller schedules.
import { parseChunks, type ParseCache } from './document';
import { splitChunks } from './parse/chunks';
import { oversize } from './parse/limits';
import { splitLines } from './text';
import { maskLine } from './mask';
import { scanLineCached } from './cache';

/**
 * Yields after each slice of newly parsed text; returns the number of characters it parsed.
 * Each chunk is parsed as parseDocument parses it (parseChunks), under the same key.
 */
export function* parseSlices(text: string, cache: ParseCache, sliceChars = 32_768): Generator<number, number> {
  // A document over the size limit is not parsed beyond its head (parse/limits.ts).
  if (oversize(text)) return 0;
  let parsed = 0;
  let slice = 0;
  const lines = splitLines(text).lines;
  // The split of a 2 MB document into lines, then into chunks, each takes a step of its own.
  yield 0;
  const chunks = splitChunks(lines);
  yield 0;
  for (const { chunk, parsed: fresh } of parseChunks(lines, chunks, cache)) {
    if (!fresh) continue;
    const chars = chunk.lines.reduce((n, l) => n + l.length + 1, 0);
    parsed += chars;
    slice += chars;
    if (slice >= sliceChars) {
      yield parsed;
      slice = 0;
    }
  }
  // Then the memoised masks and tokens of every line, which the analysis reads first (cache.ts).
  for (let i = 0; i < lines.length; i++) {
    scanLineCached(maskLine(lines[i] ?? ''));
    if (i % 256 === 255) yield parsed;
  }
  return parsed;
}
