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

/**
 * What may stand before an entry's time: bullets, brackets, "At", "On", "~", separators, the
 * HTML entities and emoji shortcodes some authors use as bullets (`&emsp;:small_orange_diamond:`),
 * and a list number glued to the time (`10.12:30 PM`).
 */
const PREFIX = /^(?:[\s\-–—*•·>|([{\\]|&[a-z]+;|:[a-z0-9_+-]+:)*(?:\d{1,3}\.(?=$))?(?:(?:on|at|around|about|approx\.?|approximately|by|circa|~)\s*)?$/i;
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
  /** A short label written before the time ("First detected 2021-09-04 22:05", "Resolution: 04:30"). */
  label?: string;
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
    const end = (time.rangeEnd ?? time).end;
    // "11:10 6th Nov 2023 - …": a date written right after the time belongs to it.
    const after = head?.date || time.date ? undefined : tokens.dates.find((d) => d.start >= end && /^[\s,]*(?:on\s+)?$/i.test(text.slice(end, d.start)));
    if (after) return { start: time.start, end: after.end, time, date: after };
    return { ...head, start: head?.start ?? time.start, end, time, date: head?.date ?? time.date };
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

/** A short label, then the time: "First detected 2021-09-04 22:05", "Issue Detection (Nov 10, 2023, 8:00 PM):", "Detected at 6:00 AM". */
const LABEL = /^(?:[\s\-–—*•·>|([{]|&[a-z]+;|:[a-z0-9_+-]+:)*((?:[A-Za-z][\w'’/&-]*[ \t]+){0,4}[A-Za-z][\w'’/&-]*)[ \t]*(?::[ \t]*|[ \t]+(?:at|on)[ \t]+|[ \t]*[-–—][ \t]*)?(?:\([ \t]*)?$/;
/** Words that make a label a sentence rather than a field name. */
const NOT_LABEL = /\b(?:was|were|is|are|has|had|have|will|would|the|a|an|we|our|they|it|this|that|until|since|before|after|by|from|to|between)\b/i;

/**
 * An entry whose time follows a short label, when the line does not begin with a time. Only a
 * clock time makes such a line an entry (a date alone is too often prose), written within the
 * first 60 columns.
 */
export function labelledHead(text: string, tokens: LineTokens): EntryHead | undefined {
  const time = tokens.times[0];
  if (!time || time.start > 60) return undefined;
  const date = tokens.dates.find((d) => d.end <= time.start && time.start - d.end <= 4);
  const at = date ? date.start : time.start;
  const m = LABEL.exec(text.slice(0, at));
  const label = m?.[1];
  if (!m || !label || NOT_LABEL.test(label)) return undefined;
  const head = entryHead(text, tokens, at);
  if (!head?.time) return undefined;
  return { ...head, label };
}
