// The reference for parse/events.ts: flattens a remark (mdast) tree into blocks, as the engine
// did before it read micromark's events itself (issue 7). Positions are relative to the parsed
// text. Tests compare the two on real, generated and random documents.
import type { Nodes, Parents, Root, RootContent, ListItem, Table } from 'mdast';
import { decodeEntities } from '../../../server/src/engine/text';
import type { Block } from '../../../server/src/engine/parse/block';
import { htmlBlocks, htmlText, INITIAL_HTML_STATE, type HtmlState } from '../../../server/src/engine/parse/html';

/** Deeper nesting than this is read as plain text: it guards the recursion below. */
const MAX_DEPTH = 64;

interface Walk {
  blocks: Block[];
  lines: string[];
  html: HtmlState;
  tables: number;
}

export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
      return htmlText(node.value);
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : '';
  }
}

function lineOf(node: Nodes): [number, number] {
  return [(node.position?.start.line ?? 1) - 1, (node.position?.end.line ?? 1) - 1];
}

function isBoldOnly(node: Parents): boolean {
  const kids = node.children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(c.value)));
  return kids.length === 1 && kids[0]?.type === 'strong';
}

/**
 * `html` is the HTML reading state where the tree starts (an open `<!--`, `<ul>` or `<script>`
 * of an earlier chunk carries on); the state where it ends is returned with the blocks.
 */
export function mdastToBlocks(root: Root, lines: string[], tableBase: number, html: Readonly<HtmlState> = INITIAL_HTML_STATE): { blocks: Block[]; tables: number; html: HtmlState } {
  const walk: Walk = { blocks: [], lines, html: { ...html }, tables: tableBase };
  for (const child of root.children) visit(walk, child, 0, false);
  return { blocks: walk.blocks, tables: walk.tables, html: walk.html };
}

function visit(w: Walk, node: RootContent, depth: number, quoted: boolean): void {
  const [start, end] = lineOf(node);
  const q = quoted || undefined;
  if (depth > MAX_DEPTH) {
    w.blocks.push({ kind: 'paragraph', startLine: start, endLine: end, depth: 0, text: plainText(node), quoted: q });
    return;
  }
  switch (node.type) {
    case 'heading': {
      const setext = end > start || !/^\s{0,3}(?:>\s*)*#/.test(w.lines[start] ?? '');
      w.blocks.push({ kind: 'heading', startLine: start, endLine: end, depth: node.depth, text: decodeEntities(plainText(node)).trim(), quoted: q, setext: setext || undefined });
      return;
    }
    case 'paragraph':
      w.blocks.push({ kind: 'paragraph', startLine: start, endLine: end, depth: 0, text: plainText(node), quoted: q, boldOnly: isBoldOnly(node) || undefined });
      return;
    case 'list':
      for (const item of node.children) visitItem(w, item, depth, quoted, node.ordered ?? false);
      return;
    case 'table':
      visitTable(w, node, quoted);
      return;
    case 'code':
      w.blocks.push({ kind: 'code', startLine: start, endLine: end, depth: 0, text: node.value, quoted: q, lang: node.lang ?? undefined });
      return;
    case 'html':
      w.blocks.push(...htmlBlocks(w.lines.slice(start, end + 1), start, w.html, quoted));
      return;
    case 'blockquote':
      for (const child of node.children) visit(w, child, depth + 1, true);
      return;
    case 'thematicBreak':
      w.blocks.push({ kind: 'thematicBreak', startLine: start, endLine: end, depth: 0, text: '' });
      return;
    case 'yaml':
      w.blocks.push({ kind: 'frontmatter', startLine: start, endLine: end, depth: 0, text: node.value });
      return;
    case 'definition':
    case 'footnoteDefinition':
      w.blocks.push({ kind: 'definition', startLine: start, endLine: end, depth: 0, text: '' });
      return;
    default:
      return;
  }
}

function visitItem(w: Walk, item: ListItem, depth: number, quoted: boolean, ordered: boolean): void {
  const [start, end] = lineOf(item);
  const own: string[] = [];
  let ownEnd = start;
  const rest: RootContent[] = [];
  for (const child of item.children) {
    if (rest.length === 0 && (child.type === 'paragraph' || child.type === 'heading')) {
      own.push(plainText(child));
      ownEnd = lineOf(child)[1];
    } else rest.push(child);
  }
  w.blocks.push({ kind: 'listItem', startLine: start, endLine: rest.length ? ownEnd : end, depth, text: own.join('\n'), quoted: quoted || undefined, ordered: ordered || undefined });
  for (const child of rest) visit(w, child, depth + 1, quoted);
}

function visitTable(w: Walk, table: Table, quoted: boolean): void {
  const id = w.tables++;
  table.children.forEach((row, index) => {
    const [start, end] = lineOf(row);
    const cells = row.children.map((cell) => ({
      text: decodeEntities(plainText(cell)).trim(),
      start: (cell.position?.start.column ?? 1) - 1,
      end: (cell.position?.end.column ?? 1) - 1,
    }));
    w.blocks.push({
      kind: 'tableRow', startLine: start, endLine: end, depth: 0, quoted: quoted || undefined,
      text: cells.map((c) => c.text).join(' | '), cells, header: index === 0 || undefined, table: id,
    });
  });
}
