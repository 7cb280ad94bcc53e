// Decides whether a document is a postmortem (product.md, "Which documents are analysed").
// File globs are checked by the caller; here: front matter, or the document reads like one.
import type { PostmortemDocument } from './document';
import type { Outline } from './outline';

/** Titles that say "postmortem" (also the common misspelling "posmortem"). */
const POSTMORTEM_TITLE = /\b(?:post?-?mort[ae]m|post[- ]incident|incident (?:reports?|reviews?|analysis|postmortems?)|outage reports?|root cause analysis|rca)\b/i;
/** Titles that name an incident without saying postmortem: need a section to back them. */
const INCIDENT_TITLE = /\b(?:incidents?|outages?|downtime|disclosure|service (?:disruption|interruption|degradation))\b/i;

function titles(doc: PostmortemDocument, outline: Outline): string[] {
  const fm = doc.frontMatter?.['title'];
  const firstLine = doc.lines.find((l, i) => l.trim() !== '' && !(i === 0 && l.trim() === '---'));
  return [
    outline.title?.text, typeof fm === 'string' ? fm : undefined,
    ...outline.sections.filter((s) => s.kind === 'heading' && s.level <= 2).map((s) => s.title),
    // Plain-text postmortems put their title on the first line.
    firstLine && firstLine.trim().length <= 120 ? firstLine : undefined,
  ].filter((t): t is string => t !== undefined);
}

export function readsLikePostmortem(doc: PostmortemDocument, outline: Outline): boolean {
  const fm = doc.frontMatter;
  if (fm && ['type', 'kind', 'layout', 'category'].some((k) => /^(?:postmortem|post-mortem|incident)$/i.test(String(fm[k] ?? '')))) return true;
  const ids = (filter: (s: Outline['sections'][number]) => boolean) => new Set(outline.sections.filter((s) => s.id && filter(s)).flatMap((s) => s.covers ?? [s.id]));
  // A label leading a line ("Impact: high") is weak evidence: changelogs and tickets have those too.
  const strong = ids((s) => !s.weak && !s.part && s.kind !== 'lead');
  const all = ids(() => true);
  const named = titles(doc, outline);
  const postmortemTitle = named.some((t) => POSTMORTEM_TITLE.test(t));
  const incidentTitle = named.some((t) => INCIDENT_TITLE.test(t));
  return strong.size >= 2 || (strong.size >= 1 && all.size >= 3) || (postmortemTitle && all.size >= 1) || (incidentTitle && strong.size >= 1);
}
