import type { Rule } from '../rule';
import type { PostmortemDocument } from '../document';
import { findPlaceholders } from '../placeholders';
import { codeLines } from '../ranges';
import { range } from '../types';

/**
 * A line with HTML comments blanked out (same length), from the comment state the line before
 * left: hidden notes are not left-in text.
 */
function blankComments(line: string, inComment: boolean): { text: string; inComment: boolean } {
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
  return { text: out, inComment };
}

const NOT_BLANK = /\S/;

/** A template's own note to the author, in a comment: `<!-- Add more timeline items here -->`. */
const TEMPLATE_NOTE = /<!--\s*((?:add|insert|list|put|include)\s+(?:more|additional|other|your|any)\b[^<>]{0,80}?\bhere\b[^<>]{0,20}?)\s*-->/gi;

function templateNotes(doc: PostmortemDocument): { line: number; start: number; end: number; text: string }[] {
  const out: { line: number; start: number; end: number; text: string }[] = [];
  doc.lines.forEach((text, line) => {
    if (!text.includes('<!--')) return;
    TEMPLATE_NOTE.lastIndex = 0;
    for (let m = TEMPLATE_NOTE.exec(text); m; m = TEMPLATE_NOTE.exec(text)) out.push({ line, start: m.index, end: m.index + m[0].length, text: (m[1] ?? '').trim() });
  });
  return out;
}

/** Tables that track status ("DONE" in some row): their "TODO" cells are a status, not a leftover. */
function statusTables(doc: PostmortemDocument): Set<number> {
  const tables = new Set<number>();
  // includes() first: most rows have no DONE, and a regex per row of every table per keystroke adds up.
  for (const b of doc.blocks) if (b.kind === 'tableRow' && b.table !== undefined && b.text.includes('DONE') && /\bDONE\b/.test(b.text)) tables.add(b.table);
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
    // Code and front matter lines (codeLines: the same set, built once per document).
    const skip = codeLines(doc);
    const status = statusTables(doc);
    const statusRows = new Set<number>();
    if (status.size > 0) for (const b of doc.blocks) if (b.kind === 'tableRow' && b.table !== undefined && status.has(b.table)) statusRows.add(b.startLine);
    // A half-known time in a timeline entry ("14:??") is timeline-unparsed's to report. Both sets
    // are made when a placeholder first asks (most keystrokes find none in most lines).
    let unknownTimes: Set<number> | undefined;
    const isUnknownTime = (line: number) => (unknownTimes ??= new Set(ctx.timeline.entries.filter((e) => e.placeholder).map((e) => e.line))).has(line);
    // A heading called "TODO" titles a list of real tasks.
    let todoHeadings: Set<number> | undefined;
    const isTodoHeading = (line: number) => (todoHeadings ??= new Set(doc.blocks.filter((b) => b.kind === 'heading' && /^\s*TODO\s*:?\s*$/.test(b.text)).map((b) => b.startLine))).has(line);
    for (const note of templateNotes(doc)) {
      if (skip.has(note.line)) continue;
      ctx.report({ message: `Template note "${note.text}" left in the text.`, range: range(note.line, note.start, note.line, note.end), data: { placeholder: note.text } });
    }
    const lineText = (line: number) => findPlaceholders(doc.lines[line] as string);
    // Lines are read as they are unless a comment is open or opens on them (no copy of every line per keystroke).
    let inComment = false;
    for (let line = 0; line < doc.lines.length; line++) {
      let text = doc.lines[line] as string;
      if (inComment || text.includes('<!--')) ({ text, inComment } = blankComments(text, inComment));
      if (skip.has(line) || !NOT_BLANK.test(text)) continue;
      // A line without comments is the document's line: its placeholders are kept with it (document.ts perLine).
      const found = text === doc.lines[line] ? doc.perLine('placeholders', line, lineText) : findPlaceholders(text);
      for (const p of found) {
        if (p.text === 'TODO' && (statusRows.has(line) || isTodoHeading(line))) continue;
        if (/^\?+$/.test(p.text) && /\d[:.]$/.test(text.slice(0, p.start)) && isUnknownTime(line)) continue;
        ctx.report({
          message: `Template placeholder "${p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text}" left in the text.`,
          range: range(line, p.start, line, p.end),
          data: { placeholder: p.text },
        });
      }
    }
  },
};

export default rule;
