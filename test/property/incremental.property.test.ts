// The incremental-correctness guarantee. The parse is chunked (split before top-level ATX
// headings) and cached by chunk text, and line-level results are memoised across analyses; none
// of that may change a result. Two properties:
//   1. the chunked parse gives exactly the blocks (and analysis) of a whole-document parse;
//   2. after random edits, an analysis with the document's warm ParseCache and warm memos equals a
//      cold analysis (memos emptied, no cache, whole-document parse) of the final text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, parseDocument, ParseCache, type Analysis, type AnalyzeOptions } from '../../server/src/engine';
import { clearMemos } from '../../server/src/engine/cache';
import { atom, corpusCase, corpusPresent, hostileText, loadCorpus, mutation, mutate, params, postmortemLike } from './arbitraries';

/** Everything an analysis reports; sections without their parent links (cycles). */
function observable(a: Analysis) {
  return {
    isPostmortem: a.isPostmortem,
    problems: a.problems,
    ruleErrors: a.ruleErrors,
    timeline: a.timeline,
    blocks: a.doc.blocks,
    frontMatter: a.doc.frontMatter,
    title: a.outline.title,
    sections: a.outline.sections.map(({ parent, children, blocks, ...s }) => ({ ...s, parent: parent?.line, children: children.map((c) => c.line), blocks: blocks.length })),
  };
}

/** A cold analysis: no cache, no memo, one chunk. */
function cold(text: string, options: AnalyzeOptions): Analysis {
  clearMemos();
  const whole = parseDocument(text, { languageId: options.languageId, whole: true });
  const analysis = analyze(text, options);
  assert.deepEqual(analysis.doc.blocks, whole.blocks, 'the chunked parse equals the whole-document parse');
  return analysis;
}

/** An edit as an editor sends it: a range of the current text replaced by new text. */
const edit = fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.nat(40), fc.oneof(atom, fc.constantFrom('\n', '\r\n', '\n\n', '## Timeline\n', '# Root Cause\n', '```\n', '<!--\n', '-->\n', '---\n', '[ref]: http://x\n', '| a | b |\n|---|---|\n', '- 10:00 UTC started\n', '')));

function applyEdit(text: string, [at, length, insert]: [number, number, string]): string {
  const start = Math.floor(at * (text.length + 1));
  const end = Math.min(text.length, start + (length % 3 === 0 ? length : 0));
  return text.slice(0, start) + insert + text.slice(end);
}

function checkSequence(text: string, edits: [number, number, string][], options: AnalyzeOptions): void {
  const cache = new ParseCache();
  let current = text;
  analyze(current, { ...options, cache });
  for (const e of edits) {
    current = applyEdit(current, e);
    analyze(current, { ...options, cache });
  }
  const warm = analyze(current, { ...options, cache });
  assert.deepStrictEqual(observable(warm), observable(cold(current, options)));
}

describe('incremental parse and analysis equal a whole, cold one', () => {
  test('chunked parse = whole-document parse, over hostile and postmortem-shaped text', () => {
    fc.assert(fc.property(fc.oneof(hostileText, postmortemLike), (text) => {
      const chunked = parseDocument(text);
      const whole = parseDocument(text, { whole: true });
      assert.deepEqual(chunked.blocks, whole.blocks);
      assert.deepEqual(chunked.frontMatter, whole.frontMatter);
    }), params(400));
  });

  test('a long table split into chunks (its header put back in front) = the whole table', () => {
    // Rows of all kinds after a margin header: pipe-led rows, rows without pipes, rows that end
    // the table (a heading, a list, a fence, a blank line), hostile cells; split every 1–3 rows.
    const cell = fc.oneof(fc.constantFrom('', ' ', '10:00', 'TBD', '@ana', '**x**', '`a|b`', '\\|', '<!--', '-->', '[a](b)', '😀'), atom.filter((a) => !/[\r\n]/.test(a)));
    const row = fc.oneof(
      { weight: 6, arbitrary: fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |`) },
      { weight: 1, arbitrary: fc.constantFrom('', 'no pipes', '- item', '# Heading', '```', '> quote', '|---|---|', '| a', '|', '  | indented |') },
    );
    const table = fc.tuple(fc.constantFrom('', 'text\n', 'text\n\n', '- item\n\n'), fc.constantFrom('| Time | Event |\n|---|---|', '| Action | Owner | Due |\n| :-- | --: | :-: |', '|a|\n|-|', '| a | b |\n|---|'), fc.array(row, { maxLength: 12 }), fc.constantFrom('', '\n', '\n\n## Next\n\n| x |\n|---|\n| y |'))
      .map(([before, head, rows, after]) => `${before}${head}\n${rows.join('\n')}${after}`);
    fc.assert(fc.property(table, fc.integer({ min: 1, max: 3 }), (text, rowsPerChunk) => {
      assert.deepEqual(parseDocument(text, { tableRowsPerChunk: rowsPerChunk }).blocks, parseDocument(text, { whole: true }).blocks);
    }), params(500));
  });

  test('chunks cut at every safe place (tiny chunks) = whole-document parse', () => {
    // Lines that end, continue or fake the constructs a cut relies on: margin list items of every
    // kind (a cut may fall between two), lazy lines, a line of U+00A0 (not blank), setext
    // underlines, thematic breaks, fences and HTML blocks (also opened inside items), tables,
    // and items dense with delimiters, so that a run of them is over the guard's limit.
    const dense = ['- ' + '*a'.repeat(90), '1. ' + '_x_ '.repeat(60), '* ' + '[a]'.repeat(70), '- <a>'.repeat(40)];
    const pool = [
      '- a', '* b', '+ c', '1. x', '2. y', '1) z', '10. w', '- **08:00 UTC** - x', '-  two', '-     five', '-\ttab', '- - -', '* * *', '- -', '- [ ] task',
      '- ```', '- <div>', '- <!--', '- > quote', '- # h', '- | a | b |', '- |---|---|', '-', '1.', '2)', 'lazy text', '  indented', '    code', '\u00A0',
      '\u00A0- x', ' ', '', '', '', '\t', '===', '---', '--', '```', '~~~', '<div>', '</div>', '<!--', '-->', '<pre>', '</pre>', '> q', '| a | b |',
      '|---|---|', '# H', 'Setext', '\uFEFF- bom', 'text *a', ...dense,
    ];
    const lines = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: atom }), { maxLength: 60 }).map((l) => l.join('\n'));
    fc.assert(fc.property(fc.oneof(lines, lines, hostileText, postmortemLike), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 4 }), (text, chunkChars, rows) => {
      const whole = parseDocument(text, { whole: true });
      assert.deepEqual(parseDocument(text, { chunkChars, tableRowsPerChunk: rows }).blocks, whole.blocks);
    }), params(600));
  });

  test('a tight list over the guard\'s delimiter limit reads alike, cut or whole', () => {
    // The guard counts delimiters per item of a margin list, as the parser resolves them: a cut
    // between items must not change which items it makes inert.
    const item = fc.constantFrom('- ' + '*a'.repeat(90), '- ' + '_x_ '.repeat(150), '* ' + '[a]'.repeat(70), '- **08:00 UTC** - x', '- a', '1. ' + '*b'.repeat(120), '2. c', '  lazy *', 'lazy **');
    const list = fc.tuple(fc.constantFrom('', '# T\n\n', 'text\n\n', 'text\n'), fc.array(item, { minLength: 4, maxLength: 24 })).map(([before, items]) => before + items.join('\n'));
    fc.assert(fc.property(list, fc.integer({ min: 1, max: 400 }), (text, chunkChars) => {
      assert.deepEqual(parseDocument(text, { chunkChars }).blocks, parseDocument(text, { whole: true }).blocks);
    }), params(200));
  });

  test('a table chunk and a table continuing behind the same header rows are cached apart', () => {
    // Cut at every row, the second table's first chunk has the text the first table's third
    // chunk is parsed from (its header rows put back in front); only the latter drops them.
    const head = '| Time | Event |\n|---|---|';
    const rows = ['| 10:00 | a |', '| 10:05 | b |', '| 10:10 | c |', '| 10:15 | d |'];
    const text = `${head}\n${rows.join('\n')}\n\n${head}\n${rows.slice(2).join('\n')}\n`;
    const cache = new ParseCache();
    for (let i = 0; i < 2; i++) assert.deepEqual(parseDocument(text, { cache, chunkChars: 1, tableRowsPerChunk: 1 }).blocks, parseDocument(text, { whole: true }).blocks);
  });

  test('random edit sequences on postmortem-shaped text: warm = cold', () => {
    fc.assert(fc.property(postmortemLike, fc.array(edit, { minLength: 1, maxLength: 12 }), (text, edits) => checkSequence(text, edits, { force: true })), params(100));
  });

  const corpus = loadCorpus();
  test('random edit sequences on the real postmortems: warm = cold', { skip: corpusPresent ? false : '../shared/corpus/docs is not present' }, () => {
    fc.assert(fc.property(corpusCase(corpus), fc.array(fc.oneof(edit, mutation.map((m) => m)), { minLength: 1, maxLength: 10 }), ({ doc, text }, steps) => {
      const cache = new ParseCache();
      const options: AnalyzeOptions = { force: true, languageId: doc.languageId };
      let current = text;
      analyze(current, { ...options, cache });
      for (const s of steps) {
        current = Array.isArray(s) ? applyEdit(current, s) : mutate(current, s);
        analyze(current, { ...options, cache });
      }
      assert.deepStrictEqual(observable(analyze(current, { ...options, cache })), observable(cold(current, options)));
    }), params(50));
  });
});
