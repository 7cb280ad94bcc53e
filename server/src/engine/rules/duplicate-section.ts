import type { Rule } from '../rule';
import type { Section } from '../outline';
import { sectionTitleRange } from '../ranges';
import { squash } from '../text';

/**
 * What makes two sections the same: the canonical id, or for unrecognised headings the whole
 * title. Parts ("What went well"), labels leading a line and list-item titles are never
 * compared: they are pieces of a section, not sections.
 */
function keys(s: Section): string[] {
  if (s.part || s.kind === 'lead' || s.kind === 'list') return [];
  if (s.id) return (s.covers ?? [s.id]).map((id) => `id:${id}`);
  return s.kind === 'heading' ? [`title:${squash(s.title).toLowerCase().replace(/[\s:.]+$/, '')}`] : [];
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
      // Siblings only: a "Timeline" per sub-incident is not a duplicate.
      const scope = s.parent ? `${s.parent.line}` : 'root';
      const scoped = keys(s).map((k) => `${scope}|${k}`);
      const first = scoped.map((k) => seen.get(k)).find((f) => f !== undefined);
      for (const k of scoped) if (!seen.has(k)) seen.set(k, s);
      if (!first) continue;
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
