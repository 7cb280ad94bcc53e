// Reads what the text outside the timeline says about the outage: times tied to an event ("at
// 8:00 am the outage began"), windows ("from 10:30 am to 12:50 pm WAT", "Start Time: …"), and
// durations tied to a measure ("lasted approximately three hours", "Time to recovery: 54 hours",
// a table's "Incident Duration" column). A time is tied to an event only by words in the same
// clause; figures tied to nothing are not statements. Pure; built once per analysis with the
// timeline.
import type { Block, PostmortemDocument } from '../document';
import type { Outline, Section } from '../outline';
import { codeLines } from '../ranges';
import { squash } from '../text';
import { wallOffset } from './context';
import { timelineLines } from './entries';
import { findDurations, findZones } from './index';
import { classify } from './milestones';
import type { CalendarDate, MilestoneKind, ProseMetric, ProseStatement, ProseTime, Timeline } from './model';
import { entryHead, labelledHead, type LineTokens } from './scan';
import type { DateToken, DurationToken, TimeToken, ZoneToken } from './tokens';

const DAY = 86_400_000;

/** Sections whose text is evidence, not the author's account (pasted chat, logs). */
const EVIDENCE_TITLE = /\b(?:appendix|apendix|chat|transcript|slack|log|logs|raw|output|supporting information|references?)\b/i;

/** Cheap test before running the duration finder. */
const DURATION_QUICK = /\d\s?(?:h|m|d|s)\b|\d(?:h|m)\d|\b(?:hours?|hrs?|minutes?|mins?|days?|weeks?|an hour|half)\b/i;

// ---------------------------------------------------------------------------------------------
// Events named in prose. Stricter than timeline classification: prose mentions many things.

const EVENT_WORDS: [RegExp, MilestoneKind][] = [
  [/\b(?:outage|incident|interruption|downtime|disruption|breakdown|event|problem|issue|impact)\s+(?:(?:had|has)\s+)?(?:began|begins|started|starts|occurred|occurs|commenced|was triggered|kicked off)\b|\b(?:start|beginning|onset) of (?:the )?(?:outage|incident|downtime|interruption|impact)\b|\b(?:site|service|website|web ?site|api|server|app|application|platform|chain|network)s?\b[^,.;]{0,25}\b(?:went|go|goes|became)\s+(?:down|offline|unavailable|unreachable)\b|\bwent down\b/i, 'start'],
  [/\bback online\b|\bfully (?:restored|recovered|operational|functional|online|back)\b|\b(?:service|services|site|website|web ?site|traffic|access|system|systems|everything|operations?)\b[^,.;]{0,30}\b(?:was|were|is|are|been|be)\s+(?:fully |completely )?(?:restored|recovered|back up)\b|\brestored to (?:a )?100\s?%|\b100\s?% (?:of (?:the )?traffic )?(?:was |is )?(?:back|restored|routed)\b|\bresumed normal operations?\b|\b(?:outage|incident|issue|problem) (?:was |is |has been )?(?:fully )?(?:resolved|over|ended)\b|\b(?:recovered|resolved) (?:fully|completely|at)\b/i, 'resolve'],
  [/\b(?:rolled back|reverted|(?:fix|patch|hotfix|fixed (?:image|version|build|release)|new (?:image|version|build|release))\b[^,.;]{0,30}\b(?:was |were )?(?:deployed|applied|rolled out|released)|deployed (?:a|the) (?:fix|patch|hotfix))\b/i, 'mitigate'],
  [/\b(?:incident (?:was |is )?declared|declared (?:an? |the )?(?:incident|sev\w*|major incident))\b/i, 'escalate'],
  [/\b(?:(?:monitoring|alerting)(?: systems?)? (?:alerted|fired|detected|paged|notified)|alert(?:s)? (?:fired|triggered|went off)|(?:pagers?|on-?call)\b[^,.;]{0,15}\b(?:alerted|paged|notified)|we (?:first )?(?:detected|noticed|discovered)|(?:was|were) (?:first )?(?:detected|noticed|discovered|reported)|first (?:detected|noticed|reported|alerted))\b/i, 'detect'],
];

const NEGATED = /\b(?:not|never|no longer|failed|fails|attempt(?:ed)?|tried|trying|would|will|should|could|planned|scheduled|expected|estimated|until)\b/i;

/** Global versions of EVENT_WORDS, spaces loosened: masked markup leaves runs of spaces. */
const EVENT_WORDS_G: [RegExp, MilestoneKind][] = EVENT_WORDS.map(([re, kind]) => [new RegExp(re.source.replace(/ /g, '\\s+'), 'gi'), kind]);

interface EventMatch {
  kind: MilestoneKind;
  start: number;
  end: number;
}

/** Every event phrase of a clause, with its place. */
function eventsIn(clause: string, offset: number): EventMatch[] {
  const out: EventMatch[] = [];
  for (const [g, kind] of EVENT_WORDS_G) {
    for (const m of clause.matchAll(g)) {
      const at = m.index ?? 0;
      // "the rollback failed", "services would be restored": not the event happening.
      const around = clause.slice(Math.max(0, at - 24), at + m[0].length + 12);
      if (NEGATED.test(around)) continue;
      out.push({ kind, start: offset + at, end: offset + at + m[0].length });
    }
  }
  return out;
}

const distance = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start >= b.end ? a.start - b.end : b.start >= a.end ? b.start - a.end : 0;

/**
 * The event a time is tied to: the nearest event phrase of its clause, within a few words, when no
 * other time of the clause is nearer to that phrase ("At 1050 the restoration completed … restored
 * at 1200": the phrase belongs to 1200).
 */
function eventFor(t: { start: number; end: number }, events: EventMatch[], times: { start: number; end: number }[]): MilestoneKind | undefined {
  let best: EventMatch | undefined;
  for (const e of events) if (!best || distance(t, e) < distance(t, best)) best = e;
  if (!best || distance(t, best) > 60) return undefined;
  const mine = distance(t, best);
  if (times.some((o) => o !== t && distance(o, best) < mine)) return undefined;
  return best.kind;
}

// ---------------------------------------------------------------------------------------------
// Measures named by durations.

const METRIC_LABELS: [RegExp, ProseMetric][] = [
  [/\b(?:time to (?:detect(?:ion|ed)?|discover\w*|notice)|ttd|mttd|detection time)\b/i, 'detect'],
  [/\b(?:time to (?:recover\w*|resol\w*|restor\w*)|ttr|mttr|resolution time|recovery time)\b/i, 'resolve'],
  [/\b(?:time to (?:repair|mitigat\w*|fix)|ttm|mttm|mitigation time|repair time)\b/i, 'mitigate'],
  [/\b(?:(?:incident|outage|impact|total|interruption|downtime)\s+(?:duration|length|time)|duration(?: of (?:the )?(?:outage|incident|interruption|impact|downtime))?|total (?:major )?(?:impact|downtime|outage)|downtime|outage length)\b/i, 'duration'],
];

/** Words in a sentence that make a duration the outage's length. */
const LASTED = /\b(?:lasted|lasting|last(?:s|ing)? for|for a total (?:outage )?of|total (?:outage|downtime|impact) of|(?:outage|downtime|disruption|interruption|halt|stall) of|(?:was|were|went|been|remained|stayed) (?:\w+ )?(?:down|offline|unavailable|unreachable|inaccessible|interrupted|disrupted|halted|stalled|not operational|degraded) for|(?:halted|stalled|down|offline|unavailable) for|totall?ing)\b/i;
const FIXED_WITHIN = /\b(?:patched|fixed|mitigated)\s+(?:with)?in\b/i;
const RESOLVED_WITHIN = /\b(?:resolved|restored|recovered)\s+(?:with)?in\b/i;
/** A duration that is not the outage's: relative ("12 hours later"), plans, limits, settings. */
const NOT_OUTAGE = /\b(?:later|ago|earlier|afterwards|every|per|each|another|estimat\w*|expect\w*|sla|slo|target|goal|timeout|ttl|interval|retention|cache|window of|gap|next|subsequent|previous|past|last|remaining|up to)\b/i;
const BOUND_MAX = /\b(?:at (?:the )?max(?:imum)?|maximum of|at the most|no (?:longer|more) than|bounded (?:to|by))\s*$/i;

// ---------------------------------------------------------------------------------------------

interface Context {
  doc: PostmortemDocument;
  timeline: Timeline;
  ambiguity: Readonly<Record<string, string>>;
  tokensOf: (line: number) => LineTokens;
  /** Zone of the whole document for times that name none. */
  zone?: ZoneToken;
  referenceDay?: CalendarDate;
}

/** Clause boundaries: sentence ends (not "a.m." nor decimals) and semicolons. */
function clauses(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const re = /[.!?;](?=\s+[A-Z0-9("`*]|\s*$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const before = text.slice(Math.max(0, m.index - 4), m.index + 1);
    if (/(?:\b[ap]\.?m|\b[A-Z]|\d)\.$/i.test(before) && m[0] === '.') continue;
    out.push([start, m.index + 1]);
    start = m.index + 1;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

function clauseAt(list: [number, number][], at: number): [number, number] {
  return list.find(([s, e]) => at >= s && at < e) ?? [0, Number.MAX_SAFE_INTEGER];
}

function calendar(d: DateToken | undefined, ctx: Context): CalendarDate | undefined {
  if (!d || d.invalid || d.placeholder || !d.month || !d.day) return undefined;
  const year = d.year ?? ctx.referenceDay?.year;
  return year ? { year, month: d.month, day: d.day } : undefined;
}

/** The date written with a time: attached, just before ("August 5, 12:19 AM") or just after ("9:47 PM ET August 8"). */
function dateFor(text: string, t: TimeToken, dates: DateToken[]): DateToken | undefined {
  if (t.date) return t.date;
  const before = [...dates].reverse().find((d) => d.end <= t.start && /^[\s,]*(?:at|@|-|–)?[\s,(]*$/i.test(text.slice(d.end, t.start)));
  if (before) return before;
  const end = (t.rangeEnd ?? t).end;
  return dates.find((d) => d.start >= end && /^[\s,]*(?:on|of)?\s*$/i.test(text.slice(end, d.start)));
}

/** A zone written with the time or shortly after it in the clause ("8:00 am. Pacific Time"). */
function zoneFor(text: string, t: TimeToken, clauseEnd: number): ZoneToken | undefined {
  if (t.zone && !t.zone.unknown) return t.zone;
  const end = (t.rangeEnd ?? t).end;
  if (t.rangeEnd?.zone && !t.rangeEnd.zone.unknown) return t.rangeEnd.zone;
  const tail = text.slice(end, Math.min(clauseEnd + 20, end + 24));
  const z = findZones(tail).find((x) => !x.unknown && /^[\s.,()]*$/.test(tail.slice(0, x.start)));
  return z ? { ...z, start: z.start + end, end: z.end + end } : undefined;
}

function proseTime(text: string, line: number, t: TimeToken, dates: DateToken[], clauseEnd: number, ctx: Context): ProseTime {
  const token = dateFor(text, t, dates);
  const date = calendar(token, ctx);
  const zone = zoneFor(text, t, clauseEnd);
  const day = date ?? ctx.referenceDay;
  const base = day ? Date.UTC(day.year, day.month - 1, day.day) : Date.UTC(2000, 0, 1);
  const local = base + (t.hour * 60 + t.minute) * 60_000;
  const z = zone ?? ctx.zone;
  const offset = z ? wallOffset(z, local, ctx.ambiguity) : undefined;
  const out: ProseTime = { line, start: t.start, end: t.end, hour: t.hour, minute: t.minute, instant: local - (offset ?? 0) * 60_000, approximate: t.approximate };
  if (date && token) {
    out.date = date;
    out.dateStart = token.start;
    out.dateEnd = token.end;
  }
  if (zone) out.zone = zone;
  if (offset !== undefined) out.offsetMinutes = offset;
  return out;
}

function rangeEndTime(text: string, line: number, t: TimeToken, dates: DateToken[], clauseEnd: number, ctx: Context, from: ProseTime): ProseTime | undefined {
  const end = t.rangeEnd;
  if (!end || end.invalid) return undefined;
  const zoneSource = end.zone ?? t.zone;
  const until = proseTime(text, line, { ...end, zone: zoneSource }, dates.filter((d) => d.start >= t.end), clauseEnd, ctx);
  // A window's end without its own date falls after its start (across midnight).
  if (!until.date && until.instant < from.instant) until.instant += DAY;
  return until;
}

function sectionIdOf(outline: Outline, line: number): { id?: string; evidence: boolean; section?: Section } {
  let best: Section | undefined;
  for (const s of outline.sections) if (s.line <= line && s.endLine >= line && (!best || s.line > best.line)) best = s;
  let evidence = false;
  let id: string | undefined;
  for (let s = best; s; s = s.parent) {
    if (EVIDENCE_TITLE.test(s.title) && s.id !== 'timeline') evidence = true;
    id ??= s.id;
  }
  return { id: id ?? (best ? undefined : 'lead'), evidence, section: best };
}

function metricOfLabel(label: string): ProseMetric | undefined {
  for (const [re, metric] of METRIC_LABELS) if (re.test(label)) return metric;
  return undefined;
}

function granularityOf(raw: string): number {
  if (/\d\s*(?:m\b|mins?|minutes?)|\d+m\b|:\d{2}/i.test(raw)) return 1;
  if (/\b(?:hours?|hrs?|h)\b|\dh/i.test(raw)) return 60;
  if (/\bdays?\b|\dd\b/i.test(raw)) return 1440;
  if (/\bweeks?\b/i.test(raw)) return 10080;
  return 1;
}

function durationStatement(d: DurationToken, line: number, clause: string, form: ProseStatement['form'], metric: ProseMetric, section: string | undefined, before: string): ProseStatement {
  const s: ProseStatement = {
    kind: 'duration', line, start: d.start, end: d.end, text: squash(clause), form, metric, minutes: d.minutes,
    approximate: d.approximate || /(?:~|\\~|≈)\s*$/.test(before), granularity: granularityOf(d.raw),
  };
  if (section) s.section = section;
  const bound = d.bound ?? (BOUND_MAX.test(before) ? 'max' : undefined);
  if (bound) {
    s.bound = bound;
    s.approximate = true;
  }
  return s;
}

/** What opens a window before its first time: "from", "between (the hours of)". */
const WINDOW_OPEN = /\b(?:from|between)(?:\s+the\s+(?:hours?|times?)\s+of)?\s*[`*_(]*\s*(?:[A-Za-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?\s*(?:\d{4},?\s*)?)?$/i;
/** Fields whose value is a window ("Duration: June 10, 08:00 AM - June 11, 10:00 AM"). */
const WINDOW_FIELD = /^(?:duration|window|period|outage(?: window| period)?|incident (?:window|period|time)|impact (?:window|period)|time(?: frame)?|when|dates?)$/i;
/** What joins a window's two times ("to", "until", "and", a dash; "at" is a common slip for "to"), dates allowed. */
const WINDOW_JOIN = /^[\s`*_),]*(?:[A-Za-z]{1,5}\s*)?(?:to|until|till|through|at|and|-|–)\s*[`*_(]*\s*(?:[A-Za-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?\s*(?:\d{4},?\s*)?)?$/i;

/** "Label: value" at the start of a line ("Time to recovery: 54 hours", "**Duration:** 2h"). */
const FIELD = /^[\s\-*+•>|#]*([A-Za-z][A-Za-z /()-]{1,50}?)\s*:\s*/;

function readLine(ctx: Context, b: Block, line: number, section: string | undefined, headers: Map<number, string[]>, out: ProseStatement[]): void {
  const { doc } = ctx;
  const text = doc.masked(line);
  if (!/\d/.test(text) && !DURATION_QUICK.test(text)) return;
  const tokens = ctx.tokensOf(line);
  const list = clauses(text);
  const field = FIELD.exec(text);
  const fieldLabel = field?.[1] ?? '';
  const fieldEnd = field ? field[0].length : 0;
  const isLog = (b.kind === 'listItem' || b.kind === 'tableRow') && tokens.times.length > 0 && (entryHead(text, tokens) ?? labelledHead(text, tokens)) !== undefined;

  // Times and windows.
  const times = tokens.times.filter((t) => !t.invalid);
  const clauseEvents = new Map<number, EventMatch[]>();
  const eventsOf = (cs: number, ce: number) => {
    let list = clauseEvents.get(cs);
    if (!list) clauseEvents.set(cs, (list = eventsIn(text.slice(cs, ce), cs)));
    return list;
  };
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as TimeToken;
    const [cs, ce] = clauseAt(list, t.start);
    const clause = text.slice(cs, ce);
    const at = proseTime(text, line, t, tokens.dates, ce, ctx);
    let until = rangeEndTime(text, line, t, tokens.dates, ce, ctx, at);
    const next = times[i + 1];
    // "from 8:00 a.m. at 11:58 a.m.", "From X until Y": a window without a range token.
    const opens = WINDOW_OPEN.test(text.slice(Math.max(cs, t.start - 32), t.start)) || (field !== null && WINDOW_FIELD.test(fieldLabel) && i === times.findIndex((x) => x.start >= fieldEnd - 1));
    if (!until && next && opens && WINDOW_JOIN.test(text.slice(t.end, next.start))) {
      until = proseTime(text, line, next, tokens.dates, ce, ctx);
      if (!until.date && until.instant < at.instant) until.instant += DAY;
      i++;
    }
    if (until) {
      const s: ProseStatement = { kind: 'window', line, start: t.start, end: (t.rangeEnd ?? next ?? t).end, text: squash(clause), form: field ? 'field' : 'sentence', at, until };
      if (section) s.section = section;
      if (field) s.label = fieldLabel.trim();
      out.push(s);
      continue;
    }
    if (isLog) {
      // A line of a second, detailed log: its event is what its text says.
      const c = classify(squash(text.slice((t.rangeEnd ?? t).end)));
      out.push({ kind: 'time', line, start: t.start, end: t.end, text: squash(text), form: 'log', event: c.kind, at, ...(section ? { section } : {}) });
      continue;
    }
    const fieldEvent = field && t.start >= fieldEnd - 2 ? fieldKind(fieldLabel) : undefined;
    const event = fieldEvent ?? eventFor(t, eventsOf(cs, ce), times.filter((o) => o.start >= cs && o.start < ce));
    if (!event) continue;
    const s: ProseStatement = { kind: 'time', line, start: t.start, end: t.end, text: squash(clause), form: fieldEvent ? 'field' : 'sentence', event, at };
    if (section) s.section = section;
    if (fieldEvent) s.label = fieldLabel.trim();
    out.push(s);
  }

  // Durations.
  if (!DURATION_QUICK.test(text)) return;
  const durations = findDurations(text);
  for (const d of durations) {
    if (d.minutes <= 0) continue;
    const [cs, ce] = clauseAt(list, d.start);
    const clause = text.slice(cs, ce);
    const before = text.slice(Math.max(cs, d.start - 30), d.start);
    const after = text.slice(d.end, Math.min(ce, d.end + 16));
    let metric: ProseMetric | undefined;
    let form: ProseStatement['form'] = 'sentence';
    if (b.kind === 'tableRow' && b.cells && b.table !== undefined) {
      const col = b.cells.findIndex((c) => d.start >= c.start && d.end <= c.end);
      const header = headers.get(b.table)?.[col];
      metric = header ? metricOfLabel(header) : undefined;
      form = 'table';
      if (!metric || !/^\W*(?:~|≈|about|approx\.?)?\W*$/i.test((b.cells[col]?.text ?? '').replace(d.raw, '').replace(/\\/g, ''))) continue;
    } else if (field && d.start >= fieldEnd - 1 && d.start - fieldEnd < 16) {
      metric = metricOfLabel(fieldLabel);
      form = 'field';
      if (metric && /\b(?:support|business|working|office) hours\b/i.test(text)) continue;
    }
    if (!metric) {
      if (/^\s*(?:later|ago|earlier|before|after|afterwards)\b/i.test(after) || NOT_OUTAGE.test(before.slice(-20))) continue;
      if (/\b(?:estimat\w*|expect\w*|sla|slo|target|timeout|ttl|interval|retention|window of)\b/i.test(clause)) continue;
      if (LASTED.test(before) || LASTED.test(clause.slice(0, Math.max(0, d.start - cs)))) metric = 'duration';
      else if (FIXED_WITHIN.test(before)) metric = 'mitigate';
      else if (RESOLVED_WITHIN.test(before)) metric = 'resolve';
      if (!metric) continue;
    }
    const s = durationStatement(d, line, clause, form, metric, section, before);
    if (form === 'field') s.label = fieldLabel.trim();
    else if (form === 'table' && b.table !== undefined) s.label = headers.get(b.table)?.[b.cells?.findIndex((c) => d.start >= c.start && d.end <= c.end) ?? -1];
    // "47 minutes from 4:14 pm to 5:01 pm": the window written beside it.
    const win = out.find((w) => w.kind === 'window' && w.line === line && w.start >= cs && w.start < ce);
    if (win?.at && win.until) s.span = { from: win.at, until: win.until };
    else if (metric === 'duration') {
      // "from the start of the outage (2021-11-03 13:50:46) until it resumed (2021-11-03 18:42:57), a total of …"
      const inClause = times.filter((t) => t.start >= cs && t.start < ce && !t.rangeEnd);
      const pair = inClause.map((t) => proseTime(text, line, t, tokens.dates, ce, ctx));
      if (pair.length === 2 && pair.every((p) => p.date) && (pair[1] as ProseTime).instant > (pair[0] as ProseTime).instant) s.span = { from: pair[0] as ProseTime, until: pair[1] as ProseTime };
    }
    out.push(s);
  }
}

function fieldKind(label: string): MilestoneKind | undefined {
  if (/^(?:start(?:ed)?(?: time)?|began|begin(?:ning)?|outage (?:start|began)|impact start(?:ed)?|incident start(?:ed)?)$/i.test(label.trim())) return 'start';
  if (/^(?:end(?:ed)?(?: time)?|outage end(?:ed)?|impact end(?:ed)?|incident end(?:ed)?|restored|recovered|resolved(?: at)?|resolution time)$/i.test(label.trim())) return 'resolve';
  if (/^(?:detected|detection|first detected|issue detected|detected at)$/i.test(label.trim())) return 'detect';
  return undefined;
}

export { WINDOW_FIELD };

export function extractProse(doc: PostmortemDocument, outline: Outline, timeline: Timeline, tokensOf: (line: number) => LineTokens, ambiguity: Readonly<Record<string, string>>): ProseStatement[] {
  const steps = extractProseSteps(doc, outline, timeline, tokensOf, ambiguity);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Blocks read between two yields of extractProseSteps. */
const BLOCKS_PER_STEP = 512;

/** extractProse, yielding every few blocks (issue 7). Run to the end, the same statements. */
export function* extractProseSteps(doc: PostmortemDocument, outline: Outline, timeline: Timeline, tokensOf: (line: number) => LineTokens, ambiguity: Readonly<Record<string, string>>): Generator<void, ProseStatement[], void> {
  const code = codeLines(doc);
  const firstDay = timeline.entries.find((e) => e.day)?.day;
  const ctx: Context = {
    doc, timeline, ambiguity, tokensOf,
    zone: timeline.zone?.zone,
    referenceDay: firstDay ?? timeline.referenceDate?.date,
  };
  yield;
  const inTimeline = timelineLines(doc, outline);
  yield;
  for (const e of timeline.entries) for (let l = e.line; l <= e.endLine; l++) inTimeline.add(l);
  yield;
  const headers = new Map<number, string[]>();
  for (const b of doc.blocks) if (b.kind === 'tableRow' && b.header && b.table !== undefined) headers.set(b.table, (b.cells ?? []).map((c) => c.text));
  const out: ProseStatement[] = [];
  let read = 0;
  yield;
  for (const b of doc.blocks) {
    if (++read % BLOCKS_PER_STEP === 0) yield;
    if (b.kind === 'code' || b.kind === 'frontmatter' || b.kind === 'heading' || b.quoted || (b.kind === 'tableRow' && b.header)) continue;
    for (let line = b.startLine; line <= b.endLine; line++) {
      if (code.has(line) || inTimeline.has(line)) continue;
      const where = sectionIdOf(outline, line);
      if (where.evidence) continue;
      readLine(ctx, b, line, where.id, headers, out);
    }
  }
  return out;
}
