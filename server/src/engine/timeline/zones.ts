// Time zones written in text: abbreviations (PST, WAT), offsets (UTC+3, (+3 GMT), +05:30, Z),
// names ("Pacific time", "West African Time") and IANA ids. DST rules come from Intl, not a copied
// tz database.
import type { ZoneToken } from './tokens';

type Variant = 'standard' | 'daylight' | 'generic';

interface ZoneInfo {
  iana?: string;
  fixed?: number;
  variant?: Variant;
  ambiguous?: readonly string[];
  /** Also an ordinary word or acronym (CAT, BST, SAST): only a zone after a time, in "(…)" or "times …". */
  needsContext?: boolean;
}

const LA = 'America/Los_Angeles';
const DENVER = 'America/Denver';
const CHICAGO = 'America/Chicago';
const NEW_YORK = 'America/New_York';
const LONDON = 'Europe/London';

const ABBRS: ReadonlyMap<string, ZoneInfo> = new Map<string, ZoneInfo>([
  ['UTC', { fixed: 0 }],
  ['GMT', { iana: LONDON, fixed: 0, variant: 'standard' }],
  ['Z', { fixed: 0 }],
  ['PST', { iana: LA, fixed: -480, variant: 'standard' }],
  ['PDT', { iana: LA, fixed: -420, variant: 'daylight' }],
  ['PT', { iana: LA, variant: 'generic', needsContext: true }],
  ['MST', { iana: DENVER, fixed: -420, variant: 'standard' }],
  ['MDT', { iana: DENVER, fixed: -360, variant: 'daylight' }],
  ['MT', { iana: DENVER, variant: 'generic', needsContext: true }],
  ['CST', { variant: 'standard', ambiguous: [CHICAGO, 'Asia/Shanghai'] }],
  ['CDT', { iana: CHICAGO, fixed: -300, variant: 'daylight' }],
  ['CT', { iana: CHICAGO, variant: 'generic', needsContext: true }],
  ['EST', { iana: NEW_YORK, fixed: -300, variant: 'standard' }],
  ['EDT', { iana: NEW_YORK, fixed: -240, variant: 'daylight' }],
  ['ET', { iana: NEW_YORK, variant: 'generic', needsContext: true }],
  ['AKST', { iana: 'America/Anchorage', fixed: -540, variant: 'standard' }],
  ['AKDT', { iana: 'America/Anchorage', fixed: -480, variant: 'daylight' }],
  ['HST', { iana: 'Pacific/Honolulu', fixed: -600 }],
  ['AST', { variant: 'standard', ambiguous: ['America/Halifax', 'Asia/Riyadh'], needsContext: true }],
  ['ADT', { iana: 'America/Halifax', fixed: -180, variant: 'daylight', needsContext: true }],
  ['NST', { iana: 'America/St_Johns', fixed: -210, variant: 'standard', needsContext: true }],
  ['NDT', { iana: 'America/St_Johns', fixed: -150, variant: 'daylight', needsContext: true }],
  ['BRT', { iana: 'America/Sao_Paulo', fixed: -180, needsContext: true }],
  ['ART', { iana: 'America/Argentina/Buenos_Aires', fixed: -180, needsContext: true }],
  ['COT', { iana: 'America/Bogota', fixed: -300, needsContext: true }],
  ['PET', { iana: 'America/Lima', fixed: -300, needsContext: true }],
  ['BST', { iana: LONDON, fixed: 60, variant: 'daylight', needsContext: true }],
  ['IST', { ambiguous: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'] }],
  ['WET', { iana: 'Europe/Lisbon', fixed: 0, variant: 'standard', needsContext: true }],
  ['WEST', { iana: 'Europe/Lisbon', fixed: 60, variant: 'daylight', needsContext: true }],
  ['CET', { iana: 'Europe/Paris', fixed: 60, variant: 'standard' }],
  ['CEST', { iana: 'Europe/Paris', fixed: 120, variant: 'daylight' }],
  ['EET', { iana: 'Europe/Athens', fixed: 120, variant: 'standard' }],
  ['EEST', { iana: 'Europe/Athens', fixed: 180, variant: 'daylight' }],
  ['MSK', { iana: 'Europe/Moscow', fixed: 180, needsContext: true }], // also AWS MSK (Kafka)
  ['WAT', { iana: 'Africa/Lagos', fixed: 60, needsContext: true }],
  ['CAT', { iana: 'Africa/Maputo', fixed: 120, needsContext: true }],
  ['EAT', { iana: 'Africa/Nairobi', fixed: 180, needsContext: true }],
  ['SAST', { iana: 'Africa/Johannesburg', fixed: 120, needsContext: true }],
  ['GST', { iana: 'Asia/Dubai', fixed: 240, needsContext: true }],
  ['PKT', { iana: 'Asia/Karachi', fixed: 300, needsContext: true }],
  ['ICT', { iana: 'Asia/Bangkok', fixed: 420, needsContext: true }],
  ['WIB', { iana: 'Asia/Jakarta', fixed: 420, needsContext: true }],
  ['SGT', { iana: 'Asia/Singapore', fixed: 480, needsContext: true }],
  ['HKT', { iana: 'Asia/Hong_Kong', fixed: 480 }],
  ['PHT', { iana: 'Asia/Manila', fixed: 480, needsContext: true }],
  ['AWST', { iana: 'Australia/Perth', fixed: 480 }],
  ['JST', { iana: 'Asia/Tokyo', fixed: 540 }],
  ['KST', { iana: 'Asia/Seoul', fixed: 540 }],
  ['ACST', { iana: 'Australia/Adelaide', fixed: 570, variant: 'standard' }],
  ['ACDT', { iana: 'Australia/Adelaide', fixed: 630, variant: 'daylight' }],
  ['AEST', { iana: 'Australia/Sydney', fixed: 600, variant: 'standard' }],
  ['AEDT', { iana: 'Australia/Sydney', fixed: 660, variant: 'daylight' }],
  ['AET', { iana: 'Australia/Sydney', variant: 'generic', needsContext: true }],
  ['NZST', { iana: 'Pacific/Auckland', fixed: 720, variant: 'standard' }],
  ['NZDT', { iana: 'Pacific/Auckland', fixed: 780, variant: 'daylight' }],
]);

/** Offsets of each reading of an ambiguous abbreviation, as the abbreviation means them. */
const AMBIGUOUS_FIXED: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  CST: { [CHICAGO]: -360, 'Asia/Shanghai': 480 },
  IST: { 'Asia/Kolkata': 330, 'Europe/Dublin': 60, 'Asia/Jerusalem': 120 },
  AST: { 'America/Halifax': -240, 'Asia/Riyadh': 180 },
};

/** The most common reading of each ambiguous abbreviation, for callers that want a default. */
export const DEFAULT_AMBIGUITY: Readonly<Record<string, string>> = {
  CST: CHICAGO,
  IST: 'Asia/Kolkata',
  AST: 'America/Halifax',
};

/** Zones with a summer time: standard and daylight abbreviations and the standard offset. */
const FAMILIES: ReadonlyMap<string, { std: string; dst: string; stdOffset: number }> = new Map([
  [LA, { std: 'PST', dst: 'PDT', stdOffset: -480 }],
  [DENVER, { std: 'MST', dst: 'MDT', stdOffset: -420 }],
  [CHICAGO, { std: 'CST', dst: 'CDT', stdOffset: -360 }],
  [NEW_YORK, { std: 'EST', dst: 'EDT', stdOffset: -300 }],
  ['America/Anchorage', { std: 'AKST', dst: 'AKDT', stdOffset: -540 }],
  ['America/Halifax', { std: 'AST', dst: 'ADT', stdOffset: -240 }],
  ['America/St_Johns', { std: 'NST', dst: 'NDT', stdOffset: -210 }],
  [LONDON, { std: 'GMT', dst: 'BST', stdOffset: 0 }],
  ['Europe/Dublin', { std: 'GMT', dst: 'IST', stdOffset: 0 }],
  ['Europe/Lisbon', { std: 'WET', dst: 'WEST', stdOffset: 0 }],
  ['Europe/Paris', { std: 'CET', dst: 'CEST', stdOffset: 60 }],
  ['Europe/Athens', { std: 'EET', dst: 'EEST', stdOffset: 120 }],
  ['Asia/Jerusalem', { std: 'IST', dst: 'IDT', stdOffset: 120 }],
  ['Australia/Adelaide', { std: 'ACST', dst: 'ACDT', stdOffset: 570 }],
  ['Australia/Sydney', { std: 'AEST', dst: 'AEDT', stdOffset: 600 }],
  ['Pacific/Auckland', { std: 'NZST', dst: 'NZDT', stdOffset: 720 }],
]);

/** Abbreviation of zones without summer time, for names such as "West African Time". */
const ABBR_OF_IANA: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [abbr, info] of ABBRS) {
    if (info.iana !== undefined && info.variant === undefined && !m.has(info.iana)) m.set(info.iana, abbr);
  }
  m.set('Asia/Kolkata', 'IST');
  m.set('Asia/Shanghai', 'CST');
  m.set('Asia/Riyadh', 'AST');
  return m;
})();

// ---------------------------------------------------------------------------------------------
// Names: "Pacific time", "Eastern Standard Time", "West African Time", "Central European Summer Time"

interface NameEntry {
  generic: ZoneInfo;
  standard?: ZoneInfo;
  daylight?: ZoneInfo;
}

const fam = (iana: string, std: number, dst: number): NameEntry => ({
  generic: { iana, variant: 'generic' },
  standard: { iana, fixed: std, variant: 'standard' },
  daylight: { iana, fixed: dst, variant: 'daylight' },
});
const fixedZone = (iana: string | undefined, fixed: number): NameEntry => ({
  generic: iana === undefined ? { fixed } : { iana, fixed },
});
const europe = (iana: string, std: number): NameEntry => ({
  // "Central European Time" is the official name of CET (the standard variant).
  generic: { iana, fixed: std, variant: 'standard' },
  standard: { iana, fixed: std, variant: 'standard' },
  daylight: { iana, fixed: std + 60, variant: 'daylight' },
});

// Order matters: longer names that share a first word come first.
const NAMES: ReadonlyArray<readonly [string, NameEntry]> = [
  ['Central Europe(?:an)?', europe('Europe/Paris', 60)],
  ['Eastern Europe(?:an)?', europe('Europe/Athens', 120)],
  ['Western Europe(?:an)?', europe('Europe/Lisbon', 0)],
  ['West[ -]Central Afric(?:a|an)', fixedZone('Africa/Lagos', 60)],
  ['West(?:ern)?[ -]Afric(?:a|an)', fixedZone('Africa/Lagos', 60)],
  ['Central Afric(?:a|an)', fixedZone('Africa/Maputo', 120)],
  ['East(?:ern)?[ -]Afric(?:a|an)', fixedZone('Africa/Nairobi', 180)],
  ['South(?:ern)? Afric(?:a|an)', fixedZone('Africa/Johannesburg', 120)],
  ['Australian Eastern', fam('Australia/Sydney', 600, 660)],
  ['Australian Central', fam('Australia/Adelaide', 570, 630)],
  ['Australian Western', fixedZone('Australia/Perth', 480)],
  ['New Zealand', fam('Pacific/Auckland', 720, 780)],
  ['Pacific', fam(LA, -480, -420)],
  ['Mountain', fam(DENVER, -420, -360)],
  ['Central', fam(CHICAGO, -360, -300)],
  ['Eastern', fam(NEW_YORK, -300, -240)],
  ['Atlantic', fam('America/Halifax', -240, -180)],
  ['Alaska(?:n)?', fam('America/Anchorage', -540, -480)],
  ['Hawaii(?:an)?(?:[- ]Aleutian)?', fixedZone('Pacific/Honolulu', -600)],
  ['British Summer', { generic: { iana: LONDON, fixed: 60, variant: 'daylight' } }],
  ['Greenwich Mean', { generic: { iana: LONDON, fixed: 0, variant: 'standard' } }],
  ['(?:Coordinated )?Universal(?: Coordinated)?', fixedZone(undefined, 0)],
  ['(?:UK|British|London)', { generic: { iana: LONDON, variant: 'generic' } }],
  ['Irish', { generic: { iana: 'Europe/Dublin', fixed: 60, variant: 'daylight' } }],
  ['India(?:n)?', fixedZone('Asia/Kolkata', 330)],
  ['Israel(?:i)?', fam('Asia/Jerusalem', 120, 180)],
  ['Japan(?:ese)?', fixedZone('Asia/Tokyo', 540)],
  ['Korea(?:n)?', fixedZone('Asia/Seoul', 540)],
  ['China', fixedZone('Asia/Shanghai', 480)],
  ['Singapore', fixedZone('Asia/Singapore', 480)],
  ['Hong Kong', fixedZone('Asia/Hong_Kong', 480)],
  ['Philippine', fixedZone('Asia/Manila', 480)],
  ['Moscow', fixedZone('Europe/Moscow', 180)],
  ['Gulf', fixedZone('Asia/Dubai', 240)],
  ['Arabia(?:n)?', fixedZone('Asia/Riyadh', 180)],
  ['Pakistan', fixedZone('Asia/Karachi', 300)],
];

const NAME_SRC =
  '(' + NAMES.map(([re]) => `(${re})`).join('|') + ')' +
  '(?:[ \\t]+([Ss]tandard|[Dd]aylight|[Ss]ummer)(?:[ \\t]+[Ss]aving)?)?' +
  '[ \\t]+(?:[Tt]ime(?:[ \\t]?[Zz]one)?|[Tt]imezone)(?![A-Za-z])';
// A region alone ("all times Pacific"): only where a zone is expected.
const BARE_REGION_SRC = '(Pacific|Eastern|Central|Mountain)(?![A-Za-z]|[ \\t]+[A-Z][a-z])';
const SIGN = '[+\\-\\u2212\\u2013]';
const PREFIX_OFFSET_SRC = `(?:UTC|GMT|UT|[Uu]tc|[Gg]mt)[ \\t]?(${SIGN})[ \\t]?(\\d{1,2})(?::?(\\d{2}))?(?!\\d|:\\d)`;
const REVERSED_OFFSET_SRC = `\\([ \\t]?(${SIGN})(\\d{1,2})(?::?(\\d{2}))?[ \\t]?(?:GMT|UTC)[ \\t]?\\)`;
const IANA_SRC =
  '(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|US|Etc|Canada|Brazil|Mexico)' +
  '/[A-Za-z_]+(?:/[A-Za-z_]+)?(?![A-Za-z_/])';
const ABBR_SRC = '[A-Z]{1,5}(?![A-Za-z])';

const NAME_G = new RegExp('(?<![A-Za-z])' + NAME_SRC, 'g');
const NAME_Y = new RegExp(NAME_SRC, 'y');
const BARE_G = new RegExp('(?<![A-Za-z])' + BARE_REGION_SRC, 'g');
const BARE_Y = new RegExp(BARE_REGION_SRC, 'y');
const PREFIX_OFFSET_G = new RegExp('(?<![A-Za-z])' + PREFIX_OFFSET_SRC, 'g');
const PREFIX_OFFSET_Y = new RegExp(PREFIX_OFFSET_SRC, 'y');
const REVERSED_OFFSET_G = new RegExp(REVERSED_OFFSET_SRC, 'g');
const REVERSED_OFFSET_Y = new RegExp(REVERSED_OFFSET_SRC, 'y');
const IANA_G = new RegExp('(?<![A-Za-z_/])' + IANA_SRC, 'g');
const IANA_Y = new RegExp(IANA_SRC, 'y');
const ABBR_G = new RegExp('(?<![A-Za-z])' + ABBR_SRC, 'g');
const ABBR_Y = new RegExp(ABBR_SRC, 'y');
const LOWER_UTC_Y = /(?:utc|gmt|Utc|Gmt)(?![A-Za-z])/y;
/** +05:30, +0530, -07:00, +02 after a time. */
// A colon may follow when it ends the timestamp ("…+02:00: Report sent"), not another number.
const NUMERIC_OFFSET_Y = new RegExp(`(${SIGN})(\\d{2})(:?)(\\d{2})?(?!\\d|:\\d)`, 'y');
const SPACES_Y = /[ \t\u00a0]{0,2}/y;
const OFFSET_QUICK = /ut|gm/i;
/** The clock before a bare Z: 08:00Z, 0800Z, 16:54:16.154Z. */
const Z_TAIL = /\d{2}(?::?\d{2}){0,2}(?:[.,]\d+)?$/;
/** Intl's longOffset names: GMT, GMT+05:30, GMT-07:00. */
const GMT_NAME = /^GMT(?:([+\-\u2212])(\d{1,2})(?::?(\d{2}))?)?$/;

function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || isLower(c);
}
const NAME_QUICK = /time|zone/i;
const BARE_QUICK = /Pacific|Eastern|Central|Mountain/;
/** Shape of an unknown zone abbreviation after a time (PCT, EWT): 3-5 capitals ending in T. */
const UNKNOWN_SHAPE = /^[A-Z]{2,4}T$/;

const NAME_INDEX: ReadonlyMap<number, NameEntry> = (() => {
  const m = new Map<number, NameEntry>();
  NAMES.forEach(([, entry], i) => m.set(i + 2, entry));
  return m;
})();

/** Capitalised words after a time that are plainly not zones. */
const NOT_ZONES = new Set([
  'AT', 'IT', 'BUT', 'NOT', 'GOT', 'GET', 'LET', 'SET', 'PUT', 'OUT', 'CUT', 'HIT', 'HOT', 'LOT',
  'MET', 'NET', 'PIT', 'SAT', 'SIT', 'YET', 'WENT', 'JUST', 'MOST', 'LAST', 'FIRST', 'NEXT', 'EXIT',
  'START', 'ALERT', 'ABOUT', 'AFTER', 'ALMOST', 'POST', 'LIST', 'TEST', 'HOST', 'REST', 'FAST',
  'AM', 'PM', 'HRS', 'HR', 'ISO', 'API', 'DNS', 'CPU', 'SSH', 'OK',
]);

// ---------------------------------------------------------------------------------------------

function infoToken(
  start: number, end: number, raw: string, kind: ZoneToken['kind'], info: ZoneInfo, abbr?: string,
): ZoneToken {
  const t: ZoneToken = { start, end, raw, kind };
  if (abbr !== undefined) t.abbr = abbr;
  if (info.iana !== undefined) t.iana = info.iana;
  if (info.fixed !== undefined) t.fixedOffsetMinutes = info.fixed;
  if (info.variant !== undefined) t.dstVariant = info.variant;
  if (info.ambiguous !== undefined) t.ambiguous = [...info.ambiguous];
  return t;
}

function offsetMinutes(sign: string | undefined, h: string | undefined, m: string | undefined): number | undefined {
  const hours = Number(h ?? 'NaN');
  const minutes = m === undefined || m === '' ? 0 : Number(m);
  if (!(hours <= 14) || !(minutes < 60)) return undefined;
  const total = hours * 60 + minutes;
  return sign === '+' ? total : -total;
}

function offsetToken(start: number, end: number, raw: string, minutes: number): ZoneToken {
  return { start, end, raw, kind: 'offset', fixedOffsetMinutes: minutes };
}

function nameToken(m: RegExpExecArray, start: number): ZoneToken | undefined {
  let entry: NameEntry | undefined;
  for (const [group, e] of NAME_INDEX) {
    if (m[group] !== undefined) { entry = e; break; }
  }
  if (entry === undefined) return undefined;
  const variantWord = m[NAMES.length + 2]?.toLowerCase();
  const info = variantWord === undefined
    ? entry.generic
    : variantWord === 'standard' ? entry.standard ?? entry.generic : entry.daylight ?? entry.generic;
  return infoToken(start, start + m[0].length, m[0], 'name', info);
}

const BARE_INFO: Readonly<Record<string, ZoneInfo>> = {
  Pacific: { iana: LA, variant: 'generic' },
  Eastern: { iana: NEW_YORK, variant: 'generic' },
  Central: { iana: CHICAGO, variant: 'generic' },
  Mountain: { iana: DENVER, variant: 'generic' },
};

const validIana = new Map<string, boolean>();
function isIana(name: string): boolean {
  let ok = validIana.get(name);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      ok = true;
    } catch {
      ok = false;
    }
    validIana.set(name, ok);
  }
  return ok;
}

function abbrToken(start: number, raw: string, afterTime: boolean): ZoneToken | undefined {
  const abbr = raw.toUpperCase();
  const info = ABBRS.get(abbr);
  if (info !== undefined) return infoToken(start, start + raw.length, raw, 'abbr', info, abbr);
  if (!afterTime || !UNKNOWN_SHAPE.test(raw) || NOT_ZONES.has(raw)) return undefined;
  return { start, end: start + raw.length, raw, kind: 'abbr', abbr, unknown: true };
}

// A time just before: 10:30, 10:30:00, 8:00 a.m., 9pm, 0800, 0800 HRS (then spaces or an open paren).
const TIME_TAIL = /(?:(?<![\d.])\d{1,2}[:.]\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[ \t]{0,2}[AaPp]\.?[Mm]\.?)?|(?<![\d.])\d{1,2}[ \t]?[AaPp]\.?[Mm]\.?|(?<![\d.])\d{4}(?:[ \t]?-?[ \t]?(?:HRS|hrs|[Hh]ours))?|\b(?:[Nn]oon|[Mm]idnight))[ \t]*[([]?[ \t]*$/;
const WORD_CONTEXT = /(?:\b(?:[Tt]imes?|[Tt]ime[ ]?[Zz]one|[Tt]imezone|TZ|tz|[Zz]one|in|In|IN|all|All)\b[ \t]*:?[ \t]*[([]?[ \t]*|\([ \t]*)$/;

function tail(text: string, start: number): string {
  return text.slice(Math.max(0, start - 28), start);
}

function timeBefore(text: string, start: number): boolean {
  return TIME_TAIL.test(tail(text, start));
}

function hasContext(text: string, start: number, end: number): boolean {
  const before = tail(text, start);
  if (TIME_TAIL.test(before) || WORD_CONTEXT.test(before)) return true;
  // "(EAT)": a closing bracket right after.
  const next = text.charCodeAt(end);
  return next === 0x29 /* ) */ || next === 0x5d /* ] */;
}

/** All zone expressions in `text`. Unknown ones (PCT) only when written right after a time. */
export function findZones(text: string): ZoneToken[] {
  const out: ZoneToken[] = [];
  let m: RegExpExecArray | null;
  const offsets = OFFSET_QUICK.test(text);
  if (offsets && text.includes('(')) {
    REVERSED_OFFSET_G.lastIndex = 0;
    while ((m = REVERSED_OFFSET_G.exec(text)) !== null) {
      const minutes = offsetMinutes(normSign(m[1]), m[2], m[3]);
      if (minutes !== undefined) out.push(offsetToken(m.index, m.index + m[0].length, m[0], minutes));
    }
  }
  if (offsets) {
    PREFIX_OFFSET_G.lastIndex = 0;
    while ((m = PREFIX_OFFSET_G.exec(text)) !== null) {
      const minutes = offsetMinutes(normSign(m[1]), m[2], m[3]);
      if (minutes !== undefined) out.push(offsetToken(m.index, m.index + m[0].length, m[0], minutes));
    }
  }
  if (NAME_QUICK.test(text)) {
    NAME_G.lastIndex = 0;
    while ((m = NAME_G.exec(text)) !== null) {
      const t = nameToken(m, m.index);
      if (t !== undefined) out.push(t);
    }
  }
  if (text.includes('/')) {
    IANA_G.lastIndex = 0;
    while ((m = IANA_G.exec(text)) !== null) {
      if (isIana(m[0])) out.push({ start: m.index, end: m.index + m[0].length, raw: m[0], kind: 'name', iana: m[0] });
    }
  }
  if (BARE_QUICK.test(text)) {
    BARE_G.lastIndex = 0;
    while ((m = BARE_G.exec(text)) !== null) {
      const end = m.index + m[0].length;
      const info = BARE_INFO[m[0]];
      if (info !== undefined && hasContext(text, m.index, end)) out.push(infoToken(m.index, end, m[0], 'name', info));
    }
  }
  ABBR_G.lastIndex = 0;
  while ((m = ABBR_G.exec(text)) !== null) {
    const raw = m[0];
    const start = m.index;
    const prev = text.charCodeAt(start - 1);
    const afterDigit = prev >= 0x30 && prev <= 0x39;
    if (raw === 'Z') {
      if (afterDigit && Z_TAIL.test(tail(text, start))) {
        out.push(infoToken(start, start + 1, raw, 'abbr', { fixed: 0 }, 'Z'));
      }
      continue;
    }
    if (raw.length < 2) continue;
    // Most capitalised words are neither zones nor zone-like: skip them before any context test.
    if (!ABBRS.has(raw) && !UNKNOWN_SHAPE.test(raw)) continue;
    const afterTime = timeBefore(text, start);
    if (afterDigit && !afterTime) continue;
    const info = ABBRS.get(raw);
    if (info !== undefined && info.needsContext === true && !hasContext(text, start, start + raw.length)) continue;
    const t = abbrToken(start, raw, afterTime && !nextWordIsCaps(text, start + raw.length));
    if (t !== undefined) out.push(t);
  }
  return dedupe(out);
}

function nextWordIsCaps(text: string, end: number): boolean {
  return /^[ \t]+[A-Z]{2,}\b/.test(text.slice(end, end + 8));
}

function normSign(s: string | undefined): string {
  return s === '+' ? '+' : '-';
}

/** Sort by start, drop tokens overlapping an earlier (or same-start longer) one. */
function dedupe(tokens: ZoneToken[]): ZoneToken[] {
  if (tokens.length < 2) return tokens;
  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ZoneToken[] = [];
  let lastEnd = -1;
  for (const t of tokens) {
    if (t.start >= lastEnd) {
      out.push(t);
      lastEnd = t.end;
    }
  }
  return out;
}

export interface ZoneMatch {
  zone: ZoneToken;
  /** End of the zone expression including a closing bracket. */
  end: number;
}

/**
 * The zone written right after a time ending at `pos`: `Z`, `+05:30`, ` UTC`, ` (PST)`, ` GMT+1`,
 * ` (+3 GMT)`, ` Pacific time`, ` PCT` (unknown). `minusColonOffset` allows `-07:00` attached to the
 * time (ISO with seconds); otherwise `08:00-11:00` is a range, not an offset.
 */
export function matchZoneAfter(text: string, pos: number, minusColonOffset: boolean): ZoneMatch | undefined {
  const c = text.charCodeAt(pos);
  if (c === 0x5a /* Z */ && !isAlnum(text.charCodeAt(pos + 1))) {
    return { zone: infoToken(pos, pos + 1, 'Z', 'abbr', { fixed: 0 }, 'Z'), end: pos + 1 };
  }
  if (c === 0x2b || c === 0x2d || c === 0x2212) {
    NUMERIC_OFFSET_Y.lastIndex = pos;
    const m = NUMERIC_OFFSET_Y.exec(text);
    if (m !== null && (c !== 0x2d || minusColonOffset || (m[3] === '' && m[4] !== undefined))) {
      const minutes = offsetMinutes(normSign(m[1]), m[2], m[4]);
      if (minutes !== undefined) return { zone: offsetToken(pos, pos + m[0].length, m[0], minutes), end: pos + m[0].length };
    }
  }
  SPACES_Y.lastIndex = pos;
  SPACES_Y.exec(text);
  let p = SPACES_Y.lastIndex;
  const spaced = p > pos;
  // Spaced numeric offset: "00:00:00 +0000", "12:00 +05:30".
  const s = text.charCodeAt(p);
  if (spaced && (s === 0x2b || s === 0x2d || s === 0x2212)) {
    NUMERIC_OFFSET_Y.lastIndex = p;
    const m = NUMERIC_OFFSET_Y.exec(text);
    if (m !== null && m[4] !== undefined && (s === 0x2b || m[3] === '')) {
      const minutes = offsetMinutes(normSign(m[1]), m[2], m[4]);
      if (minutes !== undefined) return { zone: offsetToken(p, p + m[0].length, m[0], minutes), end: p + m[0].length };
    }
    return undefined;
  }
  REVERSED_OFFSET_Y.lastIndex = p;
  const rev = REVERSED_OFFSET_Y.exec(text);
  if (rev !== null) {
    const minutes = offsetMinutes(normSign(rev[1]), rev[2], rev[3]);
    if (minutes !== undefined) return { zone: offsetToken(p, p + rev[0].length, rev[0], minutes), end: p + rev[0].length };
  }
  let close = 0;
  const o = text.charCodeAt(p);
  if (o === 0x28 /* ( */ || o === 0x5b /* [ */) {
    close = o === 0x28 ? 0x29 : 0x5d;
    p++;
    SPACES_Y.lastIndex = p;
    SPACES_Y.exec(text);
    p = SPACES_Y.lastIndex;
  } else if (!spaced && isLower(text.charCodeAt(p))) {
    return undefined;
  }
  const zone = zoneAt(text, p);
  if (zone === undefined) return undefined;
  let end = zone.end;
  if (close !== 0) {
    SPACES_Y.lastIndex = end;
    SPACES_Y.exec(text);
    if (text.charCodeAt(SPACES_Y.lastIndex) !== close) return undefined;
    end = SPACES_Y.lastIndex + 1;
  }
  return { zone, end };
}

function zoneAt(text: string, p: number): ZoneToken | undefined {
  let m: RegExpExecArray | null;
  PREFIX_OFFSET_Y.lastIndex = p;
  if ((m = PREFIX_OFFSET_Y.exec(text)) !== null) {
    const minutes = offsetMinutes(normSign(m[1]), m[2], m[3]);
    if (minutes !== undefined) return offsetToken(p, p + m[0].length, m[0], minutes);
  }
  NAME_Y.lastIndex = p;
  if ((m = NAME_Y.exec(text)) !== null) return nameToken(m, p);
  IANA_Y.lastIndex = p;
  if ((m = IANA_Y.exec(text)) !== null && isIana(m[0])) {
    return { start: p, end: p + m[0].length, raw: m[0], kind: 'name', iana: m[0] };
  }
  BARE_Y.lastIndex = p;
  if ((m = BARE_Y.exec(text)) !== null) {
    const info = BARE_INFO[m[0]];
    if (info !== undefined) return infoToken(p, p + m[0].length, m[0], 'name', info);
  }
  LOWER_UTC_Y.lastIndex = p;
  if ((m = LOWER_UTC_Y.exec(text)) !== null) {
    return infoToken(p, p + m[0].length, m[0], 'abbr', ABBRS.get(m[0].toUpperCase()) ?? {}, m[0].toUpperCase());
  }
  ABBR_Y.lastIndex = p;
  if ((m = ABBR_Y.exec(text)) !== null && m[0].length >= 2) {
    return abbrToken(p, m[0], !nextWordIsCaps(text, p + m[0].length));
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Offsets and DST

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** UTC offset in minutes of IANA zone `iana` at instant `utcMs` (DST-aware, via Intl). */
export function ianaOffsetMinutes(iana: string, utcMs: number): number | undefined {
  let f = formatters.get(iana);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: iana, timeZoneName: 'longOffset' });
    } catch {
      f = null;
    }
    formatters.set(iana, f);
  }
  if (f === null || !Number.isFinite(utcMs)) return undefined;
  const name = f.formatToParts(utcMs).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = GMT_NAME.exec(name);
  if (m === null) return undefined;
  if (m[1] === undefined) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
  return m[1] === '+' ? minutes : -minutes;
}

function resolveAmbiguous(zone: ZoneToken, ambiguity: Readonly<Record<string, string>> | undefined): string | undefined {
  if (zone.abbr === undefined || ambiguity === undefined) return undefined;
  return Object.prototype.hasOwnProperty.call(ambiguity, zone.abbr) ? ambiguity[zone.abbr] : undefined;
}

/**
 * Offset from UTC in minutes that `zone` means at `dateUtcMs`. Fixed abbreviations and offsets give
 * their fixed value (PST is -480 even in summer: that is what was written); generic zones (PT,
 * "Pacific time", IANA ids) are DST-aware. Ambiguous abbreviations (IST, CST) need `ambiguity`
 * (e.g. `{ IST: 'Asia/Kolkata' }`, or DEFAULT_AMBIGUITY); otherwise the answer is undefined.
 */
export function zoneOffsetMinutes(
  zone: ZoneToken, dateUtcMs: number, ambiguity?: Readonly<Record<string, string>>,
): number | undefined {
  if (zone.unknown === true) return undefined;
  const mapped = resolveAmbiguous(zone, ambiguity);
  if (mapped !== undefined) {
    const fixed = zone.abbr === undefined ? undefined : AMBIGUOUS_FIXED[zone.abbr]?.[mapped];
    return fixed ?? ianaOffsetMinutes(mapped, dateUtcMs);
  }
  if (zone.ambiguous !== undefined) return undefined;
  if (zone.fixedOffsetMinutes !== undefined) return zone.fixedOffsetMinutes;
  if (zone.iana !== undefined) return ianaOffsetMinutes(zone.iana, dateUtcMs);
  return undefined;
}

/**
 * The abbreviation a zone should have on a date: PST on Sep 30 -> 'PDT', GMT (London) in October ->
 * 'BST', CET in July -> 'CEST', WAT -> 'WAT', UTC -> 'UTC'. Generic zones (PT, "Pacific time") get
 * the abbreviation in force (compare only when `dstVariant` is 'standard' or 'daylight'). Undefined
 * for offsets, unknown zones and ambiguous abbreviations with no entry in `ambiguity`.
 */
export function expectedAbbreviation(
  zone: ZoneToken, year: number, month: number, day: number, ambiguity?: Readonly<Record<string, string>>,
  /** The offset in force at the time meant, when known: decides on the day clocks change. */
  offsetMinutes?: number,
): string | undefined {
  if (zone.unknown === true || zone.kind === 'offset') return undefined;
  const iana = resolveAmbiguous(zone, ambiguity) ?? (zone.ambiguous === undefined ? zone.iana : undefined);
  if (iana === undefined) {
    if (zone.ambiguous !== undefined) return undefined;
    if (zone.fixedOffsetMinutes === 0) return zone.abbr === 'Z' ? 'Z' : 'UTC';
    return zone.abbr;
  }
  const family = FAMILIES.get(iana);
  if (family === undefined) return zone.kind === 'abbr' ? zone.abbr : ABBR_OF_IANA.get(iana);
  const offset = offsetMinutes ?? ianaOffsetMinutes(iana, Date.UTC(year, month - 1, day, 12));
  if (offset === undefined) return undefined;
  return offset === family.stdOffset ? family.std : family.dst;
}
