import type { Rule } from '../rule';
import { CANONICAL_SECTIONS } from '../profiles';
import { contentLines } from '../outline';
import { isPlaceholderOnly } from '../placeholders';
import { sectionTitleRange } from '../ranges';
import type { Fix } from '../types';

const COMMENTS = /<!--.*?(?:-->|$)/g;
const DECORATION = /^\s*(?:(?:[-*_]\s*){3,}|[=]{3,}|'{3}|"{3})\s*$/;

const rule: Rule = {
  id: 'empty-section',
  description: 'A section with no content, or only template placeholders.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  check(ctx) {
    const { doc, outline } = ctx;
    for (const section of outline.sections) {
      if (section.children.length > 0) continue;
      const [from, to] = contentLines(section);
      const content: string[] = [];
      let inComment = false;
      for (let line = from; line <= to; line++) {
        let text = doc.lines[line] ?? '';
        if (inComment) {
          const end = text.indexOf('-->');
          if (end < 0) continue;
          text = text.slice(end + 3);
          inComment = false;
        }
        if (/<!--(?!.*-->)/.test(text)) inComment = true;
        text = text.replace(COMMENTS, '');
        if (text.trim() !== '' && !DECORATION.test(text)) content.push(text);
      }
      const placeholdersOnly = content.length > 0 && content.every(isPlaceholderOnly);
      if (content.length > 0 && !placeholdersOnly) continue;
      const def = CANONICAL_SECTIONS.find((c) => c.id === section.id);
      const fixes: Fix[] = [];
      if (def && content.length === 0 && section.kind === 'heading') {
        const eol = doc.eol;
        const line = section.titleEndLine;
        const end = (doc.lines[line] ?? '').length;
        fixes.push({ title: `Fill "${section.title}" with its scaffold`, isPreferred: true, edits: [{ range: { start: { line, character: end }, end: { line, character: end } }, newText: `${eol}${eol}${def.scaffold.replace(/\n/g, eol)}` }] });
      }
      ctx.report({
        message: placeholdersOnly
          ? `Section "${section.title}" holds only template placeholders.`
          : `Section "${section.title}" is empty.`,
        range: sectionTitleRange(section),
        data: { section: section.id ?? null, placeholdersOnly },
        fixes,
      });
    }
  },
};

export default rule;
