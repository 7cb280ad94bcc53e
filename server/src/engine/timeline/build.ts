// Builds the timeline: extracts entries, carries dates forward (and across midnight), applies
// the zone, computes instants, classifies milestones and derives the metrics.
import type { PostmortemDocument } from '../document';
import type { Outline } from '../outline';
import { codeLines } from '../ranges';
import { resolveDateOrder } from './index';
import type { DateToken, TimeToken, ZoneToken } from './tokens';
import { extractEntriesSteps, timelineSections, type RawEntry } from './entries';
import { ambiguityOf, findReferenceDate, findTimelineZone, wallOffset } from './context';
import { computeMilestones } from './metrics';
import { stableZone, timelineEntry, type Placed } from './reuse';
import { extractProseSteps } from './prose';
import type { LineTokens } from './scan';
// Memoised by line text across analyses (issue 7: an edit re-scans only the lines it changed).
import { scanLineCached as scanLine } from '../cache';
import type { CalendarDate, Timeline, TimelineEntry, ZoneContext } from './model';

/** A backwards jump larger than this, with no date written, is read as crossing midnight. */
const ROLLOVER_MINUTES = 6 * 60;
const DAY = 86_400_000;

export interface TimelineOptions {
  /**
   * Zone meant by ambiguous abbreviations, e.g. {IST: 'Asia/Kolkata'}; merged over the defaults
   * (CST: America/Chicago, IST: Asia/Kolkata, AST: America/Halifax).
   */
  ambiguousZones?: Record<string, string>;
}

/**
 * Tokens per line, scanned once per analysis. The first use scans every line, so that day-month
 * order of ambiguous numeric dates (04-12-2022) follows the document's own unambiguous dates
 * before anyone reads them.
 */
export function lineTokenCache(doc: PostmortemDocument): (line: number) => LineTokens {
  return lineTokens(doc).tokens;
}

/** Lines scanned between two yields of the scan of lineTokens. */
const LINES_PER_STEP = 2048;

/**
 * lineTokenCache, with the scan of every line as steps (issue 7: one step of a few hundred ms
 * on a 2 MB document): `scan` scans the lines a batch at a time, yielding in between; `tokens`
 * is the cache, which scans the lines not scanned yet at its first use. Either way the same
 * tokens, and the dates of every line are ordered once all lines are scanned.
 */
export function lineTokens(doc: PostmortemDocument): { tokens: (line: number) => LineTokens; scan: () => Generator<void, void, void> } {
  let cache: (LineTokens | undefined)[] | undefined;
  let code: ReturnType<typeof codeLines> | undefined;
  const scanned: (LineTokens | undefined)[] = [];
  const scanMasked = (line: number) => scanLine(doc.masked(line));
  function* scan(): Generator<void, void, void> {
    if (cache) return;
    code ??= codeLines(doc);
    const count = doc.lines.length;
    while (scanned.length < count) {
      const i = scanned.length;
      scanned.push(code.has(i) ? undefined : doc.perLine('tokens', i, scanMasked));
      if (i % LINES_PER_STEP === LINES_PER_STEP - 1) {
        yield;
        if (cache) return; // finished by a use of tokens meanwhile
      }
    }
    // The dates of every line, collected without an array per line (issue 7: this runs on every keystroke).
    const dates: DateToken[] = [];
    for (let i = 0; i < scanned.length; i++) {
      const t = scanned[i];
      if (!t) continue;
      for (let k = 0; k < t.dates.length; k++) dates.push(t.dates[k] as DateToken);
      for (let k = 0; k < t.times.length; k++) {
        const date = (t.times[k] as TimeToken).date;
        if (date) dates.push(date);
      }
    }
    resolveDateOrder(dates);
    cache = scanned;
  }
  const tokens = (line: number): LineTokens => {
    if (!cache) {
      const rest = scan();
      while (!rest.next().done);
    }
    const all = cache as (LineTokens | undefined)[];
    let t = all[line];
    if (!t) {
      t = doc.perLine('tokens', line, scanMasked);
      all[line] = t;
    }
    return t;
  };
  return { tokens, scan };
}

function usable(z: ZoneToken | undefined): z is ZoneToken {
  return z !== undefined && !z.unknown && (z.iana !== undefined || z.fixedOffsetMinutes !== undefined || (z.ambiguous?.length ?? 0) > 0);
}

const dayNumber = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day) / DAY;

/**
 * The calendar date of a written date. A date written without a year takes the year that keeps
 * the timeline moving forward from the previous entry (Dec 31 → Jan 1 is the next year), or for
 * the first entry the year that does not put it months after the incident (`[12-05]` in a March
 * report is the previous December).
 */
function withYear(d: DateToken, previous: CalendarDate | undefined, reference: CalendarDate | undefined): CalendarDate | undefined {
  if (d.placeholder || d.invalid || !d.month || !d.day) return undefined;
  // The date of the entry before, again (most dated rows): that object, not a new one per row.
  if (d.year) return previous && previous.year === d.year && previous.month === d.month && previous.day === d.day ? previous : { year: d.year, month: d.month, day: d.day };
  if (previous) {
    const same = { year: previous.year, month: d.month, day: d.day };
    return dayNumber(same) < dayNumber(previous) - 7 ? { ...same, year: previous.year + 1 } : same;
  }
  if (!reference) return undefined;
  const same = { year: reference.year, month: d.month, day: d.day };
  return dayNumber(same) > dayNumber(reference) + 60 ? { ...same, year: reference.year - 1 } : same;
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
  const steps = buildTimelineSteps(doc, outline, options, tokensOf);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Entries placed between two yields of buildTimelineSteps. */
const ENTRIES_PER_STEP = 1024;

/**
 * buildTimeline, yielding between phases and every few blocks or entries (issue 7: a timeline of
 * 25,000 entries took up to a second and a half in one step of analysisSteps). Run to the end,
 * the same timeline as buildTimeline.
 */
export function* buildTimelineSteps(doc: PostmortemDocument, outline: Outline, options: TimelineOptions = {}, tokensOf = lineTokenCache(doc)): Generator<void, Timeline, void> {
  const sections = timelineSections(outline);
  const raw = yield* extractEntriesSteps(doc, outline, tokensOf);
  yield;
  const zone = stableZone(findTimelineZone(doc, outline, sections, tokensOf) ?? majorityZone(raw));
  const firstDated = raw.find((e) => e.date && e.date.year && !e.date.placeholder && !e.date.invalid);
  const reference = firstDated?.date?.year
    ? { date: { year: firstDated.date.year, month: firstDated.date.month, day: firstDated.date.day }, source: 'entry' as const, line: firstDated.line }
    : findReferenceDate(doc, outline, sections);

  const ambiguity = ambiguityOf(options);
  const entries: TimelineEntry[] = [];
  const floating = { date: reference === undefined, zone: zone === undefined };
  let day: CalendarDate | undefined;
  let prevMinutes: number | undefined;
  let anchor: number | undefined;
  let anchorOffset: number | undefined;
  let lastTimedDepth = Number.POSITIVE_INFINITY;
  let floatingDay = 0;

  yield;
  // One Placed for every entry: timelineEntry copies what it keeps (reuse.ts), so no object per entry.
  const placed: Placed = { timed: false, approximate: false };
  for (let index = 0; index < raw.length; index++) {
    const e = raw[index] as RawEntry;
    if ((index + 1) % ENTRIES_PER_STEP === 0) yield;
    const explicit = e.date ? withYear(e.date, day, reference?.date) : undefined;
    if (e.dateLine) {
      if (explicit) {
        day = explicit;
        prevMinutes = undefined;
      }
      continue;
    }
    if (e.untimed && !e.date && e.depth > lastTimedDepth) continue; // a detail under a timed entry
    placed.dayFrom = undefined;
    placed.timed = false;
    placed.approximate = false;
    placed.zone = undefined;
    placed.offsetMinutes = undefined;
    placed.instant = undefined;
    placed.endInstant = undefined;
    placed.day = undefined;

    if (explicit) {
      day = explicit;
      placed.dayFrom = 'entry';
      prevMinutes = undefined;
    } else if (day) placed.dayFrom = 'carried';
    else if (reference) {
      day = reference.date;
      placed.dayFrom = 'reference';
    }

    const t = e.time && !e.time.invalid ? e.time : undefined;
    if (t) {
      lastTimedDepth = e.depth;
      const minutes = t.hour * 60 + t.minute;
      const zctx: ZoneContext | undefined = usable(t.zone) ? { zone: t.zone, source: 'entry', line: e.line } : zone;
      // Midnight is crossed on the timeline's own clock: "03:20 PDT" after "10:00" UTC is 10:20
      // UTC, later the same day, not a jump back to the next one.
      const clock = zctx && zone && zctx !== zone ? onTimelineClock(minutes, zctx, zone, day, ambiguity) : minutes;
      if (!explicit && prevMinutes !== undefined && clock < prevMinutes - ROLLOVER_MINUTES) {
        day = day ? addDays(day, 1) : undefined;
        placed.dayFrom = 'rollover';
        floatingDay++;
      }
      prevMinutes = clock;
      placed.timed = true;
      placed.approximate = t.approximate;
      placed.zone = zctx;
      const base = day ? Date.UTC(day.year, day.month - 1, day.day) : Date.UTC(2000, 0, 1) + floatingDay * DAY;
      const local = base + (minutes * 60 + (t.second ?? 0)) * 1000;
      const offset = zctx ? wallOffset(zctx.zone, local, ambiguity) : undefined;
      placed.offsetMinutes = offset;
      placed.instant = local - (offset ?? 0) * 60_000;
      if (t.rangeEnd && !t.rangeEnd.invalid) {
        let end = base + (t.rangeEnd.hour * 60 + t.rangeEnd.minute) * 60_000 - (offset ?? 0) * 60_000;
        if (end < placed.instant) end += DAY;
        placed.endInstant = end;
      }
      if (anchor === undefined) {
        anchor = placed.instant;
        anchorOffset = placed.offsetMinutes;
      }
    } else if (e.relative) {
      placed.instant = (anchor ?? Date.UTC(2000, 0, 1)) + e.relative.minutes * 60_000;
      placed.zone = zone;
      placed.offsetMinutes = anchorOffset;
    }
    placed.day = day;
    // The same object as last analysis when nothing about it changed (reuse.ts).
    const entry = timelineEntry(doc, e, placed);
    entries.push(entry);
  }
  yield;
  const newest = newestFirst(entries);
  const timeline: Timeline = { sectionLines: sections.map((s) => s.line), entries, zone, referenceDate: reference, floating, milestones: computeMilestones(newest ? [...entries].reverse() : entries), prose: [] };
  if (newest) timeline.newestFirst = true;
  yield;
  timeline.prose = yield* extractProseSteps(doc, outline, timeline, tokensOf, ambiguity);
  return timeline;
}

/**
 * A timeline written newest first: at least three clock times, none later than the one above
 * it, the first later than the last. Its milestones are read from the bottom up.
 */
function newestFirst(entries: readonly TimelineEntry[]): boolean {
  let count = 0;
  let previous: number | undefined;
  let first: number | undefined;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as TimelineEntry;
    if (e.instant === undefined || e.relative) continue;
    if (previous !== undefined && e.instant > previous) return false;
    first ??= e.instant;
    previous = e.instant;
    count++;
  }
  return count >= 3 && first !== undefined && previous !== undefined && first > previous;
}

/** Minutes of the day on the timeline's clock for a time written in another zone (unchanged when an offset is unknown). */
function onTimelineClock(minutes: number, own: ZoneContext, main: ZoneContext, day: CalendarDate | undefined, ambiguity: Readonly<Record<string, string>>): number {
  const local = (day ? Date.UTC(day.year, day.month - 1, day.day) : Date.UTC(2000, 0, 1)) + minutes * 60_000;
  const ownOffset = wallOffset(own.zone, local, ambiguity);
  const mainOffset = wallOffset(main.zone, local, ambiguity);
  return ownOffset === undefined || mainOffset === undefined ? minutes : minutes - ownOffset + mainOffset;
}
