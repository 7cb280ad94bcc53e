import type { Rule, RuleContext } from '../rule';
import { codeLines } from '../ranges';
import { ambiguityOf, wallOffset } from '../timeline/context';
import { expectedAbbreviation } from '../timeline/index';
import type { CalendarDate, TimelineEntry, ZoneContext } from '../timeline/model';
import type { TimeToken, ZoneToken } from '../timeline/tokens';
import { range, type Fix } from '../types';

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (t: { hour: number; minute: number }) => `${pad(t.hour)}:${pad(t.minute)}`;
const dateText = (d: CalendarDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/**
 * Abbreviations whose correct spelling depends on the season (PST/PDT, CET/CEST); GMT is fixed.
 * An ambiguous one (CST) is checked as the zone the ambiguity setting gives it: Chicago's CST is
 * wrong in July, China's is right all year.
 */
function seasonal(z: ZoneToken, ambiguity: Record<string, string>): boolean {
  const region = z.iana ?? (z.ambiguous && z.abbr ? ambiguity[z.abbr] : undefined);
  return z.kind === 'abbr' && region !== undefined && z.fixedOffsetMinutes !== 0 && (z.dstVariant === 'standard' || z.dstVariant === 'daylight');
}

function zoneName(z: ZoneToken): string {
  return z.abbr ?? z.raw.trim();
}

function offsetAt(z: ZoneToken, day: CalendarDate | undefined, ambiguity: Record<string, string>): number | undefined {
  const base = day ? Date.UTC(day.year, day.month - 1, day.day, 12) : Date.UTC(2000, 0, 1, 12);
  return wallOffset(z, base, ambiguity);
}

type OffsetOf = (z: ZoneToken, day: CalendarDate | undefined) => number | undefined;

/**
 * offsetAt for one check (one ambiguity map), with the timeline's own zone's offsets remembered
 * per day: every timed line compares its zone with it.
 */
function offsetMemo(ambiguity: Record<string, string>, main: ZoneToken | undefined): OffsetOf {
  const memo = new Map<number, number | undefined>();
  return (z, day) => {
    if (z !== main) return offsetAt(z, day, ambiguity);
    // One number per date (months and days below 100, as every calendar date has); else uncached.
    const key = !day ? 0.5 : day.month >= 0 && day.month < 100 && day.day >= 0 && day.day < 100 && Number.isInteger(day.year) && Number.isInteger(day.month) && Number.isInteger(day.day) ? (day.year * 100 + day.month) * 100 + day.day : undefined;
    if (key === undefined) return offsetAt(z, day, ambiguity);
    if (memo.has(key)) return memo.get(key);
    const off = offsetAt(z, day, ambiguity);
    memo.set(key, off);
    return off;
  };
}

/** The first timed entry at a wall-clock time on a day (or with no day on either side). */
function sameTimeFinder(entries: readonly TimelineEntry[]): (t: TimeToken, day: CalendarDate | undefined) => TimelineEntry | undefined {
  let byClock: Map<number, TimelineEntry[]> | undefined;
  return (t, day) => {
    if (!byClock) {
      byClock = new Map();
      for (const e of entries) {
        if (!e.time) continue;
        const k = e.time.hour * 1000 + e.time.minute;
        const list = byClock.get(k);
        if (list) list.push(e);
        else byClock.set(k, [e]);
      }
    }
    // Equal clocks have equal keys; the find below still compares them.
    if (!Number.isInteger(t.hour) || !Number.isInteger(t.minute) || t.minute < 0 || t.minute >= 1000) {
      return entries.find((e) => e.time && e.time.hour === t.hour && e.time.minute === t.minute && (!day || !e.day || (e.day.year === day.year && e.day.month === day.month && e.day.day === day.day)));
    }
    return byClock.get(t.hour * 1000 + t.minute)?.find((e) => e.time && e.time.hour === t.hour && e.time.minute === t.minute && (!day || !e.day || (e.day.year === day.year && e.day.month === day.month && e.day.day === day.day)));
  };
}

function abbreviationFix(line: number, z: ZoneToken, expected: string): Fix {
  return { title: `Change "${z.raw}" to "${expected}"`, isPreferred: true, safe: true, edits: [{ range: range(line, z.start, line, z.end), newText: expected }] };
}

/** For an ambiguous abbreviation, which zone it was read as and how to say otherwise. */
function readAs(z: ZoneToken, ambiguity: Record<string, string>): string {
  return z.ambiguous && z.abbr ? ` (${z.abbr} is read as ${ambiguity[z.abbr]}; the ambiguousZones setting names another zone.)` : '';
}

/** Not applied by --fix for an ambiguous abbreviation: the writer may mean the other zone. */
function seasonFix(line: number, z: ZoneToken, expected: string): Fix {
  const fix = abbreviationFix(line, z, expected);
  return z.ambiguous ? { ...fix, safe: false } : fix;
}

const rule: Rule = {
  id: 'timezone-mixed',
  description: 'Time zones that disagree: an unknown zone (PCT), an abbreviation wrong for the date (PST in September), or times in another zone than the timeline.',
  defaultSeverity: 'warning',
  tags: ['timeline', 'zones'],
  fixable: true,
  check(ctx) {
    const { doc, timeline } = ctx;
    const ambiguity = ambiguityOf({ ambiguousZones: ctx.config.ambiguousZones });
    const code = codeLines(doc);
    const reported = new Set<string>();
    const report = (line: number, z: ZoneToken, message: string, fixes: Fix[] = [], data: Record<string, unknown> = {}) => {
      const key = `${line}:${z.start}`;
      if (reported.has(key)) return;
      reported.add(key);
      ctx.report({ message, range: range(line, z.start, line, z.end), data: { zone: z.raw, ...data }, fixes });
    };
    // An array by line, not a Map: thousands of entries, every keystroke (issue 7).
    const entryByLine: (TimelineEntry | undefined)[] = new Array(doc.lines.length);
    for (let i = 0; i < timeline.entries.length; i++) {
      const e = timeline.entries[i] as TimelineEntry;
      if (e.time) entryByLine[e.line] = e;
    }
    const dated = !timeline.floating.date;
    const referenceDay = timeline.entries.find((e) => e.day)?.day ?? timeline.referenceDate?.date;
    const main = timeline.zone;
    const offset = offsetMemo(ambiguity, main?.zone);
    const sameTime = sameTimeFinder(timeline.entries);

    // 1. Zones written with times: unknown, wrong for the date, or another zone than the timeline's.
    for (let line = 0; line < doc.lines.length; line++) {
      if (code.has(line)) continue;
      const tokens = ctx.tokens(line);
      if (tokens.times.length === 0) continue;
      const entry = entryByLine[line];
      for (let i = 0; i < tokens.times.length; i++) {
        const t = tokens.times[i] as TimeToken;
        for (let k = 0; k < 2; k++) {
          const tt = k === 0 ? t : t.rangeEnd;
          const z = tt?.zone;
          if (!tt || !z || (tt === t && t.zoneFromRangeEnd)) continue;
          if (z.unknown) {
            const expected = referenceDay && main ? expectedAbbreviation(main.zone, referenceDay.year, referenceDay.month, referenceDay.day, ambiguity) : undefined;
            const fixes = expected && expected !== 'UTC' ? [{ ...abbreviationFix(line, z, expected), safe: false }] : [];
            report(line, z, `"${z.raw}" is not a time zone${main ? `; the timeline is in ${zoneName(main.zone)} (line ${main.line + 1})` : ''}.`, fixes, { reason: 'unknown' });
            continue;
          }
          const day = dayOf(tt, entry, dated ? referenceDay : undefined);
          if (seasonal(z, ambiguity) && day) {
            const expected = expectedAbbreviation(z, day.year, day.month, day.day, ambiguity);
            if (expected && z.abbr && expected !== z.abbr) {
              report(line, z, `${z.abbr} is wrong for ${dateText(day)}: the clocks there were on ${expected}.${readAs(z, ambiguity)}`, [seasonFix(line, z, expected)], { reason: 'season', expected });
              continue;
            }
          }
          if (main && main.line !== line) mixedWithTimeline(ctx, line, tt, z, main, day, entry, offset, sameTime, report);
        }
      }
    }

    // 2. The timeline's own zone (heading, "all times …" sentence) on the timeline's dates.
    if (main && main.source !== 'entry' && seasonal(main.zone, ambiguity) && main.zone.abbr) {
      const days = timeline.entries.filter((e) => e.time && e.day && e.dayFrom !== 'reference').map((e) => e.day as CalendarDate);
      const expectations = new Set(days.map((d) => expectedAbbreviation(main.zone, d.year, d.month, d.day, ambiguity)));
      const [expected] = [...expectations];
      if (days.length > 0 && expectations.size === 1 && expected && expected !== main.zone.abbr) {
        const first = days[0] as CalendarDate;
        report(main.line, main.zone, `${main.zone.abbr} is wrong for the timeline's dates (${dateText(first)}${days.length > 1 ? ' on' : ''}): the clocks there were on ${expected}.${readAs(main.zone, ambiguity)}`, [seasonFix(main.line, main.zone, expected)], { reason: 'season', expected });
      }
    }
  },
};

/** The date that applies to a time: written with it, its entry's day, or the document's single date. */
function dayOf(t: TimeToken, entry: TimelineEntry | undefined, reference: CalendarDate | undefined): CalendarDate | undefined {
  if (t.date && t.date.year && t.date.month && t.date.day && !t.date.invalid) return { year: t.date.year, month: t.date.month, day: t.date.day };
  if (entry?.day && entry.dayFrom !== 'reference') return entry.day;
  return reference;
}

function mixedWithTimeline(
  ctx: RuleContext, line: number, t: TimeToken, z: ZoneToken, main: ZoneContext, day: CalendarDate | undefined, entry: TimelineEntry | undefined,
  offset: OffsetOf, sameTime: ReturnType<typeof sameTimeFinder>,
  report: (line: number, z: ZoneToken, message: string, fixes?: Fix[], data?: Record<string, unknown>) => void,
): void {
  const mine = offset(z, day);
  const theirs = offset(main.zone, day);
  if (mine === undefined || theirs === undefined || mine === theirs) return;
  const name = zoneName(main.zone);
  if (entry && entry.time?.start === t.start) {
    report(line, z, `This entry is in ${zoneName(z)}, the rest of the timeline in ${name} (line ${main.line + 1}).`, [], { reason: 'entry', timelineZone: main.zone.raw });
    return;
  }
  if (entry) return; // a time quoted inside an entry's text
  // Prose: the same wall-clock time as a timeline entry, in another zone, names the same moment twice.
  const same = sameTime(t, day);
  if (same && !isUtc(z)) {
    report(line, z, `${clock(t)} ${zoneName(z)} here, but the timeline has ${clock(t)} in ${name} (line ${same.line + 1}).`, [], { reason: 'prose', timelineZone: main.zone.raw });
    return;
  }
  if (same && isUtc(z) && !isUtc(main.zone)) {
    report(line, z, `${clock(t)} ${zoneName(z)} here, but the timeline has ${clock(t)} in ${name} (line ${same.line + 1}).`, [], { reason: 'prose', timelineZone: main.zone.raw });
    return;
  }
  // Two regional zones in one account (a debugging time in PST in a CAT report).
  if (!isUtc(z) && !isUtc(main.zone) && !lineHasZone(ctx, line, main.zone, day, offset)) {
    report(line, z, `${zoneName(z)} here, but the document's times are in ${name} (line ${main.line + 1}).`, [], { reason: 'prose', timelineZone: main.zone.raw });
  }
}

function isUtc(z: ZoneToken): boolean {
  return z.fixedOffsetMinutes === 0 && (z.abbr === 'UTC' || z.abbr === 'GMT' || z.abbr === 'Z' || z.kind !== 'abbr' || z.iana === undefined || z.abbr === undefined);
}

/** A line that also writes the time in the timeline's zone is a conversion ("9:00 PST / 12:00 EST"). */
function lineHasZone(ctx: RuleContext, line: number, zone: ZoneToken, day: CalendarDate | undefined, offset: OffsetOf): boolean {
  const want = offset(zone, day);
  return ctx.tokens(line).times.some((t) => [t.zone, t.rangeEnd?.zone].some((z) => z && !z.unknown && offset(z, day) === want));
}

export default rule;
