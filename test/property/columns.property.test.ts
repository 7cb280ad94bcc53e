// Columns are UTF-16 code units, as LSP counts them: a problem's range points at exactly the
// text it reports, whatever wide, combined or case-changing characters come before it on the
// line (emoji are 2 units, CJK 1, combining marks 1 each; 'İ'.toLowerCase() is 2 units long),
// with LF, CRLF or CR line endings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type Problem } from '../../server/src/engine';
import { corpusPresent, loadCorpus, params } from './arbitraries';
import { lspLines } from './invariants';

const WIDE = ['😀', '👩🏽‍💻', '🇯🇵', '𝄞', '事故', '時間', 'é', 'e\u0301', 'n\u0303\u0323', 'İ', 'ß', 'ﬁ', 'Σ', ' ', ' ', 'word', '—', '\u00A0', '\u200B'];
const PLACEHOLDERS = ['TBD', 'TODO', 'HH:mm', 'XX:XX', '??', '[Insert the date]', '{{owner}}', 'YYYY-MM-DD'];

const prefix = fc.array(fc.constantFrom(...WIDE), { maxLength: 12 }).map((a) => `Note ${a.join('')} `);
const suffix = fc.array(fc.constantFrom(...WIDE), { maxLength: 6 }).map((a) => ` ${a.join('')} end`);

function doc(line: string, eol: string): { text: string; line: number } {
  const lines = ['# Postmortem: payments outage', '', '## Summary', '', line, '', '## Timeline', '', '- 10:00 UTC alert fired', '- 10:30 UTC resolved', '', '## Root Cause', '', 'A bad deploy.', ''];
  return { text: lines.join(eol), line: 4 };
}

const slice = (text: string, p: Problem) => (lspLines(text)[p.range.start.line] ?? '').slice(p.range.start.character, p.range.end.character);

describe('columns are UTF-16 code units', () => {
  test('a placeholder after emoji, CJK and combining marks is reported at its exact columns', () => {
    fc.assert(fc.property(prefix, fc.constantFrom(...PLACEHOLDERS), suffix, fc.constantFrom('\n', '\r\n', '\r'), (pre, placeholder, post, eol) => {
      const { text, line } = doc(pre + placeholder + post, eol);
      const found = analyze(text, { force: true }).problems.filter((p) => p.ruleId === 'placeholder-text' && p.range.start.line === line);
      assert.equal(found.length, 1, `one placeholder on ${JSON.stringify(pre + placeholder + post)}`);
      const p = found[0] as Problem;
      assert.deepEqual(p.range, { start: { line, character: pre.length }, end: { line, character: pre.length + placeholder.length } });
      assert.equal(slice(text, p), placeholder);
    }), params(200));
  });

  test('inserting an emoji before a placeholder shifts its column by 2, a CJK character by 1', () => {
    fc.assert(fc.property(prefix, fc.constantFrom(...PLACEHOLDERS), fc.constantFrom(['🔥', 2], ['事', 1], ['\u0301', 1], ['👩🏽‍💻', 7]), (pre, placeholder, [extra, width]) => {
      const column = (line: string) => {
        const { text, line: at } = doc(line, '\n');
        return analyze(text, { force: true }).problems.find((p) => p.ruleId === 'placeholder-text' && p.range.start.line === at)?.range.start.character;
      };
      const before = column(`${pre}${placeholder} here`);
      const after = column(`${extra}${pre}${placeholder} here`);
      assert.equal(before, pre.length);
      assert.equal(after, (before as number) + (width as number));
    }), params(150));
  });

  const corpus = loadCorpus();
  test('in the real postmortems, an emoji inserted before a token-level problem shifts it by exactly 2', { skip: corpusPresent ? false : '../shared/corpus/docs is not present' }, () => {
    // Token-level rules report the token itself; an emoji plus a space before it changes nothing
    // else about the line, so the same problem must come back 3 units (2 + the space) later.
    const TOKEN_RULES = ['placeholder-text', 'invalid-time'];
    const cases = corpus.flatMap((d) => analyze(d.text, { languageId: d.languageId, force: true }).problems
      // A lone "?" is a placeholder only as a whole field value ("Time to detection: ?"): not context-free.
      .filter((p) => TOKEN_RULES.includes(p.ruleId) && p.range.start.line === p.range.end.line && p.range.start.character > 0 && p.range.end.character - p.range.start.character > 1)
      .filter((p) => (lspLines(d.text)[p.range.start.line] ?? '')[p.range.start.character - 1] === ' ')
      .map((p) => ({ d, p })));
    assert.ok(cases.length > 10, `enough token-level problems in the corpus (${cases.length})`);
    fc.assert(fc.property(fc.integer({ min: 0, max: cases.length - 1 }), (i) => {
      const { d, p } = cases[i] as (typeof cases)[number];
      const lines = lspLines(d.text);
      const line = lines[p.range.start.line] as string;
      const eol = d.text.includes('\r\n') ? '\r\n' : '\n';
      lines[p.range.start.line] = `${line.slice(0, p.range.start.character)}😀 ${line.slice(p.range.start.character)}`;
      const text = lines.join(eol);
      const same = analyze(text, { languageId: d.languageId, force: true }).problems.filter((q) => q.ruleId === p.ruleId && q.range.start.line === p.range.start.line);
      const moved = same.find((q) => q.range.start.character === p.range.start.character + 3);
      assert.ok(moved, `${d.name}:${p.range.start.line + 1} ${p.ruleId} at ${p.range.start.character} should move to ${p.range.start.character + 3}; got ${JSON.stringify(same.map((q) => q.range))}`);
      assert.equal(moved.range.end.character, p.range.end.character + 3);
      assert.equal(slice(text, moved), line.slice(p.range.start.character, p.range.end.character));
    }), params(120));
  });
});
