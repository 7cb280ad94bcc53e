import type { Rule } from '../rule';
import { findPlaceholders } from '../placeholders';
import { range } from '../types';

const rule: Rule = {
  id: 'placeholder-text',
  description: 'Template placeholders left in the text (TBD, HH:mm, [Insert …], ??).',
  defaultSeverity: 'warning',
  tags: ['content'],
  fixable: false,
  check(ctx) {
    const { doc } = ctx;
    const skip = new Set<number>();
    for (const b of doc.blocks) if (b.kind === 'code' || b.kind === 'frontmatter') for (let l = b.startLine; l <= b.endLine; l++) skip.add(l);
    doc.lines.forEach((text, line) => {
      if (skip.has(line) || !text.trim()) return;
      for (const p of findPlaceholders(text)) {
        ctx.report({
          message: `Template placeholder "${p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text}" left in the text.`,
          range: range(line, p.start, line, p.end),
          data: { placeholder: p.text },
        });
      }
    });
  },
};

export default rule;
