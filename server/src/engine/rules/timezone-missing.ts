import type { Rule } from '../rule';
import { findZones } from '../timeline/index';
import { lineRange, codeLines } from '../ranges';
import { range } from '../types';
import type { PostmortemDocument } from '../document';

const rule: Rule = {
  id: 'timezone-missing',
  description: 'Times with no time zone stated anywhere that applies to them.',
  defaultSeverity: 'warning',
  tags: ['timeline', 'zones'],
  fixable: true,
  check(ctx) {
    const { timeline, doc } = ctx;
    const clockEntries = timeline.entries.filter((e) => e.time);
    if (clockEntries.length === 0 || timeline.zone || clockEntries.some((e) => e.zone)) return;
    const line = timeline.sectionLines[0] ?? clockEntries[0]?.line ?? 0;
    const title = doc.lines[line] ?? '';
    const zone = zoneUsedElsewhere(ctx.doc, codeLines(doc)) ?? 'UTC';
    const end = title.replace(/[\s#:*_]+$/, '').length;
    ctx.report({
      message: `The timeline's times have no time zone; state it once, e.g. "${'Timeline'} (all times ${zone})".`,
      range: lineRange(doc, line),
      data: { zone },
      fixes: timeline.sectionLines.length
        ? [{ title: `Add "(all times ${zone})" to the timeline heading`, isPreferred: true, safe: false, edits: [{ range: range(line, end, line, end), newText: ` (all times ${zone})` }] }]
        : [],
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
