// Runs the token finders over one (masked) line and answers "does an entry start here?".
import { findDates, findRelative, findTimePlaceholders, findTimes, findVague } from './index';
import type { DateToken, PlaceholderToken, RelativeToken, TimeToken, VagueToken } from './tokens';

export interface LineTokens {
  times: TimeToken[];
  dates: DateToken[];
  relative: RelativeToken[];
  vague: VagueToken[];
  placeholders: PlaceholderToken[];
}

const EMPTY: LineTokens = { times: [], dates: [], relative: [], vague: [], placeholders: [] };

export function scanLine(text: string): LineTokens {
  if (!/[0-9?]|[a-z]/i.test(text)) return EMPTY;
  const dates = findDates(text);
  const times = findTimes(text);
  // A numeric date that is part of a timestamp is reported once, on the time.
  const standalone = dates.filter((d) => !times.some((t) => t.date && t.date.start === d.start));
  return { times, dates: standalone, relative: findRelative(text), vague: findVague(text), placeholders: findTimePlaceholders(text) };
}

/** What may stand before an entry's time: bullets, brackets, "At", "On", "~", separators. */
const PREFIX = /^[\s\-–—*•·>|([{]*(?:(?:on|at|around|about|approx\.?|approximately|by|circa|~)\s*)?$/i;
const BETWEEN_DATE_AND_TIME = /^[\s,\-–—|/@]*(?:(?:at|around|about|approx\.?|approximately|by|~)\s*)?(?:\(\s*)?$/i;

export interface EntryHead {
  /** Where the time expression starts and ends (date included). */
  start: number;
  end: number;
  time?: TimeToken;
  date?: DateToken;
  relative?: RelativeToken;
  vague?: VagueToken;
  placeholder?: PlaceholderToken;
}

function startsWith(text: string, from: number, at: number, allowed: RegExp): boolean {
  return at >= from && allowed.test(text.slice(from, at));
}

/** The time expression an entry begins with at or after `from`, if it begins with one. */
export function entryHead(text: string, tokens: LineTokens, from = 0): EntryHead | undefined {
  const firstAfter = <T extends { start: number }>(list: T[]) => list.find((t) => t.start >= from);
  const date = firstAfter(tokens.dates);
  let base = from;
  let head: EntryHead | undefined;
  if (date && startsWith(text, from, date.start, PREFIX)) {
    head = { start: date.start, end: date.end, date };
    base = date.end;
  }
  const allowed = head ? BETWEEN_DATE_AND_TIME : PREFIX;
  const time = firstAfter(tokens.times);
  if (time && startsWith(text, base, time.start - (time.approximate ? approxLead(text, time.start) : 0), allowed)) {
    return { ...head, start: head?.start ?? time.start, end: (time.rangeEnd ?? time).end, time, date: head?.date ?? time.date };
  }
  for (const [key, list] of [['vague', tokens.vague], ['placeholder', tokens.placeholders], ['relative', tokens.relative]] as const) {
    const token = firstAfter(list as { start: number; end: number }[]);
    if (token && startsWith(text, base, token.start, allowed)) {
      return { ...head, start: head?.start ?? token.start, end: token.end, [key]: token } as EntryHead;
    }
  }
  return head;
}

/** Length of an approximation word right before a time ("around ", "~"), already allowed by PREFIX. */
function approxLead(text: string, at: number): number {
  const m = /(?:around|about|approx\.?|approximately|circa|~)\s*$/i.exec(text.slice(0, at));
  return m ? m[0].length : 0;
}

/** Later entries run together on the same line: a time followed by ":" or " - " and text. */
export function runInStarts(text: string, tokens: LineTokens, after: number): number[] {
  const out: number[] = [];
  for (const t of tokens.times) {
    if (t.start <= after) continue;
    const tail = text.slice((t.rangeEnd ?? t).end);
    if (!/^\s*(?::|\s[-–—]\s)\s*\S/.test(tail)) continue;
    // The time must follow the end of a phrase, not sit inside one ("between 2:30 PM – …" is fine).
    const date = tokens.dates.find((d) => d.end <= t.start && /^[\s,]*$/.test(text.slice(d.end, t.start)) && d.start > after);
    out.push(date ? date.start : t.start);
  }
  return out;
}
