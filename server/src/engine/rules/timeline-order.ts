import type { Rule } from '../rule';
import type { TimelineEntry } from '../timeline/model';
import { formatClock } from '../timeline/format';
import { range } from '../types';

const rule: Rule = {
  id: 'timeline-order',
  description: 'A timeline entry is earlier than the entry before it.',
  defaultSeverity: 'warning',
  tags: ['timeline'],
  fixable: true,
  check(ctx) {
    const timed = ctx.timeline.entries.filter((e): e is TimelineEntry & { instant: number } => e.instant !== undefined && !e.relative);
    let latest: (TimelineEntry & { instant: number }) | undefined;
    for (const e of timed) {
      if (latest && e.instant < latest.instant) {
        ctx.report({
          message: `This entry (${formatClock(e)}) is earlier than the entry before it (${formatClock(latest)}, line ${latest.line + 1}).`,
          range: range(e.line, e.start, e.line, e.end),
          data: { previousLine: latest.line },
          related: [{ range: range(latest.line, latest.start, latest.line, latest.end), message: 'Later entry listed earlier' }],
        });
        continue;
      }
      latest = e;
    }
  },
};

export default rule;
