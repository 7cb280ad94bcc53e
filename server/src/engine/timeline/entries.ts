// Finds timeline entries in the timeline section(s): list items, table rows (the time column
// found by header or content), plain and soft-wrapped lines, several entries run together on
// one line, and HTML lists. Date-only lines set the date for the entries below them.
import type { Block, PostmortemDocument } from '../document';
import type { Outline, Section } from '../outline';
import { squash } from '../text';
import type { DateToken } from './tokens';
import type { EntrySource, TimelineEntry } from './model';
import { entryHead, runInStarts, type EntryHead, type LineTokens } from './scan';

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
  // A timeline nested in another timeline is read as part of it.
  return all.filter((s) => !all.some((o) => o !== s && o.line < s.line && o.endLine >= s.endLine));
}

export function extractEntries(doc: PostmortemDocument, outline: Outline, tokensOf: (line: number) => LineTokens): RawEntry[] {
  const entries: RawEntry[] = [];
  for (const section of timelineSections(outline)) {
    const from = section.titleEndLine + 1;
    const blocks = doc.blocks.filter((b) => b.endLine >= from && b.startLine <= section.endLine);
    const seenTables = new Set<number>();
    for (const b of blocks) {
      if (b.kind === 'tableRow' && b.table !== undefined && !b.html) {
        if (!seenTables.has(b.table)) {
          seenTables.add(b.table);
          entries.push(...tableEntries(doc, b.table, section, blocks, tokensOf));
        }
        continue;
      }
      if (b.kind === 'heading') {
        const dateLine = headingDate(b, tokensOf);
        if (dateLine) entries.push(dateLine);
        continue;
      }
      if (b.kind !== 'listItem' && b.kind !== 'paragraph' && !(b.kind === 'tableRow' && b.html)) continue;
      const first = Math.max(b.startLine, from);
      const last = Math.min(b.endLine, section.endLine);
      entries.push(...lineEntries(doc, b, first, last, tokensOf));
    }
  }
  return entries;
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

function lineEntries(doc: PostmortemDocument, b: Block, first: number, last: number, tokensOf: (line: number) => LineTokens): RawEntry[] {
  const out: RawEntry[] = [];
  let current: RawEntry | undefined;
  for (let line = first; line <= last; line++) {
    const masked = doc.masked(line);
    if (masked.trim() === '') continue;
    const tokens = tokensOf(line);
    const head = entryHead(masked, tokens);
    const isItemStart = b.kind === 'listItem' && line === b.startLine;
    if (!head) {
      if (isItemStart) {
        current = { line, endLine: line, start: masked.search(/\S/), end: masked.trimEnd().length, text: squash(masked), source: sourceOf(b), depth: b.depth, untimed: true };
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
      const text = squash(masked.slice(h.end, next).replace(/^[\s:–—-]+/, ''));
      const isDateLine = !h.time && !h.vague && !h.placeholder && !h.relative && text === '';
      current = {
        line, endLine: line, start: h.start, end: h.end, text, source: i > 0 ? 'run-in' : sourceOf(b), depth: b.depth,
        time: h.time, date: h.date, relative: h.relative, vague: h.vague, placeholder: h.placeholder, dateLine: isDateLine || undefined,
      };
      out.push(current);
    });
  }
  return out;
}

function tableEntries(doc: PostmortemDocument, id: number, section: Section, blocks: Block[], tokensOf: (line: number) => LineTokens): RawEntry[] {
  const rows = blocks.filter((b) => b.kind === 'tableRow' && b.table === id && b.startLine <= section.endLine);
  const header = rows.find((r) => r.header);
  const body = rows.filter((r) => !r.header);
  const column = timeColumn(header, body, tokensOf);
  if (column < 0) return [];
  const out: RawEntry[] = [];
  for (const row of body) {
    const cell = row.cells?.[column];
    if (!cell) continue;
    const tokens = tokensOf(row.startLine);
    const masked = doc.masked(row.startLine);
    const inCell = <T extends { start: number; end: number }>(list: T[]) => list.filter((t) => t.start >= cell.start && t.end <= cell.end);
    const cellTokens: LineTokens = { times: inCell(tokens.times), dates: inCell(tokens.dates), relative: inCell(tokens.relative), vague: inCell(tokens.vague), placeholders: inCell(tokens.placeholders) };
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
      const hit = [...tokens.times, ...tokens.placeholders, ...tokens.vague, ...tokens.relative].some((t) => t.start >= c.start && t.end <= c.end);
      if (hit) score[i] = (score[i] ?? 0) + 1;
    });
  }
  const best = score.reduce((bi, v, i) => (v > (score[bi] ?? 0) ? i : bi), 0);
  if ((score[best] ?? 0) > 0 && (score[best] ?? 0) >= body.length / 3) return best;
  return header?.cells?.findIndex((c) => TIME_HEADER.test(c.text)) ?? -1;
}
