// findTimes: every clock format seen in real postmortems, and the numbers that are not times.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes } from '../../../server/src/engine/timeline/index';
import { assertTimeSpan, pick, timeShape, type TimeShape } from './helpers';

type Case = readonly [text: string, expected: readonly TimeShape[]];

function run(cases: readonly Case[]): void {
  for (const [text, expected] of cases) {
    test(text, () => {
      const found = findTimes(text);
      for (const t of found) assertTimeSpan(text, t, text);
      assert.equal(found.length, expected.length, `tokens: ${found.map((t) => t.raw).join(' | ')}`);
      expected.forEach((e, i) => {
        const t = found[i];
        assert.ok(t);
        assert.deepEqual(pick(timeShape(t), e), e);
      });
    });
  }
}

describe('12-hour clock', () => {
  run([
    ['Alarms fired at 8:16 AM and paged the on-call.', [{ raw: '8:16 AM', hour: 8, minute: 16, meridiem: 'am', style: '12h' }]],
    ['Rollback finished 10:35 Am, traffic recovered.', [{ raw: '10:35 Am', hour: 10, minute: 35, meridiem: 'am' }]],
    ['The import job began at 8:00 a.m. as planned', [{ raw: '8:00 a.m.', hour: 8, minute: 0, meridiem: 'am' }]],
    ['Cache flushed 03:26pm by the operator', [{ raw: '03:26pm', hour: 15, minute: 26 }]],
    ['Tokens rotated at 4:11 AM UTC.', [{ raw: '4:11 AM UTC', hour: 4, minute: 11, zone: 'UTC', offset: 0 }]],
    ['The pager went off at 5:40PM', [{ raw: '5:40PM', hour: 17, minute: 40, meridiem: 'pm' }]],
    ['First customer ticket 12:19 AM', [{ hour: 0, minute: 19, meridiem: 'am' }]],
    ['Lunch deploy at 12:30 PM', [{ hour: 12, minute: 30, meridiem: 'pm' }]],
    ['Backups resumed at 8:00 A.M. on Monday', [{ raw: '8:00 A.M.', hour: 8 }]],
    ['The hotfix landed at 9:05 p.m. that night', [{ raw: '9:05 p.m.', hour: 21, minute: 5 }]],
    ['Last write seen 11:59:59 PM', [{ hour: 23, minute: 59, second: 59, meridiem: 'pm' }]],
    ['Funds moved at 09:11:59 PM UTC', [{ hour: 21, minute: 11, second: 59, zone: 'UTC' }]],
    ['The queue emptied at 9am', [{ raw: '9am', hour: 9, minute: 0, meridiem: 'am', style: '12h' }]],
    ['Traffic normal again by 9 pm', [{ raw: '9 pm', hour: 21 }]],
    ['12:10  PM- config rolled back', [{ raw: '12:10  PM', hour: 12, minute: 10 }]],
    ['- _5:30 PM_ – balancer retuned', [{ raw: '5:30 PM', hour: 17, minute: 30 }]],
    ['<li><strong>08:15 AM:</strong> restarted workers</li>', [{ raw: '08:15 AM', hour: 8, minute: 15 }]],
    ['node[4411]: 1:01PM INF timed out', [{ raw: '1:01PM', hour: 13, minute: 1 }]],
  ]);
});

describe('24-hour clock', () => {
  run([
    ['Latency spiked at 14:18 in the EU region', [{ raw: '14:18', hour: 14, minute: 18, style: '24h', approximate: false }]],
    ['Import started 08:00:00 exactly', [{ raw: '08:00:00', hour: 8, minute: 0, second: 0 }]],
    ['* [08:47] the bump PR merges and deploys', [{ raw: '08:47', hour: 8, minute: 47 }]],
    ['>alice [8:27 AM]  looking now', [{ raw: '8:27 AM', hour: 8, minute: 27 }]],
    ['| 23:55 | migration finished |', [{ raw: '23:55', hour: 23, minute: 55 }]],
    ['- **22:30 UTC** - alert cleared', [{ raw: '22:30 UTC', zone: 'UTC' }]],
    ['At 15.26 the disk filled up', [{ raw: '15.26', hour: 15, minute: 26 }]],
    ['Counters reset at 24:00', [{ hour: 24, minute: 0, invalid: undefined }]],
    ['- 10:00 hours: all clear given', [{ raw: '10:00 hours', hour: 10, minute: 0 }]],
    ['Close to 10:00 hours we saw errors', [{ raw: '10:00 hours', approximate: true }]],
    [':small_blue_diamond:16:20 GMT+1: team paged', [{ raw: '16:20 GMT+1', offset: 60 }]],
    ['10.12:30 PM UTC: service restored', [{ raw: '12:30 PM UTC', hour: 12, minute: 30 }]],
  ]);
});

describe('military time', () => {
  run([
    ['0800 HRS: nightly job begins', [{ raw: '0800 HRS', hour: 8, minute: 0, style: 'military' }]],
    ['1200-HRS: all traffic back', [{ raw: '1200-HRS', hour: 12, minute: 0, style: 'military' }]],
    ['at 0830 hours the queue stalled', [{ raw: '0830 hours', hour: 8, minute: 30 }]],
    ['By 0945 hrs we had rolled back', [{ raw: '0945 hrs', hour: 9, minute: 45 }]],
    ['from 0700 hours to 1130 hours the portal failed', [{ raw: '0700 hours', end: '11:30' }]],
    ['- Mar 3 1506 UTC: patch agreed', [{ raw: '1506 UTC', hour: 15, minute: 6, style: 'military', zone: 'UTC' }]],
    ['- 2249 UTC: release marked latest', [{ raw: '2249 UTC', hour: 22, minute: 49 }]],
    ['0800Z maintenance window opens', [{ raw: '0800Z', hour: 8, zone: 'Z', offset: 0 }]],
    ['2500 HRS: typo in the log', [{ hour: 25, invalid: '2500 is not a time' }]],
  ]);
});

describe('ISO 8601 and numeric date with time', () => {
  run([
    ['panic at 2025-09-29T16:54:16Z in worker', [{ raw: '2025-09-29T16:54:16Z', style: 'iso', date: '2025-9-29', hour: 16, minute: 54, second: 16, zone: 'Z', offset: 0 }]],
    ['window 2021-12-13T08:00:00+02:00 local', [{ raw: '2021-12-13T08:00:00+02:00', offset: 120, date: '2021-12-13' }]],
    ['window 2021-12-13T08:00:00-05:00 local', [{ raw: '2021-12-13T08:00:00-05:00', offset: -300 }]],
    ['2024-10-24 07:34 pod restarted', [{ raw: '2024-10-24 07:34', style: 'iso', date: '2024-10-24', hour: 7, minute: 34 }]],
    ['ts=2024-10-24T07:34:22.609730903Z msg=boom', [{ date: '2024-10-24', hour: 7, minute: 34, second: 22, zone: 'Z' }]],
    ['24-10-2024 - 08:15 - product told us', [{ raw: '24-10-2024 - 08:15', style: '24h', date: '2024-10-24', hour: 8, minute: 15 }]],
    ['28-11-2024 21:00 - queue stopped', [{ date: '2024-11-28', hour: 21 }]],
    ['- 04-12-2022 7:23 AM GMT+1 - tickets opened', [{ date: '2022-12-4', hour: 7, minute: 23, offset: 60 }]],
    ['2019/03/07 21:07:55 [emerg] too many files', [{ raw: '2019/03/07 21:07:55', date: '2019-3-7', second: 55 }]],
    ['- [12-05 16:21] crash loop introduced', [{ raw: '12-05 16:21', date: '?-12-5', hour: 16, minute: 21 }]],
    ['| 2020-10-06 09:00 - 11:00 | investigation |', [{ date: '2020-10-6', hour: 9, end: '11:00' }]],
    ['- 2025-04-10 9:00: fix released', [{ date: '2025-4-10', hour: 9, minute: 0 }]],
    ['06/May/2022 2:17 PM (GMT) start', [{ raw: '06/May/2022 2:17 PM (GMT)', date: '2022-5-6', hour: 14, zone: 'GMT' }]],
    ['[07/Mar/2019:21:07:55 +0000] "GET /"', [{ date: '2019-3-7', hour: 21, second: 55, offset: 0 }]],
    ['2023-09-18 15.26 disks compared', [{ date: '2023-9-18', hour: 15, minute: 26 }]],
    ['| 20202-01-16 12:00 | pipeline rebuilt |', [{ date: '20202-1-16', hour: 12 }]],
  ]);
});

describe('ranges', () => {
  run([
    ['2:30 PM – 9:00 PM: restarts kept failing', [{ raw: '2:30 PM', hour: 14, minute: 30, end: '21:00' }]],
    ['09:00 - 11:00 maintenance', [{ raw: '09:00', end: '11:00' }]],
    ['(Between 1:46pm - 5:30pm)', [{ raw: '1:46pm', hour: 13, end: '17:30' }]],
    ['down from 9:39 AM to 9:49 AM UTC, ten minutes', [{ raw: '9:39 AM', zone: 'UTC', end: '09:49' }]],
    ['from 7:31 PM until 9:21 PM PT', [{ raw: '7:31 PM', zone: 'PT', end: '21:21' }]],
    ['Duration: 14:00 — 16:30 UTC', [{ raw: '14:00', zone: 'UTC', end: '16:30' }]],
    ['impact 1:46 - 5:30pm', [{ raw: '1:46', hour: 13, meridiem: 'pm', inferred: true, end: '17:30' }]],
    ['support window 11:00 - 1:00 PM', [{ raw: '11:00', hour: 11, meridiem: 'am', inferred: true, end: '13:00' }]],
    ['between 9:00 and 10:00 nobody noticed', [{ raw: '9:00', end: '10:00' }]],
    ['during support hours 10:00-17:00 only', [{ raw: '10:00', end: '17:00' }]],
    ['standup moved to 9-10 am', [{ raw: '9', hour: 9, meridiem: 'am', inferred: true, end: '10:00' }]],
    ['From 6PM to 7PM GMT requests failed', [{ raw: '6PM', hour: 18, zone: 'GMT', end: '19:00' }]],
    ['from 2021-11-03 13:50:46 until 2021-11-03 18:42:57', [{ date: '2021-11-3', hour: 13, end: '18:42' }]],
  ]);
});

describe('approximate times', () => {
  run([
    ['- 04-03-2026 ~14:18 UTC – payload ran', [{ raw: '14:18 UTC', approximate: true }]],
    ['cleared at \\~17:30 UTC', [{ raw: '17:30 UTC', approximate: true }]],
    ['unhealthy at around 21:00 on the 28th', [{ raw: '21:00', approximate: true }]],
    ['it stopped approx. 9am', [{ raw: '9am', approximate: true }]],
    ['went down at approximately 12:05pm', [{ raw: '12:05pm', approximate: true, hour: 12 }]],
    ['nobody looked at about 3 pm', [{ raw: '3 pm', approximate: true, hour: 15 }]],
    ['picked it up roughly 19:20 PST', [{ raw: '19:20 PST', approximate: true, zone: 'PST' }]],
    ['the rollout paused 10:30ish', [{ raw: '10:30', approximate: true }]],
    ['| ~2025-03-03 19:30 | wider capacity issue |', [{ date: '2025-3-3', approximate: true }]],
  ]);
});

describe('noon and midnight', () => {
  run([
    ['the release went out at noon', [{ raw: 'noon', hour: 12, minute: 0, meridiem: 'pm' }]],
    ['nothing changed before midnight', [{ raw: 'midnight', hour: 0, minute: 0, meridiem: 'am' }]],
    ['cut over at 12 noon', [{ raw: '12 noon', hour: 12 }]],
    ['died shortly before midnight PT', [{ raw: 'midnight PT', hour: 0, zone: 'PT', approximate: true }]],
    ['Noon: freeze lifted', [{ hour: 12 }]],
  ]);
});

describe('impossible times are tokens with a reason', () => {
  run([
    ['13:55 PM PST: alarms fired', [{ hour: 13, minute: 55, invalid: '13:55 PM mixes 24-hour and AM/PM', zone: 'PST' }]],
    ['- 14:15pm: we read the error log', [{ invalid: '14:15pm mixes 24-hour and AM/PM' }]],
    ['restart at 25:10 local', [{ hour: 25, minute: 10, invalid: '25:10 is not a time' }]],
    ['stamped 12:61 by the cron', [{ minute: 61, invalid: '12:61 has minute 61' }]],
    ['23:00 AM MST: mempool empty', [{ invalid: '23:00 AM mixes 24-hour and AM/PM', zone: 'MST' }]],
    ['paged at 00:30 PM', [{ invalid: '00:30 PM mixes 24-hour and AM/PM' }]],
  ]);
});

describe('zone written after the time', () => {
  run([
    ['deploy at 8:00 AM PST', [{ zone: 'PST', offset: -480 }]],
    ['cut at 10:30 UTC sharp', [{ zone: 'UTC', offset: 0 }]],
    ['scheduled 12:00+02:00', [{ raw: '12:00+02:00', offset: 120 }]],
    ['From 11:00 AM to 11:25 AM GMT-5', [{ zone: 'GMT-5', offset: -300, end: '11:25' }]],
    ['from 7:00 am to 7:30 am (UTC−05:00)', [{ offset: -300, end: '07:30' }]],
    ['At 17:00 GMT +1, the change went out', [{ raw: '17:00 GMT +1', offset: 60 }]],
    ['approximately 00:07 Pacific Standard Time (PST)', [{ zone: 'Pacific Standard Time', offset: -480, approximate: true }]],
    ['around 06:05 Central African Time (CAT) here', [{ zone: 'Central African Time', offset: 120 }]],
    ['At 3:00 PM Eastern time, the banner', [{ zone: 'Eastern time' }]],
    ['From 8:00 a.m. at 11:58 a.m. PCT, errors', [{ raw: '8:00 a.m.' }, { zone: 'PCT', offset: undefined }]],
    ['roughly at 12:05 EAT.', [{ zone: 'EAT', offset: 180 }]],
    ['resolved as of 19:27 US/Pacific.', [{ zone: 'US/Pacific' }]],
    ['and, at 8:00 am. Pacific Time, it began', [{ zone: 'Pacific Time' }]],
    ['**April 4, 2023, 1:22 pm (UTC):** report filed', [{ raw: '1:22 pm (UTC)', zone: 'UTC' }]],
    ['12:00pm to 12:35pm (PDT)', [{ zone: 'PDT', offset: -420, end: '12:35' }]],
    ['Started: 00:00:00 +0000 UTC', [{ raw: '00:00:00 +0000', offset: 0 }]],
  ]);
});

describe('numbers that are not times', () => {
  const none = [
    'released v1.20.3 of the agent',
    'ping 10.0.0.1 and 10.50.100.2 failed',
    'a 3:1 ratio of reads to writes',
    'as John 3:16 says',
    'the plan costs $10.50 a month',
    'HTTP 500 errors spiked',
    'in 2019 we had 1466 users',
    'see PM2019-009 for details',
    'nodes upgraded to 1.30 overnight',
    'macOS upgrade to 10.15 broke it',
    'docker run -p 8080:80 nginx',
    'ticket #12:30 was closed',
    'total outage of 4:21h.',
    'a 1500 hours effort',
    'offset UTC+05:30 applies',
    'T+1:30 after launch',
    'panic in main.go:12:34',
    'final score 45:30',
    'AM radio station',
    'the afternoon shift',
    '| 2019-12-03 --:-- | surge |',
    '| 2022-06-10 HH:mm | confirmed |',
    'log4j 2.17 published',
    'measured 5 pmol of it',
    '10 amazing ideas',
    'Step 3: 4 items left',
    'time=1.13ms ttl=64',
    'On August 4 - we shipped',
  ];
  for (const text of none) {
    test(text, () => assert.deepEqual(findTimes(text).map((t) => t.raw), []));
  }
});

test('range ends are nested, not listed again', () => {
  const found = findTimes('09:00 - 11:00 and 12:00');
  assert.deepEqual(found.map((t) => t.raw), ['09:00', '12:00']);
  assert.equal(found[0]?.rangeEnd?.raw, '11:00');
});

test('a zone after the range end is shared with the start', () => {
  const [t] = findTimes('outage 14:00 - 16:30 UTC (2 hours 30 minutes)');
  assert.equal(t?.zone?.abbr, 'UTC');
  assert.equal(t?.zoneFromRangeEnd, true);
  assert.equal(t?.raw, '14:00');
});

test('clock offsets cover just the clock for quick fixes', () => {
  const text = '13:55 PM PST: fired';
  const [t] = findTimes(text);
  assert.ok(t);
  assert.equal(text.slice(t.clockStart, t.clockEnd), '13:55 PM');
});

test('repeated calls give the same answer (no regex state leaks)', () => {
  const text = '2:30 PM – 9:00 PM then 2024-10-24 07:34 and 0800 HRS';
  assert.deepEqual(findTimes(text), findTimes(text));
});
