import type { Rule } from '../rule';
import type { Section } from '../outline';
import { sectionTitleRange } from '../ranges';
import { range } from '../types';

/** The words of a line: a conversion that drops any (a link, an image's alt text) is not safe. */
const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/** Nor is one that drops inline HTML or a comment (an unclosed `<!--` hides the lines after it). */
const keepsEverything = (raw: string, heading: string) => !raw.includes('<') && words(raw) === words(heading);

const rule: Rule = {
  id: 'pseudo-heading',
  description: 'A line that acts as a section title but is not a heading.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  check(ctx) {
    const { doc, outline } = ctx;
    // Plain text and HTML have no Markdown headings to convert to; and a Markdown document
    // without any heading uses title lines on purpose.
    if (doc.languageId !== 'markdown' || !outline.hasHeadings) return;
    const isTitle = (s: Section | undefined) => s !== undefined && outline.title !== undefined && s.line === outline.title.line;
    for (const s of outline.sections) {
      if (s.kind !== 'bold' && s.kind !== 'bare') continue;
      // A section of the document standing in for a heading, not a label inside a section.
      const siblings = s.parent ? s.parent.children : outline.sections.filter((x) => !x.parent);
      if (s.parent && !isTitle(s.parent) && !siblings.some((x) => x.kind === 'heading')) continue;
      const raw = doc.lines[s.line] ?? '';
      if (/^\s*>/.test(raw) || doc.blocks.some((b) => b.html && b.startLine <= s.line && b.endLine >= s.line)) continue;
      const title = s.title.replace(/[\s:]+$/, '');
      const heading = `${'#'.repeat(Math.min(6, s.level))} ${title}`;
      const eol = doc.eol;
      const prevBlank = s.line === 0 || (doc.lines[s.line - 1] ?? '').trim() === '';
      const nextBlank = s.line + 1 >= doc.lines.length || (doc.lines[s.line + 1] ?? '').trim() === '';
      ctx.report({
        message: `"${title}" is used as a section title but is not a heading; make it a level-${s.level} heading.`,
        range: sectionTitleRange(s),
        data: { section: s.id ?? null, level: s.level },
        fixes: [{
          title: `Convert to heading "${heading}"`,
          isPreferred: true,
          // --fix applies safe fixes unreviewed: it must never delete what the author wrote.
          safe: keepsEverything(raw, heading),
          edits: [{ range: range(s.line, 0, s.line, raw.length), newText: `${prevBlank ? '' : eol}${heading}${nextBlank ? '' : eol}` }],
        }],
      });
    }
  },
};

export default rule;
