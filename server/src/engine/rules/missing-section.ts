import type { Rule, RuleContext } from '../rule';
import { CANONICAL_SECTIONS } from '../profiles';
import { documentAnchor, insertLinesAt } from '../ranges';
import type { Section } from '../outline';
import type { Fix } from '../types';

/** An untitled opening of 20+ words does the job of a summary in many real postmortems. */
function leadIsSummary(ctx: RuleContext): boolean {
  const words = ctx.outline.lead.filter((b) => b.kind === 'paragraph').map((b) => b.text).join(' ').split(/\s+/).filter(Boolean);
  return words.length >= 20;
}

function insertionFix(ctx: RuleContext, id: string, title: string): Fix {
  const { doc, outline, profile } = ctx;
  const order = profile.sections.map((s) => s.id);
  const at = order.indexOf(id);
  const top = outline.sections.filter((s) => s.id && !s.part);
  const before = top.filter((s) => order.indexOf(s.id ?? '') >= 0 && order.indexOf(s.id ?? '') < at).pop();
  const after = top.find((s) => order.indexOf(s.id ?? '') > at);
  const sibling: Section | undefined = before ?? after;
  const level = sibling && sibling.kind === 'heading' ? sibling.level : outline.title ? 2 : 1;
  const line = before ? before.endLine + 1 : after ? after.line : doc.lines.length;
  const scaffold = CANONICAL_SECTIONS.find((c) => c.id === id)?.scaffold ?? '';
  const body = `${'#'.repeat(level)} ${title}\n\n${scaffold}\n\n`.replace(/\n/g, doc.eol);
  const needsGap = line > 0 && line < doc.lines.length && (doc.lines[line - 1] ?? '').trim() !== '';
  return { title: `Add a "${title}" section`, edits: [insertLinesAt(doc, line, (needsGap ? doc.eol : '') + body)], isPreferred: true, safe: false };
}

const rule: Rule = {
  id: 'missing-section',
  description: 'A section the profile requires is absent.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  check(ctx) {
    const present = new Set(ctx.outline.sections.map((s) => s.id).filter((id): id is string => id !== undefined));
    if (!present.has('summary') && leadIsSummary(ctx)) present.add('summary');
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
