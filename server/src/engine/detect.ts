// Decides whether a document is a postmortem (product.md, "Which documents are analysed").
// File globs are checked by the caller; here: front matter, or the document reads like one.
import type { PostmortemDocument } from './document';
import type { Outline } from './outline';

const POSTMORTEM_WORDS = /\b(?:post-?mortems?|incident reports?|outage reports?|incident reviews?|post[- ]incident reviews?|root cause analysis|rca)\b/i;

export function readsLikePostmortem(doc: PostmortemDocument, outline: Outline): boolean {
  const fm = doc.frontMatter;
  if (fm && ['type', 'kind', 'layout', 'category'].some((k) => /^(?:postmortem|post-mortem|incident)$/i.test(String(fm[k] ?? '')))) return true;
  const strong = new Set(outline.sections.filter((s) => s.id && !s.weak && !s.part).map((s) => s.id));
  const all = new Set(outline.sections.filter((s) => s.id).map((s) => s.id));
  const titled = [outline.title?.text, typeof fm?.['title'] === 'string' ? fm['title'] : undefined, ...outline.sections.filter((s) => s.kind === 'heading' && s.level <= 2).map((s) => s.title)]
    .some((t) => t !== undefined && POSTMORTEM_WORDS.test(t));
  return strong.size >= 2 || (strong.size >= 1 && all.size >= 3) || (titled && all.size >= 1);
}
