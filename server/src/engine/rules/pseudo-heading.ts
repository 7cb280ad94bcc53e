import type { Rule, RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';
import { inHtmlBlock } from '../cache';
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
      // A trailing comment (a disable comment, say) is not part of the title.
      const raw = (doc.lines[line] ?? '').replace(/<!--.*?-->/g, (c) => ' '.repeat(c.length));
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

/** Where a title line can become a heading: not quoted, not inside an HTML block. */
function convertible(ctx: RuleContext, s: Section): boolean {
  const raw = ctx.doc.lines[s.line] ?? '';
  return !/^\s*>/.test(raw) && !inHtmlBlock(ctx.doc.blocks, s.line);
}

/** One title line turned into a heading of its level, with the blank lines a heading needs. */
function conversion(ctx: RuleContext, s: Section): { edit: TextEdit; heading: string; keeps: boolean } {
  const { doc } = ctx;
  const raw = doc.lines[s.line] ?? '';
  const title = s.title.replace(/[\s:]+$/, '');
  const heading = `${'#'.repeat(Math.min(6, s.level))} ${title}`;
  const prevBlank = s.line === 0 || (doc.lines[s.line - 1] ?? '').trim() === '';
  const nextBlank = s.line + 1 >= doc.lines.length || (doc.lines[s.line + 1] ?? '').trim() === '';
  const newText = `${prevBlank ? '' : doc.eol}${heading}${nextBlank ? '' : doc.eol}`;
  return { edit: { range: range(s.line, 0, s.line, raw.length), newText }, heading, keeps: keepsEverything(raw, heading) };
}

/**
 * In a document without a single heading, every title line reads as a section title. Making one
 * of them a heading changes how the others read (they become labels and entries inside it), so
 * the safe fix converts them all at once: the sections stay the sections the author meant.
 */
function convertAll(ctx: RuleContext): Fix | undefined {
  const lines = ctx.outline.sections.filter((s) => (s.kind === 'bare' || s.kind === 'bold') && convertible(ctx, s) && !NO_SPACE.test(ctx.doc.lines[s.line] ?? ''));
  if (lines.length < 2) return undefined;
  const all = lines.map((s) => conversion(ctx, s));
  return {
    title: `Convert all ${all.length} title lines to headings`,
    isPreferred: true,
    // --fix applies safe fixes unreviewed: it must never delete what the author wrote.
    safe: all.every((c) => c.keeps),
    edits: all.map((c) => c.edit),
  };
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
    let together: Fix | undefined | null = null;
    for (const s of outline.sections) {
      if (s.kind !== 'bold' && s.kind !== 'bare') continue;
      // A section of the document standing in for a heading, not a label inside a section.
      const siblings = s.parent ? s.parent.children : outline.sections.filter((x) => !x.parent);
      if (s.parent && !isTitle(s.parent) && !siblings.some((x) => x.kind === 'heading')) continue;
      // Without any real heading, only a title the profile knows ("Timeline", "Root cause") is
      // surely one: the rendered page runs it into the text under it.
      if (!outline.hasHeadings && (!s.id || s.part || s.weak || isField(doc.lines, s))) continue;
      // "##Timeline" is reported above, as a marker missing its space.
      if (NO_SPACE.test(doc.lines[s.line] ?? '') || !convertible(ctx, s)) continue;
      const one = conversion(ctx, s);
      const title = s.title.replace(/[\s:]+$/, '');
      if (!outline.hasHeadings && together === null) together = convertAll(ctx);
      const single: Fix = { title: `Convert to heading "${one.heading}"`, isPreferred: !together, safe: !together && one.keeps, edits: [one.edit] };
      ctx.report({
        message: `"${title}" is used as a section title but is not a heading; make it a level-${s.level} heading.`,
        range: sectionTitleRange(s),
        data: { section: s.id ?? null, level: s.level },
        fixes: together ? [together, single] : [single],
      });
    }
  },
};

export default rule;
