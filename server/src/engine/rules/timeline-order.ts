import type { PostmortemDocument } from '../document';
import type { Rule } from '../rule';
import type { TimelineEntry } from '../timeline/model';
import { formatClock } from '../timeline/format';
import { range, type Fix } from '../types';

type Timed = TimelineEntry & { instant: number };

const rule: Rule = {
  id: 'timeline-order',
  description: 'A timeline entry is earlier than the entry before it.',
  defaultSeverity: 'warning',
  tags: ['timeline'],
  fixable: true,
  check(ctx) {
    const { timeline, doc } = ctx;
    // Newest first throughout is an order, not a mistake.
    if (timeline.newestFirst) return;
    const timed = timeline.entries.filter((e): e is Timed => e.instant !== undefined && !e.relative);
    const main = timeline.zone;
    const fixes = new Map<number | undefined, Fix | null>();
    let previous: Timed | undefined;
    for (const e of timed) {
      // A second timeline (a detailed log after the key events) starts its own order.
      if (previous && previous.section !== e.section) previous = undefined;
      // A year typed wrong (date-mismatch) or a time in another zone (timezone-mixed) is reported there.
      if (previous && yearSlip(e, previous)) continue;
      if (main && e.zone?.source === 'entry' && e.offsetMinutes !== undefined && previous?.offsetMinutes !== undefined && e.offsetMinutes !== previous.offsetMinutes) continue;
      if (previous && e.instant < previous.instant) {
        if (!fixes.has(e.section)) fixes.set(e.section, sortFix(doc, timeline.entries.filter((x) => x.section === e.section)));
        const fix = fixes.get(e.section);
        ctx.report({
          message: `This entry (${formatClock(e)}) is earlier than the entry before it (${formatClock(previous)}, line ${previous.line + 1}).`,
          range: range(e.line, e.start, e.line, e.end),
          data: { previousLine: previous.line },
          related: [{ range: range(previous.line, previous.start, previous.line, previous.end), message: 'Later entry listed earlier' }],
          fixes: fix ? [fix] : [],
        });
      }
      previous = e;
    }
  },
};

/** An entry whose written year puts it a year away from the entry before, with the same month and day near it. */
function yearSlip(e: TimelineEntry, previous: TimelineEntry): boolean {
  if (!e.date?.year || !e.day || !previous.day || e.day.year === previous.day.year) return false;
  const moved = Date.UTC(previous.day.year, e.day.month - 1, e.day.day);
  const prev = Date.UTC(previous.day.year, previous.day.month - 1, previous.day.day);
  return Math.abs(moved - prev) <= 45 * 86_400_000;
}

const indentOf = (text: string) => text.replace(/\t/g, '    ').search(/\S/);
const blank = (text: string | undefined) => text === undefined || text.trim() === '';

/**
 * One edit that puts a timeline's entries in time order: each entry moves with its own lines
 * (wrapped text, nested details), blank lines between entries stay where they were, and entries
 * at the same time keep their order. Offered only where moving lines cannot change what the
 * entries mean: whole-line entries, all timed, their days written or all on one day.
 */
function sortFix(doc: PostmortemDocument, entries: TimelineEntry[]): Fix | null {
  if (entries.length < 2) return null;
  if (entries.some((e) => e.instant === undefined || e.relative || e.source === 'run-in')) return null;
  const lines = entries.map((e) => e.line);
  if (new Set(lines).size !== lines.length || lines.some((l, i) => i > 0 && l <= (lines[i - 1] as number))) return null;
  const days = new Set(entries.map((e) => (e.day ? `${e.day.year}-${e.day.month}-${e.day.day}` : '')));
  if (!entries.every((e) => e.dayFrom === 'entry') && (days.size > 1 || entries.some((e) => e.dayFrom === 'rollover'))) return null;
  // Each entry's own lines: up to the next entry, without the blank lines after it.
  const units = entries.map((e, i) => {
    const next = entries[i + 1];
    let end = next ? next.line - 1 : lastLine(doc, e);
    while (end > e.line && blank(doc.lines[end])) end--;
    return { entry: e, from: e.line, to: end };
  });
  const first = units[0] as { from: number };
  const last = units[units.length - 1] as { to: number };
  for (let l = first.from; l <= last.to; l++) if (/^\s*#{1,6}\s/.test(doc.lines[l] ?? '')) return null;
  const separators = units.slice(0, -1).map((u, i) => doc.lines.slice(u.to + 1, (units[i + 1] as { from: number }).from));
  const sorted = [...units].sort((a, b) => (a.entry.instant ?? 0) - (b.entry.instant ?? 0));
  const out: string[] = [];
  sorted.forEach((u, i) => {
    out.push(...doc.lines.slice(u.from, u.to + 1));
    if (i < separators.length) out.push(...(separators[i] as string[]));
  });
  const lastText = doc.lines[last.to] ?? '';
  return {
    title: 'Sort the timeline by time',
    isPreferred: true,
    safe: false,
    edits: [{ range: range(first.from, 0, last.to, lastText.length), newText: out.join(doc.eol) }],
  };
}

/** The last line of the final entry: its text and the lines indented under it. */
function lastLine(doc: PostmortemDocument, e: TimelineEntry): number {
  const indent = indentOf(doc.lines[e.line] ?? '');
  let end = e.endLine;
  while (end + 1 < doc.lines.length && !blank(doc.lines[end + 1]) && indentOf(doc.lines[end + 1] ?? '') > indent) end++;
  return end;
}

export default rule;
