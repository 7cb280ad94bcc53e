// Parses a document once into lines and flat blocks. Parsing is chunked and cached by chunk
// text, so re-analysis after an edit re-parses only the chunk that changed.
import { parse as parseYaml } from 'yaml';
import { splitLines } from './text';
import { maskLine } from './mask';
import { FENCE, frontMatterEnd, htmlBlockEnd, splitChunks, type Chunk } from './parse/chunks';
import { flatCopy, placeBlocks, StringMemo } from './cache';
import { tokenize } from './parse/micromark';
import { eventsToBlocks, type LastBlock } from './parse/events';
import { INITIAL_HTML_STATE, type HtmlState } from './parse/html';
import { defuse } from './parse/guard';
import { HEAD_CHARS, oversize, type Oversize } from './parse/limits';
import type { Block } from './parse/block';

export type { Block, BlockKind } from './parse/block';
export type LanguageId = 'markdown' | 'plaintext' | 'html';

export interface PostmortemDocument {
  text: string;
  languageId: LanguageId;
  lines: string[];
  offsets: number[];
  eol: '\n' | '\r\n';
  blocks: Block[];
  frontMatter?: Record<string, unknown>;
  frontMatterError?: { message: string; line: number };
  /** Over the size limit (parse/limits.ts): only the head was parsed, and no rule runs. */
  oversize?: Oversize;
  /** The line with markup blanked out, same length as the line (see mask.ts). */
  masked(line: number): string;
  /**
   * `compute(line)`, a pure function of the line's text, kept per line and carried over to the
   * next version of the document for the lines an edit left alone (issue 7: a memo lookup by line
   * text for each of thousands of lines was a tenth of a keystroke's analysis). Only frozen
   * values are carried: a mutable one may belong to this analysis alone.
   */
  perLine<T>(slot: LineSlot, line: number, compute: (line: number) => T): T;
}

/** The per-line values a document carries over (perLine). */
export type LineSlot = 'tokens' | 'placeholders';
const SLOTS: readonly LineSlot[] = ['tokens', 'placeholders'];

interface ChunkKey {
  head: string;
  lines: string[];
  prefix: string[];
  key: string;
}

/** Whether two line lists hold the same strings (nearly always the very same objects: reuseLines). */
function sameLines(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface ChunkResult {
  blocks: Block[];
  tables: number;
  /** The HTML reading state at the chunk's end, where the next chunk starts (parse/html.ts). */
  html: HtmlState;
  /** Ends inside a fence or an HTML block left open, which would run on into the next chunk. */
  open?: boolean;
}

/** Parsed chunks keyed by their text. One cache per open document keeps it small. */
export class ParseCache {
  private entries = new Map<string, ChunkResult>();
  private used = new Set<string>();
  // Chunks are about a kilobyte (parse/chunks.ts): a 2 MB document has a few thousand.
  constructor(private readonly limit = 16_384) {}

  get(key: string): ChunkResult | undefined {
    const hit = this.entries.get(key);
    if (hit) this.used.add(key);
    return hit;
  }

  set(key: string, value: ChunkResult): void {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
    this.used.add(key);
  }

  /** Drops chunks not used since the last sweep (called after each full analysis). */
  sweep(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The keys of the chunks parsed last, by first line, with the document's line count then: a
   * chunk whose lines are the same strings again reuses its key instead of joining its text
   * into a new one, which the cache would then hash (issue 7: the whole text, every keystroke).
   */
  keys?: { lineCount: number; byStart: Map<number, ChunkKey> };

  /** The lines of the text parsed last, their masks and per-line values: unchanged lines are reused (see reuseLines). */
  last?: { lines: string[]; masks: (string | undefined)[]; values: Record<LineSlot, unknown[]> };
}

/**
 * Puts back the line strings of the previous analysis wherever a line is unchanged (the lines
 * before and after the edit). The line memos (cache.ts) then find them by identity with their
 * hashes computed, instead of hashing and comparing every line anew on each keystroke; the new
 * lines are flat copies, so that no line keeps an earlier version of the text alive.
 */
function reuseLines(lines: string[], previous: string[]): { head: number; tail: number } {
  const n = Math.min(lines.length, previous.length);
  let head = 0;
  while (head < n && lines[head] === previous[head]) lines[head] = previous[head++] as string;
  let tail = 0;
  while (tail < n - head && lines[lines.length - 1 - tail] === previous[previous.length - 1 - tail]) {
    lines[lines.length - 1 - tail] = previous[previous.length - 1 - tail] as string;
    tail++;
  }
  for (let i = head; i < lines.length - tail; i++) lines[i] = flatCopy(lines[i] as string);
  return { head, tail };
}

function parseChunk(text: string, frontMatter: boolean, prefixLines: number, html: HtmlState): ChunkResult {
  // Front matter can only open a document; later chunks that start with --- are not YAML.
  const lines = text.split(/\r\n|\r|\n/);
  // Hostile nesting and delimiter runs are made inert first (parse/guard.ts): same lines, same columns.
  const safe = defuse(lines);
  const source = safe === lines ? text : safe.join('\n');
  const { last, ...result }: ChunkResult & { last?: LastBlock } = eventsToBlocks(tokenize(source, frontMatter), source, lines, html);
  if (last && endsOpen(last, lines)) result.open = true;
  if (prefixLines === 0) return result;
  // A chunk continuing a table was parsed behind the table's header rows: drop them.
  const blocks = result.blocks.filter((b) => b.startLine >= prefixLines).map((b) => ({ ...b, startLine: b.startLine - prefixLines, endLine: b.endLine - prefixLines }));
  return { ...result, blocks };
}

/**
 * Parses `chunks` (of the document's `lines`) in order, each from the cache when it holds it:
 * parseDocument's parse, and parseSlices' (slices.ts), which must key every chunk alike.
 */
export function* parseChunks(lines: string[], chunks: Chunk[], cache: ParseCache | undefined): Generator<{ chunk: Chunk; result: ChunkResult; parsed: boolean }> {
  // Only a closed front matter goes to the front-matter parser: an unclosed `---` on line 1 makes
  // micromark-extension-frontmatter 2.0.0 read every later list and blockquote as a paragraph
  // (micromark/micromark-extension-frontmatter#5); CommonMark reads it as a thematic break.
  const frontMatter = frontMatterEnd(lines) > 0;
  let html: HtmlState = INITIAL_HTML_STATE;
  /** Whether the chunk was parsed now (not found in the cache). */
  let parsed: boolean;
  const previous = cache?.keys;
  const keys = new Map<number, ChunkKey>();
  if (cache) cache.keys = { lineCount: lines.length, byStart: keys };
  const shift = previous ? lines.length - previous.lineCount : 0;
  const parse = (chunk: Chunk, withFrontMatter: boolean): ChunkResult => {
    const prefix = chunk.tableHeader ?? [];
    // A chunk read in an HTML state left by the one before is another result, and so is one
    // read behind a table's header rows (dropped from it): keyed apart.
    const state = html.inComment || html.skip || html.listDepth ? `H${JSON.stringify(html)}` : '';
    const head = state + (prefix.length ? 'T' : '') + (withFrontMatter ? 'F' : 'B');
    // The same chunk as last time, where it was or moved by the lines an edit added or removed.
    let known = previous?.byStart.get(chunk.startLine);
    if (!known || !sameLines(known.lines, chunk.lines)) known = shift === 0 ? undefined : previous?.byStart.get(chunk.startLine - shift);
    const key = known && known.head === head && sameLines(known.lines, chunk.lines) && sameLines(known.prefix, prefix) ? known.key : head + [...prefix, ...chunk.lines].join('\n');
    keys.set(chunk.startLine, { head, lines: chunk.lines, prefix, key });
    let result = cache?.get(key);
    if (!result) {
      result = parseChunk(key.slice(head.length), withFrontMatter, prefix.length, html);
      cache?.set(key, result);
      parsed = true;
    }
    return result;
  };
  for (let index = 0; index < chunks.length; index++) {
    let chunk = chunks[index] as Chunk;
    const withFrontMatter = index === 0 && frontMatter;
    parsed = false;
    let result = parse(chunk, withFrontMatter);
    if (result.open && index + 1 < chunks.length) {
      // The split heuristics missed a construct that runs on (parse/chunks.ts): the rest of the
      // document is one chunk, which is exactly the whole-document parse from here.
      chunk = { startLine: chunk.startLine, lines: lines.slice(chunk.startLine), tableHeader: chunk.tableHeader };
      result = parse(chunk, withFrontMatter);
      index = chunks.length;
    }
    yield { chunk, result, parsed };
    html = result.html;
  }
}

export interface ParseOptions {
  languageId?: LanguageId;
  cache?: ParseCache;
  /** Parse the document as one chunk: the reference the chunked parse must equal (tests). */
  whole?: boolean;
  /** Rows per chunk of a long table, and characters per chunk (parse/chunks.ts); tests make them small. */
  tableRowsPerChunk?: number;
  chunkChars?: number;
}

export function parseDocument(text: string, options: ParseOptions = {}): PostmortemDocument {
  const { lines, offsets, eol } = splitLines(text);
  // The masks of the lines, filled as the analysis asks; those of unchanged lines carried over.
  const masks = new Array<string | undefined>(lines.length);
  const values = { tokens: new Array<unknown>(lines.length), placeholders: new Array<unknown>(lines.length) };
  const last = options.cache?.last;
  if (last) {
    const { head, tail } = reuseLines(lines, last.lines);
    for (let i = 0; i < head; i++) masks[i] = last.masks[i];
    for (let t = 1; t <= tail; t++) masks[lines.length - t] = last.masks[last.lines.length - t];
    for (const slot of SLOTS) {
      const from = last.values[slot];
      const to = values[slot];
      for (let i = 0; i < head; i++) to[i] = from[i];
      for (let t = 1; t <= tail; t++) to[lines.length - t] = from[last.lines.length - t];
    }
  }
  if (options.cache) options.cache.last = { lines, masks, values };
  const languageId = options.languageId ?? 'markdown';
  const blocks: Block[] = [];
  let tableBase = 0;
  const tooLarge = oversize(text);
  const chunks: Chunk[] = tooLarge ? [{ startLine: 0, lines: headLines(lines) }] : options.whole ? [{ startLine: 0, lines }] : splitChunks(lines, options.tableRowsPerChunk, options.chunkChars);
  for (const { chunk, result } of parseChunks(lines, chunks, options.cache)) {
    // A chunk that continues a table continues its table id.
    if (chunk.tableHeader) tableBase--;
    // Shifted to the chunk's place; reused while the chunk stays there (cache.ts, issue 7).
    for (const b of placeBlocks(result, chunk.startLine, tableBase)) blocks.push(b);
    tableBase += result.tables;
  }
  const doc: PostmortemDocument = {
    text, languageId, lines, offsets, eol, blocks,
    masked(line: number): string {
      let m = masks[line];
      if (m === undefined) {
        m = maskLine(lines[line] ?? '');
        if (line >= 0 && line < lines.length) masks[line] = m;
      }
      return m;
    },
    perLine<T>(slot: LineSlot, line: number, compute: (line: number) => T): T {
      const kept = values[slot];
      const v = kept[line];
      if (v !== undefined) return v as T;
      const value = compute(line);
      if (line >= 0 && line < lines.length && value !== undefined && value !== null && Object.isFrozen(value)) kept[line] = value;
      return value;
    },
  };
  if (tooLarge) doc.oversize = tooLarge;
  readFrontMatter(doc);
  return doc;
}

/** The first lines of an oversize document, up to HEAD_CHARS characters: enough to tell a postmortem. */
function headLines(lines: string[]): string[] {
  let chars = 0;
  let n = 0;
  while (n < lines.length && chars < HEAD_CHARS) chars += (lines[n++] as string).length + 1;
  return lines.slice(0, n).map((l) => (l.length > HEAD_CHARS ? l.slice(0, HEAD_CHARS) : l));
}

/** Whether the chunk's last block is a fence or an HTML block (types 1–5) never closed. */
function endsOpen(last: LastBlock, lines: string[]): boolean {
  if (last.type !== 'code' && last.type !== 'html') return false;
  // micromark drops a byte order mark before it reads the first line.
  const first = (lines[last.startLine] ?? '').replace(/^\uFEFF/, '');
  if (last.type === 'html') {
    const marker = htmlBlockEnd(first);
    return marker !== undefined && !(last.value ?? '').toLowerCase().includes(marker, first.length);
  }
  const open = FENCE.exec(first)?.[1];
  if (!open) return false;
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[last.endLine] ?? '')?.[1];
  return last.endLine === last.startLine || !close || close[0] !== open[0] || close.length < open.length;
}

function readFrontMatter(doc: PostmortemDocument): void {
  const fm = doc.blocks.find((b) => b.kind === 'frontmatter');
  if (!fm || !/^\uFEFF?---[ \t]*$/.test(doc.lines[0] ?? '')) return;
  const read = FRONT_MATTER.get(fm.text);
  if (read.value) doc.frontMatter = read.value;
  else if (read.error !== undefined) doc.frontMatterError = { message: read.error, line: fm.startLine };
}

// Memoised (issue 7): the same front matter is read again on every keystroke. Frozen and shared.
const FRONT_MATTER = new StringMemo((text: string): { value?: Record<string, unknown>; error?: string } => {
  try {
    const value: unknown = parseYaml(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? { value: value as Record<string, unknown> } : {};
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] ?? 'invalid YAML' : 'invalid YAML' };
  }
}, 256);
