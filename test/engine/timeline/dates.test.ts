// findDates and the calendar helpers: named months, ISO, day/month orders, weekdays, placeholders.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  findDates, isValidDate, resolveDateOrder, weekdayOf, type DateToken,
} from '../../../server/src/engine/timeline/index';
import { assertDateSpan, pick } from './helpers';

interface DateFields {
  raw: string;
  ymd: string;
  weekday: number | undefined;
  invalid: string | undefined;
  placeholder: boolean;
  order: DateToken['order'];
  ambiguous: boolean;
  alternative: string | undefined;
  twoDigitYear: boolean;
}
type DateShape = Partial<DateFields>;

function shape(d: DateToken): DateFields {
  return {
    raw: d.raw,
    ymd: `${d.year ?? '?'}-${d.month}-${d.day}`,
    weekday: d.weekday,
    invalid: d.invalid,
    placeholder: d.placeholder === true,
    order: d.order,
    ambiguous: d.ambiguousOrder === true,
    alternative: d.alternative ? `${d.alternative.month}/${d.alternative.day}` : undefined,
    twoDigitYear: d.twoDigitYear === true,
  };
}

type Case = readonly [text: string, expected: readonly DateShape[]];

function run(cases: readonly Case[]): void {
  for (const [text, expected] of cases) {
    test(text, () => {
      const found = findDates(text);
      for (const d of found) assertDateSpan(text, d, text);
      assert.equal(found.length, expected.length, `tokens: ${found.map((d) => d.raw).join(' | ')}`);
      expected.forEach((e, i) => {
        const d = found[i];
        assert.ok(d);
        assert.deepEqual(pick(shape(d), e), e);
      });
    });
  }
}

describe('named months', () => {
  run([
    ['On August 5 the deploy broke', [{ raw: 'August 5', ymd: '?-8-5', order: 'named' }]],
    ['noticed Aug 5th by support', [{ raw: 'Aug 5th', ymd: '?-8-5' }]],
    ['Released 5 August 2020.', [{ raw: '5 August 2020', ymd: '2020-8-5' }]],
    ['Outage on Sep 30, 2020 (all day)', [{ raw: 'Sep 30, 2020', ymd: '2020-9-30' }]],
    ['Since September 30th, 2020 we', [{ raw: 'September 30th, 2020', ymd: '2020-9-30' }]],
    ['Wednesday, August 10, 2016 by the web team', [{ raw: 'Wednesday, August 10, 2016', ymd: '2016-8-10', weekday: 3 }]],
    ['* 11:10 6th Nov 2023 - merged', [{ raw: '6th Nov 2023', ymd: '2023-11-6' }]],
    ['fixed by Nov 11th at the latest', [{ raw: 'Nov 11th', ymd: '?-11-11' }]],
    ['the morning of Sept. 18th, 2017, a few', [{ raw: 'Sept. 18th, 2017', ymd: '2017-9-18' }]],
    ['occurred on January23, 2021. We', [{ raw: 'January23, 2021', ymd: '2021-1-23' }]],
    ['**October 27, 2022 (Thursday)**', [{ raw: 'October 27, 2022 (Thursday)', weekday: 4 }]],
    ['Date: Tue, 1 Nov 2022 07:32:16 GMT', [{ raw: 'Tue, 1 Nov 2022', ymd: '2022-11-1', weekday: 2 }]],
    ['* 7-13th Nov - forward fixes', [{ raw: '13th Nov', ymd: '?-11-13' }]],
    ['**Feb 05, 2021:** disclosure', [{ raw: 'Feb 05, 2021', ymd: '2021-2-5' }]],
    ['- Mar 3 1506 UTC: agreed', [{ raw: 'Mar 3', ymd: '?-3-3' }]],
    ['merged on the 24th of November.', [{ raw: '24th of November', ymd: '?-11-24' }]],
    ['On Saturday Oct 30th 2021 a storm began', [{ raw: 'Saturday Oct 30th 2021', weekday: 6 }]],
    ['Between November 11 and November 15, 2025 we', [{ ymd: '?-11-11' }, { ymd: '2025-11-15' }]],
    ['SEPTEMBER 3, 2021 INCIDENT', [{ ymd: '2021-9-3' }]],
    ['phases over 05-06 March 2026:', [{ raw: '06 March 2026', ymd: '2026-3-6' }]],
  ]);
});

describe('numeric dates', () => {
  run([
    ['| 2021-12-13 | published |', [{ raw: '2021-12-13', ymd: '2021-12-13', order: 'ymd' }]],
    ['on 2019-1-17 the config changed', [{ ymd: '2019-1-17' }]],
    ['2019/03/07 21:07:55 [emerg]', [{ raw: '2019/03/07', ymd: '2019-3-7' }]],
    ['# 28-11-2024 - scans not starting', [{ raw: '28-11-2024', ymd: '2024-11-28', order: 'dmy', ambiguous: false }]],
    ['- 24-10-2024 - 08:15 - verbal report', [{ raw: '24-10-2024', ymd: '2024-10-24' }]],
    ['- [03-26 23:04] node drained', [{ raw: '03-26', ymd: '?-3-26', order: 'md' }]],
    ['# Website Outage 5-26-21', [{ raw: '5-26-21', ymd: '2021-5-26', order: 'mdy', twoDigitYear: true }]],
    ['On 11/17/2016 the site', [{ raw: '11/17/2016', ymd: '2016-11-17', order: 'mdy' }]],
    ['the morning of 9/11/18 was quiet', [{ ymd: '2018-9-11', ambiguous: true, alternative: '11/9' }]],
    ['- 04-12-2022 7:23 AM GMT+1', [{ ymd: '2022-12-4', order: 'dmy', ambiguous: true, alternative: '4/12' }]],
    ['Tue 04-12-2022 rollout', [{ raw: 'Tue 04-12-2022', ymd: '2022-4-12', weekday: 2, order: 'mdy' }]],
    ['Date: 2025-Feb-07', [{ raw: '2025-Feb-07', ymd: '2025-2-7' }]],
    ['06/May/2022 2:17 PM (GMT)', [{ raw: '06/May/2022', ymd: '2022-5-6' }]],
    ['Start: Wednesday, 2018-08-22', [{ raw: 'Wednesday, 2018-08-22', weekday: 3 }]],
    ['in 13.12.2021 release notes', [{ ymd: '2021-12-13', order: 'dmy' }]],
    ['- incidents/2021-06-09 and (2021-06-10)', [{ ymd: '2021-6-10' }]],
  ]);
});

describe('impossible dates are tokens with a reason', () => {
  run([
    ['| 20202-01-16 12:00 | pipeline |', [{ ymd: '20202-1-16', invalid: 'year 20202 has five digits' }]],
    ['planned for Feb 30, 2021', [{ ymd: '2021-2-30', invalid: 'February 30 does not exist' }]],
    ['due May 5, 22025', [{ invalid: 'year 22025 has five digits' }]],
    ['First detected 22025-03-18 09:36', [{ invalid: 'year 22025 has five digits' }]],
    ['date: 31/31/30', [{ invalid: 'month 31 does not exist' }]],
    ['on February 29, 2023 nothing', [{ invalid: 'February 29, 2023 does not exist (2023 is not a leap year)' }]],
    ['on February 29, 2024 all good', [{ invalid: undefined }]],
    ['shipped 2023-04-31 by mistake', [{ invalid: 'April 31 does not exist' }]],
  ]);
});

describe('placeholders', () => {
  run([
    ['| 2022-05-?? HH:mm | detected |', [{ raw: '2022-05-??', placeholder: true, ymd: '2022-5-0' }]],
    ['| 2021/22-??-?? HH:mm | run by hand |', [{ raw: '2021/22-??-??', placeholder: true }]],
    ['Date: YYYY-MM-DD', [{ raw: 'YYYY-MM-DD', placeholder: true, ymd: '?-0-0' }]],
    ['Incident date DD/MM/YYYY', [{ raw: 'DD/MM/YYYY', placeholder: true }]],
  ]);
});

describe('not dates', () => {
  const none = [
    'version 1.13.12 to 1.14.1',
    'ping 10.0.0.1',
    'took 10-15 minutes',
    'see PM2020-003',
    'Mark 3 as done',
    'may 10 users retry?',
    'half of the fleet: 1/2',
    '24/7 support rota',
    'between 10-12 nodes',
    'the May 2022 release',
    'node-12-05-x is a hostname',
    'at 3.5 weeks of state',
  ];
  for (const text of none) {
    test(text, () => assert.deepEqual(findDates(text).map((d) => d.raw), []));
  }
});

describe('calendar helpers', () => {
  const valid: [number, number, number, boolean][] = [
    [2024, 2, 29, true], [2023, 2, 29, false], [1900, 2, 29, false], [2000, 2, 29, true],
    [2021, 4, 31, false], [2021, 12, 31, true], [2021, 13, 1, false], [2021, 0, 10, false], [2021, 6, 0, false],
  ];
  for (const [y, m, d, ok] of valid) {
    test(`isValidDate(${y}, ${m}, ${d}) is ${ok}`, () => assert.equal(isValidDate(y, m, d), ok));
  }
  const weekdays: [number, number, number, number][] = [
    [2016, 8, 10, 3], [2020, 9, 30, 3], [2000, 1, 1, 6], [2024, 2, 29, 4], [1970, 1, 1, 4], [2025, 12, 25, 4],
  ];
  for (const [y, m, d, w] of weekdays) {
    test(`weekdayOf(${y}, ${m}, ${d}) is ${w}`, () => assert.equal(weekdayOf(y, m, d), w));
  }
});

test('resolveDateOrder reads ambiguous dates like the unambiguous ones beside them', () => {
  const dates = [...findDates('01-10-2024 stalled'), ...findDates('01-31-2024 fixed'), ...findDates('02-28-2024 released')];
  assert.equal(dates[0]?.order, 'dmy');
  resolveDateOrder(dates);
  assert.deepEqual([dates[0]?.month, dates[0]?.day, dates[0]?.order], [1, 10, 'mdy']);
  assert.deepEqual(dates[0]?.alternative, { month: 10, day: 1 });
  assert.equal(dates[0]?.ambiguousOrder, true);
});

test('resolveDateOrder leaves ambiguous dates alone without evidence', () => {
  const dates = findDates('04-12-2022 and 05-12-2022');
  resolveDateOrder(dates);
  assert.deepEqual(dates.map((d) => `${d.month}/${d.day}`), ['12/4', '12/5']);
});
