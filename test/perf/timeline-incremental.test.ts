// The timeline is memoised per table and block across analyses (engine/timeline/memo.ts, reuse.ts;
// issue 7). Edits that move units (a line added above), repeat them, or make their tokens depend
// on the rest of the document (ambiguous numeric dates) must give exactly a cold analysis' timeline.
// Correctness only: no timings here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, ParseCache } from '../../server/src/engine';
import { clearMemos } from '../../server/src/engine/cache';
import { generatePostmortem } from '../../bench/generate.mjs';

function timelineOf(text: string, cache?: ParseCache) {
  return analyze(text, { force: true, cache }).timeline;
}

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `the document has ${needle}`);
  return text.slice(0, at).split('\n').length - 1;
}

function insertLine(text: string, line: number, inserted: string): string {
  const lines = text.split('\n');
  lines.splice(line, 0, inserted);
  return lines.join('\n');
}

test('memoised timeline = cold timeline over edits that move, repeat and re-read units', () => {
  const base = generatePostmortem(30, 5);
  const timeline = lineOf(base, '## Timeline');
  const row = base.split('\n').findIndex((l, i) => i > timeline && /^\| .*\d{2}:\d{2}/.test(l));
  const item = base.split('\n').findIndex((l, i) => i > timeline && /^\s*[-*] .*\d{1,2}:\d{2}/.test(l));
  assert.ok(row > 0 && item > 0, 'a timed table row and list item');
  const lines = base.split('\n');
  const edits: ((t: string) => string)[] = [
    (t) => insertLine(t, 1, ''), // every unit moves down a line
    (t) => insertLine(t, row + 2, lines[row] as string), // a repeated row
    (t) => insertLine(t, item + 3, lines[item] as string), // a repeated item
    (t) => insertLine(t, item + 4, '- 04-12-2024 10:00 The reading of 04-12-2024 follows the document'), // ambiguous day-month order
    (t) => insertLine(t, lineOf(t, '## Summary') + 1, 'Dates are written month first: 12-13-2024.'), // settles that order elsewhere
    (t) => t.replace('## Timeline', '## Timeline (all times PST)'), // another zone for every entry
    (t) => insertLine(t, row + 4, '| not a time | nothing |'),
    (t) => t.split('\n').filter((_, i) => i !== 1).join('\n'), // every unit moves up again
  ];
  const cache = new ParseCache();
  let text = base;
  timelineOf(text, cache);
  for (const [n, edit] of edits.entries()) {
    text = edit(text);
    const warm = timelineOf(text, cache);
    clearMemos();
    assert.deepStrictEqual(warm, timelineOf(text), `edit ${n + 1}`);
  }
});

test('an unchanged document gives the same, frozen timeline entries again', () => {
  const text = generatePostmortem(20, 6);
  const cache = new ParseCache();
  const first = timelineOf(text, cache);
  const second = timelineOf(`${text}\nx`, cache);
  assert.ok(first && second && first.entries.length > 50);
  const same = second.entries.filter((e, i) => e === first.entries[i]).length;
  assert.ok(same > first.entries.length * 0.9, `${same} of ${first.entries.length} entries kept`);
  const kept = second.entries.find((e, i) => e === first.entries[i]);
  assert.ok(kept && Object.isFrozen(kept));
});

test('a long table (kept only where it stands) = cold timeline over edits', () => {
  const rows = Array.from({ length: 400 }, (_, i) => `| 2024-03-11 ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} UTC | Event ${i} on the checkout service |`);
  let text = ['# Postmortem: checkout', '', '## Summary', '', 'Checkout failed.', '', '## Timeline', '', '| Time | Event |', '|---|---|', ...rows, '', '## Root Cause', '', 'A bad deploy.'].join('\n');
  const cache = new ParseCache();
  timelineOf(text, cache);
  const edits: ((t: string) => string)[] = [
    (t) => t.replace('Event 200 on', 'Event 200 resolved on'),
    (t) => insertLine(t, 1, ''),
    (t) => insertLine(t, lineOf(t, 'Event 300 on'), '| 2024-03-11 12:59 UTC | Service fully restored |'),
    (t) => t.replace('Checkout failed.', 'Checkout failed for an hour.'),
  ];
  for (const [n, edit] of edits.entries()) {
    text = edit(text);
    const warm = timelineOf(text, cache);
    assert.ok(warm && warm.entries.length >= 400);
    clearMemos();
    assert.deepStrictEqual(warm, timelineOf(text), `edit ${n + 1}`);
  }
});
