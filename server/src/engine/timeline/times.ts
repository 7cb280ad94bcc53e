// Clock times written in text: 12h (8:16 AM, 03:26pm, 8:00 a.m., 9pm), 24h (14:18, 08:00:00,
// 15.26 after "at"), military (0800 HRS, 1200-HRS, 0830 hours, 1506 UTC), ISO 8601 and numeric
// date + time (2025-09-29T16:54:16Z, 2024-10-24 07:34, 24-10-2024 - 08:15), noon/midnight, ranges
// (2:30 PM – 9:00 PM, 09:00 - 11:00, 9:39 AM to 9:49 AM), plus time placeholders and vague times.
import { matchNumericDateAt } from './dates';
import type { DateToken, PlaceholderToken, TimeToken, VagueToken, ZoneToken } from './tokens';
import { matchZoneAfter } from './zones';

interface Clock {
  clockStart: number;
  clockEnd: number;
  hour: number;
  minute: number;
  second?: number;
  meridiem?: 'am' | 'pm';
  style: TimeToken['style'];
  named?: 'noon' | 'midnight';
  invalid?: string;
  ish?: boolean;
  /** A dot was the separator (15.26): only accepted where a time is clearly meant. */
  dot?: boolean;
}

// Cheap test before the scan: some clock-like shape must be present.
const QUICK = /\d[:.]\d|\d[ \t]{0,2}[ap]\.?[ \t]?m|\d{4}[ \t]?-?[ \t]?[a-z]|noon|midnight|midday/i;
const SCAN = /\d+|(?<![A-Za-z])(?:[Nn]oon|NOON|[Mm]idnight|MIDNIGHT|[Mm]idday|MIDDAY)(?![A-Za-z])/g;

const COLON_Y = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?!\d|:\d)/y;
const DOT_Y = /(\d{1,2})\.(\d{2})(?!\d|[.,:]\d)/y;
const MILITARY_Y = /(\d{2})(\d{2})(?![\d:])(?:([ \t]?-?[ \t]?)(HRS|Hrs|hrs|[Hh]ours|h)(?![A-Za-z]))?/y;
const BARE_HOUR_Y = /(\d{1,2})(?=[ \t\u00a0]{0,2}[AaPp]\.?[ \t]?[Mm](?![A-Za-z])|[ \t]?(?:noon|midnight)(?![A-Za-z]))/y;
const BARE_RANGE_START_Y = /(\d{1,2})(?=[ \t]?[-\u2013][ \t]?\d{1,2}(?::\d{2})?[ \t]{0,2}[AaPp]\.?[ \t]?[Mm](?![A-Za-z]))/y;
/** "August 4 - 9:47 PM": a day of month, not the start of a range of hours. */
const MONTH_TAIL = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+$/i;
const MERIDIEM_Y = /[ \t\u00a0]{0,2}([AaPp])(?:\.[ \t]?[Mm]\.|\.[ \t]?[Mm](?![A-Za-z])|[Mm](?![A-Za-z]))/y;
const NAMED_WORD_Y = /(?:[Nn]oon|[Mm]idnight)(?![A-Za-z])/y;
const DASH = /[-\u2013\u2014]/;
const NAMED_AFTER_Y = /[ \t]?(noon|midnight)(?![A-Za-z])/y;
const ISH_Y = /[ \t]?-?ish(?![A-Za-z])/y;
const HOURS_SUFFIX_Y = /[ \t]?(?:hours|hrs|HRS|Hrs|h)(?![A-Za-z])/y;
const DATE_TIME_SEP_Y = /T(?=\d)|:(?=\d)|[ \t]*,?[ \t]*(?:(?:[-\u2013\u2014@]|at)[ \t]+)?/y;
const RANGE_DASH_Y = /[ \t]*(?:--?|\u2013|\u2014)[ \t]*/y;
const RANGE_WORD_Y = /[ \t]+(?:to|until|till|through|thru|and)[ \t]+/y;
const RANGE_APPROX_Y = /(?:~|\\~|about[ \t]+|around[ \t]+|approx\.?[ \t]*|approximately[ \t]+)?/y;

const APPROX_TAIL = /(?:~|\u2248|(?<![A-Za-z])(?:about|around|approx\.?|approximately|roughly|circa|ca\.|nearly|almost|close to|near|some ?time(?: around)?|shortly (?:before|after)|just (?:before|after))(?:[ \t]+at)?)[ \t]*[[(*_]*[ \t]*$/i;
const BETWEEN_TAIL = /(?<![A-Za-z])between(?:[ \t]+the[ \t]+hours[ \t]+of)?[ \t]*[~([]?[ \t]*$/i;
const DOT_START_Y = /^\d{1,2}\./;
/** Where a bare "H:MM hours", "1500 hours" or "15.26" reads as a time of day. */
export const TIME_PREP_TAIL = /(?:(?<![A-Za-z])(?:at|from|to|until|till|by|since|before|after|around|about|approximately|approx\.?|roughly|between|and)[ \t]+|~[ \t]*|^[ \t]*(?:[-*+\u2022>]|\d+\.)?[ \t]*|[|([][ \t]*)$/i;
const DOT_CONTEXT_TAIL = /(?:(?<![A-Za-z])(?:at|around|about|approximately|approx\.?|roughly|circa|by|until|till|before|after|since|from)[ \t]+|~[ \t]*)$/i;
const LIST_NUMBER_TAIL = /(?:^|[\s(])\d{1,3}\.$/;
const SHORTCODE_TAIL = /:[a-z0-9_+-]+:$/;
const WORD_BEFORE = /([A-Z][a-z]+)[ \t]+$/;
const BIBLE = new Set([
  'Genesis', 'Exodus', 'Leviticus', 'Deuteronomy', 'Psalm', 'Psalms', 'Proverbs', 'Ecclesiastes',
  'Isaiah', 'Jeremiah', 'Lamentations', 'Ezekiel', 'Matthew', 'Mark', 'Luke', 'John', 'Romans',
  'Corinthians', 'Galatians', 'Ephesians', 'Philippians', 'Colossians', 'Thessalonians', 'Hebrews',
  'Revelation', 'Revelations', 'Chapter', 'Verse',
]);

function tail(text: string, start: number, n = 40): string {
  return text.slice(Math.max(0, start - n), start);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** May a time start at `start`, given what is written just before it? */
function leftOk(text: string, start: number): boolean {
  if (start === 0) return true;
  const c = text.charCodeAt(start - 1);
  if (isLetter(c) || isDigit(c)) return false;
  switch (c) {
    case 0x2e: // .  "10.12:30 PM" (list number) only
      return LIST_NUMBER_TAIL.test(tail(text, start, 6));
    case 0x3a: // :  ":clock1:10:30" (emoji shortcode) only
      return SHORTCODE_TAIL.test(tail(text, start, 32));
    case 0x2c: // ,  "1,200"
      return !isDigit(text.charCodeAt(start - 2));
    case 0x2f: // /
    case 0x2d: // -
    case 0x2b: // +
    case 0x2212: // minus
    case 0x24: // $
    case 0x20ac: // euro
    case 0xa3: // pound
    case 0x23: // #
    case 0x40: // @
    case 0x5c: // backslash (but "\~" is handled by the "~" before it)
      return false;
    default:
      return true;
  }
}

function exec(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Validate and normalise hour/minute/second with an optional meridiem. */
function settle(clock: Clock, text: string): Clock | undefined {
  const { hour, minute } = clock;
  const second = clock.second ?? 0;
  const written = text.slice(clock.clockStart, clock.clockEnd);
  if (clock.meridiem !== undefined) {
    if (hour > 12 || (hour === 0 && clock.meridiem === 'pm')) {
      clock.invalid = hour > 23
        ? `${written} is not a time`
        : `${written} mixes 24-hour and AM/PM`;
      return clock;
    }
    if (minute > 59) clock.invalid = `${written} has minute ${minute}`;
    else if (second > 60) clock.invalid = `${written} has second ${second}`;
    if (clock.invalid === undefined) {
      clock.hour = clock.meridiem === 'am' ? hour % 12 : (hour % 12) + 12;
    }
    return clock;
  }
  if (hour > 24 || (hour === 24 && (minute > 0 || second > 0))) {
    // 30:45 and up are more likely durations or scores than typos: not times at all.
    if (hour > 29 || clock.dot === true) return undefined;
    clock.invalid = `${written} is not a time`;
  } else if (minute > 59) {
    if (clock.dot === true) return undefined;
    clock.invalid = `${written} has minute ${minute}`;
  } else if (second > 60) {
    clock.invalid = `${written} has second ${second}`;
  }
  return clock;
}

function applyMeridiem(clock: Clock, text: string): void {
  const m = exec(MERIDIEM_Y, text, clock.clockEnd);
  if (m !== null) {
    clock.meridiem = m[1] === 'a' || m[1] === 'A' ? 'am' : 'pm';
    clock.style = '12h';
    clock.clockEnd = MERIDIEM_Y.lastIndex;
    return;
  }
  const n = exec(NAMED_AFTER_Y, text, clock.clockEnd);
  if (n !== null && clock.hour === 12 && clock.minute === 0) {
    clock.named = n[1] === 'noon' ? 'noon' : 'midnight';
    clock.meridiem = clock.named === 'noon' ? 'pm' : 'am';
    clock.style = '12h';
    clock.clockEnd = NAMED_AFTER_Y.lastIndex;
  }
}

/**
 * A clock starting exactly at `pos`. `inTimeContext` (range ends, times after a date): the position
 * already says a time is meant, so "12:00 hours" / "1200 hours" need no preposition before them.
 */
function parseClock(text: string, pos: number, inTimeContext: boolean, dotAllowed: boolean): Clock | undefined {
  let m = exec(COLON_Y, text, pos);
  let clock: Clock | undefined;
  if (m !== null && m[1] !== undefined && m[2] !== undefined) {
    clock = { clockStart: pos, clockEnd: COLON_Y.lastIndex, hour: Number(m[1]), minute: Number(m[2]), style: '24h' };
    if (m[3] !== undefined) clock.second = Number(m[3]);
  } else if ((m = exec(DOT_Y, text, pos)) !== null && m[1] !== undefined && m[2] !== undefined) {
    clock = { clockStart: pos, clockEnd: DOT_Y.lastIndex, hour: Number(m[1]), minute: Number(m[2]), style: '24h', dot: true };
  } else if ((m = exec(MILITARY_Y, text, pos)) !== null && m[1] !== undefined && m[2] !== undefined) {
    return military(text, pos, m, inTimeContext);
  } else if ((m = exec(BARE_HOUR_Y, text, pos)) !== null && m[1] !== undefined) {
    clock = { clockStart: pos, clockEnd: BARE_HOUR_Y.lastIndex, hour: Number(m[1]), minute: 0, style: '12h' };
    applyMeridiem(clock, text);
    if (clock.meridiem === undefined) return undefined;
    return settle(clock, text);
  } else if (!inTimeContext && (m = exec(BARE_RANGE_START_Y, text, pos)) !== null && m[1] !== undefined) {
    // "9-10 am", "9 - 11:30am": the start takes its meridiem from the end (attachRange).
    const hour = Number(m[1]);
    if (hour < 1 || hour > 12 || MONTH_TAIL.test(tail(text, pos, 12))) return undefined;
    return { clockStart: pos, clockEnd: pos + m[1].length, hour, minute: 0, style: '24h' };
  } else {
    return undefined;
  }
  applyMeridiem(clock, text);
  if (clock.dot === true && clock.meridiem === undefined) {
    // 15.26 after "at"; 1.30 is a version more often than a time.
    if (!dotAllowed || text.charCodeAt(pos + 2) !== 0x2e) return undefined;
  }
  const next = text.charCodeAt(clock.clockEnd);
  if (clock.meridiem === undefined) {
    // "4:21h" is a duration; "at 10:00 hours" a time.
    const h = exec(HOURS_SUFFIX_Y, text, clock.clockEnd);
    if (h !== null) {
      if (!inTimeContext && !TIME_PREP_TAIL.test(tail(text, pos))) return undefined;
      clock.clockEnd = HOURS_SUFFIX_Y.lastIndex;
    } else if (isLetter(next) && !(next >= 0x41 && next <= 0x5a) && exec(ISH_Y, text, clock.clockEnd) === null) {
      return undefined; // 12:30x, 1:30min
    }
  }
  if (exec(ISH_Y, text, clock.clockEnd) !== null) {
    clock.ish = true;
  }
  return settle(clock, text);
}

function military(text: string, pos: number, m: RegExpExecArray, inTimeContext: boolean): Clock | undefined {
  const hourRaw = m[1] ?? '';
  const suffix = m[4];
  const clock: Clock = {
    clockStart: pos, clockEnd: MILITARY_Y.lastIndex, hour: Number(hourRaw), minute: Number(m[2]), style: 'military',
  };
  if (suffix === undefined) {
    // "1506 UTC", "0800Z": a known zone must follow.
    const z = matchZoneAfter(text, clock.clockEnd, false);
    if (z === undefined || z.zone.unknown === true || clock.hour > 23 || clock.minute > 59) return undefined;
    return clock;
  }
  if (suffix !== 'HRS' && suffix !== 'Hrs' && suffix !== 'hrs' && !hourRaw.startsWith('0')) {
    // "1500 hours" is usually a duration; a time only after "at", "from", "to", a bullet, or as
    // the end of a range / the time after a date.
    if (!inTimeContext && !TIME_PREP_TAIL.test(tail(text, pos))) return undefined;
  }
  if (clock.hour > 24 || clock.minute > 59 || (clock.hour === 24 && clock.minute > 0)) {
    if (clock.hour > 29 && suffix !== 'HRS') return undefined;
    clock.invalid = `${text.slice(pos, pos + 4)} is not a time`;
  }
  return clock;
}

function namedClock(word: string, pos: number): Clock {
  const noon = word.toLowerCase() !== 'midnight';
  return {
    clockStart: pos, clockEnd: pos + word.length, hour: noon ? 12 : 0, minute: 0, style: '12h',
    meridiem: noon ? 'pm' : 'am', named: noon ? 'noon' : 'midnight',
  };
}

function isApproximate(text: string, start: number): boolean {
  return APPROX_TAIL.test(tail(text, start));
}

function build(
  text: string, clock: Clock, date: DateToken | undefined, zone: ZoneToken | undefined, end: number, approximate: boolean,
): TimeToken {
  const start = date?.start ?? clock.clockStart;
  const style = date?.order === 'ymd' && clock.style === '24h' ? 'iso' : clock.style;
  const t: TimeToken = {
    start, end, raw: text.slice(start, end), clockStart: clock.clockStart, clockEnd: clock.clockEnd,
    hour: clock.hour, minute: clock.minute, style, approximate: approximate || clock.ish === true,
  };
  if (clock.second !== undefined) t.second = clock.second;
  if (clock.meridiem !== undefined) t.meridiem = clock.meridiem;
  if (clock.named !== undefined) t.named = clock.named;
  if (clock.invalid !== undefined) t.invalid = clock.invalid;
  if (zone !== undefined) t.zone = zone;
  if (date !== undefined) t.date = date;
  return t;
}

/** A clock plus the zone after it; `date` when a numeric date came first. */
function timeAt(
  text: string, clock: Clock, date: DateToken | undefined, approximate: boolean, isoT: boolean,
): TimeToken {
  let z = matchZoneAfter(text, clock.clockEnd, isoT || clock.second !== undefined);
  if (z === undefined && clock.meridiem !== undefined && text.charCodeAt(clock.clockEnd) === 0x2e) {
    // "8:00 am. Pacific Time": a stray dot between the meridiem and a zone name.
    const named = matchZoneAfter(text, clock.clockEnd + 1, false);
    if (named !== undefined && named.zone.kind === 'name' && text.charCodeAt(clock.clockEnd + 1) === 0x20) z = named;
  }
  return build(text, clock, date, z?.zone, z?.end ?? clock.clockEnd, approximate);
}

/** A date-led timestamp or a plain clock starting at `pos` (used for range ends). */
function strictTimeAt(text: string, pos: number, allowDot: boolean): TimeToken | undefined {
  const a = exec(RANGE_APPROX_Y, text, pos);
  const approx = a !== null && a[0].length > 0;
  const p = approx ? RANGE_APPROX_Y.lastIndex : pos;
  const c = text.charCodeAt(p);
  if (!isDigit(c)) {
    const n = exec(NAMED_WORD_Y, text, p);
    return n === null ? undefined : timeAt(text, namedClock(n[0], p), undefined, approx, false);
  }
  const date = matchNumericDateAt(text, p);
  if (date !== undefined) {
    const r = afterDate(text, date, approx);
    return r;
  }
  const clock = parseClock(text, p, true, allowDot);
  if (clock === undefined) return undefined;
  // A bare number after a dash is not a time unless it has a meridiem or a colon.
  return timeAt(text, clock, undefined, approx, false);
}

function afterDate(text: string, date: DateToken, approximate: boolean): TimeToken | undefined {
  const sep = exec(DATE_TIME_SEP_Y, text, date.end);
  if (sep === null) return undefined;
  if (sep[0] === ':' && date.order !== 'named') return undefined;
  const p = DATE_TIME_SEP_Y.lastIndex;
  if (p === date.end && sep[0] === '') return undefined;
  if (!isDigit(text.charCodeAt(p))) return undefined;
  // "2023-09-18 15.26": right after a date a dotted clock is a time too.
  const clock = parseClock(text, p, true, true);
  if (clock === undefined) return undefined;
  return timeAt(text, clock, date, approximate, sep[0] === 'T');
}

function inferMeridiem(start: TimeToken, end: TimeToken): void {
  if (start.meridiem !== undefined || end.meridiem === undefined || start.invalid !== undefined) return;
  if (start.style !== '24h' || start.hour < 1 || start.hour > 12) return;
  const endMinutes = end.hour * 60 + end.minute;
  const base = start.hour % 12;
  const same = (base + (end.meridiem === 'pm' ? 12 : 0)) * 60 + start.minute;
  const meridiem = same <= endMinutes ? end.meridiem : end.meridiem === 'pm' ? 'am' : 'pm';
  start.meridiem = meridiem;
  start.meridiemInferred = true;
  start.hour = base + (meridiem === 'pm' ? 12 : 0);
  start.style = '12h';
}

function attachRange(text: string, t: TimeToken, between: boolean, dot: boolean): void {
  let m = exec(RANGE_DASH_Y, text, t.end);
  if (m === null || m[0].length === 0 || !DASH.test(m[0])) {
    m = exec(RANGE_WORD_Y, text, t.end);
    if (m === null) return;
    if (m[0].includes('and') && !between) return;
  }
  const end = strictTimeAt(text, t.end + m[0].length, dot);
  if (end === undefined) return;
  t.rangeEnd = end;
  inferMeridiem(t, end);
  if (t.zone === undefined && end.zone !== undefined && end.zone.unknown !== true) {
    t.zone = end.zone;
    t.zoneFromRangeEnd = true;
  }
}

function bibleReference(text: string, clock: Clock, start: number): boolean {
  if (clock.meridiem !== undefined || clock.second !== undefined) return false;
  const w = WORD_BEFORE.exec(tail(text, start, 16));
  return w !== null && w[1] !== undefined && BIBLE.has(w[1]);
}

/** All times in `text`, in order. A range end is nested in `rangeEnd`, not listed again. */
export function findTimes(text: string): TimeToken[] {
  if (!QUICK.test(text)) return [];
  const out: TimeToken[] = [];
  SCAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SCAN.exec(text)) !== null) {
    const start = m.index;
    const runEnd = SCAN.lastIndex;
    const run = m[0];
    let token: TimeToken | undefined;
    let skipTo = runEnd;
    if (!isDigit(run.charCodeAt(0))) {
      token = timeAt(text, namedClock(run, start), undefined, isApproximate(text, start), false);
    } else if (leftOk(text, start)) {
      const next = text.charCodeAt(runEnd);
      if ((next === 0x2d || next === 0x2f || next === 0x2e) && run.length <= 5) {
        const date = matchNumericDateAt(text, start);
        if (date !== undefined) {
          token = afterDate(text, date, isApproximate(text, start));
          skipTo = date.end;
        }
      }
      if (token === undefined && skipTo === runEnd && run.length <= 4) {
        const dotOk = next === 0x2e && DOT_CONTEXT_TAIL.test(tail(text, start, 20));
        const clock = parseClock(text, start, false, dotOk);
        if (clock !== undefined && !bibleReference(text, clock, start)) {
          token = timeAt(text, clock, undefined, isApproximate(text, start), false);
        }
      }
    }
    if (token !== undefined) {
      const dot = DOT_START_Y.test(text.slice(token.clockStart, token.clockStart + 3));
      attachRange(text, token, BETWEEN_TAIL.test(tail(text, start, 16)), dot);
      out.push(token);
      skipTo = token.rangeEnd?.end ?? token.end;
    }
    SCAN.lastIndex = skipTo;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Placeholders: HH:mm, HH:MM, ??:??, 14:??, --:--, XX:XX, [time], [???]

const PLACEHOLDER_G = new RegExp(
  '(?<![\\w?])(?:' + [
    '[Hh]{1,2}[:.][Mm]{2}(?:[:.][Ss]{2})?(?:[ \\t]?(?:[AaPp][Mm]|[Aa][Mm]/[Pp][Mm]))?',
    '[Xx]{1,2}:[Xx]{2}',
    '\\?{1,2}:\\?{2}',
    '\\d{1,2}:\\?{1,2}',
    '-{2}:-{2}',
    '_{2}:_{2}',
    '\\[(?:time|Time|TIME|timestamp|Timestamp|TIMESTAMP|hh:mm|HH:MM|HH:mm)\\]',
    '\\[\\?{2,}\\]',
    '[{<](?:time|TIME|timestamp)[}>]',
  ].join('|') + ')(?![\\w?])',
  'g',
);
const PLACEHOLDER_QUICK = /[:[{<]/;

export function findTimePlaceholders(text: string): PlaceholderToken[] {
  if (!PLACEHOLDER_QUICK.test(text)) return [];
  const out: PlaceholderToken[] = [];
  PLACEHOLDER_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLACEHOLDER_G.exec(text)) !== null) {
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Vague times: "late in the day", "in the morning", "some time", "early afternoon", "shortly after"

const PART = '(?:morning|afternoon|evening|night|day)';
const MONTH_WORD = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const WEEKDAY_WORD = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const VAGUE_G = new RegExp(
  '(?<![A-Za-z])(?:' + [
    `(?:early|late)[- ]?(?:in[ ]the[ ])?${PART}`,
    'mid[- ]?(?:morning|afternoon|evening)',
    `(?:early|late|mid)[- ]${MONTH_WORD}[ ]?\\d{1,2}(?:st|nd|rd|th)?(?!\\d)`,
    '(?:in|during|throughout)[ ]the[ ](?:early[ ]|late[ ])?(?:morning|afternoon|evening|night)',
    `(?:this|that|the[ ]next|the[ ]following|next|following|the[ ]same|same|${WEEKDAY_WORD})[ ](?:morning|afternoon|evening|night)`,
    '(?:on[ ])?the[ ](?:morning|afternoon|evening|night)(?=[ ]of(?![A-Za-z]))',
    'later[ ](?:that|in[ ]the|the[ ]same)[ ](?:day|morning|afternoon|evening|night)',
    '(?:at[ ])?some[ ]point(?:[ ]later)?',
    'some[ ]?time(?:[ ](?:later|after|before|around))?',
    '(?:shortly|soon|immediately|right|just)[ ](?:after(?:wards)?|thereafter|before|later)',
    '(?:moments|minutes|hours|a[ ]few[ ](?:minutes|hours)|a[ ]while|a[ ]bit)[ ]later',
    'end[ ]of[ ](?:the[ ])?(?:day|business)',
    'close[ ]of[ ]business',
    '(?:before|after|around|at|during)[ ]lunch(?:time)?',
    'lunchtime',
    'overnight', 'yesterday', 'today', 'tonight', 'tomorrow',
    'EOD', 'COB', 'TBD', 'TBC', 'time[ ](?:unknown|tbc|tbd)', 'unknown[ ]time',
    '(?:morning|afternoon|evening|night)',
  ].join('|') + ')(?![A-Za-z])',
  'gi',
);

/** Every vague phrase contains one of these words. */
const VAGUE_QUICK = /morning|noon|late|early|mid|evening|night|day|later|after|before|lunch|some|moment|tomorrow|point|business|EOD|COB|TB[DC]|unknown|time/i;

export function findVague(text: string): VagueToken[] {
  if (!VAGUE_QUICK.test(text)) return [];
  const out: VagueToken[] = [];
  VAGUE_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VAGUE_G.exec(text)) !== null) {
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}
