// Precision and recall of every rule on the labelled corpus (labels.json), against floors that
// the rules reach today: a change that loses a true finding or adds a false alarm on a labelled
// line fails here. Skipped cleanly when ../shared (the corpus) is not beside the checkout.
// The numbers and how they are counted: docs/accuracy.md (npx tsx scripts/accuracy.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreCorpus, scoreTable, sharedAvailable, SHARED_DIR, timelineTable, type CorpusScore } from './score';

/** [precision, recall] floors; undefined where the rule has no labels of that kind to measure. */
const FLOORS: Record<string, [number | undefined, number | undefined]> = {
  // Timeline rules.
  'timeline-unparsed': [0.95, 0.95],
  'timeline-order': [0.95, 0.95],
  'timezone-missing': [0.95, 0.9],
  'timezone-mixed': [0.95, 0.95],
  'invalid-time': [0.95, 0.95],
  'summary-window': [0.95, 0.95],
  'stated-duration': [0.95, 0.75],
  'prose-time': [0.95, 0.95],
  'milestone-order': [0.95, 0.95],
  'date-mismatch': [0.95, 0.95],
  // Structure rules, as they stand.
  'missing-section': [0.95, 0.9],
  'placeholder-text': [0.95, 0.95],
  'duplicate-section': [0.95, 0.25],
  'duplicate-paragraph': [0.95, 0.5],
  'pseudo-heading': [0.95, 0.95],
  'empty-section': [0.95, 0.95],
  'action-item-owner': [0.95, 0.75],
};

/** Whole-timeline readings: how often the zone and the outage window agree with the reviewer. */
const READING_FLOORS = { zone: 0.95, outageStart: 0.85, outageEnd: 0.8 };

describe('accuracy on the labelled corpus', { skip: sharedAvailable() ? false : `${SHARED_DIR} is not present` }, () => {
  let score: CorpusScore | undefined;
  const get = () => (score ??= scoreCorpus());

  test('per-rule precision and recall stay above their floors', (t) => {
    const s = get();
    t.diagnostic(`\n${scoreTable(s)}`);
    const below: string[] = [];
    for (const [rule, [precision, recall]] of Object.entries(FLOORS)) {
      const r = s.rules.find((x) => x.rule === rule);
      assert.ok(r, `no labels for ${rule}`);
      if (precision !== undefined && (r.precision ?? 1) < precision) below.push(`${rule} precision ${r.precision?.toFixed(2)} < ${precision}`);
      if (recall !== undefined && (r.recall ?? 1) < recall) below.push(`${rule} recall ${r.recall?.toFixed(2)} < ${recall}`);
    }
    const detail = s.falseAlarms.map((f) => `  false alarm ${f.file}:${f.line ?? f.section} ${f.rule}: ${f.message ?? ''}`)
      .concat(s.misses.filter((m) => below.some((b) => b.startsWith(`${m.rule} recall`))).map((m) => `  miss ${m.file}:${m.line ?? m.section} ${m.rule}: ${m.why ?? ''}`));
    assert.deepEqual(below, [], `${below.join('\n')}\n${detail.join('\n')}`);
  });

  test('no rule reports a line the reviewer marked as a trap, for the timeline rules', () => {
    const timelineRules = new Set(Object.keys(FLOORS).slice(0, 10));
    const alarms = get().falseAlarms.filter((f) => timelineRules.has(f.rule)).map((f) => `${f.file}:${f.line} ${f.rule}: ${f.message ?? ''} [${f.why ?? ''}]`);
    assert.deepEqual(alarms, []);
  });

  test('the timeline reads the zone and the outage window as the reviewer did', (t) => {
    const s = get();
    t.diagnostic(`\n${timelineTable(s)}`);
    for (const [key, floor] of Object.entries(READING_FLOORS) as [keyof typeof READING_FLOORS, number][]) {
      const b = s.timeline[key];
      const rate = b.labelled ? b.agreed / b.labelled : 1;
      assert.ok(rate >= floor, `${key}: ${rate.toFixed(2)} < ${floor}\n${b.misses.map((m) => `  ${m.file}: ${m.message} [${m.why}]`).join('\n')}`);
    }
  });
});
