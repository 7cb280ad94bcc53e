import type { Rule, RuleContext } from '../rule';
import type { Block } from '../document';
import type { Section } from '../outline';
import { contentLines } from '../outline';
import { lineRange, sectionTitleRange } from '../ranges';
import { range } from '../types';

const OWNER_COLUMN = /\b(?:owners?|assignees?|assigned(?: to)?|responsible|dri|who|lead|team)\b/i;
const EMPTY_OWNER = /^(?:|-+|–|—|\?+|tbd|tba|n\/?a|none|nobody|unassigned|@owner|owner)$/i;
const HAS_OWNER = [
  /(?:^|\s)@[\w.-]+/,
  /\b(?:owners?|assignees?|assigned to|responsible|dri|owned by)\s*[:=–—-]?\s*\S/i,
  /\((?:[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,2}|[\w.-]+@[\w.-]+|team [\w-]+)\)\s*\.?$/,
  /\s[–—-]\s+(?:[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,2})\s*\.?$/,
  /^\s*\[[A-Z][\w'. -]{1,30}\]/,
];
const DONE = /\((?:completed|done|finished|fixed|resolved)\.?\)|\b(?:completed|done)\s*\.?$|^\s*\[x\]/i;

function ownerColumn(header: Block | undefined): number {
  return header?.cells?.findIndex((c) => OWNER_COLUMN.test(c.text)) ?? -1;
}

function checkTables(ctx: RuleContext, blocks: Block[]): boolean {
  const rows = blocks.filter((b) => b.kind === 'tableRow' && b.table !== undefined);
  const tables = new Set(rows.map((r) => r.table));
  let handled = false;
  for (const t of tables) {
    const table = rows.filter((r) => r.table === t);
    const column = ownerColumn(table.find((r) => r.header));
    if (column < 0) continue;
    handled = true;
    for (const row of table) {
      if (row.header) continue;
      const cell = row.cells?.[column];
      if (!cell || !EMPTY_OWNER.test(cell.text.trim())) continue;
      if (row.cells?.every((c) => c.text.trim() === '')) continue;
      const r = cell.text.trim() === '' ? lineRange(ctx.doc, row.startLine) : range(row.startLine, cell.start, row.startLine, cell.end);
      ctx.report({ message: 'This action item has no owner: its owner column is empty.', range: r, data: { reason: 'empty-owner-cell' } });
    }
  }
  return handled;
}

function checkList(ctx: RuleContext, section: Section, items: Block[]): void {
  const open = items.filter((i) => !DONE.test(i.text));
  if (open.length === 0) return;
  const owned = open.filter((i) => HAS_OWNER.some((re) => re.test(i.text.split('\n').join(' '))));
  if (owned.length === 0) {
    ctx.report({
      message: `None of the ${open.length} open action items names an owner.`,
      range: sectionTitleRange(section),
      data: { reason: 'no-owners', count: open.length },
    });
    return;
  }
  for (const item of open) {
    if (owned.includes(item)) continue;
    ctx.report({ message: 'This action item has no owner, unlike the others in this section.', range: lineRange(ctx.doc, item.startLine), data: { reason: 'missing-owner' } });
  }
}

const rule: Rule = {
  id: 'action-item-owner',
  description: 'An action item with no owner.',
  defaultSeverity: 'information',
  tags: ['content'],
  fixable: false,
  check(ctx) {
    for (const section of ctx.outline.sections) {
      if (section.id !== 'action-items' || section.part) continue;
      const [from, to] = contentLines(section);
      const blocks = ctx.doc.blocks.filter((b) => b.startLine >= from && b.endLine <= to);
      if (checkTables(ctx, blocks)) continue;
      const items = blocks.filter((b) => b.kind === 'listItem' && b.depth === Math.min(...blocks.filter((x) => x.kind === 'listItem').map((x) => x.depth)));
      if (items.length > 0) checkList(ctx, section, items);
    }
  },
};

export default rule;
