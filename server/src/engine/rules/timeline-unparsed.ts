import type { Rule } from '../rule';
import { range } from '../types';

/** "7-13th Nov - …": a range of days, read as dates although the date finder has no token for it. */
const DAY_RANGE = /^\W*\d{1,2}(?:st|nd|rd|th)?\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** "Detection Method: …", "Actions Taken: …": a field describing the incident, not an event. */
const FIELD = /^\W{0,3}[A-Z][\w'’/&-]*(?:\s+[\w'’/&-]+){0,3}\s*:/;

/** Template placeholders (`HH:mm`, `[time]`) are placeholder-text's; a half-known time (`14:??`) is ours. */
const TEMPLATE = /^(?:[Hh]{1,2}[:.][Mm]{2}|\[(?:time|timestamp|hh:mm)\]|[{<](?:time|timestamp)[}>])/i;

const rule: Rule = {
  id: 'timeline-unparsed',
  description: 'A timeline entry whose time cannot be read, or is vague ("late in the day").',
  defaultSeverity: 'warning',
  tags: ['timeline'],
  fixable: false,
  check(ctx) {
    const { entries } = ctx.timeline;
    const timed = entries.filter((e) => e.time || e.relative);
    const timedEnd = timed.some((e) => e.kind === 'resolve');
    const first = entries[0];
    // A timeline of several list items or rows (or lines), none of them timed; a sentence pointing elsewhere is not one.
    const items = entries.filter((e) => e.source !== 'line').length;
    if (first && (items >= 2 || entries.length >= 3) && timed.length === 0 && entries.every((e) => !e.vague && !e.placeholder && !e.date) && !entries.some((e) => e.kind === 'resolve')) {
      ctx.report({ message: 'The timeline gives no times: add a time (and zone) to each entry.', range: range(first.line, first.start, first.line, first.end), data: { reason: 'no-times' } });
      return;
    }
    for (const e of entries) {
      if (e.time || e.relative) continue;
      const r = range(e.line, e.start, e.line, e.end);
      if (e.vague) {
        ctx.report({ message: `Vague time "${e.vague.raw}": say when it happened (an approximate time such as "~22:00" is fine).`, range: r, data: { reason: 'vague' } });
      } else if (e.placeholder) {
        if (!TEMPLATE.test(e.placeholder.raw)) ctx.report({ message: `Unknown time "${e.placeholder.raw}" in the timeline.`, range: r, data: { reason: 'placeholder' } });
      } else if (e.date || DAY_RANGE.test(e.text)) {
        continue; // a date-only entry is read as that day
      } else if (e.kind === 'resolve' && !timedEnd) {
        ctx.report({ message: 'This entry says when the outage ended, but gives no time: the timeline cannot show when service was restored.', range: r, data: { reason: 'resolution' } });
      } else if (e.source !== 'line' && timed.length >= 2 && !FIELD.test(e.text)) {
        ctx.report({ message: 'No time could be read for this timeline entry.', range: r, data: { reason: 'unreadable' } });
      }
    }
  },
};

export default rule;
