import type { Rule } from '../rule';
import type { Block, PostmortemDocument } from '../document';
import type { Section } from '../outline';
import { linesRange } from '../ranges';
import { range, type Range } from '../types';

const MIN_WORDS = 8;

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
}

// Per block object: an unchanged chunk gives the same blocks again (cache.ts placeBlocks), so a
// keystroke normalises only the paragraphs it touched. Undefined: too short to count.
const normalized = new WeakMap<Block, string | undefined>();

function comparable(b: Block): string | undefined {
  if (normalized.has(b)) return normalized.get(b);
  const text = normalize(b.text);
  const value = text.split(' ').length < MIN_WORDS ? undefined : text;
  normalized.set(b, value);
  return value;
}

/**
 * The repeat with the blank line after it, so no double gap is left behind; at the end of the
 * document, with the blank lines before it instead.
 */
function removalRange(doc: PostmortemDocument, b: Block): Range {
  const next = b.endLine + 1;
  const hasMore = doc.lines.slice(next).some((l) => l.trim() !== '');
  if (hasMore) return range(b.startLine, 0, (doc.lines[next] ?? '').trim() === '' ? next + 1 : next, 0);
  let prev = b.startLine - 1;
  while (prev >= 0 && (doc.lines[prev] ?? '').trim() === '') prev--;
  const end = (doc.lines[b.endLine] ?? '').length;
  return prev < 0 ? range(b.startLine, 0, b.endLine, end) : range(prev, (doc.lines[prev] ?? '').length, b.endLine, end);
}

/** The section whose only content is this block: removing the repeat would leave it empty. */
function onlyContentOf(sections: readonly Section[], b: Block): Section | undefined {
  let inner: Section | undefined;
  for (const s of sections) if (s.line <= b.startLine && s.endLine >= b.endLine) inner = s;
  if (!inner || inner.children.length > 0) return undefined;
  return inner.blocks.every((x) => x === b || x.text.trim() === '') ? inner : undefined;
}

const rule: Rule = {
  id: 'duplicate-paragraph',
  description: 'The same paragraph appears more than once.',
  defaultSeverity: 'warning',
  tags: ['content'],
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const seen = new Map<string, Block>();
    for (const b of doc.blocks) {
      if (b.kind !== 'paragraph' || b.boldOnly) continue;
      const text = comparable(b);
      if (text === undefined) continue;
      const first = seen.get(text);
      if (!first) {
        seen.set(text, b);
        continue;
      }
      // Removing a section's only paragraph trades this problem for an empty section: the author
      // has to write that section's own text, so there is no fix to offer.
      const only = onlyContentOf(ctx.outline.sections, b);
      ctx.report({
        message: only
          ? `This paragraph repeats the one on line ${first.startLine + 1}; "${only.title}" needs its own text.`
          : `This paragraph repeats the one on line ${first.startLine + 1}.`,
        range: linesRange(doc, b.startLine, b.endLine),
        data: { firstLine: first.startLine },
        related: [{ range: linesRange(doc, first.startLine, first.endLine), message: 'First occurrence' }],
        fixes: only ? [] : [{ title: 'Remove the repeated paragraph', edits: [{ range: removalRange(doc, b), newText: '' }], isPreferred: true, safe: true }],
      });
    }
  },
};

export default rule;
