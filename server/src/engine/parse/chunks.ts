// Splits a document into chunks that parse independently: an edit then re-parses only the
// chunk it touched (issue 7: remark runs at 0.2–1 MB/s). A chunk ends only where CommonMark
// guarantees no open container can continue, outside fenced code, HTML comments and raw HTML
// blocks: always before an ATX heading that follows a blank line, and, by size (CHUNK_CHARS),
// before any other line at the margin after a blank line (a list item needs indentation, a
// blockquote its `>`, a paragraph or an HTML block of types 6–7 ends at the blank line; fences
// and HTML blocks of types 1–5 are tracked, and checked after the parse), or between two items
// of a tight list at the margin (items.ts). Link reference definitions are document-wide, so a
// document that has any is parsed whole.
//
// Long tables are split too, every TABLE_ROWS_PER_CHUNK rows at most: GFM table parsing is
// quadratic in the number of cells of a table (micromark's EditMap; 1 MB of table took
// minutes), so a chunk that continues a table is parsed with the table's header and delimiter
// rows put back in front (`tableHeader`) and reads exactly as the rows did inside the whole
// table. Only a table that certainly is one is split: header and delimiter rows at the margin
// after a blank line, with the same number of cells, and rows that start with `|` (no other
// block can start so).

import { stepItems } from './items';

export interface Chunk {
  startLine: number;
  lines: string[];
  /** The header and delimiter rows of the table this chunk's first lines continue. */
  tableHeader?: string[];
}

export const TABLE_ROWS_PER_CHUNK = 200;
/**
 * Chunk sizes. Past CHUNK_CHARS / 8 characters a chunk may end at any safe place (below): at
 * one in CUT_SPREAD of them, chosen by the text of the line after it, and it must end at the
 * first one past CHUNK_CHARS. Chosen by content, not by distance from the chunk's start, so an
 * edit moves at most the ends near it: the chunks after it keep their text and stay cached. Small
 * chunks make an edit re-parse about a kilobyte (micromark takes 4–5 µs a character of
 * postmortem text: a 5 KB section took 20–50 ms per keystroke), at the cost of a parser setup
 * per chunk (about 0.3 ms: micromark merges its syntax extensions on every parse), so a cold
 * parse is some 5–10% slower than in 64 KB chunks.
 */
export const CHUNK_CHARS = 4096;
const CUT_SPREAD = 8;

/** Characters of a line's end that lineHash reads. */
const HASHED_TAIL = 24;

/**
 * FNV-1a of a line's length and its last HASHED_TAIL characters: which safe places end a chunk
 * (any hash would do). Lines of a log differ at their end (the event) more than at their start
 * (the date), and hashing whole lines was a third of splitting a 200 KB document (issue 7).
 */
function lineHash(line: string): number {
  let h = Math.imul(0x811c9dc5 ^ line.length, 0x01000193);
  for (let i = Math.max(0, line.length - HASHED_TAIL); i < line.length; i++) h = Math.imul(h ^ line.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Whether a chunk of `chars` characters ends before `line`, a safe place to end it. */
function endsBefore(line: string, chars: number, chunkChars: number): boolean {
  return chars >= chunkChars || (chars >= chunkChars >> 3 && lineHash(line) % CUT_SPREAD === 0);
}
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;
/** Blank in Markdown's sense: spaces and tabs only (a line of U+00A0 is text, and may be a lazy line). */
const BLANK = /^[ \t]*$/;

/** Cells of a margin table row without escapes or code (the only rows a split relies on). */
function cellsOf(line: string): string[] | undefined {
  if (!line.startsWith('|') || /[\\`]/.test(line)) return undefined;
  const inner = line.trimEnd().slice(1);
  return (inner.endsWith('|') ? inner.slice(0, -1) : inner).split('|');
}

/** Whether `header` and `delimiter` open a GFM table (same cell count, a valid delimiter row). */
function opensTable(header: string, delimiter: string): boolean {
  const head = cellsOf(header);
  const cells = cellsOf(delimiter);
  return head !== undefined && cells !== undefined && head.length === cells.length && cells.every((c) => DELIMITER_CELL.test(c));
}

/** A fence opening: a backtick fence's info string may not hold a backtick (then it is inline code). */
export const FENCE = /^ {0,3}(`{3,}(?![^`]*`)|~{3,})/;
// Unindented only: an indented heading may belong to a list item's continuation.
const ATX = /^#{1,6}(?:[ \t]|$)/;
/**
 * A line that may be (part of) a link reference definition, in any container (`- [a]: /url`,
 * `> [a]: /url`): a label then `:` and nothing, one destination, or a destination and a title;
 * a label left open (labels may span lines); or a footnote definition (`[^1]: …`, also
 * document-wide). Over-matching only costs chunking.
 */
const DEFINITION = /^[ \t>*+\-\d.)]*\[(?:\^[^\]]*\]:|[^\]]*\]:[ \t]*(?:$|(?:<[^>]*>|\S+)[ \t]*(?:$|["'(]))|[^\]]*$)/;
/** HTML blocks that run until an end marker, blank lines included (CommonMark types 1–5). */
const HTML_UNTIL: [RegExp, (open: RegExpExecArray) => string][] = [
  [/^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i, (m) => `</${(m[1] as string).toLowerCase()}>`],
  [/^ {0,3}<!--/, () => '-->'],
  [/^ {0,3}<\?/, () => '?>'],
  [/^ {0,3}<!\[CDATA\[/, () => ']]>'],
  [/^ {0,3}<![A-Za-z]/, () => '>'],
];

/** The end marker of the HTML block `line` opens and does not close, if it opens one. */
export function htmlBlockEnd(line: string): string | undefined {
  for (const [open, end] of HTML_UNTIL) {
    const m = open.exec(line);
    if (!m) continue;
    const marker = end(m);
    return line.toLowerCase().includes(marker, m[0].length) ? undefined : marker;
  }
  return undefined;
}

export function splitChunks(lines: string[], tableRowsPerChunk = TABLE_ROWS_PER_CHUNK, chunkChars = CHUNK_CHARS): Chunk[] {
  if (lines.some((l) => l.includes('[') && DEFINITION.test(l))) return [{ startLine: 0, lines }];
  const chunks: Chunk[] = [];
  let start = 0;
  let header: string[] | undefined;
  let fence: string | undefined;
  /** End marker of the HTML block being read (`-->`, `</pre>`, `?>`…). */
  let htmlEnd: string | undefined;
  let prevBlank = true;
  /** The table being read: its header rows and how many rows the current chunk holds. */
  let table: { header: string[]; rows: number } | undefined;
  const first = frontMatterEnd(lines);
  /** The run of margin items being read (items.ts); none right after front matter (guard.ts starts its run there). */
  let items: string | undefined = first === 0 ? '' : undefined;
  let chars = 0;
  const cut = (i: number, tableHeader: string[] | undefined) => {
    chunks.push({ startLine: start, lines: lines.slice(start, i), tableHeader: header });
    start = i;
    header = tableHeader;
    chars = 0;
  };
  for (let i = first; i < lines.length; i++) {
    // micromark drops a byte order mark before it reads the first line.
    const line = i === 0 ? (lines[0] ?? '').replace(/^\uFEFF/, '') : (lines[i] ?? '');
    // A row starts with `|`, so it never opens a fence or an HTML block (a `<!--` in a cell is
    // inline): the table's rows are read whatever the states below say.
    if (table) {
      if (line.startsWith('|')) {
        if (++table.rows > tableRowsPerChunk || (table.rows > 1 && endsBefore(line, chars, chunkChars))) {
          cut(i, table.header);
          table.rows = 1;
        }
        chars += line.length + 1;
        prevBlank = false;
        items = undefined;
        continue;
      }
      table = undefined;
    } else if (!fence && !htmlEnd && i >= first + 1 && (i === first + 1 || BLANK.test(lines[i - 2] ?? '')) && opensTable(lines[i - 1] ?? '', line)) {
      table = { header: [lines[i - 1] ?? '', line], rows: 0 };
    }
    if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (m?.[1] && m[1][0] === fence[0] && m[1].length >= fence.length) fence = undefined;
      prevBlank = false;
      items = undefined;
      chars += line.length + 1;
      continue;
    }
    if (htmlEnd) {
      if (line.toLowerCase().includes(htmlEnd)) htmlEnd = undefined;
      prevBlank = false;
      items = undefined;
      chars += line.length + 1;
      continue;
    }
    const blank = BLANK.test(line);
    // The raw line: guard.ts reads a byte order mark as part of the first line too.
    const step = blank ? { state: '', cut: false } : stepItems(items, lines[i] ?? '');
    items = step.state;
    // After a blank line, no block continues at the margin (see the top of the file), nor after an
    // item of a run of margin items (items.ts).
    const safe = (prevBlank && /^[^\s]/.test(line)) || step.cut;
    if (i > start && ((prevBlank && ATX.test(line)) || (safe && endsBefore(line, chars, chunkChars)))) cut(i, undefined);
    chars += line.length + 1;
    // Both open within the first four columns: most lines are ruled out by a look at them.
    const head = line.slice(0, 4);
    const f = head.includes('`') || head.includes('~') ? FENCE.exec(line) : null;
    if (f?.[1]) fence = f[1];
    else if (head.includes('<')) htmlEnd = htmlBlockEnd(line);
    if (fence || htmlEnd) items = undefined;
    prevBlank = blank;
  }
  chunks.push({ startLine: start, lines: lines.slice(start), tableHeader: header });
  return chunks;
}

// Fences exactly as micromark-extension-frontmatter reads them: the marker, then only spaces or
// tabs (trimEnd() would also accept U+00A0 and friends); micromark drops a leading BOM first.
const OPEN_FENCE = /^\uFEFF?(---|\+\+\+)[ \t]*$/;

/** Index of the first line after YAML/TOML front matter (0 when there is none or it is never closed). */
export function frontMatterEnd(lines: string[]): number {
  const open = OPEN_FENCE.exec(lines[0] ?? '')?.[1];
  if (!open) return 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith(open) && /^[ \t]*$/.test(line.slice(3))) return i + 1;
  }
  return 0;
}
