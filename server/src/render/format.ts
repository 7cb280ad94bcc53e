// Times, dates and durations as the pictures show them: 24-hour clocks in the zone chosen by the
// UTC/local toggle, dates only when the document states one, "Day 2" when it does not.
import type { TimelineView, ViewEvent } from './view';

export type ZoneMode = 'local' | 'utc';

const DAY = 86_400_000;
const MINUTE = 60_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

export function formatDuration(minutes: number): string {
  const m = Math.abs(Math.round(minutes));
  const sign = minutes < 0 ? '−' : '';
  if (m < 60) return `${sign}${m} min`;
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  const parts = [d ? `${d} d` : '', h ? `${h} h` : '', min ? `${min} min` : ''].filter(Boolean);
  return sign + parts.join(' ');
}

/** "2 d 13 h": the two largest units, where space is short. */
export function compactDuration(minutes: number): string {
  return formatDuration(minutes).split(' ').slice(0, 4).join(' ');
}

/** How one picture shows time: which offset applies, what to call the zone, whether days differ. */
export interface Display {
  mode: ZoneMode;
  /** The zone is unknown: times are shown as written, and there is no UTC. */
  zoneUnknown: boolean;
  floatingDate: boolean;
  /** Offset (minutes) used for the axis: the outage start's, else the first timed entry's. */
  axisOffset: number;
  /** PDT / UTC / "zone unknown". */
  zoneText: string;
  /** Day number (local to the display) of the first timed event. */
  firstDay: number;
  multiDay: boolean;
}

export function display(view: TimelineView, requested: ZoneMode): Display {
  const zoneUnknown = view.floating.zone;
  const mode: ZoneMode = zoneUnknown ? 'local' : requested;
  const timed = view.events.filter((e) => e.instant !== undefined);
  const startId = view.milestones.start;
  const anchor = (startId !== undefined ? view.events[startId] : undefined) ?? timed[0];
  const axisOffset = mode === 'utc' ? 0 : (anchor?.offsetMinutes ?? 0);
  const d: Display = {
    mode, zoneUnknown, floatingDate: view.floating.date, axisOffset,
    zoneText: zoneUnknown ? 'zone unknown' : mode === 'utc' ? 'UTC' : (view.zone?.label ?? 'local time'),
    firstDay: 0, multiDay: false,
  };
  const days = new Set(timed.map((e) => dayOf(eventWall(d, e))));
  d.firstDay = days.size ? Math.min(...days) : 0;
  d.multiDay = days.size > 1;
  return d;
}

/** Offset in minutes that applies to an event in this display. */
export function eventOffset(d: Display, e: ViewEvent): number {
  return d.mode === 'utc' ? 0 : (e.offsetMinutes ?? d.axisOffset);
}

/** The wall-clock time (as epoch ms in a fake UTC) at which the event is shown. */
export function eventWall(d: Display, e: ViewEvent, instant = e.instant ?? 0): number {
  return instant + eventOffset(d, e) * MINUTE;
}

export function axisWall(d: Display, instant: number): number {
  return instant + d.axisOffset * MINUTE;
}

export function dayOf(wall: number): number {
  return Math.floor(wall / DAY);
}

export function clock(wall: number): string {
  const t = new Date(wall);
  const s = t.getUTCSeconds();
  return `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}${s ? `:${pad(s)}` : ''}`;
}

/** "Thu 17 Nov 2016", or "Day 2" when the document gives no date. */
export function dateText(d: Display, wall: number, withYear = true): string {
  if (d.floatingDate) return `Day ${dayOf(wall) - d.firstDay + 1}`;
  const t = new Date(wall);
  return `${WEEKDAYS[t.getUTCDay()]} ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]}${withYear ? ` ${t.getUTCFullYear()}` : ''}`;
}

/** Zone of one event as shown next to its time. */
export function eventZone(d: Display, e: ViewEvent): string {
  if (d.mode === 'utc') return 'UTC';
  return e.zoneLabel ?? d.zoneText;
}

/** "08:16", with the date in front when the timeline spans days: "Fri 18 Nov 08:16". */
export function eventTime(d: Display, e: ViewEvent): string {
  if (e.instant === undefined) return e.written ?? '';
  const wall = eventWall(d, e);
  const time = clock(wall);
  const end = e.endInstant !== undefined ? `–${clock(eventWall(d, e, e.endInstant))}` : '';
  return `${time}${end}`;
}

export function eventDate(d: Display, e: ViewEvent): string | undefined {
  if (e.instant === undefined) return undefined;
  return dateText(d, eventWall(d, e), false);
}

/** ISO 8601: 2020-09-30T08:16:00-07:00, without offset when the zone is unknown, time only without a date. */
export function isoTime(instant: number, offsetMinutes: number | undefined, floatingDate: boolean): string {
  const t = new Date(instant + (offsetMinutes ?? 0) * MINUTE);
  const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  const date = `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  let zone = '';
  if (offsetMinutes !== undefined) {
    const o = Math.abs(offsetMinutes);
    zone = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(o / 60))}:${pad(o % 60)}`;
  }
  return floatingDate ? `${time}${zone}` : `${date}T${time}${zone}`;
}
