// Bad input through the engine: binary, invalid UTF-8, a 20 MB file, huge timelines and tables,
// megabyte lines, nesting 10,000 deep, runaway emphasis and links, unclosed comments and fences.
// Behaviour only, never timing (docs/reliability.md has the measured times, from
// test/reliability/measure.ts): no exception, no rule error, every range inside the document, the
// size-limit notice where the limit applies, and the text after the hostile part still read.
// Inputs are the measured ones, scaled down where their behaviour does not depend on size.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, MAX_DOCUMENT_BYTES, parseDocument, type Analysis } from '../../server/src/engine';
import { MAX_INLINE_MARKERS, MAX_NESTING, MAX_TABLE_PIPES } from '../../server/src/engine/parse/guard';
import { rangeViolations } from '../property/invariants';
import { asText, badInput, bytes, invalidUtf8, SKELETON } from './inputs';

function sound(text: string): Analysis {
  const analysis = analyze(text, { force: true });
  assert.deepEqual(analysis.ruleErrors, []);
  assert.deepEqual(rangeViolations(text, analysis), []);
  return analysis;
}

const ids = (a: Analysis) => [...new Set(a.problems.map((p) => p.ruleId))].sort();
const TAIL = '\n\n## Timeline (all times UTC)\n\n- 10:00 deploy started\n- 10:45 error rate back to normal\n\n## Root Cause\n\nTBD\n';
/**
 * The timeline after the hostile part was read (the parse recovered), and the placeholder after
 * it found, except behind an unclosed `<!--`: placeholder-text reads the rest as a hidden note.
 */
const recovered = (a: Analysis, hidden = false) => (a.timeline?.entries ?? []).some((e) => e.text.includes('error rate back to normal')) && (hidden || a.problems.some((p) => p.ruleId === 'placeholder-text'));

describe('bad input: bytes', () => {
  test('binary (random bytes, NUL included) decoded as the CLI does: analysed, bounded', () => {
    sound(asText(bytes(64 << 10, 7)));
    sound(SKELETON + asText(bytes(64 << 10, 9)) + TAIL);
  });

  test('invalid UTF-8 (truncated, overlong, CESU surrogates, > U+10FFFF): U+FFFD in place, columns after it right', () => {
    const text = asText(invalidUtf8());
    assert.ok(text.includes('\uFFFD'));
    const a = sound(text);
    const tbd = a.problems.find((p) => p.ruleId === 'placeholder-text');
    assert.ok(tbd, 'the TBD after the invalid bytes is found');
    assert.equal(text.split('\n')[tbd.range.start.line]?.slice(tbd.range.start.character, tbd.range.end.character), 'TBD');
  });

  test('CR, CRLF, NUL, BOM, lone surrogates and U+2028 mixed over 64 KB', () => {
    sound(asText(badInput('crlf-cr-nul').make()).slice(0, 64 << 10));
  });
});

describe('bad input: size', () => {
  test(`a 20 MB document: one notice (over the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB limit), no rule runs`, () => {
    const text = asText(badInput('large-20mb').make());
    const a = sound(text);
    assert.deepEqual(a.problems.map((p) => [p.ruleId, p.severity, p.range.start.line]), [['document-too-large', 'warning', 0]]);
    assert.match(a.problems[0]?.message ?? '', /^File too large to analyse \(20 MB > limit 2 MB\): postmortem checks are off for it\.$/);
    assert.equal(a.doc.lines.length, text.split('\n').length, 'positions still cover the whole document');
  });

  test('just over the limit (multi-byte text counts in UTF-8 bytes), and just under it', () => {
    const unit = '事故'.repeat(100) + '\n'; // 601 bytes in UTF-8
    const over = `# Postmortem\n\n## Summary\n\n${unit.repeat(Math.ceil((MAX_DOCUMENT_BYTES + 10) / 601))}`;
    assert.ok(over.length < MAX_DOCUMENT_BYTES, 'fewer characters than the limit, more bytes');
    assert.deepEqual(ids(sound(over)), ['document-too-large']);
    const under = `# Postmortem\n\n## Summary\n\n${'x'.repeat(MAX_DOCUMENT_BYTES - 100)}\n`;
    assert.ok(!ids(sound(under)).includes('document-too-large'));
  });

  test('an oversize document that is not a postmortem gets no notice at all (unless forced)', () => {
    const text = `# Build log\n\n${'compiling module\n'.repeat(200_000)}`;
    const a = analyze(text);
    assert.equal(a.isPostmortem, false);
    assert.deepEqual(a.problems, []);
  });

  test('100,000 timeline rows: over the limit, the notice; 5,000 of them: every row read', () => {
    assert.deepEqual(ids(sound(asText(badInput('timeline-100k-list').make()))), ['document-too-large']);
    const rows = Array.from({ length: 5_000 }, (_, i) => `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} event ${i}`);
    const a = sound(`# Postmortem\n\n## Timeline (all times UTC)\n\n${rows.join('\n')}\n`);
    assert.equal(a.timeline?.entries.length, 5_000);
  });

  test('a table of 2,000 rows (split into chunks) and one of 300 columns: every row and the owner column read', () => {
    const long = `# Postmortem\n\n## Action Items\n\n| Action | Owner |\n|---|---|\n${Array.from({ length: 2_000 }, (_, i) => `| Fix ${i} | ${i % 2 ? '@ana' : ''} |`).join('\n')}\n`;
    const a = sound(long);
    assert.equal(a.problems.filter((p) => p.ruleId === 'action-item-owner').length, 1_000);
    assert.deepEqual(parseDocument(long).blocks, parseDocument(long, { whole: true }).blocks);
    const wide = `# Postmortem\n\n## Action Items\n\n|${Array.from({ length: 300 }, (_, c) => (c === 1 ? 'Owner' : `h${c}`)).join('|')}|\n|${'-|'.repeat(300)}\n|${Array.from({ length: 300 }, (_, c) => (c === 1 ? '' : 'x')).join('|')}|\n`;
    const w = sound(wide);
    assert.equal(w.problems.filter((p) => p.ruleId === 'action-item-owner').length, 1);
    const row = w.doc.blocks.find((b) => b.kind === 'tableRow' && !b.header);
    assert.ok(row?.cells && row.cells.length <= MAX_TABLE_PIPES, `cells capped at ${MAX_TABLE_PIPES}`);
  });

  test('lines of 64 KB (prose, times, placeholders, pipes, comment openers, brackets, emphasis): analysed', () => {
    for (const unit of ['the service was slow ', '10:00 UTC x ', '?? TBD HH:mm ', '| ', '<!-- ', '[', '*a ']) {
      // After "x ": inline (a line that starts with `<!--` opens an HTML block that never ends).
      const text = `# Postmortem\n\n## Summary\n\nx ${unit.repeat(Math.ceil((64 << 10) / unit.length))}${TAIL}`;
      const a = sound(text);
      assert.ok(recovered(a, unit.includes('<!--')), `the timeline after a line of "${unit}"`);
    }
  });
});

describe('bad input: nesting (parser recursion)', () => {
  const cases: [string, string][] = [
    ['blockquotes 10,000 deep', `${'>'.repeat(10_000)} deep`],
    ['lists 10,000 deep on one line', `${'- '.repeat(10_000)}deep`],
    ['ordered lists 10,000 deep', `${'1. '.repeat(10_000)}deep`],
    ['blockquotes and lists alternating 10,000 deep', `${'> - '.repeat(5_000)}deep`],
    ['blockquotes 10,000 deep on 200 lines', Array.from({ length: 200 }, () => `${'>'.repeat(10_000)} line`).join('\n')],
    ['a list 300 deep by indentation', Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join('\n')],
    ['emphasis 10,000 deep', `${'*a '.repeat(10_000)}x${' b*'.repeat(10_000)}`],
    ['links 10,000 deep', `${'['.repeat(10_000)}x${'](u)'.repeat(10_000)}`],
    ['images 5,000 deep', `${'!['.repeat(5_000)}x${'](u)'.repeat(5_000)}`],
    ['strikethrough 10,000', `${'~a '.repeat(10_000)}${' b~~'.repeat(10_000)}`],
    ['inline HTML comment openers 10,000', `x ${'<!--'.repeat(10_000)}`],
  ];
  for (const [name, hostile] of cases) {
    test(`${name}: no stack overflow, the rest of the document read`, () => {
      const a = sound(`# Postmortem\n\n## Summary\n\nBefore.\n\n${hostile}${TAIL}`);
      assert.ok(recovered(a, hostile.includes('<!--')), 'the timeline and the placeholder after it are read');
    });
  }

  test(`the limits are where docs/reliability.md says: ${MAX_NESTING} containers, ${MAX_INLINE_MARKERS} delimiters`, () => {
    const quote = (n: number) => parseDocument(`${'>'.repeat(n)} x\n`).blocks[0];
    assert.equal(quote(MAX_NESTING)?.text, 'x', 'at the limit: a paragraph quoted that deep');
    assert.match(quote(MAX_NESTING + 5)?.text ?? '', /^\u00A0>{4} x$/, 'over it: the rest of the markers read as text');
    const bold = (n: number) => parseDocument(`${'**b** '.repeat(n)}\n`).blocks[0]?.text ?? '';
    assert.equal(bold(MAX_INLINE_MARKERS / 4), 'b '.repeat(MAX_INLINE_MARKERS / 4).trimEnd(), 'at the limit: emphasis parsed');
    assert.ok(bold(MAX_INLINE_MARKERS).includes('\u00A0'), 'over it: delimiters read as text');
  });
});

describe('bad input: never-closed constructs', () => {
  test('an HTML comment and a code fence opened and never closed, then 64 KB: analysed, nothing after them read as structure', () => {
    for (const name of ['html-comment-open', 'fence-open']) {
      const text = asText(badInput(name).make()).slice(0, 64 << 10);
      const a = sound(text);
      assert.equal(a.outline.sections.filter((s) => s.id === 'timeline').length, 0, `${name}: the "## Timeline" lines inside are not sections`);
      assert.deepEqual(parseDocument(text).blocks, parseDocument(text, { whole: true }).blocks);
    }
  });

  test('1,000 disable/enable comment pairs and 2,000 headings', () => {
    const directives = `# Postmortem\n\n## Summary\n\n${Array.from({ length: 1_000 }, (_, i) => `<!-- postmortem-disable placeholder-text -->\nTBD ${i}\n<!-- postmortem-enable -->`).join('\n')}\n`;
    assert.equal(sound(directives).problems.filter((p) => p.ruleId === 'placeholder-text').length, 0);
    sound(Array.from({ length: 2_000 }, (_, i) => `## ${i % 2 ? 'Timeline' : 'Summary'} ${i}\n`).join('\n'));
  });
});
