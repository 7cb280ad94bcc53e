import type { Rule } from '../rule';
import type { Block } from '../document';
import { linesRange } from '../ranges';
import { range } from '../types';

const MIN_WORDS = 8;

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
}

const rule: Rule = {
  id: 'duplicate-paragraph',
  description: 'The same paragraph appears more than once.',
  defaultSeverity: 'warning',
  tags: ['content'],
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const seen = new Map<string, Block>();
    for (const b of doc.blocks) {
      if (b.kind !== 'paragraph' || b.boldOnly) continue;
      const text = normalize(b.text);
      if (text.split(' ').length < MIN_WORDS) continue;
      const first = seen.get(text);
      if (!first) {
        seen.set(text, b);
        continue;
      }
      // Remove the repeat with the blank line after it, so no double gap is left behind.
      let to = b.endLine + 1;
      while (to < doc.lines.length && (doc.lines[to] ?? '').trim() === '' && to <= b.endLine + 1) to++;
      const removal = to < doc.lines.length ? range(b.startLine, 0, to, 0) : range(b.startLine, 0, b.endLine, (doc.lines[b.endLine] ?? '').length);
      ctx.report({
        message: `This paragraph repeats the one on line ${first.startLine + 1}.`,
        range: linesRange(doc, b.startLine, b.endLine),
        data: { firstLine: first.startLine },
        related: [{ range: linesRange(doc, first.startLine, first.endLine), message: 'First occurrence' }],
        fixes: [{ title: 'Remove the repeated paragraph', edits: [{ range: removal, newText: '' }], isPreferred: true, safe: true }],
      });
    }
  },
};

export default rule;
