import type { Rule } from '../rule';
import { findPlaceholders } from '../placeholders';
import { lineRange } from '../ranges';
import { range } from '../types';

const rule: Rule = {
  id: 'timeline-unparsed',
  description: 'A timeline entry whose time cannot be read, or is vague ("late in the day").',
  defaultSeverity: 'warning',
  tags: ['timeline'],
  fixable: false,
  check(ctx) {
    const { entries, sectionLines } = ctx.timeline;
    const timed = entries.filter((e) => e.time || e.relative);
    if (entries.length > 0 && timed.length === 0 && entries.every((e) => !e.vague && !e.placeholder)) {
      const line = sectionLines[0];
      if (line !== undefined) ctx.report({ message: 'The timeline gives no times: add a time (and zone) to each entry.', range: lineRange(ctx.doc, line), data: { reason: 'no-times' } });
      return;
    }
    for (const e of entries) {
      if (e.time || e.relative) continue;
      const r = range(e.line, e.start, e.line, e.end);
      if (e.vague) {
        ctx.report({ message: `Vague time "${e.vague.raw}": say when it happened (an approximate time such as "~22:00" is fine).`, range: r, data: { reason: 'vague' } });
      } else if (e.placeholder) {
        // Placeholders placeholder-text already reports (HH:mm, ??) are not reported twice.
        const line = ctx.doc.lines[e.line] ?? '';
        const known = findPlaceholders(line).some((p) => p.start < e.placeholder!.end && p.end > e.placeholder!.start);
        if (!known) ctx.report({ message: `Unknown time "${e.placeholder.raw}" in the timeline.`, range: r, data: { reason: 'placeholder' } });
      } else if (!e.date && timed.length >= 2) {
        ctx.report({ message: 'No time could be read for this timeline entry.', range: r, data: { reason: 'unreadable' } });
      }
    }
  },
};

export default rule;
