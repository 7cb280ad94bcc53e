import type { Rule, RuleContext } from '../rule';
import { CANONICAL_SECTIONS } from '../profiles';
import { documentAnchor, insertLinesAt } from '../ranges';
import type { Section } from '../outline';
import type { Fix } from '../types';

/**
 * An opening of 20+ words before the first recognised section does the job of a summary in
 * many real postmortems, whether it is untitled or under a heading of its own ("What happened").
 */
function openingIsSummary(ctx: RuleContext): boolean {
  const first = ctx.outline.sections.find((s) => s.id !== undefined);
  const titleLine = ctx.outline.title?.line;
  const words = ctx.doc.blocks
    .filter((b) => b.kind === 'paragraph' && b.startLine !== titleLine && (!first || b.endLine < first.line))
    .map((b) => b.text).join(' ').split(/\s+/).filter(Boolean);
  return words.length >= 20;
}

/**
 * In a document titled only by plain or bold lines, a heading would change how every other title
 * line reads (they become pseudo-headings, labels, timeline entries): write the title the way
 * its neighbour is written ("Summary:", "**Summary**").
 */
function ownStyle(ctx: RuleContext, sibling: Section | undefined, title: string): string | undefined {
  if (ctx.outline.hasHeadings || !sibling || (sibling.kind !== 'bare' && sibling.kind !== 'bold')) return undefined;
  const raw = (ctx.doc.lines[sibling.line] ?? '').trim();
  const colon = /:\s*(?:\*\*|__)?$/.test(raw) ? ':' : '';
  return sibling.kind === 'bold' ? (/^__/.test(raw) ? `__${title}${colon}__` : `**${title}${colon}**`) : `${title}${colon}`;
}

function insertionFix(ctx: RuleContext, id: string, title: string): Fix {
  const { doc, outline, profile } = ctx;
  const order = profile.sections.map((s) => s.id);
  const at = order.indexOf(id);
  // Sections of the document, not labels or subsections inside another recognised section.
  const top = outline.sections.filter((s) => s.id && !s.part && s.kind !== 'lead' && !s.parent?.id);
  const before = top.filter((s) => order.indexOf(s.id ?? '') >= 0 && order.indexOf(s.id ?? '') < at).pop();
  const after = top.find((s) => order.indexOf(s.id ?? '') > at);
  const sibling: Section | undefined = before ?? after;
  const level = sibling && sibling.kind === 'heading' ? sibling.level : outline.title ? 2 : 1;
  const titleLine = ownStyle(ctx, sibling, title) ?? `${'#'.repeat(level)} ${title}`;
  const line = before ? before.endLine + 1 : after ? after.line : doc.lines.length;
  const scaffold = CANONICAL_SECTIONS.find((c) => c.id === id)?.scaffold ?? '';
  const atEnd = line >= doc.lines.length;
  // At the end of the document the section closes it: no blank line after it.
  const body = `${titleLine}\n\n${scaffold}${atEnd ? '' : '\n\n'}`.replace(/\n/g, doc.eol);
  // The empty "line" after a final newline is not a blank line of the document.
  const last = doc.lines.length - 1;
  const previous = (atEnd ? doc.lines[doc.lines[last] === '' && last > 0 ? last - 1 : last] : doc.lines[line - 1]) ?? '';
  const needsGap = line > 0 && previous.trim() !== '';
  return { title: `Add a "${title}" section`, edits: [insertLinesAt(doc, line, (needsGap ? doc.eol : '') + body)], isPreferred: true, safe: false };
}

const rule: Rule = {
  id: 'missing-section',
  description: 'A section the profile requires is absent.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  check(ctx) {
    const present = new Set(ctx.outline.sections.flatMap((s) => s.covers ?? (s.id ? [s.id] : [])));
    if (!present.has('summary') && openingIsSummary(ctx)) present.add('summary');
    const anchor = documentAnchor(ctx.doc, ctx.outline.title?.line);
    for (const section of ctx.profile.sections) {
      if (!section.required || present.has(section.id)) continue;
      ctx.report({
        message: `Missing section "${section.title}": the "${ctx.profile.name}" profile requires one.`,
        range: anchor,
        data: { section: section.id, profile: ctx.profile.name },
        fixes: [insertionFix(ctx, section.id, section.title)],
      });
    }
  },
};

export default rule;
