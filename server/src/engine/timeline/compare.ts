// Comparing what prose states with what the timeline shows, with the tolerances a careful
// reviewer applies: exact statements within a couple of minutes, approximate ones in proportion,
// bounds one-sided. When the timeline leaves the start or end open (no entry says when the
// outage began, several entries could be it), a statement is contradicted only if no reading
// of the timeline fits it.
import type { MilestoneKind, ProseMetric, ProseStatement, ProseTime, Timeline, TimelineEntry } from './model';
import { formatMinutes } from './format';

const DAY_MIN = 1440;

export type Timed = TimelineEntry & { instant: number };

const timedCache = new WeakMap<Timeline, Timed[]>();

/**
 * The entries with an instant (relative ones aside), computed once per Timeline object (a new one
 * every analysis) for every rule that asks. Not frozen (a frozen array of a few thousand entries
 * iterates slower): callers only read it.
 */
export function timedEntries(timeline: Timeline): Timed[] {
  let timed = timedCache.get(timeline);
  if (!timed) {
    timed = timeline.entries.filter((e): e is Timed => e.instant !== undefined && !e.relative);
    // In time order: a newest-first timeline is read from the bottom up.
    if (timeline.newestFirst) timed.reverse();
    timedCache.set(timeline, timed);
  }
  return timed;
}

/** Minutes a stated time may be off: two when exact, more when approximate ("around 9pm"). */
export function timeTolerance(t: ProseTime): number {
  if (!t.approximate) return 2;
  return t.minute % 30 === 0 ? 30 : 10;
}

/**
 * Signed minutes from an entry to a stated time. A time stated without a date (or on another
 * day, which date-mismatch reports) is compared by its clock, across midnight.
 */
export function minutesFrom(e: Timed, t: ProseTime): number {
  const diff = Math.round((t.instant - e.instant) / 60_000);
  if (t.date && e.day && t.date.year === e.day.year && t.date.month === e.day.month && t.date.day === e.day.day) return diff;
  // Another day or none: compare wall clocks, in the entry's zone when the text names another.
  const sameZone = !t.zone || t.offsetMinutes === undefined || t.offsetMinutes === e.offsetMinutes;
  const wall = (ms: number, offset: number | undefined) => Math.round(ms / 60_000) + (offset ?? 0);
  const clockDiff = sameZone && e.time ? t.hour * 60 + t.minute - (e.time.hour * 60 + e.time.minute) : wall(t.instant, e.offsetMinutes) - wall(e.instant, e.offsetMinutes);
  const mod = ((clockDiff % DAY_MIN) + DAY_MIN) % DAY_MIN;
  return mod > DAY_MIN / 2 ? mod - DAY_MIN : mod;
}

export function sameTime(e: Timed, t: ProseTime, tolerance = timeTolerance(t)): boolean {
  return Math.abs(minutesFrom(e, t)) <= tolerance;
}

/** An entry whose kind was read from a marker, a field label or an unambiguous phrase. */
export function certain(e: TimelineEntry | undefined): boolean {
  return e !== undefined && (e.confidence === 'marked' || e.confidence === 'phrase');
}

/** Entries a stated event may be matched against: its own kind and its neighbours. */
export function compatibleKinds(kind: MilestoneKind): MilestoneKind[] {
  switch (kind) {
    case 'start': return ['start'];
    case 'detect': return ['detect', 'escalate'];
    case 'escalate': return ['escalate'];
    case 'mitigate': return ['mitigate', 'resolve'];
    case 'resolve': return ['resolve', 'mitigate'];
    default: return [];
  }
}

/** Whether a stated duration fits a measured one. */
export function durationFits(s: ProseStatement, actual: number): boolean {
  const stated = s.minutes ?? 0;
  const exact = Math.max(2, (s.granularity ?? 1) / 2);
  if (s.bound === 'max') return actual <= stated * 1.05 + exact;
  if (s.bound === 'min') return actual >= stated * 0.95 - exact;
  const tol = s.approximate ? Math.max(exact, stated * 0.2) : exact;
  return Math.abs(actual - stated) <= tol;
}

export interface Reading {
  from: Timed;
  to: Timed;
  minutes: number;
}

/**
 * The ways the timeline can be read for a measure: from the outage start (or, when no entry says
 * it, any entry up to the first detection) to an entry of the measured kind.
 */
export function readings(timeline: Timeline, metric: ProseMetric): { readings: Reading[]; openStart: boolean } | undefined {
  const m = timeline.milestones;
  if (m.episodes && m.episodes > 1) return undefined;
  const timed = timedEntries(timeline);
  if (timed.length < 2) return undefined;
  const firstDetect = timed.find((e) => e.kind === 'detect');
  // A detection or start written without a time leaves the start unknown.
  const untimedEarly = timeline.entries.find((e) => e.instant === undefined && !e.vague && (e.kind === 'detect' || e.kind === 'start'));
  if (untimedEarly && (!firstDetect || untimedEarly.line < firstDetect.line)) return undefined;
  let starts: Timed[];
  const strongStart = m.start && !m.startInferred && certain(m.start) ? (m.start as Timed) : undefined;
  if (strongStart) starts = [strongStart];
  else {
    const limit = firstDetect ? timed.indexOf(firstDetect) : timed.length - 1;
    starts = timed.slice(0, limit + 1);
  }
  // When the timeline opens with a detection, the outage began before its first entry.
  const openStart = !strongStart && timed[0]?.kind === 'detect';
  const ends = endsFor(timed, metric);
  if (starts.length === 0 || ends.length === 0) return undefined;
  const out: Reading[] = [];
  for (const from of starts) for (const to of ends) if (to.instant >= from.instant) out.push({ from, to, minutes: Math.round((to.instant - from.instant) / 60_000) });
  return out.length ? { readings: out, openStart } : undefined;
}

function endsFor(timed: Timed[], metric: ProseMetric): Timed[] {
  const of = (kind: MilestoneKind) => timed.filter((e) => e.kind === kind);
  const strong = (list: Timed[]) => (list.some(certain) ? list.filter(certain) : list);
  switch (metric) {
    case 'detect': return of('detect');
    // "Time to repair" needs a repair: with none, the figure cannot be checked.
    case 'mitigate': return of('mitigate');
    default: return strong(of('resolve'));
  }
}

/** The reading closest to the stated figure, for the message. */
export function closest(list: Reading[], minutes: number): Reading | undefined {
  let best: Reading | undefined;
  for (const r of list) if (!best || Math.abs(r.minutes - minutes) < Math.abs(best.minutes - minutes)) best = r;
  return best;
}

/** Writes minutes the way the statement wrote its figure: "14h 11m", "129 minutes", "3 hours". */
export function formatLike(raw: string, minutes: number): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const min = m % 60;
  if (/^\d+\s*minutes?$/i.test(raw)) return `${m} minute${m === 1 ? '' : 's'}`;
  if (/^\d+\s*mins?$/i.test(raw)) return `${m} min`;
  if (/^\d+h\s?\d+m$/i.test(raw) || /^\d+h$/i.test(raw)) return `${h}h${/\s/.test(raw) ? ' ' : ''}${String(min).padStart(/h\s?0\d/i.test(raw) ? 2 : 1, '0')}m`;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (/^\d+\s*hours?(?:\s+(?:and\s+)?\d+\s*minutes?)?$/i.test(raw)) return h && min ? `${plural(h, 'hour')} ${plural(min, 'minute')}` : h ? plural(h, 'hour') : plural(min, 'minute');
  return formatMinutes(m);
}
