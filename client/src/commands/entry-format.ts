// "Insert Timeline Entry" without the editor: where the entry goes, the current time in the
// document's zone (through Intl), and the entry written like its neighbour (list item or table
// row, 12h or 24h, zone and date written or not). Unit-tested.
import type { TimelineContext, TimelineEntryShape, TimelineZone } from '../../../common/protocol';
import { expectedAbbreviation } from '../../../server/src/engine/timeline';
import type { ZoneToken } from '../../../server/src/engine/timeline/tokens';
import { escapeSnippet } from './templates';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall clock at `now` in the zone: its region's clock, its fixed offset, or (no zone) this machine's. */
export function nowInZone(now: number, zone: TimelineZone | undefined): WallClock {
  if (zone?.iana) {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone.iana, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    }).formatToParts(now);
    const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
    return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
  }
  if (zone?.offsetMinutes !== undefined) {
    const d = new Date(now + zone.offsetMinutes * 60_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
  }
  const d = new Date(now);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() };
}

/** How the zone is written on an entry of that day: the abbreviation in force (PDT in September), or an offset as written. */
export function zoneLabel(zone: TimelineZone, on: WallClock): string {
  const bare = zone.raw.replace(/^\(\s*|\s*\)$/g, '');
  if (zone.kind === 'offset') return bare;
  const token: ZoneToken = { start: 0, end: zone.raw.length, raw: zone.raw, kind: zone.kind };
  if (zone.abbr) token.abbr = zone.abbr;
  if (zone.iana) token.iana = zone.iana;
  if (zone.dstVariant) token.dstVariant = zone.dstVariant;
  if (zone.offsetMinutes !== undefined) token.fixedOffsetMinutes = zone.offsetMinutes;
  return expectedAbbreviation(token, on.year, on.month, on.day) ?? zone.abbr ?? bare;
}

/** The clock written like `like` ("8:16 AM", "08:16", "0816 HRS", "10:35 Am", "8:16 a.m."). */
export function formatClockLike(hour: number, minute: number, like: string | undefined, style: TimelineEntryShape['style']): string {
  const raw = like ?? '00:00';
  const padded = /^0\d/.test(raw) || (style !== '12h' && /^\d\d/.test(raw));
  const seconds = /^\d{1,2}:\d{2}:\d{2}/.test(raw) ? ':00' : '';
  if (style === 'military') {
    const suffix = raw.replace(/^\d{4}/, '');
    return `${pad(hour)}${pad(minute)}${suffix}`;
  }
  const meridiem = /(\s*)([ap])(\.?)([m])(\.?)$/i.exec(raw);
  if (style === '12h' && meridiem) {
    const [, space = '', a = 'a', dot1 = '', m = 'm', dot2 = ''] = meridiem;
    const h12 = hour % 12 === 0 ? 12 : hour % 12;
    const letter = hour < 12 ? 'a' : 'p';
    const first = a === a.toUpperCase() ? letter.toUpperCase() : letter;
    return `${padded ? pad(h12) : h12}:${pad(minute)}${seconds}${space}${first}${dot1}${m}${dot2}`;
  }
  return `${padded ? pad(hour) : hour}:${pad(minute)}${seconds}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date written like `like`: "2020-09-30", "September 30, 2020", "Sep 30"; other forms become ISO. */
export function formatDateLike(on: WallClock, like: string): string {
  const named = /^([A-Za-z]+)\.?(\s+)\d{1,2}(?:st|nd|rd|th)?(,?\s+\d{4})?$/.exec(like);
  if (named) {
    const month = MONTHS[on.month - 1] ?? '';
    const name = (named[1] ?? '').length <= 3 ? month.slice(0, 3) : month;
    return `${name}${named[2]}${on.day}${named[3] ? `${named[3].replace(/\d{4}$/, '')}${on.year}` : ''}`;
  }
  return `${on.year}-${pad(on.month)}-${pad(on.day)}`;
}

export interface Neighbour {
  /** The neighbour's line of text. */
  text: string;
  shape: TimelineEntryShape;
}

const DESCRIPTION = '${1:what happened}';

function splice(text: string, offset: number, edits: [number, number, string][]): string {
  let out = text;
  for (const [start, end, value] of [...edits].sort((a, b) => b[0] - a[0])) out = out.slice(0, start - offset) + value + out.slice(end - offset);
  return out;
}

function tableTail(rest: string): string {
  const cells = rest.split('|');
  if (cells.length < 2) return ` | ${DESCRIPTION} |`;
  return cells.map((cell, i) => {
    if (i === 0 || i === cells.length - 1) return escapeSnippet(cell);
    const lead = /^\s*/.exec(cell)?.[0] ?? ' ';
    const trail = /\s*$/.exec(cell)?.[0] ?? ' ';
    return `${lead || ' '}${i === 1 ? DESCRIPTION : `\${${i}}`}${trail || ' '}`;
  }).join('|');
}

/**
 * The new entry as snippet text, written like the neighbour: same prefix (bullet, indentation,
 * table cells before the time), the clock in its style, the zone and date written where it
 * writes them, the same separator, and the description as the first field. With no neighbour,
 * a list item in 24h time.
 */
export function entrySnippet(neighbour: Neighbour | undefined, on: WallClock, zone: string | undefined, writeZone: boolean): string {
  const shape = neighbour?.shape;
  if (!neighbour || !shape || shape.clockStart === undefined || shape.clockEnd === undefined || shape.source === 'run-in') {
    return `- ${pad(on.hour)}:${pad(on.minute)}${zone && writeZone ? ` ${escapeSnippet(zone)}` : ''} — ${DESCRIPTION}`;
  }
  const { text } = neighbour;
  const edits: [number, number, string][] = [[shape.clockStart, shape.clockEnd, formatClockLike(on.hour, on.minute, text.slice(shape.clockStart, shape.clockEnd), shape.style)]];
  if (shape.zoneStart !== undefined && shape.zoneEnd !== undefined && zone) {
    const written = text.slice(shape.zoneStart, shape.zoneEnd);
    edits.push([shape.zoneStart, shape.zoneEnd, written.startsWith('(') ? `(${zone})` : zone]);
  }
  if (shape.dateStart !== undefined && shape.dateEnd !== undefined) edits.push([shape.dateStart, shape.dateEnd, formatDateLike(on, text.slice(shape.dateStart, shape.dateEnd))]);
  const time = escapeSnippet(splice(text.slice(shape.start, shape.end), shape.start, edits));
  const prefix = escapeSnippet(text.slice(0, shape.start).replace(/(?:~|(?:around|about|approx\.?|approximately|circa)\s+)\s*$/i, ''));
  const rest = text.slice(shape.end);
  if (shape.source === 'table') return `${prefix}${time}${tableTail(rest)}`;
  const separator = /^(?:[*_\])]+)?[ \t]*(?:[:\-–—|]+[ \t]*)?/.exec(rest)?.[0] || ' ';
  const closing = /(?:<\/[a-z0-9]+>\s*)+$/i.exec(rest)?.[0] ?? '';
  return `${prefix}${time}${escapeSnippet(separator)}${DESCRIPTION}${escapeSnippet(closing)}`;
}

export interface InsertionPoint {
  /** The line the entry goes after, or the blank line it replaces. */
  line: number;
  replace: boolean;
  /** A blank line is needed between the line and the entry (right after a heading). */
  blankBefore: boolean;
  neighbour?: TimelineEntryShape;
  /** Whether an entry written without a neighbour states the zone (the timeline title does not). */
  writeZone: boolean;
}

const inSection = (s: { line: number; endLine: number }, line: number) => line > s.line && line <= s.endLine;

/**
 * Where the entry goes: below the entry the cursor is in, on the blank line the cursor is on
 * inside the timeline, else after the timeline's last entry; at the cursor when there is no timeline.
 */
export function insertionPoint(context: TimelineContext, cursorLine: number, lines: readonly string[]): InsertionPoint {
  const writeZone = context.zone !== undefined && !context.sections.some((s) => s.line === context.zone?.line);
  const blank = (line: number) => (lines[line] ?? '').trim() === '';
  const section = context.sections.find((s) => inSection(s, cursorLine));
  const entriesIn = (s: { line: number; endLine: number }) => context.entries.filter((e) => inSection(s, e.line));
  if (section) {
    const entries = entriesIn(section);
    const at = entries.find((e) => cursorLine >= e.line && cursorLine <= e.endLine);
    if (at) return { line: at.endLine, replace: false, blankBefore: false, neighbour: at, writeZone };
    if (blank(cursorLine)) {
      const neighbour = entries.filter((e) => e.line < cursorLine).at(-1) ?? entries.find((e) => e.line > cursorLine);
      return { line: cursorLine, replace: true, blankBefore: false, ...(neighbour ? { neighbour } : {}), writeZone };
    }
  }
  const target = section ?? context.sections[0];
  if (!target) return { line: cursorLine, replace: blank(cursorLine), blankBefore: false, writeZone };
  const last = entriesIn(target).at(-1);
  if (last) return { line: last.endLine, replace: false, blankBefore: false, neighbour: last, writeZone };
  return { line: target.endLine, replace: false, blankBefore: target.endLine === target.line, writeZone };
}
