// The server's pure helpers, without a connection: URIs, fix-all diffs, directive edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildOutline, parseDocument, BUILTIN_PROFILES, type TextEdit } from '../../server/src/engine';
import { applyEdits } from '../../server/src/engine/edits';
import { diffEdits, fixUntilStable } from '../../server/src/lsp/fix-all';
import { disableFileEdit, disableLineEdit, disableSectionEdits } from '../../server/src/lsp/directive-edits';
import { folderOf, parseUri, relativeFsPath, relativePath } from '../../server/src/lsp/uri';
import { languageOf } from '../../server/src/lsp/analysis';

test('URIs: paths relative to workspace folders, for any scheme', () => {
  assert.equal(parseUri('file:///C%3A/Work/pm.md')?.path, '/c:/Work/pm.md');
  assert.equal(relativePath('file:///work/repo', 'file:///work/repo/postmortems/a%20b.md'), 'postmortems/a b.md');
  assert.equal(relativePath('file:///work/repo', 'file:///work/repository/a.md'), undefined);
  assert.equal(relativePath('vscode-vfs://github/org/repo', 'vscode-vfs://github/org/repo/incidents/x.md'), 'incidents/x.md');
  assert.equal(folderOf(['file:///work', 'file:///work/repo'], 'file:///work/repo/a.md'), 'file:///work/repo');
  assert.equal(folderOf(['file:///work'], 'untitled:Untitled-1'), undefined);
  assert.equal(relativeFsPath('C:\\work', 'C:\\work\\docs\\pm.md'), 'docs/pm.md');
});

test('language: plain text written in Markdown is Markdown; unknown languages only by extension', () => {
  assert.equal(languageOf('plaintext', '/w/pm.txt', '# Summary\n'), 'markdown');
  assert.equal(languageOf('plaintext', 'Untitled-1', 'Summary\nIt broke.'), 'plaintext');
  assert.equal(languageOf('text', '/w/pm.txt', 'Summary'), 'plaintext');
  assert.equal(languageOf('html', '/w/pm.html', '<h1>x</h1>'), 'html');
  assert.equal(languageOf('unknown', '/w/pm.htm', '<h1>x</h1>'), 'html');
  assert.equal(languageOf('python', '/w/pm.py', '# Summary'), undefined);
});

const positionAt = (text: string) => (offset: number) => TextDocument.create('file:///x', 'markdown', 1, text).positionAt(offset);

test('diffEdits: one edit per changed run of lines; applying them gives the new text', () => {
  const before = 'a\nb\nc\nd\ne\n';
  const after = 'a\nB\nc\nd\nE\nf\n';
  const edits = diffEdits(before, after, positionAt(before));
  assert.deepEqual(edits.map((e) => [e.range.start.line, e.range.end.line, e.newText]), [[1, 2, 'B\n'], [4, 5, 'E\nf\n']]);
  assert.equal(applyEdits(before, edits).text, after);
  assert.deepEqual(diffEdits(before, before, positionAt(before)), []);
  const crlf = 'x\r\ny\r\n';
  assert.equal(applyEdits(crlf, diffEdits(crlf, 'x\r\nz\r\ny\r\n', positionAt(crlf))).text, 'x\r\nz\r\ny\r\n');
});

test('fixUntilStable: whole fixes per pass, overlapping ones on the next pass, until nothing changes', () => {
  const edit = (line: number, from: number, to: number, newText: string): TextEdit => ({ range: { start: { line, character: from }, end: { line, character: to } }, newText });
  const problem = (edits: TextEdit[]) => ({ ruleId: 'r', severity: 'warning' as const, message: '', range: edits[0]?.range ?? edit(0, 0, 0, '').range, fixes: [{ title: 't', edits, safe: true }] });
  // Two fixes touching the same word: the second waits for a re-analysis, which finds it again.
  let analyses = 0;
  const result = fixUntilStable('aaa bbb', [problem([edit(0, 0, 3, 'AAA')]), problem([edit(0, 2, 5, 'XX')])], (text) => {
    analyses++;
    return text.includes('bbb') ? [problem([edit(0, 4, 7, 'BBB')])] : [];
  }, (p) => p.fixes?.[0]);
  assert.equal(result, 'AAA BBB');
  assert.equal(analyses, 2);
});

const md = (text: string) => parseDocument(text, { languageId: 'markdown' });

test('disable edits: at the end of the line, around the section, after front matter or doctype', () => {
  const text = '---\ntitle: x\n---\n# Title\n\n## Timeline\n\n- 10:00 start\n\n## Root Cause\n\nA bug.\n';
  const doc = md(text);
  const outline = buildOutline(doc, BUILTIN_PROFILES['standard']!);
  assert.deepEqual(disableLineEdit(doc, 7, 'r'), { range: { start: { line: 7, character: 13 }, end: { line: 7, character: 13 } }, newText: ' <!-- postmortem-disable-line r -->' });
  assert.equal(disableLineEdit(doc, 1, 'r'), undefined, 'never inside front matter');
  const section = disableSectionEdits(doc, outline, 7, 'r');
  assert.equal(section?.section.title, 'Timeline');
  assert.equal(applyEdits(text, section?.edits ?? []).text, '---\ntitle: x\n---\n# Title\n\n<!-- postmortem-disable r -->\n## Timeline\n\n- 10:00 start\n<!-- postmortem-enable r -->\n\n## Root Cause\n\nA bug.\n');
  assert.equal(applyEdits(text, [disableFileEdit(doc, 'r')]).text.split('\n')[3], '<!-- postmortem-disable-file r -->');
  const html = parseDocument('<!DOCTYPE html>\n<h1>x</h1>', { languageId: 'html' });
  assert.equal(disableFileEdit(html, 'r').range.start.line, 1);
  const noEol = md('# T\n\n## Timeline\n\n- 10:00 start');
  const tail = disableSectionEdits(noEol, buildOutline(noEol, BUILTIN_PROFILES['standard']!), 4, 'r');
  assert.equal(applyEdits('# T\n\n## Timeline\n\n- 10:00 start', tail?.edits ?? []).text, '# T\n\n<!-- postmortem-disable r -->\n## Timeline\n\n- 10:00 start\n<!-- postmortem-enable r -->');
});
