import type { Rule, RuleContext } from '../rule';
import type { Section } from '../outline';
import { sectionTitleRange } from '../ranges';
import { range } from '../types';

/** The words of a line: a conversion that drops any (a link, an image's alt text) is not safe. */
const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/** Nor is one that drops inline HTML or a comment (an unclosed `<!--` hides the lines after it). */
const keepsEverything = (raw: string, heading: string) => !raw.includes('<') && words(raw) === words(heading);

/** "Impact:" straight under "Duration: 40 minutes": one more field of a group, not a section title. */
function isField(lines: readonly string[], s: Section): boolean {
  const raw = lines[s.line] ?? '';
  const prev = lines[s.line - 1] ?? '';
  return /:\s*(?:\*\*|__)?\s*$/.test(raw) && /^\s*(?:[-*+]\s+)?\p{L}[^:]{0,40}:\s*\S/u.test(prev);
}

/** "###Timeline": an ATX marker without the space after it is plain text in Markdown. */
const NO_SPACE = /^( {0,3})(#{2,6})(?=[\p{L}\p{N}])([^#\n]{1,80}?)\s*#*\s*$/u;

function checkMissingSpace(ctx: RuleContext): void {
  const { doc } = ctx;
  for (const b of doc.blocks) {
    if (b.kind !== 'paragraph' || b.html || b.quoted) continue;
    for (let line = b.startLine; line <= b.endLine; line++) {
      const raw = doc.lines[line] ?? '';
      const m = NO_SPACE.exec(raw);
      if (!m || /[.!?,;]$/.test((m[3] ?? '').trim())) continue;
      const indent = m[1] ?? '';
      const hashes = m[2] ?? '';
      const title = (m[3] ?? '').trim();
      const heading = `${hashes} ${title}`;
      ctx.report({
        message: `"${title}" is meant as a heading but has no space after "${hashes}"; write "${heading}".`,
        range: range(line, indent.length, line, raw.trimEnd().length),
        data: { section: null, level: hashes.length },
        fixes: [{
          title: `Convert to heading "${heading}"`,
          isPreferred: true,
          safe: true,
          edits: [{ range: range(line, indent.length + hashes.length, line, indent.length + hashes.length), newText: ' ' }],
        }],
      });
    }
  }
}

const rule: Rule = {
  id: 'pseudo-heading',
  description: 'A line that acts as a section title but is not a heading.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  check(ctx) {
    const { doc, outline } = ctx;
    // Plain text and HTML have no Markdown headings to convert to.
    if (doc.languageId !== 'markdown') return;
    checkMissingSpace(ctx);
    const isTitle = (s: Section | undefined) => s !== undefined && outline.title !== undefined && s.line === outline.title.line;
    for (const s of outline.sections) {
      if (s.kind !== 'bold' && s.kind !== 'bare') continue;
      // A section of the document standing in for a heading, not a label inside a section.
      const siblings = s.parent ? s.parent.children : outline.sections.filter((x) => !x.parent);
      if (s.parent && !isTitle(s.parent) && !siblings.some((x) => x.kind === 'heading')) continue;
      // Without any real heading, only a title the profile knows ("Timeline", "Root cause") is
      // surely one: the rendered page runs it into the text under it.
      if (!outline.hasHeadings && (!s.id || s.part || s.weak || isField(doc.lines, s))) continue;
      const raw = doc.lines[s.line] ?? '';
      // "##Timeline" is reported above, as a marker missing its space.
      if (NO_SPACE.test(raw)) continue;
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
