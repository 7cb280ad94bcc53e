// findDurations and findRelative.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findDurations, findRelative, type DurationToken } from '../../../server/src/engine/timeline/index';
import { assertSpan, pick } from './helpers';

interface DurationShape {
  raw?: string;
  minutes?: number;
  approximate?: boolean;
  bound?: DurationToken['bound'];
}

type Case = readonly [text: string, expected: readonly DurationShape[]];

function run(cases: readonly Case[]): void {
  for (const [text, expected] of cases) {
    test(text, () => {
      const found = findDurations(text);
      for (const d of found) assertSpan(text, d, text);
      assert.equal(found.length, expected.length, `tokens: ${found.map((d) => d.raw).join(' | ')}`);
      expected.forEach((e, i) => {
        const d = found[i];
        assert.ok(d);
        assert.deepEqual(pick({ raw: d.raw, minutes: d.minutes, approximate: d.approximate, bound: d.bound }, e), e);
      });
    });
  }
}

describe('durations', () => {
  run([
    ['the outage lasted three hours', [{ raw: 'three hours', minutes: 180, approximate: false }]],
    ['Time to recovery: 54 hours 10 minutes', [{ raw: '54 hours 10 minutes', minutes: 3250 }]],
    ['Time to recovery: 54h10m', [{ raw: '54h10m', minutes: 3250 }]],
    ['resolved in 1h 48m', [{ raw: '1h 48m', minutes: 108 }]],
    ['a 47 minute window', [{ raw: '47 minute', minutes: 47 }]],
    ['| ~2h |', [{ raw: '2h', minutes: 120, approximate: true }]],
    ['|      ~24h40m      |', [{ raw: '24h40m', minutes: 1480, approximate: true }]],
    ['- **Time to repair**: 4h 9m', [{ raw: '4h 9m', minutes: 249 }]],
    ['root cause took a day and a half', [{ raw: 'a day and a half', minutes: 2160 }]],
    ['queued for 90 mins', [{ raw: '90 mins', minutes: 90 }]],
    ['an outage lasting 1 hour and 48 minutes, from', [{ raw: '1 hour and 48 minutes', minutes: 108 }]],
    ['for half an hour', [{ raw: 'half an hour', minutes: 30 }]],
    ['for more than a half-hour', [{ raw: 'a half-hour', minutes: 30, approximate: true, bound: 'min' }]],
    ['back in an hour and a half', [{ raw: 'an hour and a half', minutes: 90 }]],
    ['about two and a half hours', [{ raw: 'two and a half hours', minutes: 150, approximate: true }]],
    ['approximately 2 and half hours', [{ raw: '2 and half hours', minutes: 150, approximate: true }]],
    ['for 1.5 hours', [{ raw: '1.5 hours', minutes: 90 }]],
    ['a total outage of 4:21h.', [{ raw: '4:21h', minutes: 261 }]],
    ['a total outage of 9hrs 34mins.', [{ raw: '9hrs 34mins', minutes: 574 }]],
    ['Time to resolve: 20h 03m', [{ raw: '20h 03m', minutes: 1203 }]],
    ['Time to repair: 673h34m', [{ raw: '673h34m', minutes: 40414 }]],
    ['Time to resolve: 2d 1h 29m', [{ raw: '2d 1h 29m', minutes: 2969 }]],
    ['a downtime of over twenty four hours', [{ raw: 'twenty four hours', minutes: 1440, approximate: true, bound: 'min' }]],
    ['patched within 24 minutes', [{ minutes: 24, approximate: true, bound: 'max' }]],
    ['halted for almost four hours', [{ minutes: 240, approximate: true, bound: 'max' }]],
    ['just over an hour later', [{ raw: 'an hour', minutes: 60, approximate: true, bound: 'min' }]],
    ['expected to take a couple of minutes', [{ raw: 'a couple of minutes', minutes: 2, approximate: true }]],
    ['flapping for 30 seconds', [{ minutes: 0.5 }]],
    ['a 47-minute outage', [{ raw: '47-minute', minutes: 47 }]],
    ['over a 10-day period', [{ raw: '10-day', minutes: 14400 }]],
    ['down for 3 weeks', [{ minutes: 30240 }]],
    ['Time to detection: 5280 minutes', [{ minutes: 5280 }]],
    ['(2 hours 30 minutes)', [{ raw: '2 hours 30 minutes', minutes: 150 }]],
    ['2 hours, 30 minutes', [{ raw: '2 hours', minutes: 120 }, { raw: '30 minutes', minutes: 30 }]],
    ['~5min delay from hook', [{ raw: '5min', minutes: 5, approximate: true }]],
    ['every 15 min (under 20s)', [{ minutes: 15 }, { raw: '20s', approximate: true, bound: 'max' }]],
    ['Over the subsequent 40 minutes, to 10:10 GMT', [{ minutes: 40 }]],
    ['TWELVE HOURS LATER', [{ minutes: 720 }]],
  ]);
});

describe('not durations', () => {
  const none = [
    'serve HTTP 502s to clients',
    'in the 1990s',
    '10s of thousands of requests',
    'node-a   4022m        102%        13681Mi',
    'lost 11m DAI in the exploit',
    'cpu: 500m',
    'resources.requests.cpu=250m',
    'a 2.7m profit',
    'runs twice a day',
    'tried a second time',
    '0800 hours: database update',
    '1200 HRS: all back',
    'at 1500 hours the pump stopped',
    'T+15m into the drill',
    '+45 min after the page',
    'in 24-hour clock',
    'parked 5 m away',
    'limit 512Mi memory',
    'a few hours',
    'several days',
    'at 10:00 hours sharp',
  ];
  for (const text of none) {
    test(text, () => assert.deepEqual(findDurations(text).map((d) => d.raw), []));
  }
});

describe('relative offsets', () => {
  const cases: [text: string, raw: string, minutes: number][] = [
    ['T+15m: first alert', 'T+15m', 15],
    ['T+1h30m: rollback', 'T+1h30m', 90],
    ['| [+7.5 hrs] | network resumes |', '+7.5 hrs', 450],
    ['+45 min: status page updated', '+45 min', 45],
    ['T-5m: freeze begins', 'T-5m', -5],
    ['T+0: launch', 'T+0', 0],
    ['T + 2h: review', 'T + 2h', 120],
    ['T+1:30 dashboards green', 'T+1:30', 90],
    ['[+2 hrs] root cause found', '+2 hrs', 120],
  ];
  for (const [text, raw, minutes] of cases) {
    test(text, () => {
      const found = findRelative(text);
      assert.equal(found.length, 1, found.map((r) => r.raw).join(' | '));
      const r = found[0];
      assert.ok(r);
      assertSpan(text, r, text);
      assert.deepEqual([r.raw, r.minutes], [raw, minutes]);
    });
  }
  const none = ['UTC+3 offset', 'Timeline (+3 GMT)', 'up +5% week on week', 'C++ 11 toolchain', 'GMT+1 office', 'at 12:00+02:00'];
  for (const text of none) {
    test(`no relative offset: ${text}`, () => assert.deepEqual(findRelative(text).map((r) => r.raw), []));
  }
});
