import type { Rule } from '../rule';
import { normalizeTitle } from '../profiles';
import type { Section } from '../outline';
import { sectionTitleRange } from '../ranges';

function key(s: Section): string | undefined {
  if (s.part || s.kind === 'lead') return undefined;
  return s.id ? `id:${s.id}` : s.kind === 'heading' ? `title:${normalizeTitle(s.title)}` : undefined;
}

const rule: Rule = {
  id: 'duplicate-section',
  description: 'The same section appears twice at the same level.',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: false,
  check(ctx) {
    const seen = new Map<string, Section>();
    for (const s of ctx.outline.sections) {
      const k = key(s);
      if (!k) continue;
      // Siblings only: a "Timeline" per sub-incident is not a duplicate.
      const scoped = `${s.parent ? `${s.parent.line}` : 'root'}|${k}`;
      const first = seen.get(scoped);
      if (!first) {
        seen.set(scoped, s);
        continue;
      }
      ctx.report({
        message: `Section "${s.title}" repeats "${first.title}" (line ${first.line + 1}); merge them into one.`,
        range: sectionTitleRange(s),
        data: { section: s.id ?? null, firstLine: first.line },
        related: [{ range: sectionTitleRange(first), message: 'First occurrence' }],
      });
    }
  },
};

export default rule;
