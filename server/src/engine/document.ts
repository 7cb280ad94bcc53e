// Parses a document once into lines and flat blocks. Parsing is chunked and cached by chunk
// text, so re-analysis after an edit re-parses only the chunk that changed.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as parseYaml } from 'yaml';
import type { Root } from 'mdast';
import { splitLines } from './text';
import { maskLine } from './mask';
import { FENCE, frontMatterEnd, htmlBlockEnd, splitChunks, type Chunk } from './parse/chunks';
import { placeBlocks } from './cache';
// Same blocks, a sixth less parse time (gfm-fast.ts, issue 7).
import { withoutLiteralAutolinkTransform } from './gfm-fast';
import { INITIAL_HTML_STATE, mdastToBlocks } from './parse/blocks';
import type { HtmlState } from './parse/html';
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
  constructor(private readonly limit = 4096) {}

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
}

const processor = unified().use(remarkParse).use(remarkGfm).use(withoutLiteralAutolinkTransform).use(remarkFrontmatter, ['yaml', 'toml']);

function parseChunk(text: string, frontMatter: boolean, prefixLines: number, html: HtmlState): ChunkResult {
  // Front matter can only open a document; later chunks that start with --- are not YAML.
  const lines = text.split(/\r\n|\r|\n/);
  // Hostile nesting and delimiter runs are made inert first (parse/guard.ts): same lines, same columns.
  const safe = defuse(lines);
  const tree = (frontMatter ? processor : bodyProcessor).parse(safe === lines ? text : safe.join('\n')) as Root;
  const result: ChunkResult = mdastToBlocks(tree, lines, 0, html);
  if (endsOpen(tree, lines)) result.open = true;
  if (prefixLines === 0) return result;
  // A chunk continuing a table was parsed behind the table's header rows: drop them.
  const blocks = result.blocks.filter((b) => b.startLine >= prefixLines).map((b) => ({ ...b, startLine: b.startLine - prefixLines, endLine: b.endLine - prefixLines }));
  return { ...result, blocks };
}

const bodyProcessor = unified().use(remarkParse).use(remarkGfm).use(withoutLiteralAutolinkTransform);

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
  const languageId = options.languageId ?? 'markdown';
  const blocks: Block[] = [];
  let tableBase = 0;
  const tooLarge = oversize(text);
  const chunks: Chunk[] = tooLarge ? [{ startLine: 0, lines: headLines(lines) }] : options.whole ? [{ startLine: 0, lines }] : splitChunks(lines, options.tableRowsPerChunk, options.chunkChars);
  // Only a closed front matter goes to the front-matter parser: an unclosed `---` on line 1 makes
  // micromark-extension-frontmatter 2.0.0 read every later list and blockquote as a paragraph
  // (micromark/micromark-extension-frontmatter#5); CommonMark reads it as a thematic break.
  const frontMatter = frontMatterEnd(lines) > 0;
  let html: HtmlState = INITIAL_HTML_STATE;
  const parse = (chunk: Chunk, withFrontMatter: boolean): ChunkResult => {
    const prefix = chunk.tableHeader ?? [];
    const source = [...prefix, ...chunk.lines].join('\n');
    // A chunk read in an HTML state left by the one before is another result: keyed apart.
    const state = html.inComment || html.skip || html.listDepth ? `H${JSON.stringify(html)}` : '';
    const key = state + (withFrontMatter ? 'F' : 'B') + source;
    let result = options.cache?.get(key);
    if (!result) {
      result = parseChunk(source, withFrontMatter, prefix.length, html);
      options.cache?.set(key, result);
    }
    return result;
  };
  for (let index = 0; index < chunks.length; index++) {
    let chunk = chunks[index] as Chunk;
    const withFrontMatter = index === 0 && frontMatter;
    let result = parse(chunk, withFrontMatter);
    if (result.open && index + 1 < chunks.length) {
      // The split heuristics missed a construct that runs on (parse/chunks.ts): the rest of the
      // document is one chunk, which is exactly the whole-document parse from here.
      chunk = { startLine: chunk.startLine, lines: lines.slice(chunk.startLine), tableHeader: chunk.tableHeader };
      result = parse(chunk, withFrontMatter);
      index = chunks.length;
    }
    // A chunk that continues a table continues its table id.
    if (chunk.tableHeader) tableBase--;
    // Shifted to the chunk's place; reused while the chunk stays there (cache.ts, issue 7).
    for (const b of placeBlocks(result, chunk.startLine, tableBase)) blocks.push(b);
    tableBase += result.tables;
    html = result.html;
  }
  const maskCache = new Map<number, string>();
  const doc: PostmortemDocument = {
    text, languageId, lines, offsets, eol, blocks,
    masked(line: number): string {
      let m = maskCache.get(line);
      if (m === undefined) {
        m = maskLine(lines[line] ?? '');
        maskCache.set(line, m);
      }
      return m;
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
function endsOpen(tree: Root, lines: string[]): boolean {
  const last = tree.children[tree.children.length - 1];
  if (!last?.position || (last.type !== 'code' && last.type !== 'html')) return false;
  // micromark drops a byte order mark before it reads the first line.
  const first = (lines[last.position.start.line - 1] ?? '').replace(/^\uFEFF/, '');
  if (last.type === 'html') {
    const marker = htmlBlockEnd(first);
    return marker !== undefined && !last.value.toLowerCase().includes(marker, first.length);
  }
  const open = FENCE.exec(first)?.[1];
  if (!open) return false;
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[last.position.end.line - 1] ?? '')?.[1];
  return last.position.end.line === last.position.start.line || !close || close[0] !== open[0] || close.length < open.length;
}

function readFrontMatter(doc: PostmortemDocument): void {
  const fm = doc.blocks.find((b) => b.kind === 'frontmatter');
  if (!fm || !/^\uFEFF?---[ \t]*$/.test(doc.lines[0] ?? '')) return;
  try {
    const value: unknown = parseYaml(fm.text);
    if (value && typeof value === 'object' && !Array.isArray(value)) doc.frontMatter = value as Record<string, unknown>;
  } catch (error) {
    doc.frontMatterError = { message: error instanceof Error ? error.message.split('\n')[0] ?? 'invalid YAML' : 'invalid YAML', line: fm.startLine };
  }
}
