// Timeline entries memoised per unit, a table or a block, across analyses (issue 7: the whole
// timeline was re-extracted on every keystroke although an edit changes one block). A unit's
// entries depend only on its own lines, its blocks' shape and their place relative to the unit's
// first line, so that is the key; entries are kept with lines relative to that first line and
// moved to where the unit is now. A unit whose tokens another line can change (an ambiguous
// numeric date, whose reading follows the whole document: build.ts lineTokenCache) is not kept.
import type { Block, PostmortemDocument } from '../document';
import { deepFreeze, flatCopy, StringMemo, LINE_MEMO_CAPACITY } from '../cache';
import type { RawEntry } from './entries';
import type { LineTokens } from './scan';

// StringMemo computes a value from its key alone; a unit's entries are computed from the document
// at the place the key describes exactly, so the computation is handed over for the call.
let pending: (() => RawEntry[]) | undefined;
const UNITS = new StringMemo<readonly RawEntry[]>(() => (pending as () => RawEntry[])(), LINE_MEMO_CAPACITY);

/** Longest key kept in UNITS (characters). */
const MAX_KEY = 16_384;

interface Placement {
  base: number;
  section: number;
  entries: readonly RawEntry[];
}

// The same unit at the same place gives the same (frozen) entry objects as last time. A few
// places per unit: the same text can stand in several places (repeated rows and items).
const placements = new WeakMap<readonly RawEntry[], Placement[]>();
const PLACES = 4;

function hasAmbiguousDate(t: LineTokens): boolean {
  return t.dates.some((d) => d.ambiguousOrder === true) || t.times.some((x) => x.date?.ambiguousOrder === true || x.rangeEnd?.date?.ambiguousOrder === true);
}

/** What a block contributes to a key: its shape relative to `base` (its text is in the lines). */
function shape(b: Block, base: number): string {
  let s = `${b.kind},${b.startLine - base},${b.endLine - b.startLine},${b.depth},${b.html ? 1 : 0}${b.header ? 1 : 0}${b.quoted ? 1 : 0}`;
  if (b.cells) for (const c of b.cells) s += `\u0002${c.start},${c.end},${c.text}`;
  return s;
}

interface Last {
  tag: string;
  blocks: readonly Block[];
  from: number;
  to: number;
  raw: string[];
  value: readonly RawEntry[];
}

// Where the unit starting with this block was last read. The parse cache gives the same frozen
// block objects for an unchanged chunk at the same place (cache.ts placeBlocks), so most units
// are found here without building a key; their lines are compared all the same.
const lastRead = new WeakMap<Block, Last>();

function sameRead(last: Last | undefined, doc: PostmortemDocument, tag: string, blocks: readonly Block[], from: number, to: number): last is Last {
  if (!last || last.tag !== tag || last.from !== from || last.to !== to || last.blocks.length !== blocks.length) return false;
  for (let i = 0; i < blocks.length; i++) if (last.blocks[i] !== blocks[i]) return false;
  for (let l = from; l <= to; l++) if (last.raw[l - from] !== (doc.lines[l] ?? '')) return false;
  return true;
}

/**
 * The entries of a unit: `read` reads lines `from`..`to` (and nothing else of the document)
 * of `blocks`, and gave entries of the timeline section titled at line `section`. `tag` names
 * what else the computation depends on. Each line's text is part of the key (its masked text
 * is a function of it: cache.ts memoises masking by line text).
 */
export type UnitReader = (doc: PostmortemDocument, blocks: readonly Block[], from: number, to: number, tokensOf: (line: number) => LineTokens) => RawEntry[];

export function unitEntries(doc: PostmortemDocument, tag: string, blocks: readonly Block[], from: number, to: number, section: number, tokensOf: (line: number) => LineTokens, read: UnitReader): readonly RawEntry[] {
  const head = blocks[0] as Block;
  const last = lastRead.get(head);
  lastShared = true;
  if (sameRead(last, doc, tag, blocks, from, to)) return place(last.value, from, section);
  // A function of its arguments rather than a closure per unit: thousands of units per keystroke, nearly all found above.
  const compute = () => read(doc, blocks, from, to, tokensOf);
  for (let l = from; l <= to; l++) {
    if (hasAmbiguousDate(tokensOf(l))) {
      lastShared = false;
      return withSection(compute(), section);
    }
  }
  let key = tag;
  for (const b of blocks) key += `\u0003${shape(b, from)}`;
  const raw: string[] = [];
  for (let l = from; l <= to; l++) {
    const r = doc.lines[l] ?? '';
    // A copy: a line of the document would keep the whole document's text alive.
    raw.push(flatCopy(r));
    key += `\u0001${r}`;
  }
  let value: readonly RawEntry[];
  if (key.length > MAX_KEY) {
    // A long table: kept only where it stands (its own text per memo entry would add up, edit after edit).
    value = deepFreeze(relative(compute(), from));
  } else {
    pending = () => relative(compute(), from);
    try {
      value = UNITS.get(key);
    } finally {
      pending = undefined;
    }
  }
  lastRead.set(head, { tag, blocks: [...blocks], from, to, raw, value });
  return place(value, from, section);
}

/**
 * Whether the last unitEntries() result is kept across analyses: a function of the unit's own
 * lines and blocks alone (not of an ambiguous date the rest of the document decides).
 */
let lastShared = true;

export function lastUnitShared(): boolean {
  return lastShared;
}

function relative(entries: RawEntry[], base: number): RawEntry[] {
  for (const e of entries) {
    e.line -= base;
    e.endLine -= base;
  }
  return entries;
}

function withSection(entries: RawEntry[], section: number): RawEntry[] {
  for (const e of entries) e.section = section;
  return entries;
}

function place(value: readonly RawEntry[], base: number, section: number): readonly RawEntry[] {
  let list = placements.get(value);
  if (!list) placements.set(value, (list = []));
  for (const p of list) if (p.base === base && p.section === section) return p.entries;
  const entries = value.map((e) => Object.freeze({ ...e, line: e.line + base, endLine: e.endLine + base, section }));
  if (list.length >= PLACES) list.shift();
  list.push({ base, section, entries });
  return entries;
}
