// What hover, inlay hints and code lens say about times: read from the document's cached
// analysis (entries, prose statements, milestones), never by analysing again. A zone or date the
// document does not state is said to be unknown, never invented.
import type { Analysis } from '../engine';
import { ambiguityOf, wallOffset } from '../engine/timeline/context';
import { formatClock, formatMinutes, isoLocal } from '../engine/timeline/format';
import { findTimes } from '../engine/timeline';
import type { ZoneToken } from '../engine/timeline/tokens';
import type { CalendarDate, Milestones, MilestoneKind, ProseStatement, ProseTime, Timeline, TimelineEntry } from '../engine/timeline/model';

const pad = (n: number) => String(n).padStart(2, '0');

export type Timed = TimelineEntry & { instant: number };

/** A time as the hover describes it: when, and what of it is known. */
export interface Moment {
  instant: number;
  /** Offset used for `instant`; undefined when no zone applies (the instant is wall-clock time). */
  offsetMinutes?: number;
  /** The zone that gave the offset. */
  zone?: ZoneToken;
  /** False when no date is stated anywhere: the instant's day is a stand-in. */
  dateKnown: boolean;
  clock: string;
  approximate: boolean;
}

/** "T+0:10", "T-0:16", "T+3d 9:33": signed (days,) hours and minutes from the outage start. */
export function formatTPlus(minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  const days = Math.floor(m / 1440);
  return `T${minutes < 0 ? '-' : '+'}${days ? `${days}d ` : ''}${Math.floor((m % 1440) / 60)}:${pad(m % 60)}`;
}

export function minutesBetween(from: number, to: number): number {
  return Math.round((to - from) / 60_000);
}

function utcClock(instant: number, withDate: boolean): string {
  const d = new Date(instant);
  const clock = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  return withDate ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${clock}` : clock;
}

function formatOffset(minutes: number): string {
  const m = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** The zone's offset is the same on every date (UTC, UTC+3, WAT), so it is known without one. */
function offsetIsFixed(zone: ZoneToken | undefined): boolean {
  if (!zone) return false;
  return zone.kind === 'offset' || zone.fixedOffsetMinutes === 0 || (zone.fixedOffsetMinutes !== undefined && zone.dstVariant === undefined && zone.ambiguous === undefined);
}

/**
 * The normalised forms of a moment: ISO 8601 with its offset and the UTC time when both date and
 * zone are known; otherwise what is known, and a note saying what is not.
 */
export function normalise(m: Moment): { text: string; unknown?: string } {
  const offset = m.offsetMinutes;
  if (m.dateKnown && offset !== undefined) {
    const iso = isoLocal(m.instant, offset);
    const utcDay = new Date(m.instant).toISOString().slice(0, 10);
    return { text: `${iso} · ${utcClock(m.instant, utcDay !== iso.slice(0, 10))}` };
  }
  if (m.dateKnown) return { text: isoLocal(m.instant, undefined), unknown: 'Zone unknown: no time zone applies to this time, so its UTC time is not known.' };
  if (offset !== undefined && offsetIsFixed(m.zone)) {
    const text = offset === 0 ? `${m.clock} UTC` : `${m.clock} ${formatOffset(offset)} · ${utcClock(m.instant, false)}`;
    return { text, unknown: 'Date unknown: no date is stated for this timeline.' };
  }
  if (offset !== undefined && m.zone) {
    return { text: `${m.clock} (${m.zone.raw})`, unknown: `Date unknown: the UTC offset of ${m.zone.raw} depends on the date, which the document does not state.` };
  }
  return { text: m.clock, unknown: 'Date and zone unknown: the document states neither, so this is wall-clock time only.' };
}

export function entryMoment(e: Timed): Moment {
  const m: Moment = { instant: e.instant, dateKnown: e.day !== undefined, clock: formatClock(e), approximate: e.approximate };
  if (e.offsetMinutes !== undefined) m.offsetMinutes = e.offsetMinutes;
  if (e.zone) m.zone = e.zone.zone;
  return m;
}

export function proseMoment(t: ProseTime, timeline: Timeline): Moment {
  const m: Moment = {
    instant: t.instant,
    dateKnown: t.date !== undefined || !timeline.floating.date,
    clock: `${pad(t.hour)}:${pad(t.minute)}`,
    approximate: t.approximate,
  };
  if (t.offsetMinutes !== undefined) m.offsetMinutes = t.offsetMinutes;
  const zone = t.zone ?? timeline.zone?.zone;
  if (zone && t.offsetMinutes !== undefined) m.zone = zone;
  return m;
}

const KIND_WORDS: Record<MilestoneKind, string> = {
  start: 'outage start',
  detect: 'detection',
  escalate: 'escalation',
  mitigate: 'mitigation',
  resolve: 'resolution',
  other: 'other event',
};

export const kindWords = (kind: MilestoneKind): string => KIND_WORDS[kind];

/** The milestone an event kind names, as the timeline computed it. */
export function milestoneOf(milestones: Milestones, kind: MilestoneKind): TimelineEntry | undefined {
  switch (kind) {
    case 'start': return milestones.start;
    case 'detect': return milestones.detected;
    case 'escalate': return milestones.escalated;
    case 'mitigate': return milestones.mitigated;
    case 'resolve': return milestones.resolved;
    default: return undefined;
  }
}

export function timedStart(timeline: Timeline): Timed | undefined {
  const start = timeline.milestones.start;
  return start?.instant !== undefined ? (start as Timed) : undefined;
}

/** "T+0:10 after outage start (08:16)", or undefined when the timeline has no start. */
export function sinceStart(instant: number, timeline: Timeline): string | undefined {
  const start = timedStart(timeline);
  if (!start) return undefined;
  const minutes = minutesBetween(start.instant, instant);
  const inferred = timeline.milestones.startInferred ? ', inferred from the first timed entry' : '';
  return `${formatTPlus(minutes)} ${minutes < 0 ? 'before' : 'after'} outage start (${formatClock(start)}, line ${start.line + 1}${inferred})`;
}

/** The timeline's value of a metric a prose duration states. */
export function metricValue(milestones: Milestones, metric: NonNullable<ProseStatement['metric']>): { minutes?: number; from?: TimelineEntry; to?: TimelineEntry; words: string } {
  switch (metric) {
    case 'detect': return { minutes: milestones.timeToDetectMinutes, from: milestones.start, to: milestones.detected, words: 'time to detect' };
    case 'mitigate': return { minutes: milestones.timeToMitigateMinutes, from: milestones.start, to: milestones.mitigated, words: 'time to mitigate' };
    case 'resolve': return { minutes: milestones.timeToResolveMinutes, from: milestones.start, to: milestones.resolved, words: 'time to resolve' };
    default: return { minutes: milestones.durationMinutes, from: milestones.start, to: milestones.resolved, words: 'outage duration' };
  }
}

export function metricsSummary(milestones: Milestones): string[] {
  const parts: [string, number | undefined][] = [
    ['TTD', milestones.timeToDetectMinutes], ['TTM', milestones.timeToMitigateMinutes],
    ['TTR', milestones.timeToResolveMinutes], ['Duration', milestones.durationMinutes],
  ];
  return parts.filter((p): p is [string, number] => p[1] !== undefined).map(([name, minutes]) => `${name} ${formatMinutes(minutes)}`);
}

/** Something with a time at a position: an entry, a time or duration stated in prose, or a time elsewhere. */
export type TimeAt =
  | { kind: 'entry'; entry: Timed; start: number; end: number }
  | { kind: 'untimed'; entry: TimelineEntry; start: number; end: number }
  | { kind: 'prose'; time: ProseTime; statement: ProseStatement; role: 'at' | 'until'; start: number; end: number }
  | { kind: 'duration'; statement: ProseStatement; start: number; end: number }
  | { kind: 'time'; time: ProseTime; start: number; end: number };

const inside = (character: number, start: number, end: number) => character >= start && character < end;

/** A time with no statement tied to it: read with the timeline's zone and reference day, as prose is. */
function looseTime(analysis: Analysis, timeline: Timeline, line: number, character: number, ambiguity: Readonly<Record<string, string>>): ProseTime | undefined {
  const text = analysis.doc.masked(line);
  const t = findTimes(text).find((x) => inside(character, x.start, x.end) && !x.invalid);
  if (!t) return undefined;
  const day: CalendarDate | undefined = t.date?.year && t.date.month && t.date.day
    ? { year: t.date.year, month: t.date.month, day: t.date.day }
    : timeline.entries.find((e) => e.day)?.day ?? timeline.referenceDate?.date;
  const base = day ? Date.UTC(day.year, day.month - 1, day.day) : Date.UTC(2000, 0, 1);
  const local = base + (t.hour * 60 + t.minute) * 60_000;
  const zone = t.zone && !t.zone.unknown ? t.zone : timeline.zone?.zone;
  const offset = zone ? wallOffset(zone, local, ambiguity) : undefined;
  const out: ProseTime = { line, start: t.start, end: t.end, hour: t.hour, minute: t.minute, instant: local - (offset ?? 0) * 60_000, approximate: t.approximate };
  if (t.date && day) out.date = day;
  if (zone && zone !== timeline.zone?.zone) out.zone = zone;
  if (offset !== undefined) out.offsetMinutes = offset;
  return out;
}

export function timeAt(analysis: Analysis, line: number, character: number, ambiguousZones?: Record<string, string>): TimeAt | undefined {
  const timeline = analysis.timeline;
  if (!timeline) return undefined;
  for (const entry of timeline.entries) {
    if (entry.line !== line || !inside(character, entry.start, entry.end)) continue;
    if (entry.instant !== undefined) return { kind: 'entry', entry: entry as Timed, start: entry.start, end: entry.end };
    // Only a time that is there but unreadable ("late in the day", HH:MM, 13:55 PM); not an entry's plain text.
    if (entry.vague || entry.placeholder || entry.time?.invalid) return { kind: 'untimed', entry, start: entry.start, end: entry.end };
  }
  for (const statement of timeline.prose) {
    for (const role of ['at', 'until'] as const) {
      const time = statement[role];
      if (time && time.line === line && inside(character, time.start, time.end)) return { kind: 'prose', time, statement, role, start: time.start, end: time.end };
    }
    if (statement.kind === 'duration' && statement.line === line && inside(character, statement.start, statement.end)) {
      return { kind: 'duration', statement, start: statement.start, end: statement.end };
    }
  }
  const time = looseTime(analysis, timeline, line, character, ambiguityOf({ ambiguousZones }));
  return time ? { kind: 'time', time, start: time.start, end: time.end } : undefined;
}
