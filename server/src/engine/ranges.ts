// Small helpers that turn document lines into ranges.
import type { PostmortemDocument } from './document';
import type { Section } from './outline';
import { range, type Range } from './types';

/** The non-blank part of a line. */
export function lineRange(doc: PostmortemDocument, line: number): Range {
  const text = doc.lines[line] ?? '';
  const start = text.search(/\S/);
  return range(line, Math.max(0, start), line, text.trimEnd().length);
}

/** From the first non-blank character of `from` to the end of `to`. */
export function linesRange(doc: PostmortemDocument, from: number, to: number): Range {
  const first = lineRange(doc, from);
  return range(from, first.start.character, to, (doc.lines[to] ?? '').trimEnd().length);
}

export function sectionTitleRange(s: Section): Range {
  return range(s.line, s.startChar, s.line, Math.max(s.endChar, s.startChar));
}

/** Where a document's "whole file" problems go: its title, else its first non-blank line. */
export function documentAnchor(doc: PostmortemDocument, titleLine: number | undefined): Range {
  if (titleLine !== undefined) return lineRange(doc, titleLine);
  const first = doc.lines.findIndex((l, i) => l.trim() !== '' && !(i === 0 && l.trim() === '---'));
  return lineRange(doc, Math.max(0, first));
}

/** Inserting whole lines before `line` (or at the end when line === lines.length). */
export function insertLinesAt(doc: PostmortemDocument, line: number, text: string): { range: Range; newText: string } {
  if (line >= doc.lines.length) {
    const last = doc.lines.length - 1;
    const end = (doc.lines[last] ?? '').length;
    const prefix = (doc.lines[last] ?? '').trim() === '' ? '' : doc.eol;
    return { range: range(last, end, last, end), newText: prefix + text.replace(/\n$/, '') + doc.eol };
  }
  return { range: range(line, 0, line, 0), newText: text };
}

const codeLineCache = new WeakMap<PostmortemDocument, Set<number>>();

/** Lines inside fenced/indented code or front matter: not prose, not timeline text. */
export function codeLines(doc: PostmortemDocument): Set<number> {
  let set = codeLineCache.get(doc);
  if (!set) {
    set = new Set<number>();
    for (const b of doc.blocks) if (b.kind === 'code' || b.kind === 'frontmatter') for (let l = b.startLine; l <= b.endLine; l++) set.add(l);
    codeLineCache.set(doc, set);
  }
  return set;
}
