// Finds the sections of a document. A section title is a heading (ATX, setext or HTML), or a
// line that acts as one: a bold-only line, a bare title line ("Timeline (all times ET)"),
// even in the middle of a paragraph, or a list item that holds only a title.
import type { PostmortemDocument, Block } from './document';
import { matchTitle, type Profile } from './profiles';
import { squash } from './text';

export type SectionKind = 'heading' | 'bold' | 'bare' | 'list' | 'lead';

export interface Section {
  title: string;
  kind: SectionKind;
  level: number;
  /** Canonical or custom section id from the profile, when recognised. */
  id?: string;
  /** A subsection name of its section ("What went well"). */
  part?: boolean;
  /** Recognised only by a name that is common outside postmortems. */
  weak?: boolean;
  /** Line of the title and its columns. */
  line: number;
  startChar: number;
  endChar: number;
  /** Last line of the title (setext headings span two). */
  titleEndLine: number;
  /** Last line of the section, inclusive: up to the next title of the same or a higher level. */
  endLine: number;
  /** Content blocks up to the first subsection. */
  blocks: Block[];
  parent?: Section;
  children: Section[];
}

export interface Outline {
  sections: Section[];
  /** The document title (a lone top-level heading at the top, or front matter `title`). */
  title?: { text: string; line: number };
  /** True when the document uses real headings (so title-like lines are pseudo-headings). */
  hasHeadings: boolean;
  /** Blocks before the first section, after the title. */
  lead: Block[];
}

const MAX_TITLE = 80;

interface Candidate {
  title: string;
  kind: SectionKind;
  level?: number;
  line: number;
  startChar: number;
  endChar: number;
  titleEndLine: number;
  block: Block;
}

function lineTitle(doc: PostmortemDocument, line: number): { text: string; start: number; end: number } {
  const masked = doc.masked(line);
  const text = squash(masked);
  const start = masked.search(/\S/);
  return { text, start: Math.max(0, start), end: masked.trimEnd().length };
}

function candidates(doc: PostmortemDocument, profile: Profile): Candidate[] {
  const out: Candidate[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      const { start, end } = lineTitle(doc, b.startLine);
      out.push({ title: squash(b.text), kind: 'heading', level: b.depth, line: b.startLine, startChar: start, endChar: Math.max(end, start), titleEndLine: b.endLine, block: b });
    } else if (b.kind === 'paragraph' && b.boldOnly && b.startLine === b.endLine) {
      const title = squash(b.text);
      if (title.length <= MAX_TITLE && matchTitle(title, profile, false)) {
        const { start, end } = lineTitle(doc, b.startLine);
        out.push({ title, kind: 'bold', line: b.startLine, startChar: start, endChar: end, titleEndLine: b.endLine, block: b });
      }
    } else if (b.kind === 'paragraph' || b.kind === 'listItem') {
      const lines = b.text.split('\n');
      const count = b.kind === 'listItem' ? 1 : lines.length;
      for (let i = 0; i < count && i <= b.endLine - b.startLine; i++) {
        const title = squash(lines[i] ?? '');
        if (!title || title.length > MAX_TITLE || /[.!?]$/.test(title)) continue;
        if (b.kind === 'listItem' && lines.length > 1) continue;
        if (!matchTitle(title, profile, false)) continue;
        const line = b.startLine + i;
        const { start, end } = lineTitle(doc, line);
        out.push({ title, kind: b.kind === 'listItem' ? 'list' : 'bare', line, startChar: start, endChar: end, titleEndLine: line, block: b });
      }
    }
  }
  return out;
}

function findTitle(doc: PostmortemDocument, cands: Candidate[]): Outline['title'] {
  const headings = cands.filter((c) => c.kind === 'heading');
  const first = headings[0];
  if (first && first.level === 1 && headings.filter((h) => h.level === 1).length === 1) return { text: first.title, line: first.line };
  const fmTitle = doc.frontMatter?.['title'];
  if (typeof fmTitle === 'string') return { text: fmTitle, line: 0 };
  return undefined;
}

export function buildOutline(doc: PostmortemDocument, profile: Profile): Outline {
  const cands = candidates(doc, profile);
  const hasHeadings = cands.some((c) => c.kind === 'heading');
  const title = findTitle(doc, cands);
  const sections: Section[] = [];
  let lastHeading: Section | undefined;
  for (const c of cands) {
    const match = matchTitle(c.title, profile, c.kind === 'heading');
    let level = c.level;
    if (level === undefined) {
      // A title-like line sits beside the nearest recognised heading, or below any other.
      if (!lastHeading) level = title ? 2 : 1;
      else if (lastHeading.id && !(title && lastHeading.line === title.line)) level = lastHeading.level;
      else level = lastHeading.level + 1;
    }
    const section: Section = {
      title: c.title, kind: c.kind, level, id: match?.id, part: match?.part || undefined, weak: match?.weak || undefined,
      line: c.line, startChar: c.startChar, endChar: c.endChar, titleEndLine: c.titleEndLine,
      endLine: doc.lines.length - 1, blocks: [], children: [],
    };
    if (c.kind === 'heading') lastHeading = section;
    sections.push(section);
  }
  nest(sections, doc.lines.length);
  assignBlocks(doc, sections);
  const firstSection = sections.find((s) => !title || s.line !== title.line);
  const lead = doc.blocks.filter((b) => b.kind !== 'frontmatter' && (!title || b.startLine > title.line) && (!firstSection || b.endLine < firstSection.line) && b.kind !== 'heading');
  return { sections, title, hasHeadings, lead };
}

function nest(sections: Section[], lineCount: number): void {
  const stack: Section[] = [];
  for (const s of sections) {
    while (stack.length && (stack[stack.length - 1]?.level ?? 0) >= s.level) {
      const done = stack.pop();
      if (done) done.endLine = s.line - 1;
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      s.parent = parent;
      parent.children.push(s);
    }
    stack.push(s);
  }
  for (const s of stack) s.endLine = lineCount - 1;
}

function assignBlocks(doc: PostmortemDocument, sections: Section[]): void {
  // Content is by lines: a paragraph split by a bare title line belongs to both sections,
  // each reading only its own lines of it (see contentLines).
  for (const s of sections) {
    const from = s.titleEndLine + 1;
    const to = contentEnd(s);
    s.blocks = doc.blocks.filter((b) => b.endLine >= from && b.startLine <= to && !(b.startLine <= s.line && b.endLine === s.titleEndLine && b.kind === 'heading'));
  }
}

/** Last line of a section's own content, before its first subsection. */
export function contentEnd(s: Section): number {
  return s.children[0] ? s.children[0].line - 1 : s.endLine;
}

/** The section's own content lines (0-based, inclusive range). */
export function contentLines(s: Section): [number, number] {
  return [s.titleEndLine + 1, contentEnd(s)];
}
