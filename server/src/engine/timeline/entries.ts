// Finds timeline entries in the timeline section(s): list items, table rows (the time column
// found by header or content), plain and soft-wrapped lines, several entries run together on
// one line, and HTML lists. Date-only lines set the date for the entries below them.
import type { Block, PostmortemDocument } from '../document';
import type { Outline, Section } from '../outline';
import { squash } from '../text';
import { blocksOverlapping, onClearMemos, tableRows } from '../cache';
import type { DateToken } from './tokens';
import type { EntrySource, TimelineEntry } from './model';
import { entryHead, labelledHead, runInStarts, type EntryHead, type LineTokens } from './scan';
import { ALL_TIMES } from './context';
import { findZones } from './index';
import { lastUnitShared, unitEntries, type UnitReader } from './memo';
import { LineSet } from '../line-set';

export interface RawEntry extends Omit<TimelineEntry, 'kind' | 'approximate'> {
  /** A date line or date heading inside the timeline (no entry text). */
  dateLine?: boolean;
  /** Nesting depth of list items, to tell details from entries. */
  depth: number;
  /** Entry had no readable time although its siblings have. */
  untimed?: boolean;
}

const TIME_HEADER = /\b(?:time|date|when|timestamp|hour|clock|utc|gmt|[a-z]{2,4}t)\b/i;

export function timelineSections(outline: Outline): Section[] {
  const all = outline.sections.filter((s) => s.id === 'timeline' && !s.part);
  // A timeline nested in another timeline is read as part of it: one that starts on an earlier
  // line and ends no earlier. A sweep in line order keeps the furthest end seen so far (a check
  // of every pair took a minute on 50,000 headings, docs/reliability.md).
  const byLine = [...all].sort((a, b) => a.line - b.line);
  const nested = new Set<Section>();
  let maxEnd = -1;
  for (let i = 0; i < byLine.length; ) {
    let j = i;
    while (j < byLine.length && (byLine[j] as Section).line === (byLine[i] as Section).line) j++;
    const group = byLine.slice(i, j);
    for (const s of group) if (maxEnd >= s.endLine) nested.add(s);
    for (const s of group) maxEnd = Math.max(maxEnd, s.endLine);
    i = j;
  }
  return all.filter((s) => !nested.has(s));
}

export function extractEntries(doc: PostmortemDocument, outline: Outline, tokensOf: (line: number) => LineTokens): RawEntry[] {
  const steps = extractEntriesSteps(doc, outline, tokensOf);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Blocks read between two yields of extractEntriesSteps. */
const BLOCKS_PER_STEP = 128;

/**
 * extractEntries, yielding every few blocks (issue 7: a timeline of 25,000 entries took most of
 * a second in one step). Run to the end, the same entries as extractEntries.
 */
const readTable: UnitReader = (doc, rows, _from, _to, tokensOf) => tableEntries(doc, rows as Block[], tokensOf);
const readLine: UnitReader = (doc, blocks, from, to, tokensOf) => lineEntries(doc, blocks[0] as Block, from, to, tokensOf);

/** A list item or paragraph read as a unit last time, in reading order (see readUnits). */
interface UnitRead {
  block: Block;
  from: number;
  to: number;
  section: number;
  found: readonly RawEntry[];
}

/**
 * The list items and paragraphs of the last extraction, in order (issue 7). The parse gives the
 * very same block object only for an unchanged chunk at the same place (cache.ts placeBlocks),
 * so a block that is the next one read last time, with the same lines and section, is the same
 * text at the same place: its entries are the ones found then (what unitEntries would return,
 * without a look-up per unit in its maps). Units whose reading the rest of the document decides
 * (ambiguous dates) are not kept. One list for the last document extracted: another document's
 * blocks never match, and then each unit is looked up as before.
 */
let readUnits: UnitRead[] = [];
onClearMemos(() => (readUnits = []));

export function* extractEntriesSteps(doc: PostmortemDocument, outline: Outline, tokensOf: (line: number) => LineTokens): Generator<void, RawEntry[], void> {
  const entries: RawEntry[] = [];
  let read = 0;
  const previous = readUnits;
  const units: UnitRead[] = [];
  /** Where the walk is in `previous`. */
  let at = 0;
  // The one block of a unit read from a list item or paragraph (unitEntries copies what it keeps).
  const unit: Block[] = [];
  for (const section of timelineSections(outline)) {
    yield;
    const [from, to] = timelineRange(doc, section);
    const lines = readableLines(section, from, to);
    // Indexed (cache.ts): a scan of every block per timeline section was quadratic in long documents.
    const blocks = blocksOverlapping(doc.blocks, from, to).filter((b) => overlaps(b, lines));
    const seenTables = new Set<number>();
    let undatedGroup = false;
    // Entries of each table and block are memoised (memo.ts): they are shared, frozen objects.
    for (const b of blocks) {
      if (++read % BLOCKS_PER_STEP === 0) yield;
      if (b.kind === 'tableRow' && b.table !== undefined && !b.html) {
        if (!seenTables.has(b.table)) {
          seenTables.add(b.table);
          // The section's rows of this table. tableRows indexes the document's blocks once per
          // analysis (issue 7: a filter per table was quadratic; an index per section's blocks
          // was rebuilt on every keystroke); the filter is the section's one, above.
          const rows = tableRows(doc.blocks, b.table).filter((r) => r.endLine >= from && r.startLine <= to && overlaps(r, lines));
          const first = rows[0]?.startLine ?? b.startLine;
          const last = rows.reduce((n, r) => Math.max(n, r.endLine), first);
          const found = unitEntries(doc, 'T', rows, first, last, section.line, tokensOf, readTable);
          for (let i = 0; i < found.length; i++) entries.push(found[i] as RawEntry);
        }
        continue;
      }
      if (b.kind === 'heading') {
        const dateLine = headingDate(b, tokensOf);
        if (dateLine) {
          dateLine.section = section.line;
          entries.push(dateLine);
        }
        // "### Ongoing", "### Follow-up": the untimed items under it are not the chronology.
        undatedGroup = !dateLine && tokensOf(b.startLine).times.length === 0;
        continue;
      }
      const readable = b.kind === 'listItem' || b.kind === 'paragraph' || (b.kind === 'tableRow' && b.html) || indentedCode(doc, b);
      if (!readable) continue;
      const first = Math.max(b.startLine, from);
      const last = Math.min(b.endLine, to);
      // The next unit read last time, or the one after it (the block an edit replaced is skipped).
      const k = previous[at]?.block === b ? at : at + 1;
      const known = previous[k];
      let found: readonly RawEntry[];
      if (known && known.block === b && known.from === first && known.to === last && known.section === section.line) {
        found = known.found;
        at = k + 1;
        units.push(known);
      } else {
        unit[0] = b;
        found = unitEntries(doc, 'L', unit, first, last, section.line, tokensOf, readLine);
        if (lastUnitShared()) units.push({ block: b, from: first, to: last, section: section.line, found });
      }
      for (let i = 0; i < found.length; i++) {
        const e = found[i] as RawEntry;
        if (lines.has(e.line) && !(undatedGroup && e.untimed)) entries.push(e);
      }
    }
  }
  readUnits = units;
  return settleUntimed(doc, entries, tokensOf);
}

/** A label over the entry below it: "when was the issue detected:", "actions taken", "Detection?". */
const GROUP_LABEL = /^(?:[^.!]{1,60}[:?]|(?:how|when|what|why|who|where)\b[^.!]{0,60}|[A-Za-z]+(?:\s+[A-Za-z]+){0,3})$/i;

/**
 * Second look at untimed entries once their siblings are known. A label line waiting for its
 * value ("when was the issue detected:" then "2:17 PM") becomes the label of that value; a list
 * item whose first sentence holds exactly one time, among timed siblings, is at that time
 * ("Customer service forwarded the ticket at 3:17 PM").
 */
function settleUntimed(doc: PostmortemDocument, entries: RawEntry[], tokensOf: (line: number) => LineTokens): RawEntry[] {
  const timedEntries = entries.filter((e) => e.time);
  const timed = timedEntries.length;
  const topDepth = Math.min(...timedEntries.map((e) => e.depth));
  const out: RawEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as RawEntry;
    const next = entries[i + 1];
    if (e.untimed && GROUP_LABEL.test(e.text) && next?.time && next.line - e.endLine <= 3) {
      if (next.text === '') {
        // Entries may be shared with other analyses (memo.ts): changed on a copy.
        const label = e.text.replace(/\s*[:?]$/, '');
        entries[i + 1] = { ...next, label, text: label };
      }
      continue;
    }
    if (e.untimed && !e.date && !e.vague && e.source === 'list' && timed >= 2 && e.depth <= topDepth) {
      const masked = doc.masked(e.line);
      const sentenceEnd = masked.slice(e.start).search(/[.!?](?:\s|$)/);
      const limit = sentenceEnd < 0 ? masked.length : e.start + sentenceEnd;
      const inside = tokensOf(e.line).times.filter((t) => t.start < limit && !t.invalid);
      const only = inside.length === 1 ? inside[0] : undefined;
      if (only && !only.rangeEnd) {
        const settled: RawEntry = { ...e };
        settled.time = only;
        settled.start = only.start;
        settled.end = only.end;
        delete settled.untimed;
        out.push(settled);
        continue;
      }
    }
    out.push(e);
  }
  return out;
}

function overlaps(b: Block, lines: LineSet): boolean {
  for (let l = b.startLine; l <= b.endLine; l++) if (lines.has(l)) return true;
  return false;
}

/** A kramdown attribute line (`{: .timeline }`) styles the block above; it is not text. */
const ATTRIBUTES = /^\s*\|?\s*\{:[^}]*\}\s*\|?\s*$/;

/** Every line entries are read from, over all timeline sections. */
export function timelineLines(doc: PostmortemDocument, outline: Outline): LineSet {
  const out = new LineSet(0, doc.lines.length - 1);
  for (const section of timelineSections(outline)) {
    const [from, to] = timelineRange(doc, section);
    out.addAll(readableLines(section, from, to));
  }
  return out;
}

/**
 * The lines of a timeline section that hold entries. Subsections that are other sections (a
 * "Root causes" inside an incident) are left out; when the section holds timelines of its own
 * (one per sub-incident), only those are read, plus the headings above them (they date them).
 */
function readableLines(section: Section, from: number, to: number): LineSet {
  // Asked for by the entries and again by the prose (prose.ts) of each analysis.
  const known = readable.get(section);
  if (known && known.from === from && known.to === to) return known.lines;
  const lines = readLines(section, from, to);
  readable.set(section, { from, to, lines });
  return lines;
}

const readable = new WeakMap<Section, { from: number; to: number; lines: LineSet }>();

function readLines(section: Section, from: number, to: number): LineSet {
  const lines = new LineSet(from, to);
  const add = (a: number, b: number) => lines.addRange(a, b);
  const descendants: Section[] = [];
  const walk = (s: Section) => s.children.forEach((c) => (descendants.push(c), walk(c)));
  walk(section);
  const nested = descendants.filter((d) => d.id === 'timeline' && !d.part);
  if (nested.length > 0) {
    for (const d of nested) {
      add(d.titleEndLine + 1, d.endLine);
      for (let p = d.parent; p && p !== section; p = p.parent) lines.add(p.line);
    }
    return lines;
  }
  add(from, to);
  for (const d of descendants) {
    if (!d.id || d.id === 'timeline') continue;
    // A "Resolution: …" line is a field of the timeline as much as a section title: keep it.
    const keep = d.kind === 'lead' ? d.titleEndLine : -1;
    for (let l = d.line; l <= d.endLine; l++) if (l !== keep) lines.delete(l);
  }
  return lines;
}

/**
 * The lines a timeline section's entries are read from. A title that is a list item
 * ("- **Key events**") owns only the items nested under it, not its siblings ("- Time to repair").
 */
export function timelineRange(doc: PostmortemDocument, section: Section): [number, number] {
  const from = section.titleEndLine + 1;
  const title = blocksOverlapping(doc.blocks, section.line, section.line).find((b) => b.kind === 'listItem' && b.startLine === section.line);
  if (!title) return [from, section.endLine];
  const next = blocksOverlapping(doc.blocks, section.titleEndLine + 1, section.endLine).find((b) => b.startLine > section.titleEndLine && b.startLine <= section.endLine && b.kind === 'listItem' && b.depth <= title.depth);
  return [from, next ? next.startLine - 1 : section.endLine];
}

/**
 * Text indented by four spaces is a code block to Markdown, but in a timeline it is almost always
 * an author's indentation of ordinary entries; fenced blocks stay code.
 */
function indentedCode(doc: PostmortemDocument, b: Block): boolean {
  return b.kind === 'code' && b.lang === undefined && !/^\s*(?:```|~~~)/.test(doc.lines[b.startLine] ?? '');
}

function headingDate(b: Block, tokensOf: (line: number) => LineTokens): RawEntry | undefined {
  const tokens = tokensOf(b.startLine);
  const date = tokens.dates.find((d) => !d.placeholder);
  if (!date || tokens.times.length > 0) return undefined;
  return { line: b.startLine, endLine: b.startLine, start: date.start, end: date.end, text: '', source: 'line', date, dateLine: true, depth: 0 };
}

function sourceOf(b: Block): EntrySource {
  if (b.html) return 'html';
  return b.kind === 'listItem' ? 'list' : 'line';
}

/** A line of a paragraph that is a bullet of its own ("    - The problem was solved …"). */
const BULLET = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+\S/;
/** "more or less 5 minutes after", "about an hour later": a time relative to nothing written. */
const VAGUE_RELATIVE = /\b(?:(?:more or less|about|around|roughly|approximately|some|a few|several)\s+)?(?:\d+|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|few|several)\s+(?:minutes?|mins?|hours?|hrs?)\s+(?:after|later|before|afterwards)\b/i;

/**
 * Whether an untimed line of a paragraph starts an entry of its own rather than continuing the
 * one above: a bullet, or a capitalised line after a short one (soft wraps are long lines).
 */
function startsOwnEntry(doc: PostmortemDocument, b: Block, line: number, previousLength: number, current: RawEntry | undefined): boolean {
  const raw = doc.lines[line] ?? '';
  if (b.kind === 'listItem' || b.kind === 'paragraph') {
    if (line === b.startLine) return true;
    if (b.kind === 'listItem') return false;
  }
  // Indented deeper than the entry above: its details.
  if (current && indentOf(raw) > indentOf(doc.lines[current.line] ?? '')) return false;
  if (BULLET.test(raw)) return true;
  return previousLength > 0 && previousLength < 70 && /^\s*[A-Z]/.test(raw) && !/[,;(]\s*$/.test(doc.lines[line - 1] ?? '');
}

const indentOf = (text: string) => text.replace(/\t/g, '    ').search(/\S/);

function untimedEntry(b: Block, line: number, masked: string, tokens: LineTokens): RawEntry {
  const start = Math.max(0, masked.search(/\S/));
  const entry: RawEntry = { line, endLine: line, start, end: masked.trimEnd().length, text: squash(masked), source: sourceOf(b), depth: b.depth, untimed: true };
  // "First detected 2023-01-04 (Time TBC)": the day is known, the time is not.
  const date = tokens.dates.find((d) => d.start <= 40 && d.year && !d.placeholder && !d.invalid);
  if (date) entry.date = date;
  const v = VAGUE_RELATIVE.exec(masked);
  if (v) entry.vague = { start: v.index, end: v.index + v[0].length, raw: v[0] };
  return entry;
}

function lineEntries(doc: PostmortemDocument, b: Block, first: number, last: number, tokensOf: (line: number) => LineTokens): RawEntry[] {
  const out: RawEntry[] = [];
  let current: RawEntry | undefined;
  let previousLength = 0;
  for (let line = first; line <= last; line++) {
    const masked = doc.masked(line);
    if (masked.trim() === '' || ATTRIBUTES.test(doc.lines[line] ?? '')) {
      previousLength = 0;
      continue;
    }
    const tokens = tokensOf(line);
    const head = entryHead(masked, tokens) ?? labelledHead(masked, tokens);
    const own = startsOwnEntry(doc, b, line, previousLength, current);
    previousLength = masked.trim().length;
    if (!head) {
      // "(all times UTC)", "All times are in CET.": a note on the timeline, not an entry.
      if (own && ALL_TIMES.test(masked) && findZones(masked).length > 0) {
        current = undefined;
      } else if (own) {
        current = untimedEntry(b, line, masked, tokens);
        out.push(current);
      } else if (current) {
        current.text = squash(`${current.text} ${masked}`);
        current.endLine = line;
      }
      continue;
    }
    // Split the line where further entries run in ("… 2:30 PM – 9:00 PM: …").
    const starts = [head.start, ...runInStarts(masked, tokens, head.end)];
    starts.forEach((at, i) => {
      const next = starts[i + 1] ?? masked.length;
      const h: EntryHead | undefined = i === 0 ? head : entryHead(masked, tokens, at);
      if (!h) return;
      const rest = squash(masked.slice(h.end, next).replace(/^[\s:–—)-]+/, ''));
      const text = h.label ? squash(`${h.label} ${rest}`) : rest;
      const isDateLine = !h.time && !h.vague && !h.placeholder && !h.relative && text === '';
      current = {
        line, endLine: line, start: h.start, end: h.end, text, source: i > 0 ? 'run-in' : sourceOf(b), depth: b.depth,
        time: h.time, date: h.date, relative: h.relative, vague: h.vague, placeholder: h.placeholder, dateLine: isDateLine || undefined,
      };
      if (h.label) current.label = h.label;
      out.push(current);
    });
  }
  return out;
}

function tableEntries(doc: PostmortemDocument, rows: Block[], tokensOf: (line: number) => LineTokens): RawEntry[] {
  const header = rows.find((r) => r.header);
  const body = rows.filter((r) => !r.header);
  const column = timeColumn(header, body, tokensOf);
  if (column < 0) return [];
  const out: RawEntry[] = [];
  for (const row of body) {
    const cell = row.cells?.[column];
    if (!cell || ATTRIBUTES.test(doc.lines[row.startLine] ?? '')) continue;
    const tokens = tokensOf(row.startLine);
    const masked = doc.masked(row.startLine);
    const inCell = <T extends { start: number; end: number }>(list: T[]) => list.filter((t) => t.start >= cell.start && t.end <= cell.end);
    // A date in the cell before may be read as part of the time ("| 2024-03-05 | 23:50 |"): the clock decides.
    const times = tokens.times.filter((t) => t.clockStart >= cell.start && t.clockEnd <= cell.end).map((t) => (t.start < cell.start ? { ...t, start: t.clockStart } : t));
    const cellTokens: LineTokens = { times, dates: inCell(tokens.dates), relative: inCell(tokens.relative), vague: inCell(tokens.vague), placeholders: inCell(tokens.placeholders) };
    const head = entryHead(masked, cellTokens, cell.start);
    const dateCell = row.cells?.findIndex((c, i) => i !== column && /^\s*\S/.test(c.text) && inCellDate(tokens.dates, c)) ?? -1;
    const extraDate: DateToken | undefined = dateCell >= 0 ? tokens.dates.find((d) => d.start >= (row.cells?.[dateCell]?.start ?? 0) && d.end <= (row.cells?.[dateCell]?.end ?? 0)) : undefined;
    const text = (row.cells ?? []).filter((_, i) => i !== column && i !== dateCell).map((c) => c.text).filter(Boolean).join(' — ');
    if (!head) {
      if (cell.text.trim() === '' && text === '') continue;
      out.push({ line: row.startLine, endLine: row.endLine, start: cell.start, end: Math.max(cell.start, cell.end), text, source: 'table', depth: 0, untimed: true, date: extraDate });
      continue;
    }
    out.push({ line: row.startLine, endLine: row.endLine, start: head.start, end: head.end, text, source: 'table', depth: 0, time: head.time, date: head.date ?? extraDate, relative: head.relative, vague: head.vague, placeholder: head.placeholder });
  }
  return out;
}

function inCellDate(dates: DateToken[], cell: { start: number; end: number }): boolean {
  return dates.some((d) => d.start >= cell.start && d.end <= cell.end);
}

/** The column holding times: by header name, else the column where most rows have a time. */
function timeColumn(header: Block | undefined, body: Block[], tokensOf: (line: number) => LineTokens): number {
  const width = Math.max(0, ...body.map((r) => r.cells?.length ?? 0));
  const score = new Array<number>(width).fill(0);
  for (const row of body) {
    const tokens = tokensOf(row.startLine);
    row.cells?.forEach((c, i) => {
      const hit = tokens.times.some((t) => t.clockStart >= c.start && t.clockEnd <= c.end) || [...tokens.placeholders, ...tokens.vague, ...tokens.relative].some((t) => t.start >= c.start && t.end <= c.end);
      if (hit) score[i] = (score[i] ?? 0) + 1;
    });
  }
  const best = score.reduce((bi, v, i) => (v > (score[bi] ?? 0) ? i : bi), 0);
  if ((score[best] ?? 0) > 0 && (score[best] ?? 0) >= body.length / 3) return best;
  return header?.cells?.findIndex((c) => TIME_HEADER.test(c.text)) ?? -1;
}
