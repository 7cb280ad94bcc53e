import type { Rule } from '../rule';
import { certain, timedEntries, compatibleKinds, minutesFrom, sameTime, timeTolerance, type Timed } from '../timeline/compare';
import type { MilestoneKind, ProseStatement, ProseTime } from '../timeline/model';
import { range } from '../types';

const NAMES: Record<MilestoneKind, string> = {
  start: 'the outage began', detect: 'it was detected', escalate: 'the incident was declared',
  mitigate: 'it was mitigated', resolve: 'service was restored', other: 'it happened',
};

/**
 * Which key event a line of a detailed log names, word for word, and the key events' own label
 * for it (MoJ: "Incident declared", "Repaired", "Resolved").
 */
const LOG_EVENTS: [RegExp, RegExp, MilestoneKind][] = [
  [/\bincident\b[^.]{0,20}\bdeclared\b|\bdeclared\b[^.]{0,20}\bincident\b/i, /\bdeclared\b/i, 'escalate'],
  [/\bincident\b[^.]{0,20}\brepaired\b/i, /\brepaired\b/i, 'mitigate'],
  [/\bincident\b[^.]{0,30}\bresolved\b/i, /\bresolved\b/i, 'resolve'],
];

const pad = (n: number) => String(n).padStart(2, '0');
const clockOf = (t: ProseTime) => `${pad(t.hour)}:${pad(t.minute)}${t.date ? ` on ${t.date.year}-${pad(t.date.month)}-${pad(t.date.day)}` : ''}`;
const entryClock = (e: Timed) => (e.time ? `${pad(e.time.hour)}:${pad(e.time.minute)}` : '?');

const rule: Rule = {
  id: 'prose-time',
  description: "A time cited in prose for an event disagrees with the timeline's time for that event.",
  defaultSeverity: 'warning',
  tags: ['timeline', 'prose'],
  fixable: false,
  check(ctx) {
    const { timeline } = ctx;
    const m = timeline.milestones;
    if (m.episodes && m.episodes > 1) return;
    const timed = timedEntries(timeline);
    if (timed.length < 2) return;
    const firstDetect = timed.find((e) => e.kind === 'detect');
    // The entries an event may be compared with, once per event (not once per statement).
    const byEvent = new Map<MilestoneKind, Timed[]>();
    const candidatesFor = (event: MilestoneKind): Timed[] => {
      let list = byEvent.get(event);
      if (!list) {
        const kinds = compatibleKinds(event);
        list = timed.filter((e) => kinds.includes(e.kind));
        byEvent.set(event, list);
      }
      return list;
    };
    for (const s of timeline.prose) {
      if (s.kind !== 'time' || !s.event || !s.at) continue;
      // Start and end fields of the summary are its window (summary-window).
      if (s.form === 'field' && (s.event === 'start' || s.event === 'resolve')) continue;
      if (s.form === 'log') continue;
      const at = s.at;
      if (s.event === 'start') {
        const start = m.start && !m.startInferred && certain(m.start) ? (m.start as Timed) : undefined;
        if (start) {
          if (!sameTime(start, at)) report(s, at, start, `the timeline says the outage began at ${entryClock(start)} (line ${start.line + 1}); this says ${clockOf(at)}`);
        } else if (firstDetect && minutesFrom(firstDetect, at) > timeTolerance(at) && minutesFrom(timed[0] as Timed, at) > 0) {
          report(s, at, firstDetect, `the timeline has the outage detected at ${entryClock(firstDetect)} (line ${firstDetect.line + 1}), before this says it began (${clockOf(at)})`);
        }
        continue;
      }
      const candidates = candidatesFor(s.event);
      if (candidates.length === 0 || candidates.some((e) => sameTime(e, at))) continue;
      // Another entry at that time may describe the same event in other words.
      if (timed.some((e) => sameTime(e, at) && e.kind === 'other')) continue;
      const nearest = candidates.reduce((a, b) => (Math.abs(minutesFrom(b, at)) < Math.abs(minutesFrom(a, at)) ? b : a));
      report(s, at, nearest, `the timeline says ${NAMES[s.event]} at ${entryClock(nearest)} (line ${nearest.line + 1}); this says ${clockOf(at)}`);
    }

    checkLog(timeline.prose.filter((s) => s.form === 'log' && s.at));

    /**
     * A detailed log elsewhere against the timeline's key events. Both are records of the same
     * moment, so they must agree to the minute; the finding goes on the key event.
     */
    function checkLog(log: ProseStatement[]): void {
      for (const [names, label, kind] of LOG_EVENTS) {
        const mentions = log.filter((s) => names.test(s.text));
        if (mentions.length === 0) continue;
        for (const key of timed.filter((e) => e.kind === kind && e.label !== undefined && label.test(e.label))) {
          if (mentions.some((s) => sameTime(key, s.at as ProseTime, 0))) continue;
          const s = mentions.reduce((a, b) => (Math.abs(minutesFrom(key, b.at as ProseTime)) < Math.abs(minutesFrom(key, a.at as ProseTime)) ? b : a));
          ctx.report({
            message: `The detailed log (line ${s.line + 1}) says ${NAMES[kind]} at ${clockOf(s.at as ProseTime)}; the timeline says ${entryClock(key)}.`,
            range: range(key.line, key.start, key.line, key.end),
            data: { event: kind, logLine: s.line },
            related: [{ range: range(s.line, s.start, s.line, s.end), message: 'Detailed log' }],
          });
        }
      }
    }

    function report(s: ProseStatement, at: ProseTime, entry: Timed, text: string): void {
      ctx.report({
        message: `${text.charAt(0).toUpperCase()}${text.slice(1)}.`,
        range: range(s.line, at.start, s.line, at.end),
        data: { event: s.event, entryLine: entry.line },
        related: [{ range: range(entry.line, entry.start, entry.line, entry.end), message: 'Timeline entry' }],
      });
    }
  },
};

export default rule;
