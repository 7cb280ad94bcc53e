// Incremental analysis must give exactly the result of a full one (issue 7). Random edit
// sequences (fixed seeds) over the real postmortems (when the shared corpus is present) and
// generated ones: after each edit, an analysis with the document's warm ParseCache and the warm
// line memos deep-equals a cold analysis (no ParseCache, memos emptied) of the same text.
// Correctness only: no timings here (they belong to `npm run bench`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, parseDocument, ParseCache, type AnalyzeOptions } from '../../server/src/engine';
import { blocksOverlapping, clearMemos, tableRows } from '../../server/src/engine/cache';
import { parseSlices } from '../../server/src/engine/slices';
import { generatePostmortem, rng } from '../../bench/generate.mjs';
import { observable } from './observable';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/docs/', import.meta.url));

const SNIPPETS = ['x', ' ', '\n', '\n\n', '#', '## Timeline\n', '|', '- ', '`', '```', '*', ':', '1', '0', '12:30', ' UTC', ' PST', 'TBD', '2024-03-11 ', '<br>', '<!--', '-->', '[a]: http://x\n', '---\n', 'Root Cause:\n'];

/** One random edit: insert a snippet, delete a span, or duplicate a line elsewhere. */
function edit(text: string, r: () => number): string {
  const at = Math.floor(r() * (text.length + 1));
  const kind = r();
  if (kind < 0.55) return text.slice(0, at) + (SNIPPETS[Math.floor(r() * SNIPPETS.length)] as string) + text.slice(at);
  if (kind < 0.85) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(r() * (r() < 0.8 ? 2 : 40))));
  const lines = text.split('\n');
  const from = Math.floor(r() * lines.length);
  const to = Math.floor(r() * lines.length);
  lines.splice(to, 0, lines[from] ?? '');
  return lines.join('\n');
}

function checkSequence(name: string, text: string, edits: number, seed: number, options: AnalyzeOptions = {}): void {
  const r = rng(seed);
  const cache = new ParseCache();
  analyze(text, { ...options, force: true, cache });
  let current = text;
  for (let i = 0; i < edits; i++) {
    current = edit(current, r);
    const warm = analyze(current, { ...options, force: true, cache });
    clearMemos();
    const cold = analyze(current, { ...options, force: true });
    assert.deepStrictEqual(observable(warm), observable(cold), `${name}: edit ${i + 1} (seed ${seed}) changed the result`);
  }
}

test('incremental = full analysis over random edits of generated postmortems', () => {
  checkSequence('generated 12 KB', generatePostmortem(12, 3), 20, 11);
  checkSequence('generated 24 KB (google-sre)', generatePostmortem(24, 4), 5, 12, { config: { profile: 'google-sre' } });
});

test('incremental = full analysis over random edits of the real postmortems', (t) => {
  if (!existsSync(CORPUS)) return t.skip('no shared corpus');
  const files = readdirSync(CORPUS).sort();
  files.forEach((file, n) => {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const languageId = file.endsWith('.html') ? 'html' : file.endsWith('.txt') ? 'plaintext' : 'markdown';
    checkSequence(file, text, 2, 1000 + n, { languageId, config: n % 3 === 0 ? { ambiguousZones: { IST: 'Asia/Kolkata' } } : undefined });
  });
});

test('memoised results are frozen, so a rule cannot corrupt the next analysis', () => {
  const cache = new ParseCache();
  const a = analyze(generatePostmortem(10, 5), { force: true, cache });
  const timed = a.timeline?.entries.find((e) => e.time);
  assert.ok(timed?.time, 'a timed entry');
  assert.ok(Object.isFrozen(timed.time));
});

test('the block index answers exactly what the linear filters did', () => {
  const r = rng(9);
  const { doc } = analyze(generatePostmortem(20, 6), { force: true });
  const blocks = doc.blocks;
  for (let i = 0; i < 300; i++) {
    const from = Math.floor(r() * doc.lines.length);
    const to = from + Math.floor(r() * 200);
    assert.deepStrictEqual(blocksOverlapping(blocks, from, to), blocks.filter((b) => b.endLine >= from && b.startLine <= to));
  }
  for (const table of new Set(blocks.map((b) => b.table))) {
    if (table === undefined) continue;
    assert.deepStrictEqual(tableRows(blocks, table), blocks.filter((b) => b.kind === 'tableRow' && b.table === table));
  }
  // Out of order (never produced by the parser, but the fallback must hold).
  const shuffled = [...blocks].reverse();
  assert.deepStrictEqual(blocksOverlapping(shuffled, 10, 60), shuffled.filter((b) => b.endLine >= 10 && b.startLine <= 60));
});

test('parsing in slices caches exactly the chunks analyze() parses, and changes nothing', () => {
  const text = generatePostmortem(40, 8);
  const cache = new ParseCache();
  const steps = parseSlices(text, cache, 4096);
  let yields = 0;
  for (let s = steps.next(); !s.done; s = steps.next()) yields++;
  assert.ok(yields > 3, 'the document was parsed in several slices');
  const size = cache.size;
  const sliced = analyze(text, { force: true, cache });
  assert.equal(cache.size, size, 'analyze() found every chunk cached');
  clearMemos();
  assert.deepStrictEqual(observable(sliced), observable(analyze(text, { force: true })));
});

test('perLine carries frozen values of unchanged lines to the next version, and recomputes the rest', () => {
  const cache = new ParseCache();
  const computed: number[] = [];
  const frozen = (line: number) => {
    computed.push(line);
    return Object.freeze({ line });
  };
  const first = parseDocument('a\nb\nc\nd', { cache });
  for (let i = 0; i < 4; i++) first.perLine('tokens', i, frozen);
  assert.deepEqual(computed, [0, 1, 2, 3]);
  computed.length = 0;
  // Line 1 changed, a line inserted after it: lines 0, and c and d (now 3 and 4), are carried.
  const second = parseDocument('a\nB\nx\nc\nd', { cache });
  const values = [0, 1, 2, 3, 4].map((i) => second.perLine('tokens', i, frozen));
  assert.deepEqual(computed, [1, 2]);
  assert.deepEqual(values.map((v) => v.line), [0, 1, 2, 2, 3]);
  // A value that is not frozen is never carried: it may belong to one analysis alone.
  const mutable = (line: number) => ({ line });
  const third = parseDocument('a\nB\nx\nc\nd!', { cache });
  const a = third.perLine('placeholders', 0, mutable);
  assert.notEqual(third.perLine('placeholders', 0, mutable), a);
});

/** A warm analysis of `after` (the cache and memos left by `before`) equals a cold one. */
function warmEqualsCold(before: string, after: string): void {
  clearMemos();
  const cache = new ParseCache();
  analyze(before, { force: true, cache });
  const warm = analyze(after, { force: true, cache });
  clearMemos();
  assert.deepStrictEqual(observable(warm), observable(analyze(after, { force: true })));
}

test('an entry whose block is unchanged moves to the timeline section a new heading above it opens', () => {
  const before = ['# Outage', '', '## Timeline', '', '- 09:00 UTC Outage began', '', '### Notes', '', '### Later', '', '- 10:00 UTC Service restored', ''].join('\n');
  // The same line count: the chunks above and below the edited heading keep their text, place
  // and block objects, and both entries are the ones read last time.
  const after = before.replace('### Notes', '## Timeline, day 2');
  const sectionOf = (text: string) => analyze(text, { force: true }).timeline?.entries.find((e) => e.text.includes('restored'))?.section;
  assert.equal(sectionOf(before), 2);
  assert.equal(sectionOf(after), 6);
  warmEqualsCold(before, after);
});

test('an entry with an ambiguous date is read again when a line elsewhere settles the day-month order', () => {
  const before = ['# Outage', '', '## Timeline', '', '- 04/05/2024 10:00 UTC Outage began', '- 04/05/2024 11:00 UTC Service restored', '', '## Notes', '', 'Written 01/02/2024.', ''].join('\n');
  // Same length, in another chunk: 13/02 can only be day-month, so 04/05 is the 4th of May.
  const after = before.replace('Written 01/02/2024.', 'Written 13/02/2024.');
  const dayOf = (text: string) => analyze(text, { force: true }).timeline?.entries[0]?.day;
  assert.notDeepEqual(dayOf(before), dayOf(after), 'the edit changes how the date reads');
  warmEqualsCold(before, after);
});
