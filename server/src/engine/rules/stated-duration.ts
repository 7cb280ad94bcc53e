import type { Rule } from '../rule';
import { certain, closest, durationFits, formatLike, readings } from '../timeline/compare';
import { formatMinutes } from '../timeline/format';
import type { ProseMetric, ProseStatement } from '../timeline/model';
import { range, type Fix } from '../types';

const MEASURE: Record<ProseMetric, string> = {
  duration: 'the outage lasted',
  detect: 'it took to detect',
  mitigate: 'it took to mitigate',
  resolve: 'it took to resolve',
};

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (ms: number, offset: number | undefined) => {
  const d = new Date(ms + (offset ?? 0) * 60_000);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

function stated(s: ProseStatement): string {
  const q = s.bound === 'max' ? 'at most ' : s.bound === 'min' ? 'at least ' : s.approximate ? 'about ' : '';
  return `${q}${formatMinutes(s.minutes ?? 0)}`;
}

const rule: Rule = {
  id: 'stated-duration',
  description: 'A duration or metric stated in prose (lasted 3 hours, time to recovery) disagrees with the timeline.',
  defaultSeverity: 'warning',
  tags: ['timeline', 'prose'],
  fixable: true,
  check(ctx) {
    const { doc, timeline } = ctx;
    const byMetric = new Map<ProseMetric, ReturnType<typeof readings>>();
    const readingsFor = (metric: ProseMetric) => {
      if (!byMetric.has(metric)) byMetric.set(metric, readings(timeline, metric));
      return byMetric.get(metric);
    };
    for (const s of timeline.prose) {
      if (s.kind !== 'duration' || !s.metric || s.minutes === undefined) continue;
      const raw = doc.masked(s.line).slice(s.start, s.end);
      // A figure with its own window beside it is checked against that window.
      if (s.span) {
        const actual = Math.round((s.span.until.instant - s.span.from.instant) / 60_000);
        if (actual > 0 && !durationFits(s, actual)) {
          ctx.report({
            message: `This says ${stated(s)}, but the window it gives (${hhmm(s.span.from.instant, s.span.from.offsetMinutes)} to ${hhmm(s.span.until.instant, s.span.until.offsetMinutes)}) is ${formatMinutes(actual)}.`,
            range: range(s.line, s.start, s.line, s.end),
            data: { metric: s.metric, stated: s.minutes, computed: actual },
            fixes: s.bound || s.approximate ? [] : [replace(s, raw, actual)],
          });
        }
        continue;
      }
      const found = readingsFor(s.metric);
      if (!found) continue;
      const { readings: list, openStart } = found;
      if (list.some((r) => durationFits(s, r.minutes))) continue;
      // The outage began before the first entry: a longer figure cannot be contradicted.
      if (openStart && s.metric === 'duration' && list.some((r) => (s.minutes ?? 0) >= r.minutes)) continue;
      // The message measures from the outage start the timeline gives, when a reading does.
      const start = timeline.milestones.start;
      const fromStart = list.filter((r) => r.from === start);
      const best = closest(fromStart.length ? fromStart : list, s.minutes);
      if (!best) continue;
      const exact = list.length === 1 && certain(best.from) && certain(best.to);
      ctx.report({
        message: `The timeline says ${MEASURE[s.metric]} ${formatMinutes(best.minutes)} (${best.from.time ? hhmm(best.from.instant, best.from.offsetMinutes) : '?'}, line ${best.from.line + 1} → ${best.to.time ? hhmm(best.to.instant, best.to.offsetMinutes) : '?'}, line ${best.to.line + 1}); this says ${stated(s)}.`,
        range: range(s.line, s.start, s.line, s.end),
        data: { metric: s.metric, stated: s.minutes, computed: best.minutes, fromLine: best.from.line, toLine: best.to.line },
        related: [
          { range: range(best.from.line, best.from.start, best.from.line, best.from.end), message: 'Measured from' },
          { range: range(best.to.line, best.to.start, best.to.line, best.to.end), message: 'Measured to' },
        ],
        fixes: exact && !s.bound ? [replace(s, raw, best.minutes)] : [],
      });
    }
  },
};

/** Not safe: the stated figure or the timeline may be the one that is wrong. */
function replace(s: ProseStatement, raw: string, minutes: number): Fix {
  const text = formatLike(raw.trim(), minutes);
  return { title: `Change "${raw.trim()}" to "${text}"`, isPreferred: true, safe: false, edits: [{ range: range(s.line, s.start, s.line, s.end), newText: text }] };
}

export default rule;
