// Fixes are data, applied by the one applyEdits. Each fix applies cleanly (no edit of a fix
// overlaps another), fix-all (every safe fix, repeated until stable, as --fix and
// source.fixAll do) converges, is idempotent and adds no problem; a single quick fix adds
// no problem except the documented ones: a scaffold (missing-section, empty-section) is a
// template still to be written, which placeholder-text and empty-section keep reporting.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, applyEdits, type Analysis, type AnalyzeOptions, type Fix, type TextEdit } from '../../server/src/engine';
import { corpusCase, corpusPresent, hostileText, loadCorpus, params, postmortemLike } from './arbitraries';
import { grownRules, lspLines, rangeViolations } from './invariants';

const MAX_PASSES = 10;

/** What a scaffold leaves to write, by the fixing rule (see test/engine/rules/quick-fixes.test.ts). */
const DOCUMENTED: Record<string, string[]> = {
  'missing-section': ['placeholder-text', 'empty-section', 'action-item-owner'],
  'empty-section': ['placeholder-text', 'empty-section', 'action-item-owner'],
};

const TIMELINE_RULES = ['timezone-missing', 'timezone-mixed', 'timeline-order', 'timeline-unparsed', 'summary-window', 'stated-duration', 'prose-time', 'milestone-order', 'date-mismatch', 'invalid-time'];

/**
 * What a safe fix may bring to light. Promoting a title line to a heading (pseudo-heading) makes
 * it a section boundary: a duplicated title line then reads as an empty or duplicate section, and
 * a title lazily continuing a list item no longer hides that item's missing owner. Both were
 * there before, inside one paragraph or list item. KNOWN (reported, see
 * test/reliability/findings.test.ts): removing a repeated paragraph that was the only content of
 * its section (duplicate-paragraph) leaves that section empty.
 */
const REVEALED_BY_SAFE_FIX: Record<string, string[]> = {
  'pseudo-heading': ['empty-section', 'duplicate-section', 'action-item-owner'],
  'duplicate-paragraph': ['empty-section'],
};

function safeFixes(a: Analysis): { ruleId: string; edits: TextEdit[] }[] {
  return a.problems.flatMap((p) => {
    const fix = p.fixes?.find((f) => f.safe);
    return fix ? [{ ruleId: p.ruleId, edits: fix.edits }] : [];
  });
}

/** Fix-all: apply every safe fix, re-analyse, repeat until no safe fix is left. */
function fixAll(text: string, options: AnalyzeOptions): { text: string; analysis: Analysis; passes: number; rules: Set<string> } {
  let current = text;
  let analysis = analyze(current, options);
  const rules = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = safeFixes(analysis);
    if (fixes.length === 0) return { text: current, analysis, passes: pass, rules };
    const next = applyEdits(current, fixes.flatMap((f) => f.edits)).text;
    assert.notEqual(next, current, `pass ${pass + 1}: safe fixes were offered but changed nothing`);
    for (const f of fixes) rules.add(f.ruleId);
    current = next;
    analysis = analyze(current, options);
    assert.deepEqual(analysis.ruleErrors, []);
  }
  assert.fail(`fix-all did not converge in ${MAX_PASSES} passes: ${JSON.stringify(safeFixes(analysis))}`);
}

function checkFixAll(text: string, options: AnalyzeOptions): void {
  const before = analyze(text, options);
  const fixed = fixAll(text, options);
  assert.deepEqual(rangeViolations(fixed.text, fixed.analysis), []);
  const revealed = [...fixed.rules].flatMap((r) => REVEALED_BY_SAFE_FIX[r] ?? []);
  assert.deepEqual(grownRules(before, fixed.analysis, revealed), [], `safe fixes (${[...fixed.rules].join(', ')}) add no problem`);
  const again = fixAll(fixed.text, options);
  assert.equal(again.text, fixed.text, 'fix-all is idempotent');
  assert.equal(again.passes, 0);
}

function checkOneFix(text: string, options: AnalyzeOptions, pick: number): void {
  const before = analyze(text, options);
  const fixes = before.problems.flatMap((p) => (p.fixes ?? []).map((fix) => ({ p, fix })));
  if (fixes.length === 0) return;
  const { p, fix } = fixes[pick % fixes.length] as { p: (typeof before.problems)[number]; fix: Fix };
  const applied = applyEdits(text, fix.edits);
  assert.equal(applied.skipped, 0, `"${fix.title}": its edits overlap`);
  assert.equal(applied.applied, fix.edits.length);
  const after = analyze(applied.text, options);
  assert.deepEqual(after.ruleErrors, []);
  assert.deepEqual(rangeViolations(applied.text, after), []);
  // KNOWN (reported, see test/reliability/findings.test.ts): a section inserted as a heading gives
  // title lines ("Root Cause:") a heading beside them, which makes them pseudo-headings.
  const known = p.ruleId === 'missing-section' ? ['pseudo-heading'] : [];
  // KNOWN (reported): empty-section fills an HTML heading (`<h2>`) with a Markdown scaffold; its
  // blank line ends the HTML block, so the lines that followed it become title lines.
  if (p.ruleId === 'empty-section' && /^\s*</.test(lspLines(text)[p.range.start.line] ?? '')) known.push('pseudo-heading', 'duplicate-section');
  // A new Timeline section is where the timeline rules look: times written elsewhere now have one.
  const timeline = p.ruleId === 'missing-section' && p.data?.['section'] === 'timeline' ? TIMELINE_RULES : [];
  assert.deepEqual(grownRules(before, after, [...(DOCUMENTED[p.ruleId] ?? []), ...(REVEALED_BY_SAFE_FIX[p.ruleId] ?? []), ...known, ...timeline]), [], `"${fix.title}" (${p.ruleId}) adds no problem`);
}

/** Words (letters and digits) of a text, with their counts. */
function words(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of text.match(/[\p{L}\p{N}]+/gu) ?? []) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

/**
 * A safe fix is applied without review (--fix, fix-all on save), so it must never lose what the
 * author wrote: every word of the text survives fix-all, except the ones a fix replaces on
 * purpose (a wrong zone abbreviation) and the copies of a repeated paragraph.
 */
function checkNoLoss(text: string, options: AnalyzeOptions): void {
  const before = analyze(text, options);
  // Whole words: a fix that replaces "PST" in "PSTぁ" changes the word "PSTぁ" (letters run on).
  const replaced = new Set(before.problems.filter((p) => p.ruleId === 'timezone-mixed').flatMap((p) => [...words(slice(text, wholeWords(text, p.range))).keys()]));
  const fixed = fixAll(text, options);
  const after = words(fixed.text);
  const lost = [...words(text)].filter(([w, n]) => !replaced.has(w) && (after.get(w) ?? 0) < (fixed.rules.has('duplicate-paragraph') ? 1 : n)).map(([w]) => w);
  assert.deepEqual(lost, [], `safe fixes (${[...fixed.rules].join(', ')}) deleted words`);
}

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };

/** The range widened to the letters and digits that run on from either end (a whole word). */
function wholeWords(text: string, r: Range): Range {
  const lines = lspLines(text);
  const word = /[\p{L}\p{N}]/u;
  const first = lines[r.start.line] ?? '';
  const last = lines[r.end.line] ?? '';
  // By code point: a letter outside the BMP is two UTF-16 units.
  const before = (at: number) => (at >= 2 && /[\uDC00-\uDFFF]/.test(first[at - 1] ?? '') && /[\uD800-\uDBFF]/.test(first[at - 2] ?? '') ? first.slice(at - 2, at) : first.slice(at - 1, at));
  const after = (at: number) => String.fromCodePoint(last.codePointAt(at) ?? 0);
  let start = r.start.character;
  while (start > 0 && word.test(before(start))) start -= before(start).length;
  let end = r.end.character;
  while (end < last.length && word.test(after(end))) end += after(end).length;
  return { start: { line: r.start.line, character: start }, end: { line: r.end.line, character: end } };
}

function slice(text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = lspLines(text);
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  return [(lines[r.start.line] ?? '').slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), (lines[r.end.line] ?? '').slice(0, r.end.character)].join('\n');
}

describe('fixes', () => {
  const corpus = loadCorpus();
  const skip = corpusPresent ? false : '../shared/corpus/docs is not present';

  test('fix-all converges, is idempotent and adds no problem (postmortem-shaped text)', () => {
    fc.assert(fc.property(postmortemLike, (text) => checkFixAll(text, { force: true })), params(120));
  });

  test('fix-all converges, is idempotent and adds no problem (mutated real postmortems)', { skip }, () => {
    fc.assert(fc.property(corpusCase(corpus), ({ doc, text }) => checkFixAll(text, { force: true, languageId: doc.languageId })), params(60));
  });

  test('safe fixes never delete what the author wrote (postmortem-shaped text)', () => {
    fc.assert(fc.property(postmortemLike, (text) => checkNoLoss(text, { force: true })), params(150));
  });

  test('safe fixes never delete what the author wrote (mutated real postmortems)', { skip }, () => {
    fc.assert(fc.property(corpusCase(corpus), ({ doc, text }) => checkNoLoss(text, { force: true, languageId: doc.languageId })), params(60));
  });

  test('each quick fix applies cleanly and adds no undocumented problem (postmortem-shaped text)', () => {
    fc.assert(fc.property(postmortemLike, fc.nat(), (text, pick) => checkOneFix(text, { force: true }, pick)), params(150));
  });

  test('each quick fix applies cleanly and adds no undocumented problem (mutated real postmortems)', { skip }, () => {
    fc.assert(fc.property(corpusCase(corpus), fc.nat(), ({ doc, text }, pick) => checkOneFix(text, { force: true, languageId: doc.languageId }, pick)), params(80));
  });
});

// applyEdits against a model: edits as offsets into the text, applied from the end.
const position = (text: string) => fc.tuple(fc.nat(), fc.nat()).map(([l, c]) => {
  const lines = lspLines(text);
  const line = l % lines.length;
  return { line, character: c % ((lines[line] as string).length + 1) };
});

function offsetOf(text: string, p: { line: number; character: number }): number {
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let l = 0; l < p.line; l++) {
    const m = re.exec(text);
    if (!m) return text.length;
    start = m.index + m[0].length;
  }
  return start + p.character;
}

describe('applyEdits', () => {
  test('non-overlapping edits give what applying them one by one from the end gives', () => {
    const arb = hostileText.chain((text) => fc.tuple(fc.constant(text), fc.array(fc.tuple(position(text), position(text), fc.constantFrom('', 'x', '😀', '\r\n', 'TBD\n')), { maxLength: 6 })));
    fc.assert(fc.property(arb, ([text, raw]) => {
      const spans = raw.map(([a, b, newText]) => {
        const [s, e] = [offsetOf(text, a), offsetOf(text, b)].sort((x, y) => x - y) as [number, number];
        return { s, e, newText, range: offsetOf(text, a) <= offsetOf(text, b) ? { start: a, end: b } : { start: b, end: a } };
      }).sort((x, y) => x.s - y.s);
      // Keep a non-overlapping subset (touching is fine unless two inserts share a point).
      const kept: typeof spans = [];
      for (const sp of spans) {
        const last = kept[kept.length - 1];
        if (last && (sp.s < last.e || (sp.s === last.e && sp.s === last.s))) continue;
        kept.push(sp);
      }
      let expected = text;
      for (const sp of [...kept].reverse()) expected = expected.slice(0, sp.s) + sp.newText + expected.slice(sp.e);
      const result = applyEdits(text, kept.map((sp) => ({ range: sp.range, newText: sp.newText })));
      assert.equal(result.text, expected);
      assert.equal(result.skipped, 0);
    }), params(400));
  });

  test('edits past the end of a line or the document are clamped, never throw', () => {
    fc.assert(fc.property(hostileText, fc.array(fc.tuple(fc.nat(5000), fc.nat(5000), fc.nat(5000), fc.nat(5000)), { maxLength: 4 }), (text, raw) => {
      const edits = raw.map(([a, b, c, d]) => ({ range: { start: { line: a % 50, character: b }, end: { line: Math.max(a % 50, c % 50), character: d } }, newText: '!' }));
      const result = applyEdits(text, edits);
      assert.equal(result.applied + result.skipped, edits.length);
      assert.ok(result.text.length <= text.length + edits.length);
    }), params(300));
  });
});
