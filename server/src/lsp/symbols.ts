// Document symbols (the sections as a tree, canonical id as detail) and folding ranges
// (sections, lists, tables, code blocks) from the engine's outline.
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { Analysis, Block, Section } from '../engine';

/** Last line of a section that is not blank, so a fold or symbol does not swallow the gap before the next title. */
function lastContentLine(lines: readonly string[], section: Section): number {
  let end = section.endLine;
  while (end > section.titleEndLine && (lines[end] ?? '').trim() === '') end--;
  return end;
}

function sectionSymbol(lines: readonly string[], section: Section): DocumentSymbol {
  const end = lastContentLine(lines, section);
  return {
    name: section.title || '(untitled section)',
    detail: section.id ?? '',
    kind: SymbolKind.String,
    range: { start: { line: section.line, character: 0 }, end: { line: end, character: (lines[end] ?? '').length } },
    selectionRange: { start: { line: section.line, character: section.startChar }, end: { line: section.line, character: Math.max(section.endChar, section.startChar) } },
    children: section.children.map((child) => sectionSymbol(lines, child)),
  };
}

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  return analysis.outline.sections.filter((s) => !s.parent).map((s) => sectionSymbol(analysis.doc.lines, s));
}

function blockRanges(blocks: readonly Block[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  const tables = new Map<number, { start: number; end: number }>();
  let list: { start: number; end: number } | undefined;
  const closeList = () => {
    if (list && list.end > list.start) out.push({ startLine: list.start, endLine: list.end });
    list = undefined;
  };
  for (const b of blocks) {
    if (b.kind === 'listItem') {
      // Items of one list follow each other; nested items (depth > 0) extend the list.
      if (list && (b.depth > 0 || b.startLine <= list.end + 2)) list.end = Math.max(list.end, b.endLine);
      else {
        closeList();
        list = { start: b.startLine, end: b.endLine };
      }
      continue;
    }
    closeList();
    if (b.kind === 'tableRow' && b.table !== undefined) {
      const t = tables.get(b.table);
      if (t) t.end = b.endLine;
      else tables.set(b.table, { start: b.startLine, end: b.endLine });
    } else if (b.kind === 'code' && b.endLine > b.startLine) {
      out.push({ startLine: b.startLine, endLine: b.endLine });
    } else if (b.kind === 'frontmatter' && b.endLine > b.startLine) {
      out.push({ startLine: b.startLine, endLine: b.endLine, kind: FoldingRangeKind.Region });
    }
  }
  closeList();
  for (const t of tables.values()) if (t.end > t.start) out.push({ startLine: t.start, endLine: t.end });
  return out;
}

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const lines = analysis.doc.lines;
  const sections = analysis.outline.sections
    .map((s) => ({ startLine: s.line, endLine: lastContentLine(lines, s) }))
    .filter((r) => r.endLine > r.startLine);
  return [...sections, ...blockRanges(analysis.doc.blocks)].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
