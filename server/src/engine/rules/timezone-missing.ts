import type { Rule } from '../rule';
import { findZones } from '../timeline/index';
import { lineRange, codeLines } from '../ranges';
import { range, type Fix } from '../types';
import type { PostmortemDocument } from '../document';

const rule: Rule = {
  id: 'timezone-missing',
  description: 'Times with no time zone stated anywhere that applies to them.',
  defaultSeverity: 'warning',
  tags: ['timeline', 'zones'],
  fixable: true,
  check(ctx) {
    const { timeline, doc } = ctx;
    if (timeline.zone) return;
    const clockEntries = timeline.entries.filter((e) => e.time);
    if (clockEntries.some((e) => e.zone)) return;
    // With no clock times in the timeline, the summary's window or event times still need one.
    const prose = timeline.sectionLines.length === 0 ? undefined : timeline.prose.find((s) => (s.kind === 'window' || s.kind === 'time') && s.form !== 'log' && s.at && !s.at.zone && !s.until?.zone);
    if (clockEntries.length === 0 && !prose) return;
    const zone = zoneUsedElsewhere(ctx.doc, codeLines(doc)) ?? 'UTC';
    const heading = timeline.sectionLines[0];
    const line = heading ?? clockEntries[0]?.line ?? prose?.line ?? 0;
    const fixes: Fix[] = [];
    if (heading !== undefined) {
      const title = doc.lines[heading] ?? '';
      const end = title.replace(/[\s#:*_]+$/, '').length;
      fixes.push({ title: `Add "(all times ${zone})" to the timeline heading`, isPreferred: true, safe: false, edits: [{ range: range(heading, end, heading, end), newText: ` (all times ${zone})` }] });
    }
    ctx.report({
      message: clockEntries.length
        ? `The timeline's times have no time zone; state it once, e.g. "Timeline (all times ${zone})".`
        : `The times given for the outage have no time zone; state it, e.g. "${zone}".`,
      range: heading === undefined && prose ? range(prose.line, prose.start, prose.line, prose.end) : lineRange(doc, line),
      data: { zone },
      fixes,
    });
  },
};

function zoneUsedElsewhere(doc: PostmortemDocument, code: Set<number>): string | undefined {
  for (let line = 0; line < doc.lines.length; line++) {
    if (code.has(line)) continue;
    const z = findZones(doc.masked(line)).find((t) => !t.unknown && t.kind === 'abbr' && t.abbr && !t.ambiguous);
    if (z?.abbr) return z.abbr;
  }
  return undefined;
}

export default rule;
