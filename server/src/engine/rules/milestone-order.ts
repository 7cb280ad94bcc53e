import type { Rule } from '../rule';
import type { TimelineEntry } from '../timeline/model';
import { formatClock } from '../timeline/format';
import { certain } from '../timeline/compare';
import { range } from '../types';

const NAMES: Record<string, string> = { start: 'the outage start', detect: 'detection', mitigate: 'mitigation', resolve: 'resolution', escalate: 'escalation' };

const rule: Rule = {
  id: 'milestone-order',
  description: 'Milestones in an impossible order: detection before the start, resolution before detection, …',
  defaultSeverity: 'warning',
  tags: ['timeline'],
  fixable: false,
  check(ctx) {
    const m = ctx.timeline.milestones;
    // Only milestones the timeline states plainly; recurring outages have several of each.
    if (m.startInferred || (m.episodes ?? 1) > 1) return;
    const pairs: [TimelineEntry | undefined, TimelineEntry | undefined][] = [
      [m.start, m.detected], [m.start, m.mitigated], [m.start, m.resolved], [m.detected, m.resolved], [m.mitigated, m.resolved],
    ];
    const reported = new Set<TimelineEntry>();
    for (const [before, after] of pairs) {
      if (!before || !after || before === after || reported.has(after) || !certain(before) || !certain(after)) continue;
      if (before.instant === undefined || after.instant === undefined || after.instant >= before.instant) continue;
      reported.add(after);
      ctx.report({
        message: `${cap(NAMES[after.kind] ?? after.kind)} (${formatClock(after)}) is before ${NAMES[before.kind] ?? before.kind} (${formatClock(before)}, line ${before.line + 1}).`,
        range: range(after.line, after.start, after.line, after.end),
        data: { milestone: after.kind, before: before.kind },
        related: [{ range: range(before.line, before.start, before.line, before.end), message: cap(NAMES[before.kind] ?? before.kind) }],
      });
    }
  },
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export default rule;
