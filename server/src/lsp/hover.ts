// Hover on a time (a timeline entry, a time in prose) or a duration in prose: the time
// normalised (ISO 8601 with offset, UTC), T+ from the outage start, the gap from the previous
// entry, its milestone kind, and for prose what the timeline says. All from the cached analysis.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Analysis } from '../engine';
import { formatClock, formatMinutes } from '../engine/timeline/format';
import type { ContextSource, MilestoneKind, ProseStatement, ProseTime, Timeline, TimelineEntry } from '../engine/timeline/model';
import {
  entryMoment, kindWords, metricValue, milestoneOf, minutesBetween, normalise, proseMoment, sinceStart, timeAt, timedStart,
  type Moment, type Timed,
} from './timeline-facts';

const escape = (text: string) => text.replace(/[\\`*_{}[\]<>()#+!|~]/g, '\\$&');

const SOURCE_WORDS: Record<ContextSource, string> = {
  entry: 'written on the entry',
  heading: 'from the timeline heading',
  sentence: 'from an "all times …" sentence',
  summary: 'from the summary',
  title: 'from the title',
  frontmatter: 'from the front matter',
  document: 'from the document',
};

const at = (line: number) => `line ${line + 1}`;

function momentLines(moment: Moment): string[] {
  const { text, unknown } = normalise(moment);
  return [`**${text}**${moment.approximate ? ' (approximate)' : ''}`, ...(unknown ? [`_${unknown}_`] : [])];
}

function sinceStartLine(instant: number, timeline: Timeline, self?: TimelineEntry): string {
  if (self && timedStart(timeline) === self) {
    return `Outage start · T+0:00${timeline.milestones.startInferred ? ' (inferred: no entry says the outage began, so the first timed entry is taken)' : ''}`;
  }
  return sinceStart(instant, timeline) ?? 'The timeline has no outage start.';
}

/** The entry before this one in time: the one above it, or below it in a newest-first timeline. */
function previousTimed(timeline: Timeline, entry: Timed): Timed | undefined {
  const index = timeline.entries.indexOf(entry);
  const step = timeline.newestFirst ? 1 : -1;
  for (let i = index + step; i >= 0 && i < timeline.entries.length; i += step) {
    const e = timeline.entries[i];
    if (e?.instant !== undefined && !e.relative) return e as Timed;
  }
  return undefined;
}

function gapLine(timeline: Timeline, entry: Timed): string {
  const prev = previousTimed(timeline, entry);
  if (!prev) return 'First timed entry.';
  const gap = minutesBetween(prev.instant, entry.instant);
  const where = `the previous entry${timeline.newestFirst ? ' (the timeline runs newest first)' : ''} (${formatClock(prev)}, ${at(prev.line)})`;
  return gap >= 0 ? `+${formatMinutes(gap)} after ${where}` : `${formatMinutes(-gap)} before ${where}: out of order`;
}

function kindLine(timeline: Timeline, entry: TimelineEntry): string {
  const m = timeline.milestones;
  const roles: string[] = [];
  if (m.start === entry) roles.push(`the timeline's outage start${m.startInferred ? ' (inferred)' : ''}`);
  if (m.detected === entry) roles.push(`the timeline's detection${m.timeToDetectMinutes !== undefined ? ` (TTD ${formatMinutes(m.timeToDetectMinutes)})` : ''}`);
  if (m.escalated === entry) roles.push('the timeline\'s escalation');
  if (m.mitigated === entry) roles.push(`the timeline's mitigation${m.timeToMitigateMinutes !== undefined ? ` (TTM ${formatMinutes(m.timeToMitigateMinutes)})` : ''}`);
  if (m.resolved === entry) roles.push(`the timeline's resolution${m.timeToResolveMinutes !== undefined ? ` (TTR ${formatMinutes(m.timeToResolveMinutes)})` : ''}`);
  if (roles.length) return `Kind: **${entry.kind}** — ${roles.join('; ')}`;
  if (entry.kind === 'other') return 'Kind: **other** (not a milestone)';
  const chosen = milestoneOf(m, entry.kind);
  return `Kind: **${entry.kind}** (${kindWords(entry.kind)}${chosen ? `; the timeline's ${kindWords(entry.kind)} is at ${formatClock(chosen)}, ${at(chosen.line)}` : ''})`;
}

function contextLine(timeline: Timeline, entry: TimelineEntry): string | undefined {
  const parts: string[] = [];
  if (entry.zone) parts.push(`Zone: ${escape(entry.zone.zone.raw)} (${SOURCE_WORDS[entry.zone.source]}${entry.zone.source === 'entry' ? '' : `, ${at(entry.zone.line)}`})`);
  if (entry.day) {
    const d = entry.day;
    const day = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    const ref = timeline.referenceDate;
    const from = entry.dayFrom === 'entry' ? 'written on the entry'
      : entry.dayFrom === 'carried' ? 'carried from an earlier entry'
        : entry.dayFrom === 'rollover' ? 'the day after the previous entry, past midnight'
          : ref ? `${SOURCE_WORDS[ref.source]}, ${at(ref.line)}` : 'from the document';
    parts.push(`Date: ${day} (${from})`);
  }
  return parts.length ? parts.join(' · ') : undefined;
}

/** "Until 21:00 (6h 30m)" for a range entry (2:30 PM – 9:00 PM). */
function rangeLine(entry: Timed): string | undefined {
  const end = entry.time?.rangeEnd;
  if (entry.endInstant === undefined || !end) return undefined;
  return `Until ${String(end.hour).padStart(2, '0')}:${String(end.minute).padStart(2, '0')} (${formatMinutes(minutesBetween(entry.instant, entry.endInstant))})`;
}

function entryHover(timeline: Timeline, entry: Timed): string[] {
  return [
    ...momentLines(entryMoment(entry)),
    ...[rangeLine(entry)].filter((x): x is string => x !== undefined),
    sinceStartLine(entry.instant, timeline, entry),
    gapLine(timeline, entry),
    kindLine(timeline, entry),
    ...[contextLine(timeline, entry)].filter((x): x is string => x !== undefined),
  ];
}

/** What a time stated in prose is compared with: the milestone of the event it names. */
function comparison(timeline: Timeline, time: ProseTime, event: MilestoneKind | undefined): string | undefined {
  if (!event || event === 'other') return undefined;
  const milestone = milestoneOf(timeline.milestones, event);
  const words = kindWords(event);
  if (milestone?.instant === undefined) return `Stated as the ${words}; the timeline has none.`;
  const diff = minutesBetween(time.instant, milestone.instant);
  const where = `${formatClock(milestone)}, ${at(milestone.line)}`;
  if (diff === 0) return `Stated as the ${words}: matches the timeline (${where}).`;
  return `Stated as the ${words}; the timeline's is ${formatMinutes(Math.abs(diff))} ${diff > 0 ? 'later' : 'earlier'} (${where}).`;
}

function proseTimeHover(timeline: Timeline, time: ProseTime, event?: MilestoneKind): string[] {
  return [
    ...momentLines(proseMoment(time, timeline)),
    sinceStartLine(time.instant, timeline),
    ...[comparison(timeline, time, event)].filter((x): x is string => x !== undefined),
  ];
}

function durationHover(analysis: Analysis, timeline: Timeline, statement: ProseStatement): string[] {
  const value = metricValue(timeline.milestones, statement.metric ?? 'duration');
  const stated = escape((analysis.doc.lines[statement.line] ?? '').slice(statement.start, statement.end));
  const statedLine = `Stated here: ${stated}${statement.minutes !== undefined ? ` (${statement.approximate ? 'about ' : ''}${formatMinutes(statement.minutes)})` : ''}`;
  if (value.minutes === undefined) {
    return [`**Timeline: no ${value.words}**`, `_The timeline has no ${value.from ? 'matching end milestone' : 'outage start'}, so the ${value.words} is not known._`, statedLine];
  }
  const span = value.from && value.to ? `, ${formatClock(value.from)} → ${formatClock(value.to)}, lines ${value.from.line + 1}–${value.to.line + 1}` : '';
  return [`**Timeline: ${formatMinutes(value.minutes)}** (${value.words}${span})`, statedLine];
}

/** The hover at a position, or null when there is no time or duration under it. */
export function hoverAt(analysis: Analysis, position: Position, ambiguousZones?: Record<string, string>): Hover | null {
  const timeline = analysis.timeline;
  const found = timeline ? timeAt(analysis, position.line, position.character, ambiguousZones) : undefined;
  if (!timeline || !found) return null;
  let lines: string[];
  switch (found.kind) {
    case 'entry':
      lines = entryHover(timeline, found.entry);
      break;
    case 'untimed':
      lines = [`**${escape((analysis.doc.lines[found.entry.line] ?? '').slice(found.start, found.end))}**`, '_No time can be read here, so this entry is not placed on the timeline._', kindLine(timeline, found.entry)];
      break;
    case 'prose':
      lines = proseTimeHover(timeline, found.time, found.statement.event ?? (found.statement.kind === 'window' ? (found.role === 'at' ? 'start' : 'resolve') : undefined));
      break;
    case 'duration':
      lines = durationHover(analysis, timeline, found.statement);
      break;
    case 'time':
      lines = proseTimeHover(timeline, found.time);
      break;
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('  \n') },
    range: { start: { line: position.line, character: found.start }, end: { line: position.line, character: found.end } },
  };
}
