import type { Rule } from '../rule';
import type { PostmortemDocument } from '../document';
import { findPlaceholders } from '../placeholders';
import { range } from '../types';

/** Each line with HTML comments blanked out (same length): hidden notes are not left-in text. */
function withoutComments(doc: PostmortemDocument): string[] {
  let inComment = false;
  return doc.lines.map((line) => {
    let out = '';
    let at = 0;
    while (at < line.length) {
      if (inComment) {
        const end = line.indexOf('-->', at);
        const stop = end < 0 ? line.length : end + 3;
        out += ' '.repeat(stop - at);
        at = stop;
        inComment = end < 0;
      } else {
        const open = line.indexOf('<!--', at);
        const stop = open < 0 ? line.length : open;
        out += line.slice(at, stop);
        at = stop;
        if (open >= 0) inComment = true;
      }
    }
    return out;
  });
}

/** Tables that track status ("DONE" in some row): their "TODO" cells are a status, not a leftover. */
function statusTables(doc: PostmortemDocument): Set<number> {
  const tables = new Set<number>();
  for (const b of doc.blocks) if (b.kind === 'tableRow' && b.table !== undefined && /\bDONE\b/.test(b.text)) tables.add(b.table);
  return tables;
}

const rule: Rule = {
  id: 'placeholder-text',
  description: 'Template placeholders left in the text (TBD, HH:mm, [Insert …], ??).',
  defaultSeverity: 'warning',
  tags: ['content'],
  fixable: false,
  check(ctx) {
    const { doc } = ctx;
    const skip = new Set<number>();
    for (const b of doc.blocks) if (b.kind === 'code' || b.kind === 'frontmatter') for (let l = b.startLine; l <= b.endLine; l++) skip.add(l);
    const status = statusTables(doc);
    const statusRows = new Set(doc.blocks.filter((b) => b.kind === 'tableRow' && b.table !== undefined && status.has(b.table)).map((b) => b.startLine));
    // A half-known time in a timeline entry ("14:??") is timeline-unparsed's to report.
    const unknownTimes = new Set(ctx.timeline.entries.filter((e) => e.placeholder).map((e) => e.line));
    withoutComments(doc).forEach((text, line) => {
      if (skip.has(line) || !text.trim()) return;
      for (const p of findPlaceholders(text)) {
        if (p.text === 'TODO' && statusRows.has(line)) continue;
        if (unknownTimes.has(line) && /^\?+$/.test(p.text) && /\d[:.]$/.test(text.slice(0, p.start))) continue;
        ctx.report({
          message: `Template placeholder "${p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text}" left in the text.`,
          range: range(line, p.start, line, p.end),
          data: { placeholder: p.text },
        });
      }
    });
  },
};

export default rule;
