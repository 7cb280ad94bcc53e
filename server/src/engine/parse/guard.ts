// Bounds what micromark is given, so hostile Markdown cannot make it recurse or go quadratic
// (measured in docs/reliability.md):
//
// - containers: micromark and the mdast utilities recurse once per level, and a line opening
//   thousands of levels (`>>>>…`, `- - - …`) overflows the stack at about 10,000 and costs
//   quadratic time well before. A line may open at most MAX_NESTING containers, and its
//   indentation and markers may not run past MAX_PREFIX characters (nesting by indentation);
//   the first marker beyond either limit is replaced, and the rest of the line is read as text.
// - inline delimiters: emphasis (`*`, `_`, `~`) and link brackets are resolved by looking back
//   over the earlier ones, and each inline HTML opener (`<!--`, `<a`) searches ahead for its end:
//   quadratic per paragraph (4,000 nested `*a` take ~40 s). A paragraph with more than
//   MAX_INLINE_MARKERS of them has them all replaced, so it is read as plain text; a `<` that
//   opens a line is kept (it may start an HTML block, whose lines are read from the source).
// - table cells: a row is split into cells in quadratic time (40,000 `|` take ~17 s). What
//   follows the MAX_TABLE_PIPES-th `|` of a line is blanked (spaces): a wider table keeps its
//   first 255 columns, and its header, delimiter and body rows stay alike, so it is still a table.
//
// A replaced character becomes U+00A0 (no-break space): Markdown reads it as text, the line keeps
// its length and the document its lines, so every position and column stays valid. Fenced code
// is left alone (micromark does not parse inside it). Real postmortems are far from these
// limits: in the public corpus the deepest line opens 3 containers (12 characters of prefix)
// and the busiest paragraph has 123 delimiters.

import { FENCE } from './chunks';
import { stepItems } from './items';

export const MAX_NESTING = 32;
export const MAX_PREFIX = 256;
export const MAX_INLINE_MARKERS = 500;
export const MAX_TABLE_PIPES = 256;

const INERT = '\u00A0';
/** One container marker, with the indentation before it. */
const CONTAINER = /[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))/y;
const DELIMITER = /[*_~[\]<]/g;
/** A GFM table delimiter row: each cell of a table is its own paragraph-like context. */
const TABLE_DELIMITER_ROW = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Where a line's content starts after its container markers, and the index of the first marker over the limits. */
function prefixOf(line: string): { content: number; over?: number } {
  let at = 0;
  let count = 0;
  CONTAINER.lastIndex = 0;
  for (let m = CONTAINER.exec(line); m; m = CONTAINER.exec(line)) {
    const marker = m.index + m[0].length - m[0].trimStart().length;
    count++;
    if (count > MAX_NESTING || marker >= MAX_PREFIX) return { content: marker, over: marker };
    at = CONTAINER.lastIndex;
  }
  return { content: at };
}

function replaceAt(line: string, index: number): string {
  return line.slice(0, index) + INERT + line.slice(index + 1);
}

/** The line with its delimiters from `from` on made inert (a `<` at `from` opens HTML: kept). */
function inert(line: string, from: number): string {
  const keep = line[from] === '<' ? from + 1 : from;
  return line.slice(0, keep) + line.slice(keep).replace(DELIMITER, INERT);
}

function countDelimiters(text: string, from = 0): number {
  let n = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 || c === 95 || c === 126 || c === 91 || c === 93 || (c === 60 && i > from)) n++;
  }
  return n;
}

/** The line blanked after its MAX_TABLE_PIPES-th `|`, or the same line. */
function capPipes(line: string): string {
  let seen = 0;
  for (let i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) {
    if (++seen === MAX_TABLE_PIPES) return i + 1 < line.length ? line.slice(0, i + 1) + ' '.repeat(line.length - i - 1) : line;
  }
  return line;
}

/** Defuses a paragraph-like run of lines (no blank line, no fence) in place. */
function defuseRun(lines: string[], from: number, to: number, content: number[]): void {
  const isTable = lines.slice(from, to).some((l) => TABLE_DELIMITER_ROW.test(l) && l.includes('-') && l.includes('|'));
  if (isTable) {
    // Table cells are parsed one by one: only a row that is hostile by itself is defused.
    for (let i = from; i < to; i++) {
      const line = lines[i] as string;
      const c = content[i - from] as number;
      if (countDelimiters(line, c) > MAX_INLINE_MARKERS) lines[i] = inert(line, c);
    }
    return;
  }
  let total = 0;
  for (let i = from; i < to; i++) total += countDelimiters(lines[i] as string, content[i - from]);
  if (total <= MAX_INLINE_MARKERS) return;
  for (let i = from; i < to; i++) {
    const line = lines[i] as string;
    const c = content[i - from] as number;
    lines[i] = inert(line, c);
  }
}

/**
 * The lines to give the Markdown parser: the same lines when nothing is over a limit (the usual
 * case, no copy made), otherwise a copy with the offending characters made inert.
 */
export function defuse(source: string[]): string[] {
  let lines = source;
  const copy = () => {
    if (lines === source) lines = source.slice();
  };
  let fence: string | undefined;
  let runStart = -1;
  let runContent: number[] = [];
  let runDelimiters = 0;
  // Each item of a run of margin items is a paragraph of its own (items.ts): counted apart.
  let items: string | undefined = '';
  const endRun = (at: number) => {
    if (runStart >= 0 && runDelimiters > MAX_INLINE_MARKERS) {
      copy();
      defuseRun(lines, runStart, at, runContent);
    }
    runStart = -1;
    runContent = [];
    runDelimiters = 0;
  };
  for (let i = 0; i < source.length; i++) {
    const line = source[i] as string;
    if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (m?.[1] && m[1][0] === fence[0] && m[1].length >= fence.length) fence = undefined;
      continue;
    }
    const f = FENCE.exec(line);
    if (f?.[1]) {
      endRun(i);
      fence = f[1];
      items = undefined;
      continue;
    }
    if (line.trim() === '') {
      endRun(i);
      // Only a blank line in Markdown's sense (spaces, tabs) lets a run of items start.
      items = /^[ \t]*$/.test(line) ? '' : undefined;
      continue;
    }
    const step = stepItems(items, line);
    items = step.state;
    if (step.cut) endRun(i);
    const { content, over } = prefixOf(line);
    if (over !== undefined) {
      copy();
      lines[i] = replaceAt(line, over);
    }
    const capped = capPipes(lines[i] as string);
    if (capped !== lines[i]) {
      copy();
      lines[i] = capped;
    }
    if (runStart < 0) runStart = i;
    runContent.push(content);
    runDelimiters += countDelimiters(line, content);
  }
  endRun(source.length);
  return lines;
}
