import type { Rule, RuleContext } from '../rule';
import { inHtmlBlock } from '../cache';
import { CANONICAL_SECTIONS } from '../profiles';
import { contentLines, type Outline, type Section } from '../outline';
import { isPlaceholderOnly } from '../placeholders';
import { sectionTitleRange } from '../ranges';
import type { Fix } from '../types';

const COMMENTS = /<!--.*?(?:-->|$)/g;
const DECORATION = /^\s*(?:(?:[-*_]\s*){3,}|[=]{3,}|'{3}|"{3})\s*$/;
/** Tags that only wrap the page (`</body>`, `</html>`): no content of the section. */
const WRAPPER = /^\s*(?:<\/?(?:html|body|main|article|section|div)\b[^<>]*>\s*)+$/i;
/** A stub standing in for content: an empty bullet ("-"), or "..." alone (also as `<p>...</p>`). */
const FILLER = /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s*|(?:<(?:p|li|div|span)>\s*)?(?:\.{3,}|…)\s*(?:<\/(?:p|li|div|span)>)?\s*)$/;
/** Headings longer than this with nothing under them are titles or subtitles, not sections. */
const MAX_SECTION_WORDS = 6;

/**
 * The section's own text lines, without comments and decoration. With `stopAtText`, stops at
 * (and includes) the first line that is neither a placeholder nor filler: a section with such a
 * line is not empty, and the rest of it (a long timeline) need not be read.
 */
function ownContent(ctx: RuleContext, section: Section, stopAtText = false): string[] {
  const [from, to] = contentLines(section);
  const content: string[] = [];
  let inComment = false;
  for (let line = from; line <= to; line++) {
    let text = ctx.doc.lines[line] ?? '';
    if (inComment) {
      const end = text.indexOf('-->');
      if (end < 0) continue;
      text = text.slice(end + 3);
      inComment = false;
    }
    // Without "<!--" neither test below can match (and the replace would return the text as is).
    if (text.includes('<!--')) {
      if (/<!--(?!.*-->)/.test(text)) inComment = true;
      text = text.replace(COMMENTS, '');
    }
    if (text.trim() !== '' && !DECORATION.test(text) && !WRAPPER.test(text)) {
      content.push(text);
      if (stopAtText && !placeholderLine(text)) break;
    }
  }
  return content;
}

const placeholderLine = (l: string) => isPlaceholderOnly(l) || FILLER.test(l);

/**
 * Unrecognised headings are often not sections at all: a key-value line ("Owner: @sam"), a
 * sign-off ("Happy debugging!"), a long subtitle. Those are not reported when empty.
 */
function reportable(section: Section): boolean {
  if (section.id) return true;
  if (section.kind !== 'heading') return false;
  const title = section.title.trim();
  // An empty heading ("#" alone) has no title to report by.
  if (title === '' || /:\s*\S/.test(title) || /!$/.test(title)) return false;
  return title.split(/\s+/).length <= MAX_SECTION_WORDS;
}

/** "Corrective measures:" followed straight by its parts ("Improvements:", "Tasks:") is not empty. */
function continuedByPart(outline: Outline, section: Section): boolean {
  const next = outline.sections[outline.sections.indexOf(section) + 1];
  return next !== undefined && next.part === true && section.id !== undefined && next.id === section.id && !section.part;
}

const rule: Rule = {
  id: 'empty-section',
  description: 'A section with no content, or only template placeholders.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  check(ctx) {
    const { doc, outline } = ctx;
    for (const section of outline.sections) {
      // A label leads its own content on the same line.
      if (section.children.length > 0 || section.kind === 'lead' || !reportable(section)) continue;
      const content = ownContent(ctx, section, true);
      const placeholdersOnly = content.length > 0 && content.every(placeholderLine);
      if (content.length > 0 && !placeholdersOnly) continue;
      if (content.length === 0 && continuedByPart(outline, section)) continue;
      const def = CANONICAL_SECTIONS.find((c) => c.id === section.id);
      const fixes: Fix[] = [];
      // The scaffold is Markdown: under an HTML heading its blank line would end the HTML block.
      const markdown = doc.languageId === 'markdown' && !inHtmlBlock(doc.blocks, section.line);
      if (def && content.length === 0 && section.kind === 'heading' && markdown) {
        const eol = doc.eol;
        const line = section.titleEndLine;
        const end = (doc.lines[line] ?? '').length;
        fixes.push({ title: `Fill "${section.title}" with its scaffold`, isPreferred: true, safe: false, edits: [{ range: { start: { line, character: end }, end: { line, character: end } }, newText: `${eol}${eol}${def.scaffold.replace(/\n/g, eol)}` }] });
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
