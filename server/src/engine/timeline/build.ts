// Builds the timeline: extracts entries, carries dates forward (and across midnight), applies
// the zone, computes instants, classifies milestones and derives the metrics.
import type { PostmortemDocument } from '../document';
import type { Outline } from '../outline';
import { zoneOffsetMinutes } from './index';
import type { DateToken, ZoneToken } from './tokens';
import { classify } from './milestones';
import { extractEntries, timelineSections, type RawEntry } from './entries';
import { findReferenceDate, findTimelineZone } from './context';
import { computeMilestones } from './metrics';
import { scanLine, type LineTokens } from './scan';
import type { CalendarDate, Timeline, TimelineEntry, ZoneContext } from './model';

export interface TimelineOptions {
  /** Zone meant by ambiguous abbreviations, e.g. {IST: 'Asia/Kolkata'}. */
  ambiguousZones?: Record<string, string>;
}

/** A backwards jump larger than this, with no date written, is read as crossing midnight. */
const ROLLOVER_MINUTES = 6 * 60;
const DAY = 86_400_000;

export function lineTokenCache(doc: PostmortemDocument): (line: number) => LineTokens {
  const cache = new Map<number, LineTokens>();
  return (line) => {
    let t = cache.get(line);
    if (!t) {
      t = scanLine(doc.masked(line));
      cache.set(line, t);
    }
    return t;
  };
}

function usable(z: ZoneToken | undefined): z is ZoneToken {
  return z !== undefined && !z.unknown && (z.iana !== undefined || z.fixedOffsetMinutes !== undefined || (z.ambiguous?.length ?? 0) > 0);
}

function withYear(d: DateToken, year: number | undefined): CalendarDate | undefined {
  if (d.placeholder || d.invalid || !d.month || !d.day) return undefined;
  const y = d.year ?? year;
  return y ? { year: y, month: d.month, day: d.day } : undefined;
}

function addDays(d: CalendarDate, n: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + n * DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function majorityZone(raw: RawEntry[]): ZoneContext | undefined {
  const counts = new Map<string, { zone: ZoneToken; line: number; n: number }>();
  for (const e of raw) {
    const z = e.time?.zone;
    if (!usable(z)) continue;
    const key = z.iana ?? String(z.fixedOffsetMinutes) + (z.abbr ?? '');
    const c = counts.get(key) ?? { zone: z, line: e.line, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best ? { zone: best.zone, source: 'entry', line: best.line } : undefined;
}

export function buildTimeline(doc: PostmortemDocument, outline: Outline, options: TimelineOptions = {}, tokensOf = lineTokenCache(doc)): Timeline {
  const sections = timelineSections(outline);
  const raw = extractEntries(doc, outline, tokensOf);
  const zone = findTimelineZone(doc, outline, sections, tokensOf) ?? majorityZone(raw);
  const firstDated = raw.find((e) => e.date && e.date.year && !e.date.placeholder && !e.date.invalid);
  const reference = firstDated?.date?.year
    ? { date: { year: firstDated.date.year, month: firstDated.date.month, day: firstDated.date.day }, source: 'entry' as const, line: firstDated.line }
    : findReferenceDate(doc, outline, sections);

  const entries: TimelineEntry[] = [];
  const floating = { date: reference === undefined, zone: zone === undefined };
  let day: CalendarDate | undefined;
  let prevMinutes: number | undefined;
  let anchor: number | undefined;
  let lastTimedDepth = Number.POSITIVE_INFINITY;
  let floatingDay = 0;

  for (const e of raw) {
    const explicit = e.date ? withYear(e.date, day?.year ?? reference?.date.year) : undefined;
    if (e.dateLine) {
      if (explicit) {
        day = explicit;
        prevMinutes = undefined;
      }
      continue;
    }
    if (e.untimed && !e.date && e.depth > lastTimedDepth) continue; // a detail under a timed entry
    const entry: TimelineEntry = { ...e, kind: 'other', approximate: false };
    delete (entry as Partial<RawEntry>).depth;
    delete (entry as Partial<RawEntry>).untimed;
    delete (entry as Partial<RawEntry>).dateLine;
    const { kind, marked } = classify(`${e.text} ${doc.masked(e.line).slice(e.start, e.end)}`);
    entry.kind = kind;
    if (marked) entry.markedKind = true;

    if (explicit) {
      day = explicit;
      entry.dayFrom = 'entry';
      prevMinutes = undefined;
    } else if (day) entry.dayFrom = 'carried';
    else if (reference) {
      day = reference.date;
      entry.dayFrom = 'reference';
    }

    const t = e.time && !e.time.invalid ? e.time : undefined;
    if (t) {
      lastTimedDepth = e.depth;
      const minutes = t.hour * 60 + t.minute;
      if (!explicit && prevMinutes !== undefined && minutes < prevMinutes - ROLLOVER_MINUTES) {
        day = day ? addDays(day, 1) : undefined;
        entry.dayFrom = 'rollover';
        floatingDay++;
      }
      prevMinutes = minutes;
      entry.approximate = t.approximate;
      const zctx: ZoneContext | undefined = usable(t.zone) ? { zone: t.zone, source: 'entry', line: e.line } : zone;
      entry.zone = zctx;
      const base = day ? Date.UTC(day.year, day.month - 1, day.day) : Date.UTC(2000, 0, 1) + floatingDay * DAY;
      const local = base + (minutes * 60 + (t.second ?? 0)) * 1000;
      const offset = zctx ? zoneOffsetMinutes(zctx.zone, local, options.ambiguousZones) : undefined;
      if (offset !== undefined) entry.offsetMinutes = offset;
      entry.instant = local - (offset ?? 0) * 60_000;
      if (t.rangeEnd && !t.rangeEnd.invalid) {
        let end = base + (t.rangeEnd.hour * 60 + t.rangeEnd.minute) * 60_000 - (offset ?? 0) * 60_000;
        if (end < entry.instant) end += DAY;
        entry.endInstant = end;
      }
      anchor ??= entry.instant;
    } else if (e.relative) {
      entry.instant = (anchor ?? Date.UTC(2000, 0, 1)) + e.relative.minutes * 60_000;
      entry.zone = zone;
    }
    if (day) entry.day = day;
    entries.push(entry);
  }
  return { sectionLines: sections.map((s) => s.line), entries, zone, referenceDate: reference, floating, milestones: computeMilestones(entries) };
}

