// The `postmortem/timelineContext` answer: the timeline's zone, its sections and where each
// entry's time, zone and date are written, so "Insert Timeline Entry" can write a new entry in
// the same shape and in the document's zone. From the cached analysis.
import type { TimelineContext, TimelineEntryShape, TimelineZone } from '../../../common/protocol';
import type { Analysis } from '../engine';
import { zoneOffsetMinutes } from '../engine/timeline';
import type { Timeline, TimelineEntry } from '../engine/timeline/model';

function zoneOf(timeline: Timeline, ambiguity: Readonly<Record<string, string>>): TimelineZone | undefined {
  const context = timeline.zone;
  if (!context) return undefined;
  const z = context.zone;
  const zone: TimelineZone = { raw: z.raw, kind: z.kind, line: context.line };
  if (z.abbr) zone.abbr = z.abbr;
  if (z.dstVariant) zone.dstVariant = z.dstVariant;
  const iana = z.ambiguous && z.abbr ? ambiguity[z.abbr] : z.iana;
  if (iana && z.fixedOffsetMinutes !== 0) zone.iana = iana;
  else {
    const offset = zoneOffsetMinutes(z, Date.now(), ambiguity);
    if (offset !== undefined) zone.offsetMinutes = offset;
  }
  return zone;
}

function shapeOf(e: TimelineEntry): TimelineEntryShape {
  const shape: TimelineEntryShape = { line: e.line, endLine: e.endLine, source: e.source, start: e.start, end: e.end };
  const t = e.time;
  if (t) {
    Object.assign(shape, { clockStart: t.clockStart, clockEnd: t.clockEnd, style: t.style });
    if (t.zone && t.zone.start >= e.start && t.zone.end <= e.end) Object.assign(shape, { zoneStart: t.zone.start, zoneEnd: t.zone.end });
  }
  const date = t?.date ?? e.date;
  if (date && date.start >= e.start && date.end <= e.end) Object.assign(shape, { dateStart: date.start, dateEnd: date.end });
  return shape;
}

function lastContentLine(lines: readonly string[], from: number, to: number): number {
  let end = to;
  while (end > from && (lines[end] ?? '').trim() === '') end--;
  return end;
}

export function timelineContext(analysis: Analysis, ambiguity: Readonly<Record<string, string>>): TimelineContext {
  const timeline = analysis.timeline;
  if (!timeline) return { sections: [], entries: [] };
  const lines = analysis.doc.lines;
  const sections = timeline.sectionLines.map((line) => {
    const section = analysis.outline.sections.find((s) => s.line === line);
    const lastEntry = timeline.entries.filter((e) => e.section === line).reduce((max, e) => Math.max(max, e.endLine), line);
    const end = Math.max(section ? lastContentLine(lines, section.titleEndLine, section.endLine) : line, lastEntry);
    return { line, endLine: end };
  });
  const zone = zoneOf(timeline, ambiguity);
  return { ...(zone ? { zone } : {}), sections, entries: timeline.entries.map(shapeOf) };
}
