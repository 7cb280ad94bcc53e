import type { Rule, RuleContext } from '../rule';
import type { Block } from '../document';
import type { Section } from '../outline';
import { lineRange, sectionTitleRange } from '../ranges';
import { range } from '../types';
import { blocksOverlapping } from '../cache';

const OWNER_COLUMN = /\b(?:owners?|assignees?|assigned(?: to)?|responsible|dri|who|lead|team)\b/i;
const EMPTY_OWNER = /^(?:|-+|–|—|\?+|tbd|tba|n\/?a|none|nobody|unassigned|@owner|owner)$/i;
const STATUS_WORDS = /^(?:accomplished|completed?|done|finished|fixed|resolved|ongoing|in progress|planned|wip|todo|pending|open|closed|implemented|shipped|merged|optional)\.?$/i;
const HAS_OWNER = [
  /(?:^|\s)@[\w.-]+/,
  /\b(?:owners?|assignees?|dri|responsible)\s*[:=]\s*\S/i,
  /\b(?:assigned to|owned by)\s+\S/i,
  /\s[–—-]\s+(?:[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,2})\s*\.?$/,
  /^\s*\[[A-Z][\w'. -]{1,30}\]/,
  // "Have a talk with Rune/Platform": the item names the people who take it up.
  /\b(?:talk|meet|meeting|sync|align|check in)\s+with\s+(?!(?:The|A|An|All|Any|Our|Your)\b)[A-Z][\w'.-]*/,
];
/** "(Jane Doe)" or "(team-sre)" at the end of an item, but not a status such as "(Completed.)". */
const PAREN_OWNER = /\(((?:[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,2})|[\w.-]+@[\w.-]+|team [\w-]+)\)\s*\.?$/;
const DONE = /\((?:completed?|done|finished|fixed|resolved|accomplished|implemented|shipped)\.?\)|\b(?:completed|done)\s*\.?$/i;
/** A checked task-list item: `- [x] …`. */
const CHECKED = /^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+\[[xX]\]/;
/** A subsection of finished work: "Immediate actions (completed)". */
const DONE_SECTION = /\b(?:completed|done|finished)\b/i;
/** "Hypha + ICL: write the blog post": a name or team leading the item. */
const PREFIX = /^\s*([A-Z][\w.'-]*(?:\s*(?:\+|&|,|and)?\s*[A-Z][\w.'-]*){0,3})\s*:\s+\S/;
/** "ICL to build 22.0.3", "Hypha will run the tests": a name or team as the subject of the item. */
const SUBJECT = /^\s*([A-Z][A-Za-z.'-]*|[A-Z]{2,}(?:\s*[+&]\s*[A-Z]{2,})*)\s+(?:will|to|should|must|shall|is going to)\s+\S|^\s*([A-Z]{2,})\s+[a-z]/;

/** Subjects that name no one: "We should …", "Someone will …". */
const NOBODY = /^(?:we|i|you|they|it|this|that|these|someone|somebody|everyone|everybody|anyone|nobody|one|us|our)$/i;

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

function ownerInText(text: string): boolean {
  if (HAS_OWNER.some((re) => re.test(text))) return true;
  const paren = PAREN_OWNER.exec(text);
  return paren?.[1] !== undefined && !STATUS_WORDS.test(paren[1]);
}

/** Items led by the same few names ("Hypha: …", "ICL to …") name their owners that way. */
function prefixOwners(items: Block[]): Set<Block> {
  const prefixes = items.map((i) => {
    const subject = SUBJECT.exec(i.text);
    const name = PREFIX.exec(i.text)?.[1] ?? subject?.[1] ?? subject?.[2];
    // "We should add alerting": a pronoun is nobody in particular.
    return name !== undefined && NOBODY.test(name) ? undefined : name;
  });
  const distinct = new Set(prefixes.filter((p): p is string => p !== undefined));
  const led = prefixes.filter((p) => p !== undefined).length;
  if (led < 2 || distinct.size >= led) return new Set();
  return new Set(items.filter((_, i) => prefixes[i] !== undefined));
}

function isDone(ctx: RuleContext, section: Section, item: Block): boolean {
  if (DONE.test(item.text) || CHECKED.test(ctx.doc.lines[item.startLine] ?? '')) return true;
  const inside = ctx.outline.sections.filter((s) => s !== section && s.line < item.startLine && s.endLine >= item.startLine && s.line > section.line);
  return inside.some((s) => DONE_SECTION.test(s.title) && !/\bor\b|\bin progress\b/i.test(s.title));
}

function checkList(ctx: RuleContext, section: Section, items: Block[]): void {
  const open = items.filter((i) => !isDone(ctx, section, i));
  if (open.length === 0) return;
  const byPrefix = prefixOwners(open);
  const owned = open.filter((i) => byPrefix.has(i) || ownerInText(i.text.split('\n').join(' ')));
  if (owned.length === 0) {
    ctx.report({
      message: open.length === 1 ? 'The open action item names no owner.' : `None of the ${open.length} open action items names an owner.`,
      range: sectionTitleRange(section),
      // The items the report speaks for (0-based lines): it stands for one finding per item.
      data: { reason: 'no-owners', count: open.length, items: open.map((i) => i.startLine) },
    });
    return;
  }
  for (const item of open) {
    if (owned.includes(item)) continue;
    ctx.report({ message: 'This action item has no owner, unlike the others in this section.', range: lineRange(ctx.doc, item.startLine), data: { reason: 'missing-owner' } });
  }
}

/** List items that are action items: not the titles of subsections ("Tasks:") that hold them. */
function actionItems(ctx: RuleContext, blocks: Block[]): Block[] {
  const titles = new Set(ctx.outline.sections.filter((s) => s.kind === 'list').map((s) => s.line));
  const items = blocks.filter((b) => b.kind === 'listItem' && !titles.has(b.startLine) && !/:\s*$/.test(b.text));
  const depth = Math.min(...items.map((b) => b.depth));
  return items.filter((b) => b.depth === depth);
}

const rule: Rule = {
  id: 'action-item-owner',
  description: 'An action item with no owner.',
  defaultSeverity: 'information',
  tags: ['content'],
  fixable: false,
  check(ctx) {
    for (const section of ctx.outline.sections) {
      if (section.id !== 'action-items') continue;
      // One check per action-items section, subsections ("Tasks:", "Improvements") included.
      let outer = section.parent;
      while (outer && outer.id !== 'action-items') outer = outer.parent;
      if (outer) continue;
      const from = section.titleEndLine + 1;
      // Indexed (cache.ts): a scan of every block per section was quadratic in long documents.
      const blocks = blocksOverlapping(ctx.doc.blocks, from, section.endLine).filter((b) => b.startLine >= from && b.endLine <= section.endLine);
      if (checkTables(ctx, blocks)) continue;
      const items = actionItems(ctx, blocks);
      if (items.length > 0) checkList(ctx, section, items);
    }
  },
};

export default rule;
