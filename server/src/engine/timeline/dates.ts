// Dates written in text: ISO (2021-12-13, 2019/03/07, 20202-01-16), numeric day/month orders
// (28-11-2024, 11/17/2016, 5-26-21, 03-26), named months (August 5, 6th Nov 2023,
// Wednesday, August 10, 2016), Apache style (06/May/2022) and placeholders (2022-05-??, YYYY-MM-DD).
import type { DateToken } from './tokens';

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1-12) of year `y` (a leap year is assumed when `y` is undefined). */
export function daysInMonth(y: number | undefined, m: number): number {
  if (m === 2) return y === undefined || isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** 0 = Sunday .. 6 = Saturday (proleptic Gregorian). */
export function weekdayOf(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCDay();
}

export function monthName(m: number): string {
  return MONTH_NAMES[m - 1] ?? `month ${m}`;
}

/** Month number of a month word (Jan, Sept., AUGUST), or 0. */
function monthOf(word: string): number {
  switch (word.slice(0, 3).toLowerCase()) {
    case 'jan': return 1;
    case 'feb': return 2;
    case 'mar': return 3;
    case 'apr': return 4;
    case 'may': return 5;
    case 'jun': return 6;
    case 'jul': return 7;
    case 'aug': return 8;
    case 'sep': return 9;
    case 'oct': return 10;
    case 'nov': return 11;
    case 'dec': return 12;
    default: return 0;
  }
}

function weekdayIndex(word: string): number {
  return WEEKDAY_NAMES.indexOf(word.slice(0, 3).toLowerCase() as (typeof WEEKDAY_NAMES)[number]);
}

// Capitalised, UPPER-CASE, and lower-case full names except the ones that are ordinary words.
const MONTH_ALT = [
  'Jan(?:uary)?', 'Feb(?:ruary)?', 'Mar(?:ch)?', 'Apr(?:il)?', 'May', 'June?', 'July?', 'Aug(?:ust)?',
  'Sep(?:t(?:ember)?)?', 'Oct(?:ober)?', 'Nov(?:ember)?', 'Dec(?:ember)?',
  'JAN(?:UARY)?', 'FEB(?:RUARY)?', 'MAR(?:CH)?', 'APR(?:IL)?', 'MAY', 'JUNE?', 'JULY?', 'AUG(?:UST)?',
  'SEP(?:T(?:EMBER)?)?', 'OCT(?:OBER)?', 'NOV(?:EMBER)?', 'DEC(?:EMBER)?',
  'january', 'february', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
].join('|');
const WEEKDAY_ALT = [
  'Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
  'SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY',
  'Sun', 'Mon', 'Tues', 'Tue', 'Wed', 'Thurs', 'Thur', 'Thu', 'Fri', 'Sat',
].join('|');

const ORD = '(?:st|nd|rd|th)';
// Year after a named date: ", 2020", " 2020", ",2020"; not "12:19" nor "1506 UTC" (checked in code).
const NAMED_YEAR = '((?:,[ \\t]*|[ \\t]+)(\\d{4,5})(?!\\d|:\\d))?';
const NAMED_SRC =
  // 1 month, 2 day, 3 year part, 4 year
  `(?<![A-Za-z])(${MONTH_ALT})(?![a-zA-Z])\\.?[ \\t]?(\\d{1,2})${ORD}?(?![\\dA-Za-z]|:\\d)${NAMED_YEAR}` +
  // 5 day, 6 month, 7 year part, 8 year
  `|(?<![\\w.:/])(\\d{1,2})${ORD}?[ \\t]+(?:of[ \\t]+)?(${MONTH_ALT})(?![a-zA-Z])\\.?${NAMED_YEAR}`;
const NAMED_G = new RegExp(NAMED_SRC, 'g');

const PLACEHOLDER_ALT = [
  '(\\d{4})(?:/\\d{2})?-(?:(\\d{1,2})|\\?\\?|MM|XX|xx)-(?:\\?\\?|DD|XX|xx)(?![\\w?])',
  '(?:YYYY|yyyy)([-/.])(?:MM|mm)\\17(?:DD|dd)(?!\\w)',
  '(?:DD|dd)([-/.])(?:MM|mm)\\18(?:YYYY|yyyy|YY|yy)(?!\\w)',
  '(?:MM|mm)([-/.])(?:DD|dd)\\19(?:YYYY|yyyy|YY|yy)(?!\\w)',
].join('|');
const NUMERIC_SRC =
  '(?<![\\w./\\-])(?:' +
  // 1 year, 2 sep, 3 month, 4 day
  '(\\d{4,5})([-/])(\\d{1,2})\\2(\\d{1,2})(?!\\d|[-/.]\\d)' +
  // 5 a, 6 sep, 7 b, 8 year
  '|(\\d{1,2})([-/.])(\\d{1,2})\\6(\\d{4,5}|\\d{2})(?!\\d|[-/.]\\d)' +
  // 9 day, 10 sep, 11 month word, 12 year
  '|(\\d{1,2})([-/])([A-Z][a-z]{2})\\10(\\d{4})(?!\\d)' +
  // 13 month, 14 day
  '|(\\d{2})-(\\d{2})(?!\\d|[-/.]\\d)' +
  // 15 year, 16 month, 17/18/19 separators
  '|' + PLACEHOLDER_ALT +
  // 20 year, 21 month word, 22 day: 2025-Feb-07
  '|(\\d{4})-([A-Z][a-z]{2})-(\\d{1,2})(?!\\d)' +
  ')';
const NUMERIC_G = new RegExp(NUMERIC_SRC, 'g');
const NUMERIC_Y = new RegExp(NUMERIC_SRC, 'y');

const WEEKDAY_BEFORE = new RegExp(`(?<![A-Za-z])(${WEEKDAY_ALT})\\.?,?[ \\t]+(?:the[ \\t]+)?$`);
const WEEKDAY_AFTER = new RegExp(`^(?:[ \\t]*,?[ \\t]*\\((${WEEKDAY_ALT})\\)|,[ \\t]*(${WEEKDAY_ALT})(?![A-Za-z]))`);
const MD_UNITS = /^[ \t]*(?:%|ms\b|s\b|secs?\b|seconds?\b|mins?\b|minutes?\b|h\b|hrs?\b|hours?\b|days?\b|weeks?\b|nodes?\b|pods?\b|times\b|x\b|percent\b|[+*/])/;
const TIME_AFTER = /^[ \t]+\d{1,2}:\d{2}/;
// "05-06 March 2026" is a range of days, not May 6.
const MONTH_AFTER = new RegExp(`^[ \\t]+(?:${MONTH_ALT})(?![a-z])`);

function fullYear(raw: string): number {
  const y = Number(raw);
  if (raw.length !== 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

function checkDate(year: number | undefined, month: number, day: number): string | undefined {
  if (year !== undefined && year > 9999) return `year ${year} has five digits`;
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  if (day < 1) return `day ${day} does not exist`;
  if (day > daysInMonth(year, month)) {
    return month === 2 && day === 29 && year !== undefined
      ? `February 29, ${year} does not exist (${year} is not a leap year)`
      : `${monthName(month)} ${day} does not exist`;
  }
  return undefined;
}

function make(start: number, raw: string, year: number | undefined, month: number, day: number, order: DateToken['order']): DateToken {
  const t: DateToken = { start, end: start + raw.length, raw, month, day, order };
  if (year !== undefined) t.year = year;
  const invalid = checkDate(year, month, day);
  if (invalid !== undefined) t.invalid = invalid;
  return t;
}

/** Decode a NUMERIC_SRC match at `start`, or undefined when it is not a date after all. */
function numericDate(text: string, m: RegExpExecArray, start: number): DateToken | undefined {
  const raw = m[0];
  if (m[1] !== undefined) {
    const year = Number(m[1]);
    const month = Number(m[3]);
    const day = Number(m[4]);
    if (month > 31 || day > 31) return undefined;
    return make(start, raw, year, month, day, 'ymd');
  }
  if (m[5] !== undefined && m[7] !== undefined && m[8] !== undefined) {
    return dayMonthYear(start, raw, Number(m[5]), m[6] ?? '-', Number(m[7]), m[8]);
  }
  if (m[9] !== undefined && m[11] !== undefined && m[12] !== undefined) {
    const month = monthOf(m[11]);
    if (month === 0) return undefined;
    return make(start, raw, Number(m[12]), month, Number(m[9]), 'named');
  }
  if (m[13] !== undefined && m[14] !== undefined) {
    const month = Number(m[13]);
    const day = Number(m[14]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    const end = start + raw.length;
    const rest = text.slice(end, end + 14);
    const timeAfter = TIME_AFTER.test(rest);
    if (MONTH_AFTER.test(rest)) return undefined;
    if (!timeAfter && (!(m[13].startsWith('0') || m[14].startsWith('0')) || MD_UNITS.test(rest))) return undefined;
    return make(start, raw, undefined, month, day, 'md');
  }
  if (m[20] !== undefined && m[21] !== undefined && m[22] !== undefined) {
    const month = monthOf(m[21]);
    if (month === 0) return undefined;
    return make(start, raw, Number(m[20]), month, Number(m[22]), 'ymd');
  }
  // Placeholders.
  const t: DateToken = { start, end: start + raw.length, raw, month: 0, day: 0, placeholder: true };
  if (m[15] !== undefined) t.year = Number(m[15]);
  if (m[16] !== undefined) t.month = Number(m[16]);
  return t;
}

function dayMonthYear(start: number, raw: string, a: number, sep: string, b: number, yearRaw: string): DateToken | undefined {
  if (sep === '.' && yearRaw.length === 2) return undefined; // 1.13.12 is a version
  if (a > 31 || b > 31 || a === 0 || b === 0) return undefined;
  const year = fullYear(yearRaw);
  let order: 'dmy' | 'mdy';
  let ambiguous = false;
  if (a > 12 && b <= 12) order = 'dmy';
  else if (b > 12 && a <= 12) order = 'mdy';
  else {
    order = sep === '/' ? 'mdy' : 'dmy';
    ambiguous = a <= 12 && b <= 12 && a !== b;
  }
  if (sep === '.' && order === 'mdy') return undefined;
  const [month, day] = order === 'dmy' ? [b, a] : [a, b];
  const t = make(start, raw, year, month, day, order);
  if (yearRaw.length === 2) t.twoDigitYear = true;
  if (ambiguous) {
    t.ambiguousOrder = true;
    t.alternative = { month: day, day: month };
  }
  return t;
}

/** The weekday written before ("Wednesday, August 10") or after ("(Thursday)") a date. */
function attachWeekday(text: string, t: DateToken): void {
  const before = text.slice(Math.max(0, t.start - 16), t.start);
  const b = WEEKDAY_BEFORE.exec(before);
  if (b !== null && b[1] !== undefined) {
    const ws = t.start - before.length + b.index;
    t.weekday = weekdayIndex(b[1]);
    t.weekdayStart = ws;
    t.weekdayEnd = ws + b[1].length;
    t.start = ws;
  } else {
    const after = text.slice(t.end, t.end + 16);
    const a = WEEKDAY_AFTER.exec(after);
    const word = a?.[1] ?? a?.[2];
    if (a !== null && word !== undefined) {
      const ws = t.end + a[0].lastIndexOf(word);
      t.weekday = weekdayIndex(word);
      t.weekdayStart = ws;
      t.weekdayEnd = ws + word.length;
      t.end += a[0].length;
    }
  }
  if (t.weekday !== undefined) t.raw = text.slice(t.start, t.end);
}

function swapOrder(t: DateToken): void {
  if (t.alternative === undefined) return;
  const { month, day } = t.alternative;
  t.alternative = { month: t.month, day: t.day };
  t.month = month;
  t.day = day;
  t.order = t.order === 'dmy' ? 'mdy' : 'dmy';
}

/** "Tue 04-12-2022": the written weekday picks the reading of an ambiguous date. */
function settleByWeekday(t: DateToken): void {
  if (t.ambiguousOrder !== true || t.weekday === undefined || t.year === undefined || t.alternative === undefined) return;
  if (weekdayOf(t.year, t.month, t.day) === t.weekday) return;
  if (weekdayOf(t.year, t.alternative.month, t.alternative.day) === t.weekday) swapOrder(t);
}

function separatorOf(t: DateToken): string | undefined {
  return /\d([-/.])\d/.exec(t.raw)?.[1];
}

/**
 * Settle DD-MM vs MM-DD for ambiguous numeric dates (04-12-2022) from the unambiguous ones written
 * with the same separator elsewhere in the document (28-11-2024 says day first; 02-25-2025 says
 * month first). Pass every date of a document; ambiguous ones take the majority reading (they keep
 * `ambiguousOrder`, `alternative` then holds the reading not taken). Returns `dates`.
 */
export function resolveDateOrder(dates: DateToken[]): DateToken[] {
  const votes = new Map<string, number>();
  for (const t of dates) {
    if (t.ambiguousOrder === true || t.invalid !== undefined || (t.order !== 'dmy' && t.order !== 'mdy')) continue;
    const sep = separatorOf(t);
    if (sep !== undefined) votes.set(sep, (votes.get(sep) ?? 0) + (t.order === 'dmy' ? 1 : -1));
  }
  for (const t of dates) {
    if (t.ambiguousOrder !== true) continue;
    const sep = separatorOf(t);
    const v = sep === undefined ? 0 : votes.get(sep) ?? 0;
    if ((v > 0 && t.order === 'mdy') || (v < 0 && t.order === 'dmy')) swapOrder(t);
  }
  return dates;
}

/** A numeric/ISO date whose digits start exactly at `pos` (for times that carry their date). */
export function matchNumericDateAt(text: string, pos: number): DateToken | undefined {
  NUMERIC_Y.lastIndex = pos;
  const m = NUMERIC_Y.exec(text);
  const t = m === null ? undefined : numericDate(text, m, pos);
  if (t !== undefined) {
    // The same token findDates gives, weekday included ("Monday, 2016-04-11 18:25").
    attachWeekday(text, t);
    settleByWeekday(t);
  }
  return t;
}

// Year after a named date that is really a military time ("Feb 7 1506 UTC") or not a year at all.
const YEAR_IS_TIME = /^[ \t]*-?[ \t]*(?:HRS|hrs|[Hh]ours|Z\b|UTC|GMT|[A-Z]{2,4}T\b|[AaPp]\.?[Mm]\b)/;

function namedDate(text: string, m: RegExpExecArray): DateToken | undefined {
  const monthWord = m[1] ?? m[6];
  const dayRaw = m[2] ?? m[5];
  if (monthWord === undefined || dayRaw === undefined) return undefined;
  const month = monthOf(monthWord);
  const day = Number(dayRaw);
  if (month === 0 || day < 1 || day > 31) return undefined;
  let raw = m[0];
  const yearPart = m[3] ?? m[7];
  const yearRaw = m[4] ?? m[8];
  let year: number | undefined;
  if (yearPart !== undefined && yearRaw !== undefined) {
    const y = Number(yearRaw);
    const end = m.index + raw.length;
    if ((yearRaw.length === 5 || (y >= 1900 && y <= 2199)) && !YEAR_IS_TIME.test(text.slice(end, end + 8))) {
      year = y;
    } else {
      raw = raw.slice(0, raw.length - yearPart.length);
    }
  }
  // "… on the 24th of November." : the dot ends the sentence, it does not abbreviate the month.
  if (year === undefined && raw.endsWith('.') && m[6] !== undefined && m[6].length > 4) raw = raw.slice(0, -1);
  return make(m.index, raw, year, month, day, 'named');
}

const HAS_DIGIT = /\d/;
const LETTER_PLACEHOLDER = /YYYY|yyyy|DD[-/.]|dd[-/.]|MM[-/.]|mm[-/.]/;
const NUMERIC_QUICK = /\d[-/.][\dA-Z?]|YYYY|yyyy|DD[-/.]|dd[-/.]|MM[-/.]|mm[-/.]/;
const NAMED_QUICK = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;

/** All dates in `text`, in order, non-overlapping. */
export function findDates(text: string): DateToken[] {
  const digits = HAS_DIGIT.test(text);
  if (!digits && !LETTER_PLACEHOLDER.test(text)) return [];
  const out: DateToken[] = [];
  let m: RegExpExecArray | null;
  if (NUMERIC_QUICK.test(text)) {
    NUMERIC_G.lastIndex = 0;
    while ((m = NUMERIC_G.exec(text)) !== null) {
      const t = numericDate(text, m, m.index);
      if (t !== undefined) out.push(t);
    }
  }
  if (digits && NAMED_QUICK.test(text)) {
    NAMED_G.lastIndex = 0;
    while ((m = NAMED_G.exec(text)) !== null) {
      const t = namedDate(text, m);
      if (t !== undefined) out.push(t);
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateToken[] = [];
  let lastEnd = -1;
  for (const t of out) {
    if (t.start < lastEnd) continue;
    attachWeekday(text, t);
    settleByWeekday(t);
    kept.push(t);
    lastEnd = t.end;
  }
  return kept;
}
