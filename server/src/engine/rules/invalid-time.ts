import type { Rule } from '../rule';
import { codeLines } from '../ranges';
import { range, type Fix } from '../types';

/** "13:55 PM" -> ["13:55", "1:55 PM"]: drop the meridiem, or write it as a 12-hour time. */
function meridiemFixes(clock: string): string[] {
  const m = /^(\d{1,2})([:.h]?)(\d{2})?(?::(\d{2}))?\s*([ap])\.?\s*m\.?$/i.exec(clock.trim());
  if (!m) return [];
  const hour = Number(m[1]);
  const minute = m[3] ?? '00';
  if (hour <= 12 || hour > 23) return [];
  const seconds = m[4] ? `:${m[4]}` : '';
  const h12 = hour - 12;
  return [`${String(hour).padStart(2, '0')}:${minute}${seconds}`, `${h12}:${minute}${seconds} ${hour >= 12 ? 'PM' : 'AM'}`];
}

const rule: Rule = {
  id: 'invalid-time',
  description: 'An impossible time or date (13:55 PM, 25:10, February 30, year 22025).',
  defaultSeverity: 'error',
  tags: ['timeline', 'dates'],
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const code = codeLines(doc);
    for (let line = 0; line < doc.lines.length; line++) {
      if (code.has(line)) continue;
      const tokens = ctx.tokens(line);
      if (tokens.times.length === 0 && tokens.dates.length === 0) continue;
      const masked = doc.masked(line);
      for (const t of tokens.times) {
        for (const tt of [t, t.rangeEnd]) {
          if (!tt?.invalid) continue;
          const clock = masked.slice(tt.clockStart, tt.clockEnd);
          const fixes: Fix[] = meridiemFixes(clock).map((text, i) => ({
            title: `Change "${clock.trim()}" to "${text}"`, isPreferred: i === 0, safe: false,
            edits: [{ range: range(line, tt.clockStart, line, tt.clockEnd), newText: text }],
          }));
          ctx.report({ message: `Impossible time "${clock.trim()}": ${tt.invalid}.`, range: range(line, tt.clockStart, line, tt.clockEnd), data: { reason: tt.invalid }, fixes });
        }
        if (t.date?.invalid) ctx.report({ message: `Impossible date "${t.date.raw}": ${t.date.invalid}.`, range: range(line, t.date.start, line, t.date.end), data: { reason: t.date.invalid } });
      }
      for (const d of tokens.dates) {
        if (!d.invalid || d.placeholder) continue;
        ctx.report({ message: `Impossible date "${d.raw}": ${d.invalid}.`, range: range(line, d.start, line, d.end), data: { reason: d.invalid } });
      }
    }
  },
};

export default rule;
