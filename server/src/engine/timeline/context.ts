// Where a timeline's zone and reference date come from when entries do not say: the timeline
// heading, an "all times X" sentence, the summary, the title or front matter.
import type { PostmortemDocument } from '../document';
import { codeLines } from '../ranges';
import { blocksOverlapping } from '../cache';
import type { Outline, Section } from '../outline';
import { DEFAULT_AMBIGUITY, findDates, findZones, ianaOffsetMinutes, zoneOffsetMinutes } from './index';
import type { DateToken, ZoneToken } from './tokens';
import type { CalendarDate, ContextSource, ZoneContext } from './model';
import type { LineTokens } from './scan';

export const ALL_TIMES = /\b(?:all\s+)?(?:times?|hours|timestamps?)\b[^.\n]{0,40}?\b(?:are|in|is|shown|given|listed|reported|use)\b|\ball\s+(?:times|hours|timestamps)\b|\btime ?zone\b/i;

/** A pasted HTTP header or log stamp ("Date: Tue, 1 Nov 2022 07:32:16 GMT") says when a tool ran, not the document's zone. */
const HEADER_LINE = /^\s*[A-Z][\w-]*:\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),/;

function usableZone(z: ZoneToken): boolean {
  return !z.unknown && (z.iana !== undefined || z.fixedOffsetMinutes !== undefined || (z.ambiguous?.length ?? 0) > 0);
}

function zonesOnLine(doc: PostmortemDocument, line: number): ZoneToken[] {
  return findZones(doc.masked(line)).filter(usableZone);
}

export function findTimelineZone(doc: PostmortemDocument, outline: Outline, sections: Section[], tokensOf: (line: number) => LineTokens): ZoneContext | undefined {
  for (const s of sections) {
    const z = zonesOnLine(doc, s.line)[0];
    if (z) return { zone: z, source: 'heading', line: s.line };
    // A parent heading can carry it too ("Events (all times UTC)" above "Timeline").
    if (s.parent) {
      const pz = zonesOnLine(doc, s.parent.line)[0];
      if (pz) return { zone: pz, source: 'heading', line: s.parent.line };
    }
  }
  // A time column's header ("Date (UTC)", "Time (EAT)").
  for (const s of sections) {
    const header = blocksOverlapping(doc.blocks, s.line + 1, s.endLine).find((b) => b.kind === 'tableRow' && b.header && b.startLine > s.line && b.startLine <= s.endLine);
    const z = header ? zonesOnLine(doc, header.startLine)[0] : undefined;
    if (header && z) return { zone: z, source: 'heading', line: header.startLine };
  }
  // "All times are PST" inside the timeline section, then anywhere.
  const timelineLines = sections.flatMap((s) => range(s.titleEndLine + 1, s.endLine));
  for (const lines of [timelineLines, range(0, doc.lines.length - 1)]) {
    for (const line of lines) {
      const masked = doc.masked(line);
      if (!ALL_TIMES.test(masked)) continue;
      const z = findZones(masked).filter(usableZone).find((zone) => !tokensOf(line).times.some((t) => t.zone && t.zone.start === zone.start));
      if (z) return { zone: z, source: 'sentence', line };
    }
  }
  const summary = outline.sections.find((s) => s.id === 'summary');
  if (summary) {
    for (let line = summary.titleEndLine + 1; line <= summary.endLine; line++) {
      if (HEADER_LINE.test(doc.lines[line] ?? '')) continue;
      const t = tokensOf(line).times.find((x) => x.zone && usableZone(x.zone));
      if (t?.zone) return { zone: t.zone, source: 'summary', line };
    }
  }
  const fm = doc.frontMatter;
  const fmZone = fm ? [fm['timezone'], fm['time_zone'], fm['tz']].find((v) => typeof v === 'string') : undefined;
  if (typeof fmZone === 'string') {
    const z = findZones(fmZone).filter(usableZone)[0] ?? (fmZone.includes('/') ? { start: 0, end: fmZone.length, raw: fmZone, kind: 'name' as const, iana: fmZone } : undefined);
    if (z) return { zone: z, source: 'frontmatter', line: 0 };
  }
  return documentZone(doc, tokensOf);
}

/**
 * The one zone the document writes with its times ("Duration: 8:00 AM - 11:30 AM (UTC)" under any
 * title), when it writes only one; pasted headers and code do not count.
 */
function documentZone(doc: PostmortemDocument, tokensOf: (line: number) => LineTokens): ZoneContext | undefined {
  const code = codeLines(doc);
  let found: ZoneContext | undefined;
  for (let line = 0; line < doc.lines.length; line++) {
    if (code.has(line) || HEADER_LINE.test(doc.lines[line] ?? '')) continue;
    for (const t of tokensOf(line).times) {
      const z = t.zone ?? t.rangeEnd?.zone;
      if (!z || !usableZone(z)) continue;
      if (found && (found.zone.fixedOffsetMinutes !== z.fixedOffsetMinutes || found.zone.iana !== z.iana)) return undefined;
      found ??= { zone: z, source: 'document', line };
    }
  }
  return found;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

function fullDate(d: DateToken): CalendarDate | undefined {
  if (d.placeholder || d.invalid || !d.year || !d.month || !d.day) return undefined;
  return { year: d.year, month: d.month, day: d.day };
}

/** The incident's date from the text around the timeline, for entries that give none. */
export function findReferenceDate(doc: PostmortemDocument, outline: Outline, sections: Section[]): { date: CalendarDate; source: ContextSource; line: number } | undefined {
  const candidates: [number[], ContextSource][] = [];
  for (const s of sections) candidates.push([[s.line, ...(s.parent ? [s.parent.line] : [])], 'heading']);
  const summary = outline.sections.find((s) => s.id === 'summary');
  if (summary) candidates.push([range(summary.line, summary.endLine), 'summary']);
  if (outline.title) candidates.push([[outline.title.line], 'title']);
  candidates.push([outline.lead.flatMap((b) => range(b.startLine, b.endLine)), 'document']);
  for (const [lines, source] of candidates) {
    for (const line of lines) {
      const d = findDates(doc.masked(line)).map(fullDate).find(Boolean);
      if (d) return { date: d, source, line };
    }
  }
  const fmDate = doc.frontMatter?.['date'];
  const text = fmDate instanceof Date ? fmDate.toISOString().slice(0, 10) : typeof fmDate === 'string' ? fmDate : undefined;
  const m = text ? /^(\d{4})-(\d{2})-(\d{2})/.exec(text) : null;
  if (m) return { date: { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, source: 'frontmatter', line: 0 };
  for (let line = 0; line < doc.lines.length; line++) {
    const d = findDates(doc.masked(line)).map(fullDate).find(Boolean);
    if (d) return { date: d, source: 'document', line };
  }
  return undefined;
}

/** The ambiguity table that applies: the defaults, overridden by the configuration. */
export function ambiguityOf(options: { ambiguousZones?: Record<string, string> }): Record<string, string> {
  return { ...DEFAULT_AMBIGUITY, ...options.ambiguousZones };
}

const offsets = new Map<string, number | undefined>();

/** Intl is slow to ask; an offset holds for the hour around an instant (transitions fall on the hour). */
function cachedOffset(iana: string, utcMs: number): number | undefined {
  const key = `${iana}|${Math.floor(utcMs / 3_600_000)}`;
  if (offsets.has(key)) return offsets.get(key);
  if (offsets.size > 5000) offsets.clear();
  const off = ianaOffsetMinutes(iana, utcMs);
  offsets.set(key, off);
  return off;
}

/**
 * The UTC offset a zone means for a wall-clock time (`localMs`: the wall time read as UTC).
 * Abbreviations of a summer-time family name the region's clock: writers put "PST" on a
 * September timeline and mean Pacific time (timezone-mixed reports the abbreviation), so the
 * region's real offset is used. GMT and UTC stay fixed all year.
 */
export function wallOffset(zone: ZoneToken, localMs: number, ambiguity: Readonly<Record<string, string>>): number | undefined {
  if (zone.unknown) return undefined;
  const mapped = zone.ambiguous && zone.abbr ? ambiguity[zone.abbr] : undefined;
  const region = mapped ?? (zone.ambiguous ? undefined : zone.iana);
  const seasonal = zone.dstVariant === 'standard' || zone.dstVariant === 'daylight' || zone.dstVariant === 'generic' || mapped !== undefined;
  if (region && seasonal && zone.fixedOffsetMinutes !== 0) {
    // The offset of the instant this wall time names: guess with the abbreviation's own offset
    // (or the offset at the wall time read as UTC), then ask again at the instant that guess
    // gives. Asking only once read 08:30 "Pacific time" on the day clocks spring forward with
    // the offset of 00:30 that night. A time in the hour a spring-forward skips (02:30) lands on
    // the instant the clocks showed as 03:30, as calendars read it.
    const first = zone.fixedOffsetMinutes ?? cachedOffset(region, localMs);
    if (first !== undefined) {
      const off = cachedOffset(region, localMs - first * 60_000);
      if (off === undefined || off === first) return off ?? first;
      return cachedOffset(region, localMs - off * 60_000) ?? off;
    }
  }
  return zoneOffsetMinutes(zone, localMs, ambiguity);
}
