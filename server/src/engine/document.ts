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
import { frontMatterEnd, splitChunks } from './parse/chunks';
import { placeBlocks } from './cache';
import { mdastToBlocks } from './parse/blocks';
import { defuse } from './parse/guard';
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
  /** The line with markup blanked out, same length as the line (see mask.ts). */
  masked(line: number): string;
}

interface ChunkResult {
  blocks: Block[];
  tables: number;
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

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

function parseChunk(text: string, frontMatter: boolean): ChunkResult {
  // Front matter can only open a document; later chunks that start with --- are not YAML.
  const lines = text.split(/\r\n|\r|\n/);
  // Hostile nesting and delimiter runs are made inert first (parse/guard.ts): same lines, same columns.
  const safe = defuse(lines);
  const tree = (frontMatter ? processor : bodyProcessor).parse(safe === lines ? text : safe.join('\n')) as Root;
  return mdastToBlocks(tree, lines, 0);
}

const bodyProcessor = unified().use(remarkParse).use(remarkGfm);

export interface ParseOptions {
  languageId?: LanguageId;
  cache?: ParseCache;
  /** Parse the document as one chunk: the reference the chunked parse must equal (tests). */
  whole?: boolean;
}

export function parseDocument(text: string, options: ParseOptions = {}): PostmortemDocument {
  const { lines, offsets, eol } = splitLines(text);
  const languageId = options.languageId ?? 'markdown';
  const blocks: Block[] = [];
  let tableBase = 0;
  const chunks = options.whole ? [{ startLine: 0, lines }] : splitChunks(lines);
  // Only a closed front matter goes to the front-matter parser: an unclosed `---` on line 1 makes
  // micromark-extension-frontmatter 2.0.0 read every later list and blockquote as a paragraph
  // (micromark/micromark-extension-frontmatter#5); CommonMark reads it as a thematic break.
  const frontMatter = frontMatterEnd(lines) > 0;
  for (const [index, chunk] of chunks.entries()) {
    const withFrontMatter = index === 0 && frontMatter;
    const key = (withFrontMatter ? 'F' : 'B') + chunk.lines.join('\n');
    let result = options.cache?.get(key);
    if (!result) {
      result = parseChunk(chunk.lines.join('\n'), withFrontMatter);
      options.cache?.set(key, result);
    }
    // Shifted to the chunk's place; reused while the chunk stays there (cache.ts, issue 7).
    for (const b of placeBlocks(result, chunk.startLine, tableBase)) blocks.push(b);
    tableBase += result.tables;
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
  readFrontMatter(doc);
  return doc;
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
