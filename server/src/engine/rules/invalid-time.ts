import type { PostmortemDocument } from '../document';
import type { Rule, RuleContext } from '../rule';
import { codeLines } from '../ranges';
import { range, type Fix } from '../types';
import type { DateToken, TimeToken } from '../timeline/tokens';

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

/** Front matter lines that give the document's date ("date: 30/30/30"): checked like text. */
function frontMatterDates(doc: PostmortemDocument): Set<number> {
  const out = new Set<number>();
  const fm = doc.blocks.find((b) => b.kind === 'frontmatter');
  if (!fm) return out;
  for (let l = fm.startLine; l <= fm.endLine; l++) if (/^\s*(?:date|created|updated|incident_date|published)\s*:/i.test(doc.lines[l] ?? '')) out.add(l);
  return out;
}

/** "10:00 M": a meridiem with its A or P lost. */
const BROKEN_MERIDIEM = /(?<![\d:])(\d{1,2}:\d{2})([ \t]?)[Mm]\.?(?![A-Za-z])/g;

/** Whether a line may hold a broken meridiem: one module-level regex (a literal in the function is a new object per line). */
const MAY_BREAK = /\d:\d{2}\s?[Mm]/;

function brokenMeridiem(ctx: RuleContext, line: number): void {
  const masked = ctx.doc.masked(line);
  if (!MAY_BREAK.test(masked)) return;
  for (const m of masked.matchAll(BROKEN_MERIDIEM)) {
    const start = m.index ?? 0;
    const clock = m[1] ?? '';
    const end = start + m[0].length;
    const fixes: Fix[] = ['AM', 'PM'].map((mer) => ({ title: `Change "${m[0]}" to "${clock} ${mer}"`, safe: false, edits: [{ range: range(line, start, line, end), newText: `${clock} ${mer}` }] }));
    ctx.report({ message: `Impossible time "${m[0]}": the meridiem is incomplete (AM or PM?).`, range: range(line, start, line, end), data: { reason: 'broken meridiem' }, fixes });
  }
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
    const front = frontMatterDates(doc);
    for (let line = 0; line < doc.lines.length; line++) {
      if (code.has(line) && !front.has(line)) continue;
      brokenMeridiem(ctx, line);
      const tokens = ctx.tokens(line);
      if (tokens.times.length === 0 && tokens.dates.length === 0) continue;
      const masked = doc.masked(line);
      // Index loops: this runs for every time of every line on each keystroke (no arrays per time).
      for (let i = 0; i < tokens.times.length; i++) {
        const t = tokens.times[i] as TimeToken;
        for (let k = 0; k < 2; k++) {
          const tt = k === 0 ? t : t.rangeEnd;
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
      for (let i = 0; i < tokens.dates.length; i++) {
        const d = tokens.dates[i] as DateToken;
        if (!d.invalid || d.placeholder) continue;
        ctx.report({ message: `Impossible date "${d.raw}": ${d.invalid}.`, range: range(line, d.start, line, d.end), data: { reason: d.invalid } });
      }
    }
  },
};

export default rule;
