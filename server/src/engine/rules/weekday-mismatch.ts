import type { Rule } from '../rule';
import { weekdayOf } from '../timeline/index';
import { range } from '../types';
import { codeLines } from '../ranges';

const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const rule: Rule = {
  id: 'weekday-mismatch',
  description: 'A weekday that does not match its date.',
  defaultSeverity: 'warning',
  tags: ['dates'],
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const code = codeLines(doc);
    for (let line = 0; line < doc.lines.length; line++) {
      if (code.has(line)) continue;
      const dates = ctx.tokens(line).dates;
      if (dates.length === 0) continue;
      const masked = doc.masked(line);
      for (const d of dates) {
        if (d.weekday === undefined || !d.year || d.invalid || d.placeholder || !d.month || !d.day) continue;
        const actual = weekdayOf(d.year, d.month, d.day);
        if (actual === d.weekday) continue;
        const ws = d.weekdayStart ?? d.start;
        const we = d.weekdayEnd ?? d.end;
        const written = masked.slice(ws, we);
        const right = NAMES[actual] ?? '';
        const replacement = written.length <= 3 ? right.slice(0, written.length) : right;
        ctx.report({
          message: `${d.raw.trim()} was a ${right}, not a ${NAMES[d.weekday] ?? written}.`,
          range: range(line, ws, line, we),
          data: { expected: right },
          fixes: [{ title: `Change to "${replacement}"`, isPreferred: true, safe: false, edits: [{ range: range(line, ws, line, we), newText: /^[a-z]/.test(written) ? replacement.toLowerCase() : replacement }] }],
        });
      }
    }
  },
};

export default rule;
