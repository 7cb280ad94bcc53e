// `timeline --format json` follows the CLI contract (product.md) exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timelineJson, timelineView } from '../../server/src/render';
import { CLASSIC, makeTimeline } from './fixtures';

test('the JSON has exactly the contract fields, 1-based lines and ISO times with offset', () => {
  const json = timelineJson(timelineView(makeTimeline(CLASSIC), [], { filePath: 'docs/pm.md' }));
  assert.deepEqual(Object.keys(json), ['filePath', 'timezone', 'events', 'metrics']);
  assert.equal(json.filePath, 'docs/pm.md');
  assert.equal(json.timezone, 'America/Los_Angeles');
  assert.deepEqual(json.events[1], { line: 12, text: 'Interruption begins', time: '2020-09-30T08:16:00-07:00', approximate: false, kind: 'start' });
  for (const e of json.events) assert.deepEqual(Object.keys(e), ['line', 'text', 'time', 'approximate', 'kind']);
  assert.deepEqual(json.metrics, {
    start: '2020-09-30T08:16:00-07:00',
    detected: '2020-09-30T08:26:00-07:00',
    mitigated: '2020-09-30T10:35:00-07:00',
    resolved: '2020-09-30T11:58:00-07:00',
    timeToDetectMinutes: 10,
    timeToMitigateMinutes: 139,
    timeToResolveMinutes: 222,
    durationMinutes: 222,
  });
});

test('unknown zone: no offset; unknown date: the time alone; unplaced entries: null', () => {
  const floating = makeTimeline([
    { at: '2000-01-01 08:16', text: 'Outage', kind: 'start', approximate: true },
    { text: 'Later', vague: 'late in the day' },
  ], { zone: null, floatingDate: true });
  const json = timelineJson(timelineView(floating, [], { filePath: 'pm.md' }));
  assert.equal(json.timezone, null);
  assert.deepEqual(json.events, [
    { line: 11, text: 'Outage', time: '08:16:00', approximate: true, kind: 'start' },
    { line: 12, text: 'Later', time: null, approximate: false, kind: 'other' },
  ]);
  assert.deepEqual(json.metrics, { start: '08:16:00', detected: null, mitigated: null, resolved: null, timeToDetectMinutes: null, timeToMitigateMinutes: null, timeToResolveMinutes: null, durationMinutes: null });
  const dated = makeTimeline([{ at: '2021-03-01 23:59', text: 'x' }], { zone: null });
  assert.equal(timelineJson(timelineView(dated, [], { filePath: 'pm.md' })).events[0]!.time, '2021-03-01T23:59:00');
  const utc = makeTimeline([{ at: '2021-03-01 23:59', text: 'x' }], { zone: { start: 0, end: 3, raw: 'UTC', kind: 'abbr', abbr: 'UTC', fixedOffsetMinutes: 0 } });
  const u = timelineJson(timelineView(utc, [], { filePath: 'pm.md' }));
  assert.equal(u.events[0]!.time, '2021-03-01T23:59:00+00:00');
  assert.equal(u.timezone, 'UTC');
});

test('T+ entries with no clock time in the timeline have no time of day (null), but the metrics are known', async () => {
  const { analyze } = await import('../../server/src/engine');
  const a = analyze('# Drill\n\n## Timeline\n\n- T+0m Outage begins\n- T+15m Alert fires\n- T+1h Service fully restored\n', { force: true });
  const json = timelineJson(timelineView(a.timeline!, a.problems, { filePath: 'drill.md' }));
  assert.deepEqual(json.events.map((e) => e.time), [null, null, null]);
  assert.equal(json.metrics.timeToDetectMinutes, 15);
  assert.equal(json.metrics.durationMinutes, 60);
  const anchored = analyze('# Drill on 2022-06-01\n\n## Timeline (all times UTC)\n\n- 10:00 Outage begins\n- T+15m Alert fires\n', { force: true });
  assert.deepEqual(timelineJson(timelineView(anchored.timeline!, anchored.problems, { filePath: 'drill.md' })).events.map((e) => e.time), ['2022-06-01T10:00:00+00:00', '2022-06-01T10:15:00+00:00']);
});
