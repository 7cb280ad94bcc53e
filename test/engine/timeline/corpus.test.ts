// Smoke test over every line of the real postmortems (when the shared corpus is present) and over
// generated text: no exceptions, every offset inside its line, raw === slice, same answer twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import {
  findDates, findDurations, findRelative, findTimePlaceholders, findTimes, findVague, findZones,
} from '../../../server/src/engine/timeline/index';
import { assertDateSpan, assertSpan, assertTimeSpan, assertZoneSpan } from './helpers';

const SHARED = fileURLToPath(new URL('../../../../shared/', import.meta.url));
const DIRS = [join(SHARED, 'corpus', 'docs'), join(SHARED, 'seeds')];

function checkLine(line: string, where: string): number {
  let count = 0;
  const ordered = (list: { start: number; end: number }[], what: string) => {
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      const cur = list[i];
      assert.ok(prev && cur && prev.end <= cur.start, `${where}: ${what} tokens in order, not overlapping`);
    }
    count += list.length;
  };
  const times = findTimes(line);
  times.forEach((t) => assertTimeSpan(line, t, where));
  ordered(times.map((t) => ({ start: t.start, end: t.rangeEnd?.end ?? t.end })), 'time');
  const dates = findDates(line);
  dates.forEach((d) => assertDateSpan(line, d, where));
  ordered(dates, 'date');
  for (const t of times) {
    // A time's attached date is the very token findDates reports, so callers can match them up.
    if (t.date) assert.deepEqual(dates.find((d) => d.start === t.date?.start), t.date, `${where}: ${t.raw} date as findDates has it`);
  }
  const zones = findZones(line);
  zones.forEach((z) => assertZoneSpan(line, z, where));
  ordered(zones, 'zone');
  for (const [what, list] of [
    ['duration', findDurations(line)], ['relative', findRelative(line)], ['vague', findVague(line)],
    ['placeholder', findTimePlaceholders(line)],
  ] as const) {
    list.forEach((t) => assertSpan(line, t, `${where} ${what}`));
    ordered([...list], what);
  }
  for (const d of findDurations(line)) assert.ok(Number.isFinite(d.minutes) && d.minutes >= 0, `${where}: duration minutes`);
  for (const t of times) {
    assert.ok(Number.isInteger(t.hour) && Number.isInteger(t.minute), `${where}: integer clock`);
    if (t.invalid === undefined) assert.ok(t.hour <= 24 && t.minute <= 59, `${where}: valid times are in range (${t.raw})`);
  }
  return count;
}

test('every line of the shared corpus and seeds tokenizes cleanly', (t) => {
  const present = DIRS.filter((d) => existsSync(d));
  if (present.length === 0) {
    t.skip('shared corpus not present');
    return;
  }
  let files = 0;
  let tokens = 0;
  for (const dir of present) {
    for (const name of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, name), 'utf8');
      files++;
      text.split(/\r?\n/).forEach((line, i) => {
        tokens += checkLine(line, `${name}:${i + 1}`);
      });
      // Whole documents too: the finders must not depend on being given single lines.
      checkLine(text, name);
    }
  }
  assert.ok(files > 0);
  assert.ok(tokens > 1000, `the corpus is full of times and dates (found ${tokens})`);
});

test('generated time-like text never throws and keeps offsets exact', () => {
  const pieces = [
    '0', '1', '2', '9', '12', '23', '59', '2024', '0800', ':', '.', '-', '/', ' ', '  ', '\t', 'T', 'Z', '+', '~', '\\~',
    '(', ')', '[', ']', 'AM', 'pm', 'a.m.', 'p.m', 'UTC', 'GMT', 'PST', 'PCT', 'WAT', 'IST', 'HRS', 'hours', 'h', 'm',
    'min', 'days', 'and', 'a', 'half', 'to', 'until', 'between', '–', '—', 'noon', 'midnight', 'Aug', 'May', 'Sept.',
    'March', 'Monday', ',', 'th', 'of', 'around', 'late', 'in the', 'morning', 'T+', '??', 'HH', 'mm', 'Pacific',
    'time', 'Standard', 'Central African', 'Time', 'US/Pacific', '−', 'é', '日本', '😀',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
      const line = parts.join('');
      checkLine(line, JSON.stringify(line));
      assert.deepEqual(findTimes(line), findTimes(line));
      assert.deepEqual(findDates(line), findDates(line));
    }),
    { numRuns: 1500, seed: 20240229 },
  );
});

test('long lines stay fast (no catastrophic backtracking)', () => {
  const nasty = [
    '1'.repeat(5000), '1:'.repeat(3000), '12:3'.repeat(2000), 'a '.repeat(4000), 'T+'.repeat(3000), ' -'.repeat(4000),
    '2024-'.repeat(2000), 'UTC+'.repeat(2000), 'and a half '.repeat(800), 'twenty '.repeat(1500), '(('.repeat(3000),
    'AM '.repeat(3000), '9 '.repeat(4000) + 'am', 'Monday, '.repeat(1500), '~'.repeat(5000),
  ];
  for (const line of nasty) {
    const started = performance.now();
    checkLine(line, `${line.slice(0, 8)}…`);
    const ms = performance.now() - started;
    assert.ok(ms < 1500, `${JSON.stringify(line.slice(0, 12))}… took ${ms.toFixed(0)} ms`);
  }
});
