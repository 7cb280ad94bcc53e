// Builds syntaxes/postmortem.injection.tmLanguage.json, the TextMate grammar injected into
// Markdown that highlights timestamps, dates, time zones, durations and severities.
//
// TextMate grammars cannot share regex fragments, and the zone list appears in several
// patterns, so the JSON is generated from the fragments below. Edit this file, then run
//   node syntaxes/build-injection-grammar.mjs           (writes the JSON)
//   node syntaxes/build-injection-grammar.mjs --check   (exits 1 when the JSON is stale)
// test/grammar checks that the committed JSON is up to date.
//
// Regexes are Oniguruma. Only numbered groups capture (a named group would turn the plain
// groups into non-capturing ones), so every other group is (?:…).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('./postmortem.injection.tmLanguage.json', import.meta.url));

export const SCOPES = {
  time: 'constant.numeric.time.postmortem',
  invalidTime: 'invalid.illegal.time.postmortem',
  date: 'constant.numeric.date.postmortem',
  zone: 'support.constant.timezone.postmortem',
  duration: 'constant.numeric.duration.postmortem',
  relative: 'constant.numeric.duration.relative.postmortem',
  severity: 'keyword.other.severity.postmortem',
};

// Where the injection applies: Markdown text, but never code (fenced, indented or inline),
// comments (so disable directives stay plain), front matter and other embedded languages,
// HTML tags and their attributes, link destinations or math.
//
// Priority: inside paragraphs and heading titles the injection goes first ("L:") so that
// "[08:47]" is a timestamp, not Markdown's shortcut reference link, which starts at the same
// bracket. Everywhere else (at the start of a block, in HTML blocks) Markdown goes first: a line
// that starts with "14:18" must still open a paragraph, or the rest of the line would lose its
// inline Markdown (bold, links, code).
const EXCLUDED = ['markup.fenced_code', 'markup.inline.raw', 'markup.raw', 'markup.math', 'comment', 'meta.embedded', 'meta.tag', 'markup.underline.link'];
const without = EXCLUDED.map((s) => `-${s}`).join(' ');
const SELECTOR = [
  `L:text.html.markdown meta.paragraph.markdown ${without}`,
  `L:text.html.markdown entity.name.section.markdown ${without}`,
  `text.html.markdown ${without}`,
].join(', ');

/** Alternation of words, longest first (so "Sept" is tried before "Sep"). */
const alt = (words) => `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;
/** Alternation of regexes, in the order given: the first that matches wins. */
const any = (regexes) => `(?:${regexes.join('|')})`;

// ---- time zones ---------------------------------------------------------------------------

/**
 * Abbreviations highlighted next to a time or in an "all times …" phrase: the ones the engine
 * knows (server/src/engine/timeline/zones.ts; test/grammar checks the engine reads each one).
 * Upper case only, so "et" or "est" in prose never qualify.
 */
export const ABBREVIATIONS = [
  'UTC', 'GMT',
  // North America
  'PST', 'PDT', 'PT', 'MST', 'MDT', 'MT', 'CST', 'CDT', 'CT', 'EST', 'EDT', 'ET',
  'AKST', 'AKDT', 'HST', 'AST', 'ADT', 'NST', 'NDT',
  // South America
  'BRT', 'ART', 'COT', 'PET',
  // Europe
  'WET', 'WEST', 'BST', 'IST', 'CET', 'CEST', 'EET', 'EEST', 'MSK',
  // Africa
  'WAT', 'CAT', 'EAT', 'SAST',
  // Asia and Oceania
  'GST', 'PKT', 'ICT', 'WIB', 'SGT', 'HKT', 'PHT', 'JST', 'KST',
  'AWST', 'ACST', 'ACDT', 'AEST', 'AEDT', 'AET', 'NZST', 'NZDT',
];
const ABBR = `${alt(ABBREVIATIONS)}(?![\\w])`;
const SIGN_CHARS = '+\\-\u2212\u00b1';
const SIGN = `[${SIGN_CHARS}]`;
/** UTC+3, GMT-07:00, UTC +05:30, UTC−7. */
const PREFIXED_OFFSET = `(?:UTC|GMT)[ \\t]?${SIGN}[ \\t]?\\d{1,2}(?::?[0-5]\\d)?(?![\\d:])`;
/** A bare offset written after a clock: +05:30, +0530. Only "+": "14:00-15:00" is a range. */
const PLUS_OFFSET = '\\+(?:0\\d|1[0-4]):?[0-5]\\d(?![\\d:])';
const REGIONS = alt(['Pacific', 'Eastern', 'Central', 'Mountain', 'Atlantic', 'Alaska', 'Hawaii']);
/** Pacific Time, Eastern Standard Time, Central European Summer Time, West Africa Time. */
const NAMED = `(?:${REGIONS}(?:[ \\t]+(?:Standard|Daylight|Prevailing))?|${alt(['Central European', 'Eastern European', 'Western European', 'West Africa', 'West African', 'East Africa', 'East African', 'Central Africa', 'Central African', 'India', 'Indian', 'Japan', 'Greenwich Mean', 'British Summer', 'Coordinated Universal'])}(?:[ \\t]+(?:Standard|Summer|Daylight))?)[ \\t]+[Tt]ime\\b`;
/** After a clock: "14:00 UTC", "08:00Z", "9:30 AM (PT)", "14:00+05:30", "10:00 Eastern Time". */
const ZONE_AFTER_CLOCK = any([PREFIXED_OFFSET, NAMED, ABBR, 'Z(?![\\w])', PLUS_OFFSET]);
/** In "all times …" phrases a bare region is enough: "all times Pacific". */
const ZONE_IN_PHRASE = any([PREFIXED_OFFSET, NAMED, `${REGIONS}\\b`, ABBR]);

/** Zone suffix of a clock; group 1 is the zone. Spaces and an opening parenthesis may precede it. */
const zoneSuffix = () => `(?:[ \\t]?\\(?[ \\t]?(${ZONE_AFTER_CLOCK})\\)?)?`;

// ---- clocks -------------------------------------------------------------------------------

const MERIDIEM = '(?:[AaPp]\\.[Mm]\\.?|[AaPp][Mm])';
/** No time starts right after a letter, digit, colon or decimal point (IPs, versions, MACs). */
const BEFORE_LOOSE = '(?<![\\w:.,])';
/** Bare numbers ("8pm", "0800 HRS") also not after a slash (paths, fractions). */
const BEFORE = '(?<![\\w:.,/])';
/** Nor runs into one (ratios 1:1000, MAC 00:11:22:33, 12:30.5). */
const AFTER = '(?![\\w:]|[.,]\\d)';

const H12 = '(?:1[0-2]|0?[1-9])';
const H24 = '(?:[01]?\\d|2[0-3])';
const MM = '[0-5]\\d';
const SS = `(?::${MM}(?:[.,]\\d{1,6})?)?`;
const YEAR = '(?:1[89]|2\\d)\\d\\d';
const MONTH_NUM = '(?:0[1-9]|1[0-2])';
const DAY_NUM = '(?:0[1-9]|[12]\\d|3[01])';
const ISO_DATE = `${YEAR}-${MONTH_NUM}-${DAY_NUM}`;

const timePatterns = [
  {
    comment: 'ISO 8601 date-time: 2025-09-29T16:54:16Z, 2021-12-13T08:00:00.123-07:00, 2021-12-13T08:00 UTC',
    gate: '\\d',
    match: `(?<![\\w.:\\-])(${ISO_DATE}[Tt](?:[01]\\d|2[0-3]):${MM}${SS})(?:(Z|${SIGN}(?:0\\d|1[0-4])(?::?${MM})?)(?![\\d:])|${zoneSuffix()})${AFTER}`,
    captures: { 1: SCOPES.time, 2: SCOPES.zone, 3: SCOPES.zone },
  },
  {
    comment: 'An impossible 12-hour time: 13:55 PM (the postmortem linter reports it as invalid-time)',
    gate: '12',
    match: `${BEFORE_LOOSE}((?:1[3-9]|2\\d):${MM}(?::${MM})?[ \\t]?${MERIDIEM})(?![\\w])`,
    captures: { 1: SCOPES.invalidTime },
  },
  {
    comment: '12-hour clock: 8:16 AM, 10:35 Am, 8:00 a.m., 03:26pm, 11:59:59 PM PST',
    gate: '\\d',
    match: `${BEFORE_LOOSE}(${H12}:${MM}(?::${MM})?[ \\t]?${MERIDIEM})(?![\\w])${zoneSuffix()}(?![\\w])`,
    captures: { 1: SCOPES.time, 2: SCOPES.zone },
  },
  {
    comment: '12-hour clock without minutes: 8am, 2 PM, 11 p.m. ET',
    gate: '\\d',
    match: `${BEFORE}(${H12}[ \\t]?${MERIDIEM})(?![\\w])${zoneSuffix()}(?![\\w])`,
    captures: { 1: SCOPES.time, 2: SCOPES.zone },
  },
  {
    comment: 'Military time: 0800 HRS, 1200-HRS, 0830 hours, 1430hrs',
    gate: '012',
    match: `${BEFORE}((?:[01]\\d|2[0-3])${MM}(?:[ \\t]?-[ \\t]?|[ \\t]?)(?:HRS|Hrs|hrs|HOURS|Hours|hours))(?![\\w])${zoneSuffix()}(?![\\w])`,
    captures: { 1: SCOPES.time, 2: SCOPES.zone },
  },
  {
    comment: 'Four-digit time with a zone: 2200 UTC, 1400Z, 0930 PST',
    gate: '012',
    match: `${BEFORE}((?:[01]\\d|2[0-3])${MM})(?:[ \\t]?(${ABBR})|(Z)(?![\\w]))`,
    captures: { 1: SCOPES.time, 2: SCOPES.zone, 3: SCOPES.zone },
  },
  {
    comment: '24-hour clock: 14:18, 08:00:00, 9:05, 14:00 UTC, 08:00Z, 14:00+05:30, 23:59:59.999, 14:00 hrs',
    gate: '\\d',
    match: `${BEFORE_LOOSE}(${H24}:${MM}${SS}(?:[ \\t]?(?:HRS|hrs|Hrs)(?![\\w])|h(?![\\w]))?)${zoneSuffix()}${AFTER}`,
    captures: { 1: SCOPES.time, 2: SCOPES.zone },
  },
];

// ---- dates --------------------------------------------------------------------------------

// Word lists are written as tries: Oniguruma can then tell from the first characters where a
// match may start, which keeps the grammar fast on long paragraphs (see `gate` below too).
const MONTHS = '(?:Jan(?:uary)?|Feb(?:ruary)?|Ma(?:r(?:ch)?|y)|Apr(?:il)?|Ju(?:ne?|ly?)|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAYS = '(?:Mon(?:day)?|Tu(?:esday|es?)|Wed(?:nesday)?|Th(?:ursday|u(?:rs?)?)|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const WEEKDAY_PREFIX = `(?:${WEEKDAYS}\\.?,?[ \\t]+)?`;

const datePatterns = [
  {
    comment: 'ISO date: 2021-12-13 (also 2021/12/13)',
    gate: '12',
    match: `(?<![\\w.:\\-/])(${YEAR}([\\-/])${MONTH_NUM}\\2${DAY_NUM})(?![\\w\\-/]|[.:]\\d)`,
    captures: { 1: SCOPES.date },
  },
  {
    comment: 'Numeric day-month-year or month-day-year with a four-digit year: 12/13/2021, 24-10-2024',
    gate: '\\d',
    match: `(?<![\\w.:\\-/])((?:[12]\\d|3[01]|0?[1-9])([\\-/])(?:[12]\\d|3[01]|0?[1-9])\\2${YEAR})(?![\\w\\-/]|[.:]\\d)`,
    captures: { 1: SCOPES.date },
  },
  {
    comment: 'Month name first: September 30, 2020; Sep 30th; Thursday, November 17th, 2016',
    gate: 'JFMASONDTW',
    match: `(?<![\\w])(${WEEKDAY_PREFIX}${MONTHS}\\.?[ \\t]+${DAY}(?:,?[ \\t]+${YEAR})?)(?![\\w]|[.,:]\\d)`,
    captures: { 1: SCOPES.date },
  },
  {
    comment: 'Day first: 30 September 2020, Tuesday 5th of March',
    gate: '\\dMTWFS',
    match: `(?<![\\w.:,])(${WEEKDAY_PREFIX}${DAY}[ \\t]+(?:of[ \\t]+)?${MONTHS}\\.?(?:,?[ \\t]+${YEAR})?)(?![\\w]|[.,:]\\d)`,
    captures: { 1: SCOPES.date },
  },
];

// ---- durations ----------------------------------------------------------------------------

/** hours hour hrs hr, minutes minute mins min, milliseconds millisecond ms, seconds second secs sec, days day, weeks week. */
const WORD_UNIT = '(?i:h(?:ours?|rs?)|m(?:in(?:ute)?s?|illiseconds?|s)|sec(?:ond)?s?|days?|weeks?)';
/** Compact units: 54h10m, 1h 30m, 2d4h, 5m30s. A bare "36m" stays plain: it is as often millions or millicores. */
const M60 = '[0-5]?\\d';
const COMPACT = `(?:\\d+d[ \\t]?(?:[01]?\\d|2[0-3])h(?:[ \\t]?${M60}m)?(?:[ \\t]?${M60}s)?|\\d+h(?:[ \\t]?${M60}m)?(?:[ \\t]?${M60}s)?|\\d+m[ \\t]?${M60}s)`;
const NUMBER = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
/** one … nineteen, twenty … sixty (and twenty-one …), several, a few, half an, an. */
const NUMBER_WORDS = `(?:(?:[Tt](?:wenty|hirty)|[Ff](?:orty|ifty)|[Ss]ixty)(?:[ \\-](?:one|two|three|four|five|six|seven|eight|nine))?|[Oo]ne|[Tt](?:wo|hree|en|welve|hirteen)|[Ff](?:our(?:teen)?|i(?:ve|fteen))|[Ss](?:ix(?:teen)?|even(?:teen)?|everal)|[Ee](?:ight(?:een)?|leven)|[Nn]ine(?:teen)?|[Aa][ \\t]+few|[Hh]alf[ \\t]+an|[Aa]n)`;
const RELATIVE_UNIT = `(?:[ \\t]?${WORD_UNIT}(?![\\w])|h(?:\\d+m)?|m(?:\\d+s)?|s|d)?`;

const durationPatterns = [
  {
    comment: 'Relative offset from the start of the incident: T+15m, T-5m, T+1h30m, T + 2 hours',
    gate: 'T',
    match: `(?<![\\w])(T[ \\t]?${SIGN}[ \\t]?\\d+(?:\\.\\d+)?${RELATIVE_UNIT})(?![\\w]|[.,]\\d)`,
    captures: { 1: SCOPES.relative },
  },
  {
    comment: 'Bracketed or parenthesised offset: [+7.5 hrs], (+15m)',
    gate: SIGN_CHARS,
    match: `(?<=[\\[(])(${SIGN}\\d+(?:\\.\\d+)?(?:[ \\t]?${WORD_UNIT}|h|m|s|d))(?=[\\])])`,
    captures: { 1: SCOPES.relative },
  },
  {
    comment: 'Compact duration: 54h10m, 1h, 24h, 2d3h, 5m30s',
    gate: '\\d',
    match: `(?<![\\w.:,])(${COMPACT})(?![\\w]|[.,]\\d)`,
    captures: { 1: SCOPES.duration },
  },
  {
    comment: 'Number and unit: 3 hours, 47 minutes, 1.5 hrs, 30min, 3-hour, 250 ms, 1,200 seconds',
    gate: '\\d',
    match: `(?<![\\w.:,])(${NUMBER}(?:[ \\t]?|-)${WORD_UNIT})(?![\\w])`,
    captures: { 1: SCOPES.duration },
  },
  {
    comment: 'Spelled-out duration: twenty four hours, an hour, half an hour, forty-five minutes',
    gate: 'TtFfSsEeNnOoHhAa',
    match: `(?<![\\w])(${NUMBER_WORDS}[ \\t]+(?:hours?|minutes?|seconds?|days?|weeks?))(?![\\w])`,
    captures: { 1: SCOPES.duration },
  },
];

// ---- zones outside clocks -----------------------------------------------------------------

const PHRASE = '(?i:all[ \\t]+(?:the[ \\t]+)?times?(?:[ \\t]+(?:are|were|is))?(?:[ \\t]+(?:shown|given|listed|noted|displayed|reported|expressed))?(?:[ \\t]+(?:in|at))?(?:[ \\t]+the)?|times[ \\t]+(?:are[ \\t]+|were[ \\t]+)?(?:(?:shown|given|listed|noted|displayed|reported|expressed)[ \\t]+)?in(?:[ \\t]+the)?|time[ \\t]?zone[ \\t]*(?::|is|=))';

const zonePatterns = [
  {
    comment: 'A zone stated for the whole document or section: (all times UTC), All times in PDT, Timezone: CET, times are in Pacific Time',
    gate: 'AaTt',
    match: `(?<![\\w])${PHRASE}(?:[ \\t]+|(?<=[:=])[ \\t]*)\\(?(${ZONE_IN_PHRASE})(?![\\w])`,
    captures: { 1: SCOPES.zone },
  },
  {
    comment: 'UTC offset anywhere: UTC+3, GMT-07:00, UTC +05:30',
    gate: 'UG',
    match: `(?<![\\w+\\-\u2212])(${PREFIXED_OFFSET})(?![\\w]|[.,]\\d)`,
    captures: { 1: SCOPES.zone },
  },
  {
    comment: 'Offset first in parentheses: (+3 GMT), (-05:00 UTC)',
    gate: SIGN_CHARS,
    match: `(?<=\\()(${SIGN}\\d{1,2}(?::?${MM})?[ \\t]?(?:GMT|UTC))(?=\\))`,
    captures: { 1: SCOPES.zone },
  },
];

// ---- severities ---------------------------------------------------------------------------

const severityPatterns = [
  {
    comment: 'Severity levels: SEV-1, SEV1, Sev 2, sev-3, Severity 1, Severity: 2',
    gate: 'Ss',
    match: '(?<![\\w\\-])((?i:sev(?:erity)?)(?:[ \\t]?[\\-:][ \\t]?|[ \\t])?[0-5])(?![\\w]|[.,]\\d)',
    captures: { 1: SCOPES.severity },
  },
  {
    comment: 'Priority levels: P0 … P5, upper case, never inside a word (AP1, P1x, p99) or a path (/api/P1)',
    gate: 'P',
    match: '(?<![\\w\\-]|[a-z_./]/)(P[0-5])(?![\\w]|[.,]\\d)',
    captures: { 1: SCOPES.severity },
  },
];

// ---- bracketed timestamps -----------------------------------------------------------------

// "[08:47] Paged the on-call". Markdown reads "[08:47]" as a shortcut reference link, which starts
// at the bracket, before any time pattern could match; this rule claims the bracket first (the
// injection has left priority), unless it really is a link: "[08:47](url)", "[08:47][ref]",
// "[08:47]: url". Severity tags such as "[SEV-1] Database outage" are claimed the same way.
const BRACKET_CONTENT = any([
  `${YEAR}-\\d\\d-\\d\\d`,
  '\\d\\d-\\d\\d[ \\t]+\\d{1,2}:\\d\\d',
  `\\d{1,2}:${MM}`,
  `\\d{1,2}[ \\t]?${MERIDIEM}`,
  '\\d{4}[ \\t]?-?[ \\t]?(?:HRS|Hrs|hrs|hours|Hours|HOURS|UTC|GMT|Z)',
  `T?[ \\t]?${SIGN}[ \\t]?\\d`,
  'P[0-5]\\b',
  '(?i:sev(?:erity)?)[ \\t]?[\\-:]?[ \\t]?[0-5]\\b',
]);

const bracketed = {
  comment: 'Bracketed timestamp or severity: [08:47], [2021-12-13 08:00 UTC], [03-26 16:46], [+7.5 hrs], [SEV-1]',
  begin: `\\[(?=[ \\t]*${BRACKET_CONTENT}[^\\[\\]\\n]{0,40}\\](?![(\\[:]))`,
  end: '\\]',
  patterns: compile([
    {
      comment: 'Month-day before a time: [03-26 16:46]',
      match: `(?<=\\[)[ \\t]*(${MONTH_NUM}-${DAY_NUM})(?=[ \\t]+\\d{1,2}:\\d\\d)`,
      captures: { 1: SCOPES.date },
    },
    { include: '#timestamps' },
  ]),
};

// ---- assembly -----------------------------------------------------------------------------

function compile(patterns) {
  return patterns.map((p) => {
    if (!('match' in p)) return p;
    const captures = Object.fromEntries(Object.entries(p.captures).map(([k, name]) => [k, { name }]));
    // The gate, a look-ahead for the characters a match can start with, lets Oniguruma skip
    // most positions at once: without it, long paragraphs tokenize several times slower.
    const match = p.gate ? `(?=[${p.gate}])${p.match}` : p.match;
    return { comment: p.comment, match, captures };
  });
}

export function buildGrammar() {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    information_for_contributors: [
      'Generated by syntaxes/build-injection-grammar.mjs: edit that file, then run `node syntaxes/build-injection-grammar.mjs`.',
    ],
    name: 'Postmortem timestamps (Markdown injection)',
    scopeName: 'postmortem.timeline.injection',
    injectionSelector: SELECTOR,
    patterns: [{ include: '#bracketed' }, { include: '#timestamps' }],
    repository: {
      bracketed,
      timestamps: {
        comment: 'Order matters where two patterns can start at the same character: the first listed wins.',
        patterns: [
          ...compile(timePatterns),
          ...compile(datePatterns),
          ...compile(durationPatterns),
          ...compile(zonePatterns),
          ...compile(severityPatterns),
        ],
      },
    },
  };
}

export function render() {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = render();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUT, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== text) {
      console.error(`${OUT} is out of date: run node syntaxes/build-injection-grammar.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT}`);
  }
}
