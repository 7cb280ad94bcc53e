// Caches that make re-analysis after a keystroke cheap (issue 7). Two kinds:
//
// - Memos of pure functions of one line's text (masking, token scanning, …), kept across
//   analyses and documents. An edit changes one line, so every other line is a hit. Results are
//   shared by every analysis that sees the same line text, so they are frozen: a rule that tried
//   to mutate one would throw (and be reported as a rule error) instead of corrupting the next
//   analysis.
// - Indexes over a document's blocks, built once per block array, that turn the "blocks in this
//   line range" and "rows of this table" filters (once per section / per table, so quadratic on
//   long documents) into a binary search.
//
// Nothing here changes a result: test/perf/incremental.test.ts checks that an analysis with warm
// caches deep-equals a cold one.
import type { Block } from './parse/block';
import { scanLine, type LineTokens } from './timeline/scan';
import { classify, type Classification } from './timeline/milestones';

const registry = new Set<{ clear(): void }>();

/** Empties every memo: a cold start, for tests that compare warm and cold analyses. */
export function clearMemos(): void {
  for (const memo of registry) memo.clear();
}

/** Has clearMemos() call `clear` too: for caches kept outside a StringMemo. */
export function onClearMemos(clear: () => void): void {
  registry.add({ clear });
}

export interface MemoOptions<V> {
  /** Whether a result may be kept and shared (else it is recomputed every time). */
  shareable?: (value: V) => boolean;
  /**
   * The keys are strings this module already owns (masked lines are values of the mask memo):
   * keep them as they are instead of a copy of each.
   */
  ownKeys?: boolean;
  /** Whether clearMemos() empties it (memoPerObject clears its memos its own way). */
  register?: boolean;
}

/**
 * A bounded memo of a pure function of a string. Two generations: when the newer fills up, the
 * older is dropped and the newer takes its place; a hit in the older generation is promoted. So
 * the memory is at most 2 × capacity entries, and a working set up to 2 × capacity stays warm.
 */
export class StringMemo<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  private readonly shareable: (value: V) => boolean;
  private readonly ownKeys: boolean;

  constructor(
    private readonly fn: (key: string) => V,
    private readonly capacity: number,
    options: MemoOptions<V> = {},
  ) {
    this.shareable = options.shareable ?? (() => true);
    this.ownKeys = options.ownKeys ?? false;
    if (options.register !== false) registry.add(this);
  }

  get(key: string): V {
    const hit = this.current.get(key);
    if (hit !== undefined || this.current.has(key)) return hit as V;
    let value = this.previous.get(key);
    if (value === undefined && !this.previous.has(key)) {
      // A substring of a document keeps the whole document text alive in V8 (a "sliced string");
      // the cache keys on, and computes from, a flat copy so that it holds only the line.
      const own = this.ownKeys ? key : flatCopy(key);
      value = this.fn(own);
      if (!this.shareable(value)) return value;
      deepFreeze(value);
      key = own;
    }
    if (this.current.size >= this.capacity) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value as V);
    return value as V;
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }
}

/** A copy of the string that shares no memory with a larger string. */
export function flatCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}

/**
 * `fn(key, owner)` memoised per owner object (a profile: custom profiles come from configuration,
 * so each has its own memo, dropped with it).
 */
export function memoPerObject<O extends object, V>(fn: (key: string, owner: O) => V, capacity: number): (key: string, owner: O) => V {
  let memos = new WeakMap<O, StringMemo<V>>();
  registry.add({ clear: () => (memos = new WeakMap()) });
  return (key, owner) => {
    let memo = memos.get(owner);
    if (!memo) {
      memo = new StringMemo((k) => fn(k, owner), capacity, { register: false });
      memos.set(owner, memo);
    }
    return memo.get(key);
  };
}

/**
 * Entries per memo generation. A document re-analysed line by line stays fully warm up to this
 * many lines (a 2 MB postmortem has about 30,000; at 16,384 the slices' pre-warm was thrashed
 * and the tokens step scanned every line again). Bounded for memory: the memos hold at most
 * 2 × this many lines each, and the server empties them when it turns from the documents being
 * edited to others (server/src/lsp/memory.ts).
 */
export const LINE_MEMO_CAPACITY = 32_768;

// ---------------------------------------------------------------------------------------------
// Block indexes.

interface BlockIndex {
  /** Whether startLine never decreases along the array (document order); if not, no index. */
  sorted: boolean;
  /** maxEnd[i] = the largest endLine among blocks[0..i]: non-decreasing, so binary-searchable. */
  maxEnd: number[];
  tables?: Map<number, Block[]>;
}

const indexes = new WeakMap<readonly Block[], BlockIndex>();

function indexOf(blocks: readonly Block[]): BlockIndex {
  let index = indexes.get(blocks);
  if (index) return index;
  const maxEnd: number[] = new Array<number>(blocks.length);
  let sorted = true;
  let max = -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (i > 0 && b.startLine < (blocks[i - 1] as Block).startLine) sorted = false;
    if (b.endLine > max) max = b.endLine;
    maxEnd[i] = max;
  }
  index = { sorted, maxEnd };
  indexes.set(blocks, index);
  return index;
}

/** First index in [0, n) for which `pred` holds, `pred` being monotone (false… then true…). */
function firstWhere(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The blocks that overlap lines [from, to], in their order: the same as
 * `blocks.filter((b) => b.endLine >= from && b.startLine <= to)`, without scanning them all.
 */
export function blocksOverlapping(blocks: readonly Block[], from: number, to: number): Block[] {
  const index = indexOf(blocks);
  if (!index.sorted) return blocks.filter((b) => b.endLine >= from && b.startLine <= to);
  const lo = firstWhere(blocks.length, (i) => (index.maxEnd[i] as number) >= from);
  const hi = firstWhere(blocks.length, (i) => (blocks[i] as Block).startLine > to);
  const out: Block[] = [];
  for (let i = lo; i < hi; i++) {
    const b = blocks[i] as Block;
    if (b.endLine >= from) out.push(b);
  }
  return out;
}

/** Whether a line lies inside an HTML block, where Markdown (a heading, a scaffold) is not read. */
export function inHtmlBlock(blocks: readonly Block[], line: number): boolean {
  return blocksOverlapping(blocks, line, line).some((b) => b.html);
}

/** The rows of table `table` among `blocks`, in order: `blocks.filter((b) => b.kind === 'tableRow' && b.table === table)`. */
export function tableRows(blocks: readonly Block[], table: number): Block[] {
  const index = indexOf(blocks);
  if (!index.tables) {
    index.tables = new Map();
    for (const b of blocks) {
      if (b.kind !== 'tableRow' || b.table === undefined) continue;
      const rows = index.tables.get(b.table);
      if (rows) rows.push(b);
      else index.tables.set(b.table, [b]);
    }
  }
  return index.tables.get(table) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Line memos.

function hasAmbiguousDate(t: LineTokens): boolean {
  return t.dates.some((d) => d.ambiguousOrder === true) || t.times.some((x) => x.date?.ambiguousOrder === true || x.rangeEnd?.date?.ambiguousOrder === true);
}

// A line with an ambiguous numeric date (04-12-2022) is not shared: resolveDateOrder flips its
// reading to follow the rest of the document, i.e. it mutates the tokens per analysis.
const TOKENS = new StringMemo(scanLine, LINE_MEMO_CAPACITY, { shareable: (t) => !hasAmbiguousDate(t), ownKeys: true });

/** `scanLine` of a masked line, memoised (frozen tokens; see the top of this file). */
export function scanLineCached(masked: string): LineTokens {
  return TOKENS.get(masked);
}

// Entry text → milestone kind: a dozen large regexes per entry, the same entries every keystroke.
// The key is the text's length, the text, then the label, so no separator can be confused.
const CLASSES = new StringMemo((key: string) => {
  const colon = key.indexOf(':');
  const length = Number(key.slice(0, colon));
  const label = key.slice(colon + 1 + length);
  return classify(key.slice(colon + 1, colon + 1 + length), label === '' ? undefined : label);
}, LINE_MEMO_CAPACITY);

/** `classify(text, label)`, memoised (a frozen result). */
export function classifyCached(text: string, label?: string): Classification {
  return CLASSES.get(`${text.length}:${text}${label ?? ''}`);
}

// ---------------------------------------------------------------------------------------------
// Parsed chunks placed in the document.

interface Placed {
  startLine: number;
  tableBase: number;
  blocks: readonly Block[];
}

const placements = new WeakMap<object, Placed>();

/**
 * A cached chunk's blocks moved to where the chunk starts in the document (its lines and table
 * ids were relative to the chunk). The same chunk at the same place gives the same (frozen)
 * block objects as last time, so an edit that adds no line copies only the blocks of the chunk
 * it changed, and the analysis it replaces shares the rest with it.
 */
export function placeBlocks(chunk: { blocks: Block[] }, startLine: number, tableBase: number): readonly Block[] {
  const last = placements.get(chunk);
  if (last && last.startLine === startLine && last.tableBase === tableBase) return last.blocks;
  const blocks = chunk.blocks.map((b) => deepFreeze({ ...b, startLine: b.startLine + startLine, endLine: b.endLine + startLine, table: b.table === undefined ? undefined : b.table + tableBase }));
  placements.set(chunk, { startLine, tableBase, blocks });
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// How many documents keep their parse and analysis warm.

/**
 * Keeps what the most recently analysed documents cached (their parse, their last analysis), up
 * to `budgetChars` of their text, and lets the others drop theirs (issue 7: with 200 documents
 * open, parses and analyses of documents nobody was editing were most of the server's memory).
 * A document that dropped its caches pays one full analysis when it is next edited or asked
 * about, then is warm again. Owners are held weakly: closed documents drop out by themselves.
 */
export class WarmCaches {
  private readonly recent = new Map<WeakRef<object>, { chars: number; drop: () => void }>();
  private readonly refs = new WeakMap<object, WeakRef<object>>();

  constructor(private readonly budgetChars: number) {}

  /** `owner` (a document's state) was just analysed, `chars` long; `drop` empties its caches. */
  used(owner: object, chars: number, drop: () => void): void {
    let ref = this.refs.get(owner);
    if (!ref) {
      ref = new WeakRef(owner);
      this.refs.set(owner, ref);
    }
    this.recent.delete(ref);
    this.recent.set(ref, { chars, drop });
    let total = 0;
    for (const e of this.recent.values()) total += e.chars;
    // Oldest first; the document just analysed always stays.
    for (const [old, e] of this.recent) {
      if (total <= this.budgetChars || old === ref) break;
      this.recent.delete(old);
      total -= e.chars;
      if (old.deref()) e.drop();
    }
  }
}
