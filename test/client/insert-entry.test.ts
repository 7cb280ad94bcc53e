// "Insert Timeline Entry" without the editor: the current time converted to the document's zone
// with Intl, the zone abbreviation in force that day, the entry written like its neighbour (list
// item or table row, 12h or 24h, zone and date), and where it goes. Shapes come from the server's
// own answer (timelineContext over a real analysis).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../server/src/engine';
import { ambiguityOf } from '../../server/src/engine/timeline/context';
import { timelineContext } from '../../server/src/lsp/timeline-context';
import { entrySnippet, formatClockLike, formatDateLike, insertionPoint, nowInZone, zoneLabel, type WallClock } from '../../client/src/commands/entry-format';
import type { TimelineContext, TimelineZone } from '../../common/protocol';

const FIXTURES = fileURLToPath(new URL('../lsp/fixtures/editor/', import.meta.url));
const SEED_004 = fileURLToPath(new URL('../../../shared/seeds/004_2ca9cdde5d6fa5f6.txt', import.meta.url));

function contextOf(text: string): { context: TimelineContext; lines: string[] } {
  const context = timelineContext(analyze(text, { force: true }), ambiguityOf({}));
  return { context, lines: text.split('\n') };
}

const pacificZone: TimelineZone = { raw: 'Pacific time', kind: 'name', iana: 'America/Los_Angeles', dstVariant: 'generic', line: 7 };
const at = (year: number, month: number, day: number, hour: number, minute: number): WallClock => ({ year, month, day, hour, minute });

test('now in the document\'s zone: a region\'s clock through Intl (DST-aware), a fixed offset, or this machine\'s', () => {
  assert.deepEqual(nowInZone(Date.UTC(2020, 8, 30, 15, 16), pacificZone), at(2020, 9, 30, 8, 16));
  assert.deepEqual(nowInZone(Date.UTC(2021, 0, 15, 16, 16), pacificZone), at(2021, 1, 15, 8, 16));
  assert.deepEqual(nowInZone(Date.UTC(2020, 9, 1, 3, 30), pacificZone), at(2020, 9, 30, 20, 30), 'the day before in Pacific time');
  assert.deepEqual(nowInZone(Date.UTC(2020, 9, 1, 0, 5), pacificZone).hour, 17);
  assert.deepEqual(nowInZone(Date.UTC(2024, 1, 29, 22, 45), { raw: 'UTC+3', kind: 'offset', offsetMinutes: 180, line: 0 }), at(2024, 3, 1, 1, 45));
  const local = new Date(2024, 5, 1, 9, 7);
  assert.deepEqual(nowInZone(local.getTime(), undefined), at(2024, 6, 1, 9, 7));
});

test('the zone is written as the abbreviation in force that day', () => {
  assert.equal(zoneLabel(pacificZone, at(2020, 9, 30, 8, 16)), 'PDT');
  assert.equal(zoneLabel(pacificZone, at(2021, 1, 15, 8, 16)), 'PST');
  // A timeline that says PST in September gets PDT on new entries.
  assert.equal(zoneLabel({ raw: 'PST', kind: 'abbr', abbr: 'PST', iana: 'America/Los_Angeles', dstVariant: 'standard', line: 3 }, at(2020, 9, 30, 8, 0)), 'PDT');
  assert.equal(zoneLabel({ raw: 'UTC+3', kind: 'offset', offsetMinutes: 180, line: 3 }, at(2020, 9, 30, 8, 0)), 'UTC+3');
  assert.equal(zoneLabel({ raw: '(UTC)', kind: 'abbr', abbr: 'UTC', offsetMinutes: 0, line: 3 }, at(2020, 9, 30, 8, 0)), 'UTC');
  assert.equal(zoneLabel({ raw: 'WAT', kind: 'abbr', abbr: 'WAT', iana: 'Africa/Lagos', line: 3 }, at(2020, 9, 30, 8, 0)), 'WAT');
});

test('the clock is written like the neighbour\'s', () => {
  assert.equal(formatClockLike(8, 16, '8:00 AM', '12h'), '8:16 AM');
  assert.equal(formatClockLike(20, 5, '10:35 Am', '12h'), '8:05 Pm');
  assert.equal(formatClockLike(0, 5, '8:00 a.m.', '12h'), '12:05 a.m.');
  assert.equal(formatClockLike(12, 0, '08:00am', '12h'), '12:00pm');
  assert.equal(formatClockLike(8, 16, '14:00', '24h'), '08:16');
  assert.equal(formatClockLike(8, 16, '9:00', '24h'), '8:16');
  assert.equal(formatClockLike(8, 16, '14:00:00', '24h'), '08:16:00');
  assert.equal(formatClockLike(8, 16, '0830 HRS', 'military'), '0816 HRS');
  assert.equal(formatDateLike(at(2020, 10, 1, 0, 0), '2020-09-30'), '2020-10-01');
  assert.equal(formatDateLike(at(2020, 10, 1, 0, 0), 'September 30, 2020'), 'October 1, 2020');
  assert.equal(formatDateLike(at(2020, 10, 1, 0, 0), 'Sep 30'), 'Oct 1');
});

test('seed 004: a nested list item in 12h time, the zone stated once in the title', { skip: existsSync(SEED_004) ? false : `${SEED_004} is not present` }, () => {
  const { context, lines } = contextOf(readFileSync(SEED_004, 'utf8'));
  assert.deepEqual(context.zone, { raw: 'Pacific time', kind: 'name', dstVariant: 'generic', iana: 'America/Los_Angeles', line: 11 });
  // Cursor in the Summary: the entry goes after the last one, written like it.
  const point = insertionPoint(context, 6, lines);
  assert.deepEqual([point.line, point.replace, point.writeZone], [18, false, false]);
  const neighbour = { text: lines[point.line] ?? '', shape: point.neighbour! };
  assert.equal(entrySnippet(neighbour, at(2020, 9, 30, 12, 5), 'PDT', point.writeZone), '  * 12:05 PM: ${1:what happened}');
  // Cursor on an entry: below it.
  assert.equal(insertionPoint(context, 14, lines).line, 14);
});

test('a table row with date and zone written on each entry', () => {
  const { context, lines } = contextOf(readFileSync(`${FIXTURES}inferred.md`, 'utf8'));
  const point = insertionPoint(context, 0, lines);
  assert.equal(point.line, 12);
  const neighbour = { text: lines[point.line] ?? '', shape: point.neighbour! };
  assert.equal(entrySnippet(neighbour, at(2024, 1, 16, 9, 5), 'UTC', point.writeZone), '| 2024-01-16 09:05 UTC | ${1:what happened} |');
});

test('list items with a zone on each entry, a bold time, and a blank line in the timeline', () => {
  const text = '# Outage\n\n## Timeline\n\n- **14:00 PDT** — Deploy started\n\n- **14:20 PDT** — Alert fired\n\n## Root Cause\n\nA bug.\n';
  const { context, lines } = contextOf(text);
  const blank = insertionPoint(context, 5, lines);
  assert.deepEqual([blank.line, blank.replace, blank.neighbour?.line], [5, true, 4]);
  const neighbour = { text: lines[4] ?? '', shape: blank.neighbour! };
  assert.equal(entrySnippet(neighbour, at(2024, 1, 15, 9, 3), 'PST', blank.writeZone), '- **09:03 PST** — ${1:what happened}');
});

test('no entries yet: below the title, after a blank line; no timeline: at the cursor', () => {
  const text = '# Outage\n\n## Summary\n\nDown.\n\n## Timeline (all times UTC)\n\n## Root Cause\n\nA bug.\n';
  const { context, lines } = contextOf(text);
  const point = insertionPoint(context, 2, lines);
  assert.deepEqual([point.line, point.blankBefore, point.writeZone, point.neighbour], [6, true, false, undefined]);
  assert.equal(entrySnippet(undefined, at(2024, 1, 15, 9, 3), 'UTC', point.writeZone), '- 09:03 — ${1:what happened}');
  assert.equal(entrySnippet(undefined, at(2024, 1, 15, 9, 3), 'UTC', true), '- 09:03 UTC — ${1:what happened}');
  const none: TimelineContext = { sections: [], entries: [] };
  assert.deepEqual(insertionPoint(none, 1, ['a', '', 'b']), { line: 1, replace: true, blankBefore: false, writeZone: false });
});
