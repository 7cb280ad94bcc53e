// Finds the sections of a document. A section title is a heading (ATX, setext or HTML), or a
// line that acts as one: a bold-only line, a bare title line ("Timeline (all times ET)"),
// even in the middle of a paragraph, a list item that holds only a title, or the label that
// leads a line ("Root cause: a bad config push").
import type { PostmortemDocument, Block } from './document';
import { matchTitle, normalizeTitle, type Profile, type TitleMatch } from './profiles';
import { squash } from './text';
import { blocksOverlapping, LINE_MEMO_CAPACITY, memoPerObject, StringMemo } from './cache';

/** `lead`: a label followed by text on the same line; the section's content starts on that line. */
export type SectionKind = 'heading' | 'bold' | 'bare' | 'list' | 'lead';

export interface Section {
  title: string;
  kind: SectionKind;
  level: number;
  /** Canonical or custom section id from the profile, when recognised. */
  id?: string;
  /** Every section id the title names: "Root Cause and Resolution" covers two. */
  covers?: string[];
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
const MAX_LABEL = 60;

interface Candidate {
  title: string;
  kind: SectionKind;
  level?: number;
  line: number;
  startChar: number;
  endChar: number;
  titleEndLine: number;
  block: Block;
  match?: SectionMatch;
}

interface SectionMatch extends TitleMatch {
  covers: string[];
}

const COMPOUND = /\s*(?:\band\b|&|\/|\+|,)\s*/;

/**
 * Recognises a title, including compound ones ("Root Cause and Resolution") whose every part
 * names a section: such a title covers all of them.
 */
export function matchSection(title: string, profile: Profile, loose: boolean): SectionMatch | undefined {
  const whole = matchTitle(title, profile, loose);
  const parts = normalizeTitle(title).split(COMPOUND).filter(Boolean);
  const partMatches = parts.length > 1 ? parts.map((p) => matchTitle(p, profile, false)) : [];
  const allParts = partMatches.length > 1 && partMatches.every((m) => m !== undefined);
  if (!whole && !allParts) return undefined;
  const covers = new Set<string>();
  if (whole) covers.add(whole.id);
  if (allParts) for (const m of partMatches) if (m) covers.add(m.id);
  if (whole) return { ...whole, covers: [...covers] };
  const first = partMatches[0] as TitleMatch;
  return { id: first.id, part: false, weak: partMatches.every((m) => m?.weak), covers: [...covers] };
}

// Every paragraph and list line is tried as a title on every analysis: memoised per profile and
// text (issue 7). Results are frozen and shared.
const matchLineTitle = memoPerObject((title: string, profile: Profile) => matchSection(title, profile, false), 20_000);

function lineSpan(doc: PostmortemDocument, line: number): { text: string; start: number; end: number } {
  return LINE_SPANS.get(doc.masked(line));
}

// Memoised by masked line (issue 7): every paragraph and list line is measured on every analysis.
const LINE_SPANS = new StringMemo(spanOf, LINE_MEMO_CAPACITY, { ownKeys: true });

function spanOf(masked: string): { text: string; start: number; end: number } {
  const start = masked.search(/\S/);
  // Masked markup leaves gaps: "**Impact**:" reads "Impact :".
  return { text: squash(masked).replace(/\s+:$/, ':'), start: Math.max(0, start), end: masked.trimEnd().length };
}

/** What a line reads as a title: a label leading it, or the whole line. Depends on its masked text only. */
interface LineTitle {
  lead: boolean;
  title: string;
  start: number;
  end: number;
  match: SectionMatch;
}

/** A line starting with a recognised label and a colon, followed by text. */
function leadTitle(masked: string, profile: Profile): LineTitle | undefined {
  // The label starts at the first non-space: with `[^:]` free to match spaces too, a line of
  // thousands of leading spaces (a masked `>>>>…`) backtracked for seconds.
  const m = /^(\s*)([^:\s][^:]{0,59}?)\s*:\s*(\S.*)$/.exec(masked);
  if (!m?.[2] || m[2].trim().length > MAX_LABEL) return undefined;
  const label = squash(m[2]);
  const match = matchLineTitle(label, profile);
  if (!match) return undefined;
  const start = (m[1] ?? '').length;
  return { lead: true, title: label, start, end: start + m[2].trimEnd().length, match };
}

/** A line that holds only a recognised title, or starts with a label. */
function lineTitleUncached(masked: string, profile: Profile): LineTitle | null {
  const lead = leadTitle(masked, profile);
  if (lead) return lead;
  const { text, start, end } = LINE_SPANS.get(masked);
  if (!text || text.length > MAX_TITLE || /[.!?]$/.test(text)) return null;
  const match = matchLineTitle(text, profile);
  return match ? { lead: false, title: text, start, end, match } : null;
}

// Every paragraph and list line is read as a title on every analysis: memoised per profile and
// masked line (issue 7). `null` for none: a memo keeps no undefined.
const lineTitle = memoPerObject(lineTitleUncached, LINE_MEMO_CAPACITY);

function titleLineCandidate(doc: PostmortemDocument, profile: Profile, line: number, block: Block, kind: 'bare' | 'list' | 'bold'): Candidate | undefined {
  const t = lineTitle(doc.masked(line), profile);
  if (!t) return undefined;
  return { title: t.title, kind: t.lead ? 'lead' : kind, line, startChar: t.start, endChar: t.end, titleEndLine: line, block, match: t.match };
}

/** Lines of a list item written at the margin belong to it (lazy continuation) but read as their own lines. */
function isLazyLine(raw: string): boolean {
  return /^\S/.test(raw) && !/^(?:[-*+]|\d{1,9}[.)])(?:\s|$)/.test(raw);
}

/** A title line glued to the text under it ("**Impact:**" then its text) labels that text. */
function asLabel(c: Candidate): Candidate {
  return /:$/.test(c.title) ? { ...c, kind: 'lead', title: c.title.replace(/\s*:$/, '') } : c;
}

/** A list item is a title only when it says so (a trailing colon) or holds a nested list. */
function listTitle(doc: PostmortemDocument, b: Block, c: Candidate): boolean {
  if (c.kind === 'lead') return true;
  if (b.text.split('\n').length > 1) return false;
  const next = doc.blocks[doc.blocks.indexOf(b) + 1];
  return /:$/.test(c.title) || (next?.kind === 'listItem' && next.depth > b.depth);
}

function candidates(doc: PostmortemDocument, profile: Profile): Candidate[] {
  const out: Candidate[] = [];
  const hasHeadings = doc.blocks.some((b) => b.kind === 'heading');
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      const { start, end } = lineSpan(doc, b.startLine);
      out.push({ title: squash(b.text), kind: 'heading', level: b.depth, line: b.startLine, startChar: start, endChar: Math.max(end, start), titleEndLine: b.endLine, block: b });
    } else if (b.kind === 'paragraph') {
      const single = b.boldOnly && b.startLine === b.endLine;
      for (let line = b.startLine; line <= b.endLine; line++) {
        const c = titleLineCandidate(doc, profile, line, b, single ? 'bold' : 'bare');
        if (!c) continue;
        out.push(hasHeadings && line < b.endLine && c.kind !== 'lead' ? asLabel(c) : c);
      }
    } else if (b.kind === 'listItem') {
      const first = titleLineCandidate(doc, profile, b.startLine, b, 'list');
      // "- **Resolution**:" with its text on the lines below labels that text.
      if (first && first.kind !== 'lead' && b.text.split('\n').length > 1 && /:$/.test(first.title)) out.push(asLabel(first));
      else if (first && listTitle(doc, b, first)) out.push(first);
      for (let line = b.startLine + 1; line <= b.endLine; line++) {
        if (!isLazyLine(doc.lines[line] ?? '')) continue;
        const c = titleLineCandidate(doc, profile, line, b, 'bare');
        if (c) out.push(c);
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

function toSection(c: Candidate, level: number, lastLine: number): Section {
  const m = c.match;
  return {
    title: c.title, kind: c.kind, level, id: m?.id, covers: m ? m.covers : undefined, part: m?.part || undefined, weak: m?.weak || undefined,
    line: c.line, startChar: c.startChar, endChar: c.endChar, titleEndLine: c.titleEndLine,
    endLine: lastLine, blocks: [], children: [],
  };
}

function covering(s: Section, id: string): boolean {
  return s.covers?.includes(id) ?? s.id === id;
}

/** Builds the section tree in one pass: each title closes the open sections it cannot sit in. */
class Nesting {
  readonly sections: Section[] = [];
  private readonly stack: Section[] = [];
  /** Title lines placed as labels inside the current section: siblings of each other, never containers. */
  private readonly labels = new Set<Section>();
  private placedAsLabel = false;
  /** The list item of each list-kind section, to tell its siblings from its children. */
  private readonly blockOf = new Map<Section, Block>();

  /**
   * `namedElsewhere`: ids that a real heading or a compound title stands for. `fieldBefore`:
   * whether an unrecognised bold label ("**Duration:**") sits between two lines.
   */
  constructor(
    private readonly lastLine: number, private readonly titleLine: number | undefined, private readonly base: number,
    private readonly namedElsewhere: Map<string, number[]>, private readonly fieldBefore: (from: number, to: number) => boolean,
  ) {}

  private top(): Section | undefined {
    return this.stack[this.stack.length - 1];
  }

  private heading(): Section | undefined {
    return [...this.stack].reverse().find((s) => s.kind === 'heading');
  }

  private closeTo(level: number, line: number): void {
    while ((this.top()?.level ?? 0) >= level) {
      const done = this.stack.pop();
      if (done) done.endLine = line - 1;
    }
  }

  /** List sections end at the next item of their list (or an outer one), and at any other title. */
  private closeLists(c: Candidate): void {
    for (let top = this.top(); top?.kind === 'list'; top = this.top()) {
      const item = this.blockOf.get(top);
      if (c.block.kind === 'listItem' && c.kind !== 'heading' && item && c.block.depth > item.depth) return;
      this.stack.pop();
      top.endLine = c.line - 1;
    }
  }

  /** The open section that names this title's section, looking no further out than the innermost heading. */
  private container(c: Candidate, id: string): Section | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const s = this.stack[i] as Section;
      const canHold = s.kind !== 'lead' && !s.part && (s.kind === 'heading' || (s.covers?.length ?? 0) > 1 || c.match?.part === true);
      if (canHold && covering(s, id)) return s;
      if (s.kind === 'heading') return undefined;
    }
    return undefined;
  }

  /** Where a title-like line goes (see the comment on `add`). */
  private levelOf(c: Candidate): number {
    const id = c.match?.id;
    const innermost = [...this.stack].reverse().find((s) => s.kind !== 'lead' && !this.labels.has(s));
    if (c.kind === 'lead' || (c.kind === 'list' && innermost?.kind === 'list')) return (innermost?.level ?? this.base) + 1;
    const heading = this.heading();
    if (id) {
      const container = this.container(c, id);
      if (container) return container.level + 1;
      const compound = (c.match?.covers.length ?? 0) > 1;
      if (!compound && (this.namedElsewhere.get(id) ?? []).some((line) => line !== c.line)) {
        this.placedAsLabel = true;
        return (innermost?.level ?? this.base) + 1;
      }
    }
    if (heading?.id && heading.line !== this.titleLine) {
      // "**Impact:**" after "**Duration:**" under "## Issue Summary": one more field of the
      // summary, not a section beside it.
      if (/:$/.test(c.title) && this.fieldBefore(heading.line + 1, c.line - 1)) {
        this.placedAsLabel = true;
        return (innermost?.level ?? this.base) + 1;
      }
      return heading.level;
    }
    return (heading?.level ?? this.base) + 1;
  }

  /**
   * A title-like line nests inside the section that names it ("Root Cause:" under "Root Cause and
   * Resolution"), or, when a real heading or a compound title elsewhere is that section, it is a
   * label inside the current one; otherwise it stands in for a heading: beside the recognised heading above it,
   * or below any other. A lead label is always inside the current section.
   */
  add(c: Candidate): void {
    this.closeLists(c);
    this.placedAsLabel = false;
    const level = c.kind === 'heading' ? (c.level ?? 1) : this.levelOf(c);
    this.closeTo(level, c.line);
    const section = toSection(c, level, this.lastLine);
    const parent = this.top();
    if (parent) {
      section.parent = parent;
      parent.children.push(section);
    }
    if (c.kind === 'list') this.blockOf.set(section, c.block);
    if (this.placedAsLabel) this.labels.add(section);
    this.stack.push(section);
    this.sections.push(section);
  }
}

/** The text of a bold label that ends in a colon: "**Duration:**", "**Impact**:". */
const FIELD_LABEL = /^[^:\n]{1,60}:\s*$/;

export function buildOutline(doc: PostmortemDocument, profile: Profile): Outline {
  const cands = candidates(doc, profile);
  for (const c of cands) if (c.kind === 'heading') c.match = matchSection(c.title, profile, true);
  const hasHeadings = cands.some((c) => c.kind === 'heading');
  const title = findTitle(doc, cands);
  const namedElsewhere = new Map<string, number[]>();
  for (const c of cands) {
    if (c.kind !== 'heading' && (c.match?.covers.length ?? 0) < 2) continue;
    // A heading for a part ("Improvements") names a piece of its section, not the section.
    if (c.match?.part) continue;
    for (const id of c.match?.covers ?? []) namedElsewhere.set(id, [...(namedElsewhere.get(id) ?? []), c.line]);
  }
  const base = title && !cands.some((c) => c.kind === 'heading' && c.line === title.line) ? 1 : 0;
  // Asked only for a bold label under a recognised heading: the set of title lines is built then.
  let titled: Set<number> | undefined;
  const fieldBefore = (from: number, to: number) => from <= to && blocksOverlapping(doc.blocks, from, to).some((b) => {
    if (b.kind !== 'paragraph' || !b.boldOnly || b.startLine < from || b.startLine !== b.endLine || !FIELD_LABEL.test(b.text)) return false;
    titled ??= new Set(cands.map((c) => c.line));
    return !titled.has(b.startLine);
  });
  const nesting = new Nesting(doc.lines.length - 1, title?.line, base, namedElsewhere, fieldBefore);
  for (const c of cands) nesting.add(c);
  const sections = nesting.sections;
  assignBlocks(doc, sections);
  const firstSection = sections.find((s) => !title || s.line !== title.line);
  const lead = doc.blocks.filter((b) => b.kind !== 'frontmatter' && (!title || b.startLine > title.line) && (!firstSection || b.endLine < firstSection.line) && b.kind !== 'heading');
  return { sections, title, hasHeadings, lead };
}

function assignBlocks(doc: PostmortemDocument, sections: Section[]): void {
  // Content is by lines: a paragraph split by a bare title line belongs to both sections,
  // each reading only its own lines of it (see contentLines).
  for (const s of sections) {
    const from = s.titleEndLine + 1;
    const to = contentEnd(s);
    // blocksOverlapping: the blocks with endLine >= from && startLine <= to, by binary search (issue 7: was quadratic).
    s.blocks = blocksOverlapping(doc.blocks, from, to).filter((b) => !(b.startLine <= s.line && b.endLine === s.titleEndLine && b.kind === 'heading'));
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
