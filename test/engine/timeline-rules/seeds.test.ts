// What the timeline issue says the seeds must show, read as the CLI reads a named file.
// Skipped when ../shared is not beside the checkout.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, type Analysis } from '../../../server/src/engine';
import { sniffLanguage } from '../../../server/src/config/files';
import { iso } from './helpers';

const SEEDS = join(resolve(import.meta.dirname, '../../../../shared'), 'seeds');
const TIMELINE_RULES = new Set(['timeline-unparsed', 'timeline-order', 'timezone-missing', 'timezone-mixed', 'invalid-time', 'summary-window', 'stated-duration', 'prose-time', 'milestone-order', 'date-mismatch', 'weekday-mismatch']);

function seed(prefix: string): Analysis {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`));
  assert.ok(name, `seed ${prefix}`);
  const path = join(SEEDS, name);
  const text = readFileSync(path, 'utf8');
  return analyze(text, { languageId: sniffLanguage(path, text), force: true });
}

const timelineProblems = (a: Analysis) => a.problems.filter((p) => TIMELINE_RULES.has(p.ruleId)).map((p) => `${p.range.start.line + 1} ${p.ruleId} ${p.message}`);

describe('seeds: the timeline', { skip: existsSync(SEEDS) ? false : `${SEEDS} is not present` }, () => {
  test('004: "at 8:00 am the outage began" against 8:16; PCT, PST in September; the summary starts at the push', () => {
    const a = seed('004');
    assert.deepEqual(timelineProblems(a), [
      "7 summary-window The summary's window disagrees with the timeline: the timeline says the outage began at 08:16 (line 14); this says 08:00.",
      '7 timezone-mixed "PCT" is not a time zone; the timeline is in Pacific time (line 12).',
      '27 timezone-mixed PST is wrong for 2020-09-30: the clocks there were on PDT.',
      '27 prose-time The timeline says the outage began at 08:16 (line 14); this says 08:00.',
      '31 timezone-mixed PST is wrong for 2020-09-30: the clocks there were on PDT.',
    ]);
    const pst = a.problems.filter((p) => p.message.startsWith('PST'));
    assert.ok(pst.every((p) => p.fixes?.[0]?.edits[0]?.newText === 'PDT' && p.fixes[0].safe));
    assert.equal(iso(a.timeline?.milestones.start), '2020-09-30T08:16:00-07:00');
  });

  test('001: the summary\'s 0800 against the outage beginning at 0830 (the root cause agrees with the timeline)', () => {
    assert.deepEqual(timelineProblems(seed('001')), ["3 summary-window The summary's window disagrees with the timeline: the timeline says the outage began at 08:30 (line 7); this says 08:00."]);
  });

  test('002: consistent, no timeline warnings', () => {
    assert.deepEqual(timelineProblems(seed('002')), []);
  });

  test('003: only "Late in the day" is reported; the dates carry from August 4 to August 8', () => {
    const a = seed('003');
    assert.deepEqual(timelineProblems(a), ['13 timeline-unparsed Vague time "Late in the day": say when it happened (an approximate time such as "~22:00" is fine).']);
    assert.deepEqual(a.timeline?.entries.map((e) => iso(e).slice(0, 10)), ['-', '2016-08-05', '2016-08-05', '2016-08-08', '2016-08-08', '2016-08-08', '2016-08-08']);
  });
});
