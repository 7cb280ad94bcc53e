// analyze() over anything: it never throws, no rule fails, and every range it hands out lies
// inside the document (line < lines, character ≤ line length, start ≤ end) without splitting a
// surrogate pair. Over hostile text, over postmortem-shaped text and over mutations of the real
// postmortems.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type AnalyzeOptions } from '../../server/src/engine';
import { corpusCase, corpusPresent, hostileText, languageId, loadCorpus, params, postmortemLike } from './arbitraries';
import { lineModelViolation, rangeViolations } from './invariants';

function sound(text: string, options: AnalyzeOptions): void {
  const analysis = analyze(text, options);
  assert.deepEqual(analysis.ruleErrors, [], 'no rule throws');
  assert.equal(lineModelViolation(text, analysis), undefined, 'the engine splits lines as LSP does');
  assert.deepEqual(rangeViolations(text, analysis), [], 'every range lies inside the document');
}

describe('analyze never throws and stays inside the document', () => {
  test('hostile text (full Unicode, lone surrogates, NUL, CR/CRLF, BOM, tabs, markup)', () => {
    fc.assert(fc.property(hostileText, languageId, fc.boolean(), (text, lang, force) => sound(text, { languageId: lang, force })), params(300));
  });

  test('postmortem-shaped text with hostile content', () => {
    fc.assert(fc.property(postmortemLike, languageId, (text, lang) => sound(text, { languageId: lang, force: true })), params(250));
  });

  const corpus = loadCorpus();
  test('mutations of the real postmortems (line deletions, duplications, swaps, insertions, CRLF, emoji)', { skip: corpusPresent ? false : '../shared/corpus/docs is not present' }, () => {
    fc.assert(fc.property(corpusCase(corpus), ({ doc, text }) => sound(text, { languageId: doc.languageId, force: true })), params(150));
  });
});
