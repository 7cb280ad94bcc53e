// analysisSteps must yield often enough that no step holds the language server for long on a
// large document (issue 7: the timeline of a 2 MB document, the tokens of every line), and must
// give exactly the result of analyze(). Correctness and step counts only: no timings here (they
// belong to `npm run bench`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysisSteps, analyze, ParseCache, selectProfile, type AnalyzeOptions } from '../../server/src/engine';
import { clearMemos } from '../../server/src/engine/cache';
import { parseDocument } from '../../server/src/engine/document';
import { buildOutline } from '../../server/src/engine/outline';
import { mergeConfigs } from '../../server/src/engine/config';
import { parseSlices } from '../../server/src/engine/slices';
import { buildTimeline, buildTimelineSteps, lineTokenCache, lineTokens } from '../../server/src/engine/timeline/build';
import { generatePostmortem } from '../../bench/generate.mjs';
import { observable } from './observable';

function stepped<T>(steps: Generator<unknown, T, void>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, yields };
    yields++;
  }
}

function prepared(text: string) {
  const doc = parseDocument(text);
  const outline = buildOutline(doc, selectProfile(mergeConfigs({})).profile);
  return { doc, outline };
}

test('analysisSteps yields more often as the document grows', () => {
  const counts = [20, 80, 320].map((kb) => stepped(analysisSteps(generatePostmortem(kb, 5), { force: true })).yields);
  const [small, medium, large] = counts as [number, number, number];
  assert.ok(medium > small && large > medium, `yields ${counts.join(', ')}`);
  // Beyond the fixed steps (one per rule and phase), the count grows about with the size.
  assert.ok(large - small > 2 * (medium - small), `yields ${counts.join(', ')}`);
});

test('the timeline is built in steps: about one per few hundred entries', () => {
  const { doc, outline } = prepared(generatePostmortem(320, 6));
  const { value, yields } = stepped(buildTimelineSteps(doc, outline));
  assert.ok(value.entries.length > 2000, `${value.entries.length} entries`);
  assert.ok(yields >= value.entries.length / 1024, `${yields} yields for ${value.entries.length} entries`);
});

test('the tokens of every line are scanned in steps', () => {
  const { doc } = prepared(generatePostmortem(320, 7));
  const { yields } = stepped(lineTokens(doc).scan());
  assert.ok(yields >= Math.floor(doc.lines.length / 2048), `${yields} yields for ${doc.lines.length} lines`);
});

test('stepped = analyze() on generated postmortems', () => {
  const cases: [string, AnalyzeOptions][] = [
    [generatePostmortem(30, 1), { force: true }],
    [generatePostmortem(200, 2), { force: true }],
    [generatePostmortem(60, 3), { force: true, config: { profile: 'google-sre' } }],
    // Ambiguous numeric dates: their day-month order follows the whole document's dates.
    [`# Outage\n\n## Timeline\n\n- 04-12-2022 10:00 UTC alert fired\n- 10:05 paged\n- 13-12-2022 11:00 resolved\n\n${generatePostmortem(40, 4)}`, { force: true }],
  ];
  for (const [text, options] of cases) {
    clearMemos();
    const full = observable(analyze(text, options));
    clearMemos();
    const { value } = stepped(analysisSteps(text, options));
    assert.deepStrictEqual(observable(value), full);
    // As the language server runs it: parsed in slices into the cache first, with warm memos.
    const cache = new ParseCache();
    stepped(parseSlices(text, cache, 4096));
    assert.deepStrictEqual(observable(stepped(analysisSteps(text, { ...options, cache })).value), full);
  }
});

test('buildTimelineSteps and the stepped token scan give what buildTimeline and lineTokenCache give', () => {
  const text = generatePostmortem(120, 9);
  const { doc, outline } = prepared(text);
  const lazy = lineTokenCache(doc);
  const expected = doc.lines.map((_, i) => lazy(i));
  const timeline = buildTimeline(doc, outline, {}, lazy);

  const { tokens, scan } = lineTokens(doc);
  stepped(scan());
  assert.deepStrictEqual(doc.lines.map((_, i) => tokens(i)), expected);
  assert.deepStrictEqual(stepped(buildTimelineSteps(doc, outline, {}, tokens)).value, timeline);

  // A use of the tokens in the middle of the scan finishes it; the scan then stops.
  const early = lineTokens(doc);
  const steps = early.scan();
  steps.next();
  steps.next();
  const line = doc.lines.length - 1;
  assert.deepStrictEqual(early.tokens(line), expected[line]);
  assert.equal(steps.next().done, true);
  assert.deepStrictEqual(doc.lines.map((_, i) => early.tokens(i)), expected);
});
