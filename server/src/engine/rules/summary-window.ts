import type { Rule } from '../rule';
import { certain, timedEntries, minutesFrom, sameTime, timeTolerance, type Timed } from '../timeline/compare';
import { formatMinutes } from '../timeline/format';
import type { ProseStatement, ProseTime, Timeline } from '../timeline/model';
import { WINDOW_FIELD } from '../timeline/prose';
import { range, type RelatedInfo } from '../types';

const pad = (n: number) => String(n).padStart(2, '0');
const clockOf = (t: ProseTime) => `${pad(t.hour)}:${pad(t.minute)}`;
const entryClock = (e: Timed) => (e.time ? `${pad(e.time.hour)}:${pad(e.time.minute)}` : '?');

/** Sections whose window describes the whole outage. */
const WINDOW_SECTIONS = new Set(['summary', 'lead', 'impact', undefined]);
/** A window of something else: maintenance, a freeze, a planned change, support hours. */
const OTHER_EVENT = /\b(?:maintenance|maintainance|scheduled|planned|freeze|window of|deploy(?:ment)? window|change window|migration window|(?:support|business|working|office) hours)\b/i;

interface Window {
  line: number;
  start: number;
  end: number;
  from?: ProseTime;
  until?: ProseTime;
}

/** Windows the summary states: "from X to Y", or a pair of Start/End fields. */
function windows(timeline: Timeline): Window[] {
  const out: Window[] = [];
  const inScope = (s: ProseStatement) => WINDOW_SECTIONS.has(s.section) || (s.form === 'field' && WINDOW_FIELD.test(s.label ?? ''));
  for (const s of timeline.prose) {
    if (!inScope(s) || OTHER_EVENT.test(s.text)) continue;
    if (s.kind === 'window' && s.at && s.until) out.push({ line: s.line, start: s.start, end: s.end, from: s.at, until: s.until });
  }
  // "Start Time: …" and "End Time: …" fields, a few lines apart.
  const fields = timeline.prose.filter((s) => s.kind === 'time' && s.form === 'field' && inScope(s) && (s.event === 'start' || s.event === 'resolve'));
  for (const f of fields) {
    if (f.event !== 'start' || !f.at) continue;
    const end = fields.find((g) => g.event === 'resolve' && g.line > f.line && g.line - f.line <= 3);
    out.push({ line: f.line, start: f.start, end: f.end, from: f.at, until: end?.at });
  }
  return out;
}

const rule: Rule = {
  id: 'summary-window',
  description: "The summary's outage window (start or end) disagrees with the timeline's outage start or end.",
  defaultSeverity: 'warning',
  tags: ['timeline', 'prose'],
  fixable: false,
  check(ctx) {
    const { timeline } = ctx;
    const m = timeline.milestones;
    if (m.episodes && m.episodes > 1) return;
    const timed = timedEntries(timeline);
    if (timed.length < 2) return;
    const strongStart = m.start && !m.startInferred && certain(m.start) ? (m.start as Timed) : undefined;
    const firstDetect = timed.find((e) => e.kind === 'detect');
    const resolves = timed.filter((e) => e.kind === 'resolve' && certain(e));
    const fixes = timed.filter((e) => e.kind === 'mitigate');
    const last = timed[timed.length - 1] as Timed;
    const first = timed[0] as Timed;

    for (const w of windows(timeline)) {
      const problems: string[] = [];
      const related: RelatedInfo[] = [];
      const cite = (e: Timed, what: string) => related.push({ range: range(e.line, e.start, e.line, e.end), message: what });
      if (w.from) {
        const detectedBefore = firstDetect && certain(firstDetect) && minutesFrom(firstDetect, w.from) > timeTolerance(w.from) && minutesFrom(first, w.from) > 0;
        if (strongStart && !sameTime(strongStart, w.from)) {
          problems.push(`the timeline says the outage began at ${entryClock(strongStart)} (line ${strongStart.line + 1}); this says ${clockOf(w.from)}`);
          cite(strongStart, 'Outage start in the timeline');
        } else if (firstDetect && (strongStart ? detectedBefore : minutesFrom(firstDetect, w.from) > timeTolerance(w.from) && minutesFrom(first, w.from) > 0)) {
          problems.push(`the timeline has it detected at ${entryClock(firstDetect)} (line ${firstDetect.line + 1}), before this window begins at ${clockOf(w.from)}`);
          cite(firstDetect, 'Detection in the timeline');
        }
      }
      if (w.until) {
        const end = resolves[resolves.length - 1];
        if (end) {
          if (!resolves.some((e) => sameTime(e, w.until as ProseTime))) {
            problems.push(`the timeline says service was restored at ${entryClock(end)} (line ${end.line + 1}); this says ${clockOf(w.until)}`);
            cite(end, 'Outage end in the timeline');
          }
        } else if (fixes.length > 0) {
          const beyond = Math.round((w.until.instant - last.instant) / 60_000);
          const span = Math.max(1, Math.round((last.instant - first.instant) / 60_000));
          if (w.until.date && last.day && beyond > Math.max(60, span / 4)) {
            problems.push(`the timeline's last event is at ${entryClock(last)} (line ${last.line + 1}), ${formatMinutes(beyond)} before this window ends at ${clockOf(w.until)}`);
            cite(last, 'Last timeline event');
          } else if (!w.until.date && minutesFrom(last, w.until) > Math.max(60, span / 4)) {
            problems.push(`the timeline's last event is at ${entryClock(last)} (line ${last.line + 1}), long before this window ends at ${clockOf(w.until)}`);
            cite(last, 'Last timeline event');
          }
        }
      }
      if (problems.length === 0) continue;
      ctx.report({
        message: `The summary's window disagrees with the timeline: ${problems.join('; ')}.`,
        range: range(w.line, w.start, w.line, w.end),
        data: { from: w.from ? clockOf(w.from) : undefined, until: w.until ? clockOf(w.until) : undefined },
        related,
      });
    }
  },
};

export default rule;
