// Durations ("three hours", "54 hours 10 minutes", "1h 48m", "24h40m", "4:21h", "a day and a half",
// "half an hour", "~2h") and relative offsets ("T+15m", "T+1h30m", "[+7.5 hrs]", "+45 min").
import type { DurationToken, RelativeToken } from './tokens';
import { TIME_PREP_TAIL } from './times';

const UNITS_ONES: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const WORD_NUMBERS: Readonly<Record<string, number>> = {
  a: 1, an: 1, ...UNITS_ONES, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15,
  sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ONES = 'one|two|three|four|five|six|seven|eight|nine';
const NUM_SRC =
  '\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?' +
  `|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:${ONES}))?` +
  `|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|${ONES}` +
  '|(?:a[ \\t]+)?couple(?:[ \\t]+of)?|an?';
const UNIT_SRC = 'seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|s|m|h|d';
// 1 number, 2 "and a half" before the unit, 3 separator, 4 unit, 5 "and a half" after the unit
const PART_SRC =
  `(${NUM_SRC})((?:[ \\t]+and[ \\t]+(?:a[ \\t]+)?half))?([ \\t]?-?[ \\t]?)(${UNIT_SRC})(?![A-Za-z])` +
  '((?:[ \\t]+and[ \\t]+a[ \\t]+half))?';
// 6 hours, 7 minutes of "4:21h"; 8 unit of "half an hour"
const CLOCK_DUR_SRC = '(\\d{1,3}):(\\d{2})[ \\t]?(?:h|hrs?|hours)(?![A-Za-z])';
const HALF_SRC = '(?:a[ \\t]+)?half[ \\t-]?(?:an?[ \\t]+)?(hour|day|minute)(?![A-Za-z])';

const DURATION_G = new RegExp(`(?<![\\w.,:+/\\-\\u2212$\\u20ac\\u00a3])(?:${CLOCK_DUR_SRC}|${HALF_SRC}|${PART_SRC})`, 'gi');
const PART_Y = new RegExp(PART_SRC, 'iy');
// No comma: "three hours, 47 minutes" is more often a list than one duration.
/** Cheap test before the scan: a unit must be written somewhere. */
const DURATION_QUICK = /\d[ \t]?-?[ \t]?[smhdw]|sec|min|hour|hrs|day|week|wks|half/i;
const SPACES_G = /[ \t]+/g;
const TENS_SPLIT = /[- ]/;
const COMMAS_G = /,/g;
const OF_NEXT = /^[ \t]+of\b/;
const LETTER_UNITS = new Set(['h', 'm', 's', 'd', 'H', 'M', 'S', 'D']);

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

function startsWithDigit(s: string): boolean {
  return isDigitAt(s, 0);
}

const CONT_Y = /(?:[ \t]+and[ \t]+|[ \t]*)/y;
const RELATIVE_G = /(?:(?<![A-Za-z0-9])T[ \t]?([+\-\u2212])[ \t]?|(?<![\w)\]])(\+)[ \t]?)/g;
const REL_CLOCK_Y = /(\d{1,3}):(\d{2})(?![\d:])/y;
const REL_ZERO_Y = /0(?![\d.A-Za-z]|:\d)/y;

const APPROX_TAIL = new RegExp(
  '(?:(~|\\u2248)|(?<![A-Za-z])(' + [
    'about', 'around', 'approx\\.?', 'approximately', 'roughly', 'circa', 'ca\\.', 'some', 'close to',
    'nearly', 'almost', 'just under', 'a little under', 'under', 'less than', 'fewer than', 'within',
    'at most', 'up to', 'no more than',
    'just over', 'a little over', 'over', 'more than', 'at least', 'upwards of', 'in excess of', 'no less than',
  ].join('|') + ')|(>=?|\\u2265|<=?|\\u2264))[ \\t]*$', 'i',
);
const MAX_WORDS = /^(?:nearly|almost|just under|a little under|under|less than|fewer than|within|at most|up to|no more than)$/i;
const MIN_WORDS = /^(?:just over|a little over|over|more than|at least|upwards of|in excess of|no less than)$/i;
const FREQUENCY_TAIL = /(?<![A-Za-z])(?:once|twice|thrice|times|per|every|each)[ \t]+$/i;
const CONFIG_TAIL = /(?:=[ \t]*["']?|(?<![A-Za-z])(?:cpu|memory|millicores?|limits?|requests?)[ \t]*:?[ \t]*["']?)$/i;
const CLOCK_NOUN = /^[ \t]+(?:clock|format|notation|time|system)\b/i;
const PERCENT_NEXT = /^[ \t]+\d+(?:\.\d+)?%/;
/** "11m DAI", "134m USDC": millions of a currency or token. */
const MONEY_NEXT = /^[ \t]?[a-z]{0,3}[A-Z]{2,}/;
const SIGN_TAIL = /[+\-\u2212][ \t]*$/;

function unitRank(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith('w')) return 4;
  if (u.startsWith('d')) return 3;
  if (u.startsWith('h')) return 2;
  if (u.startsWith('m')) return 1;
  return 0;
}
const UNIT_MINUTES = [1 / 60, 1, 60, 1440, 10080] as const;

function wordValue(raw: string): number | undefined {
  const w = raw.toLowerCase().replace(SPACES_G, ' ');
  if (w.includes('couple')) return 2;
  const direct = WORD_NUMBERS[w];
  if (direct !== undefined) return direct;
  const [tens, ones] = w.split(TENS_SPLIT);
  const t = tens === undefined ? undefined : WORD_NUMBERS[tens];
  const o = ones === undefined ? undefined : UNITS_ONES[ones];
  return t !== undefined && o !== undefined ? t + o : undefined;
}

interface Part {
  end: number;
  minutes: number;
  rank: number;
  approximate: boolean;
  /** "and a half" ends a duration. */
  half?: boolean;
}

/** One "number unit" part (PART_SRC groups of `m` from `g`) written at [start, end). */
function part(text: string, m: RegExpExecArray, g: number, start: number, end: number): Part | undefined {
  const num = m[g] ?? '';
  const unit = m[g + 3] ?? '';
  const sep = m[g + 2] ?? '';
  const isDigits = startsWithDigit(num);
  const value = isDigits ? Number(num.replace(COMMAS_G, '')) : wordValue(num);
  if (value === undefined || !Number.isFinite(value)) return undefined;
  if (unit.length === 1) {
    // 1h, 48m, 30s, 5d: digits attached, lower case; not 1990s, "10s of", HTTP 502s, cpu=500m,
    // nor kubectl's "4022m   102%" (millicores).
    if (!isDigits || sep !== '' || unit !== unit.toLowerCase()) return undefined;
    if (PERCENT_NEXT.test(text.slice(end, end + 12))) return undefined;
    if (unit === 's' && (value >= 1000 || (value >= 400 && value < 600) || OF_NEXT.test(text.slice(end, end + 4)))) return undefined;
    if (unit === 'm' && (value >= 1000 || !Number.isInteger(value) || MONEY_NEXT.test(text.slice(end, end + 8)) ||
      CONFIG_TAIL.test(text.slice(Math.max(0, start - 16), start)))) return undefined;
  }
  const lower = num.toLowerCase();
  if ((lower === 'a' || lower === 'an') && unit.toLowerCase().startsWith('sec')) return undefined; // "a second time"
  if (sep.includes('-') && CLOCK_NOUN.test(text.slice(end, end + 12))) return undefined; // "24-hour clock"
  const half = m[g + 1] !== undefined || m[g + 4] !== undefined ? 0.5 : 0;
  const rank = unitRank(unit);
  return {
    end, rank, minutes: (value + half) * (UNIT_MINUTES[rank] ?? 1), approximate: lower.includes('couple'), half: half > 0,
  };
}

/** "0800 hours", "1200 HRS", "at 1500 hours" are times of day, not durations. */
function militaryTime(text: string, start: number, num: string, unit: string): boolean {
  if (num.length !== 4 || !startsWithDigit(num) || (unit[0] !== 'h' && unit[0] !== 'H')) return false;
  const hh = Number(num.slice(0, 2));
  const mm = Number(num.slice(2));
  if (hh > 24 || mm > 59) return false;
  return num.startsWith('0') || unit === 'HRS' || TIME_PREP_TAIL.test(text.slice(Math.max(0, start - 40), start));
}

function qualify(text: string, start: number, t: DurationToken): void {
  const a = APPROX_TAIL.exec(text.slice(Math.max(0, start - 24), start));
  if (a === null) return;
  t.approximate = true;
  const word = a[2];
  const sym = a[3];
  if ((word !== undefined && MIN_WORDS.test(word)) || sym?.startsWith('>') === true || sym === '\u2265') t.bound = 'min';
  else if ((word !== undefined && MAX_WORDS.test(word)) || sym?.startsWith('<') === true || sym === '\u2264') t.bound = 'max';
}

/** Continue "54 hours" with " 10 minutes", "h40m", " and 48 minutes". */
function compound(text: string, first: Part): Part {
  let acc = first;
  while (!acc.half) {
    CONT_Y.lastIndex = acc.end;
    CONT_Y.exec(text);
    const p = CONT_Y.lastIndex;
    PART_Y.lastIndex = p;
    const m = PART_Y.exec(text);
    if (m === null) break;
    if (p === acc.end && !startsWithDigit(m[1] ?? '')) break;
    const next = part(text, m, 1, p, p + m[0].length);
    if (next === undefined || next.rank >= acc.rank) break;
    acc = { ...next, minutes: acc.minutes + next.minutes, approximate: acc.approximate || next.approximate };
  }
  return acc;
}

/** Durations in `text`, in order. Relative offsets (T+15m, +45 min) are not durations. */
export function findDurations(text: string): DurationToken[] {
  if (!DURATION_QUICK.test(text)) return [];
  const out: DurationToken[] = [];
  DURATION_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DURATION_G.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    let result: Part | undefined;
    if (m[1] !== undefined) {
      // "4:21h" / "2:30 hours": a duration unless it reads as a time ("at 10:00 hours").
      if (TIME_PREP_TAIL.test(text.slice(Math.max(0, start - 40), start))) continue;
      const minutes = Number(m[1]) * 60 + Number(m[2]);
      if (Number(m[2]) > 59) continue;
      result = { end, minutes, rank: 1, approximate: false };
    } else if (m[3] !== undefined) {
      const unit = m[3].toLowerCase();
      result = { end, minutes: unit === 'hour' ? 30 : unit === 'day' ? 720 : 0.5, rank: 0, approximate: false };
    } else {
      const first = part(text, m, 4, start, end);
      if (first === undefined) {
        DURATION_G.lastIndex = start + 1;
        continue;
      }
      const lower = (m[4] ?? '').toLowerCase();
      if ((lower === 'a' || lower === 'an') && FREQUENCY_TAIL.test(text.slice(Math.max(0, start - 12), start))) continue;
      if (militaryTime(text, start, m[4] ?? '', m[7] ?? '')) continue;
      if (SIGN_TAIL.test(text.slice(Math.max(0, start - 3), start))) continue;
      result = compound(text, first);
      // "2h2024": a single-letter unit glued to more digits is not a duration.
      if (LETTER_UNITS.has(text.charAt(result.end - 1)) && isDigitAt(text, result.end)) continue;
    }
    const t: DurationToken = {
      start, end: result.end, raw: text.slice(start, result.end), minutes: round(result.minutes), approximate: result.approximate,
    };
    qualify(text, start, t);
    out.push(t);
    DURATION_G.lastIndex = result.end;
  }
  return out;
}

function round(minutes: number): number {
  return Math.round(minutes * 1000) / 1000;
}

/** Relative offsets: T+15m, T+1h30m, T-5m, T+0, T+1:30, [+7.5 hrs], +45 min. */
export function findRelative(text: string): RelativeToken[] {
  const out: RelativeToken[] = [];
  RELATIVE_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RELATIVE_G.exec(text)) !== null) {
    const start = m.index;
    const isT = m[1] !== undefined;
    const sign = isT && m[1] !== '+' ? -1 : 1;
    const p = start + m[0].length;
    let end: number | undefined;
    let minutes = 0;
    PART_Y.lastIndex = p;
    const pm = PART_Y.exec(text);
    if (pm !== null && startsWithDigit(pm[1] ?? '')) {
      const first = part(text, pm, 1, p, p + pm[0].length);
      if (first !== undefined) {
        const whole = compound(text, first);
        end = whole.end;
        minutes = whole.minutes;
      }
    }
    if (end === undefined && isT) {
      REL_CLOCK_Y.lastIndex = p;
      const c = REL_CLOCK_Y.exec(text);
      if (c !== null) {
        end = REL_CLOCK_Y.lastIndex;
        minutes = Number(c[1]) * 60 + Number(c[2]);
      } else {
        REL_ZERO_Y.lastIndex = p;
        if (REL_ZERO_Y.exec(text) !== null) end = REL_ZERO_Y.lastIndex;
      }
    }
    if (end === undefined) continue;
    out.push({ start, end, raw: text.slice(start, end), minutes: round(sign * minutes) });
    RELATIVE_G.lastIndex = end;
  }
  return out;
}
