import type { PostmortemDocument } from '../document';
import type { Rule, RuleContext } from '../rule';
import { timelineSections } from '../timeline/entries';
import { monthName } from '../timeline/index';
import type { CalendarDate, TimelineEntry } from '../timeline/model';
import type { DateToken } from '../timeline/tokens';
import { range, type RelatedInfo } from '../types';

const DAY = 86_400_000;
const dayNumber = (d: CalendarDate) => (civil(d.year, d.month, d.day) ?? Date.UTC(d.year, d.month - 1, d.day) / DAY);

/**
 * Date.UTC(year, month - 1, day) / DAY without a Date: days since 1970-01-01 in the proleptic
 * Gregorian calendar (H. Hinnant's days_from_civil). Only for the inputs where the two surely
 * agree (Date.UTC reads years 0-99 as 1900-1999); undefined otherwise.
 */
function civil(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || year < 100 || year > 200_000 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
const show = (d: CalendarDate) => `${monthName(d.month)} ${d.day}, ${d.year}`;
const TITLE_WORDS = /\b(?:post-?mortem|incident|outage|report|rca|downtime|failure|disruption)\b/i;
const SUMMARY_SECTIONS = new Set(['summary', 'impact', 'lead', undefined]);

function full(d: DateToken | undefined, year?: number): CalendarDate | undefined {
  if (!d || d.invalid || d.placeholder || !d.month || !d.day) return undefined;
  const y = d.year ?? year;
  return y ? { year: y, month: d.month, day: d.day } : undefined;
}

interface Written {
  entry: TimelineEntry;
  day: CalendarDate;
  /** dayNumber(day). */
  n: number;
}

/**
 * Timed or dated entries whose date the timeline writes (on the entry, or on a date line above
 * it), not assumed.
 */
function writtenDays(entries: readonly TimelineEntry[]): Written[] {
  const out: Written[] = [];
  for (const e of entries) {
    if ((e.time || e.date) && e.day && e.dayFrom !== undefined && e.dayFrom !== 'reference') out.push({ entry: e, day: e.day, n: dayNumber(e.day) });
  }
  return out;
}

const rule: Rule = {
  id: 'date-mismatch',
  description: 'Dates in the document disagree: the title, the summary and the timeline give different days for the incident.',
  defaultSeverity: 'warning',
  tags: ['dates', 'timeline'],
  fixable: false,
  check(ctx) {
    const { timeline } = ctx;
    const written = writtenDays(timeline.entries);
    const typos = yearTypos(ctx, written.filter((w) => w.entry.dayFrom === 'entry'));
    headingRange(ctx, typos.size ? written.filter((w) => !typos.has(w.entry)) : written);
    const days = written.map((w) => w.n);
    const summaryDays = summaryDates(ctx);
    titleDate(ctx, days, summaryDays.map((s) => s.day));
    // The outage's own days: from its start on (precursors before it are background).
    const start = timeline.milestones.start;
    const outage = written.filter((w) => !start || start.instant === undefined || (w.entry.instant ?? Infinity) >= start.instant);
    if (outage.length === 0) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (const w of outage) {
      if (w.n < lo) lo = w.n;
      if (w.n > hi) hi = w.n;
    }
    // Dates the summary gives for the outage's start or end, against the timeline's days.
    for (const s of timeline.prose) {
      if (!SUMMARY_SECTIONS.has(s.section) || (s.kind !== 'window' && !(s.kind === 'time' && (s.event === 'start' || s.event === 'resolve')))) continue;
      const d = s.at?.date;
      if (!d) continue;
      const n = dayNumber(d);
      if (n >= lo - 1 && n <= hi + 1) continue;
      const first = outage[0];
      ctx.report({
        message: `This says ${show(d)}, but the timeline dates the outage ${first ? show(first.day) : ''}${hi > lo ? ` to ${show(outage[outage.length - 1]?.day ?? d)}` : ''}.`,
        range: range(s.line, s.at?.dateStart ?? s.start, s.line, s.at?.dateEnd ?? s.end),
        data: { reason: 'summary' },
        related: first ? [{ range: range(first.entry.line, first.entry.start, first.entry.line, first.entry.end), message: 'First dated timeline entry' }] : [],
      });
    }
  },
};

/**
 * A timeline date in another year than the incident's (the year most entries have, the first
 * entry's on a tie) that would sit among its neighbours with that year: a year typed wrong
 * (2020 in a 2021 incident).
 */
function yearTypos(ctx: RuleContext, written: { entry: TimelineEntry; day: CalendarDate }[]): Set<TimelineEntry> {
  const typos = new Set<TimelineEntry>();
  const counts = new Map<number, number>();
  for (const w of written) counts.set(w.day.year, (counts.get(w.day.year) ?? 0) + 1);
  const top = Math.max(0, ...counts.values());
  const year = written.find((w) => counts.get(w.day.year) === top)?.day.year;
  if (year === undefined || counts.size < 2) return typos;
  written.forEach((w, i) => {
    if (w.day.year === year || !w.entry.date?.year) return;
    const neighbours = [written[i - 1], written[i + 1]].filter((n): n is { entry: TimelineEntry; day: CalendarDate } => n !== undefined && n.day.year === year);
    const moved = dayNumber({ ...w.day, year });
    const n = neighbours.find((x) => Math.abs(dayNumber(x.day) - moved) <= 45 && Math.abs(dayNumber(x.day) - dayNumber(w.day)) > 200);
    if (!n) return;
    const d = w.entry.date;
    typos.add(w.entry);
    ctx.report({
      message: `${w.day.year} here, but the incident is in ${year} (${show(n.day)}, line ${n.entry.line + 1}).`,
      range: range(w.entry.line, d.start, w.entry.line, d.end),
      data: { reason: 'year', expectedYear: year },
      related: [{ range: range(n.entry.line, n.entry.start, n.entry.line, n.entry.end), message: 'Neighbouring entry' }],
    });
  });
  return typos;
}

/** "Timeline 01/16/2024 - 02/28/2024": a range on the heading that leaves entries out. */
function headingRange(ctx: RuleContext, written: Written[]): void {
  for (const s of timelineSections(ctx.outline)) {
    const dates = ctx.tokens(s.line).dates.map((d) => ({ token: d, day: full(d) })).filter((d): d is { token: DateToken; day: CalendarDate } => d.day !== undefined);
    if (dates.length !== 2) continue;
    const [a, b] = dates as [{ token: DateToken; day: CalendarDate }, { token: DateToken; day: CalendarDate }];
    const inside = written.filter((w) => w.entry.line > s.line && w.entry.line <= s.endLine);
    const lo = dayNumber(a.day) - 1;
    const hi = dayNumber(b.day) + 1;
    const outside = inside.find((w) => w.n < lo || w.n > hi);
    if (!outside) continue;
    ctx.report({
      message: `The heading gives ${show(a.day)} to ${show(b.day)}, but the timeline has an entry on ${show(outside.day)} (line ${outside.entry.line + 1}).`,
      range: range(s.line, a.token.start, s.line, b.token.end),
      data: { reason: 'heading' },
      related: [{ range: range(outside.entry.line, outside.entry.start, outside.entry.line, outside.entry.end), message: 'Entry outside the range' }],
    });
  }
}

/** Full dates written in the summary (or before the first section). */
function summaryDates(ctx: RuleContext): { line: number; day: number }[] {
  const out: { line: number; day: number }[] = [];
  const title = titleLine(ctx.doc, ctx.outline.title?.line);
  const lines: number[] = [];
  for (const s of ctx.outline.sections) if (s.id === 'summary') for (let l = s.titleEndLine + 1; l <= s.endLine; l++) lines.push(l);
  for (const b of ctx.outline.lead) for (let l = b.startLine; l <= b.endLine; l++) lines.push(l);
  for (const l of lines) {
    if (l === title) continue;
    for (const d of ctx.tokens(l).dates) {
      const day = full(d);
      if (day) out.push({ line: l, day: dayNumber(day) });
    }
  }
  return out;
}

/** The title line: the document's title, else a short first line that names an incident. */
function titleLine(doc: PostmortemDocument, outlineTitle: number | undefined): number | undefined {
  if (outlineTitle !== undefined && !(outlineTitle === 0 && doc.lines[0]?.trim() === '---')) return outlineTitle;
  const first = doc.lines.findIndex((l) => l.trim() !== '');
  const text = doc.lines[first] ?? '';
  return first >= 0 && text.length <= 120 && TITLE_WORDS.test(text) ? first : undefined;
}

/** A date in the title that no entry and no summary date is near. */
function titleDate(ctx: RuleContext, days: number[], summary: number[]): void {
  const line = titleLine(ctx.doc, ctx.outline.title?.line);
  if (line === undefined) return;
  const token = ctx.tokens(line).dates.find((d) => full(d, ctx.timeline.referenceDate?.date.year));
  const day = full(token, ctx.timeline.referenceDate?.date.year);
  if (!token || !day) return;
  const n = dayNumber(day);
  const against = days.length ? days : summary;
  if (against.length === 0 || against.some((d) => Math.abs(d - n) <= 1)) return;
  const near = against.reduce((a, b) => (Math.abs(b - n) < Math.abs(a - n) ? b : a));
  const nearDay = new Date(near * DAY);
  const related: RelatedInfo[] = [];
  ctx.report({
    message: `The title says ${show(day)}, but the ${days.length ? 'timeline' : 'summary'} dates the incident ${show({ year: nearDay.getUTCFullYear(), month: nearDay.getUTCMonth() + 1, day: nearDay.getUTCDate() })}.`,
    range: range(line, token.start, line, token.end),
    data: { reason: 'title' },
    related,
  });
}

export default rule;
