// Edits that insert the engine's inline directives (see engine/directives.ts) to silence a rule
// on one line, in one section or in the whole file.
import type { Outline, PostmortemDocument, Section, TextEdit } from '../engine';

const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });

function inBlock(doc: PostmortemDocument, line: number, kinds: readonly string[]): boolean {
  return doc.blocks.some((b) => kinds.includes(b.kind) && line >= b.startLine && line <= b.endLine);
}

/**
 * `disable-line` appended to the line itself: a comment line inserted above would split a
 * paragraph, end a table or break a list, and HTML comments are invisible at the end of a line.
 */
export function disableLineEdit(doc: PostmortemDocument, line: number, ruleId: string): TextEdit | undefined {
  if (inBlock(doc, line, ['frontmatter', 'code'])) return undefined;
  const text = doc.lines[line];
  if (text === undefined) return undefined;
  return { range: at(line, text.length), newText: `${text.trim() ? ' ' : ''}<!-- postmortem-disable-line ${ruleId} -->` };
}

function innermostSection(sections: readonly Section[], line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of sections) if (line >= s.line && line <= s.endLine && (!found || s.level >= found.level)) found = s;
  return found;
}

/** `disable` above the section's title, `enable` after its last non-blank line. */
export function disableSectionEdits(doc: PostmortemDocument, outline: Outline, line: number, ruleId: string): { section: Section; edits: TextEdit[] } | undefined {
  const section = innermostSection(outline.sections, line);
  if (!section) return undefined;
  const { eol, lines } = doc;
  let last = section.endLine;
  while (last > section.titleEndLine && (lines[last] ?? '').trim() === '') last--;
  const enable = `<!-- postmortem-enable ${ruleId} -->`;
  const end = last + 1 < lines.length
    ? { range: at(last + 1, 0), newText: enable + eol }
    : { range: at(last, (lines[last] ?? '').length), newText: eol + enable };
  return { section, edits: [{ range: at(section.line, 0), newText: `<!-- postmortem-disable ${ruleId} -->${eol}` }, end] };
}

/** `disable-file` at the top, after front matter (which must open the file) or an HTML doctype. */
export function disableFileEdit(doc: PostmortemDocument, ruleId: string): TextEdit {
  const frontMatter = doc.blocks.find((b) => b.kind === 'frontmatter' && b.startLine === 0);
  let line = frontMatter ? frontMatter.endLine + 1 : 0;
  if (!frontMatter && /^\s*<!doctype/i.test(doc.lines[0] ?? '')) line = 1;
  const comment = `<!-- postmortem-disable-file ${ruleId} -->`;
  if (line >= doc.lines.length) {
    const last = doc.lines.length - 1;
    return { range: at(last, (doc.lines[last] ?? '').length), newText: doc.eol + comment };
  }
  return { range: at(line, 0), newText: comment + doc.eol };
}
