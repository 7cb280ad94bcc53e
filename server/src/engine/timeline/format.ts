// How times are written in messages: local clock as the document writes it, plus the zone
// abbreviation or offset when one applies, plus the date when the timeline spans days.
import type { TimelineEntry } from './model';

const pad = (n: number) => String(n).padStart(2, '0');

export function formatMinutes(total: number): string {
  const sign = total < 0 ? '-' : '';
  const m = Math.abs(Math.round(total));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  const parts = [d ? `${d}d` : '', h ? `${h}h` : '', min || (!d && !h) ? `${min}m` : ''].filter(Boolean);
  return sign + parts.join(' ');
}

/** Local wall-clock "HH:MM" of an entry (its written time, 24h). */
export function formatClock(e: TimelineEntry): string {
  if (e.time) return `${pad(e.time.hour)}:${pad(e.time.minute)}`;
  if (e.instant !== undefined) {
    const local = new Date(e.instant + (e.offsetMinutes ?? 0) * 60_000);
    return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  }
  return e.vague?.raw ?? e.placeholder?.raw ?? '?';
}

/** ISO 8601 of an instant at the given offset: 2020-09-30T08:16:00-07:00 (no offset when unknown). */
export function isoLocal(instant: number, offsetMinutes: number | undefined): string {
  const local = new Date(instant + (offsetMinutes ?? 0) * 60_000);
  const base = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  if (offsetMinutes === undefined) return base;
  if (offsetMinutes === 0) return `${base}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const o = Math.abs(offsetMinutes);
  return `${base}${sign}${pad(Math.floor(o / 60))}:${pad(o % 60)}`;
}
