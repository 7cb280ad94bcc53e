// findVague and findTimePlaceholders: what stands where a time should be.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimePlaceholders, findVague } from '../../../server/src/engine/timeline/index';
import { assertSpan } from './helpers';

function raws(found: { start: number; end: number; raw: string }[], text: string): string[] {
  for (const t of found) assertSpan(text, t, text);
  return found.map((t) => t.raw);
}

describe('vague times', () => {
  const cases: [text: string, expected: string[]][] = [
    ['August 4 Late in the day: deploy begins', ['Late in the day']],
    ['In the morning we restarted it', ['In the morning']],
    ['Some time later the queue drained', ['Some time later']],
    ['early afternoon: second wave', ['early afternoon']],
    ['mid-morning: vendor called back', ['mid-morning']],
    ['fixed shortly after the rollback', ['shortly after']],
    ['The next morning we held a review', ['The next morning']],
    ['rolled out later that day', ['later that day']],
    ['At some point the bindings came back', ['At some point']],
    ['resolved by end of day', ['end of day']],
    ['ran overnight without alerts', ['overnight']],
    ['deploying on Friday evening again', ['Friday evening']],
    ['From late August 4 to the 8th', ['late August 4']],
    ['First detected (Time TBC)', ['Time TBC']],
    ['moments later it failed again', ['moments later']],
    ['during the night the disk filled', ['during the night']],
  ];
  for (const [text, expected] of cases) {
    test(text, () => assert.deepEqual(raws(findVague(text), text), expected));
  }
  const none = [
    'cut over at midnight',
    'restarted at 10:00',
    'sometimes the probe flaps',
    'somebody paged the team',
    'nightly backups ran',
    'daytime traffic is higher',
    'late binding of config',
  ];
  for (const text of none) {
    test(`not vague: ${text}`, () => assert.deepEqual(raws(findVague(text), text), []));
  }
});

describe('time placeholders', () => {
  const cases: [text: string, expected: string[]][] = [
    ['| 2024-03-13 HH:mm | short description |', ['HH:mm']],
    ['- HH:MM - event', ['HH:MM']],
    ['??:?? outage starts', ['??:??']],
    ['| 2024-03-13 14:?? | scaled down |', ['14:??']],
    ['| 2019-12-03 --:-- | surge |', ['--:--']],
    ['XX:XX alert fired', ['XX:XX']],
    ['[time] engineer paged', ['[time]']],
    ['* [???] IOPS hit the limit', ['[???]']],
    ['hh:mm am - first report', ['hh:mm am']],
    ['HH:MM:SS start', ['HH:MM:SS']],
  ];
  for (const [text, expected] of cases) {
    test(text, () => assert.deepEqual(raws(findTimePlaceholders(text), text), expected));
  }
  const none = ['14:30 deploy', 'what?? no', 'ratio 3:1', 'see [timeline]', 'HHMM'];
  for (const text of none) {
    test(`no placeholder: ${text}`, () => assert.deepEqual(raws(findTimePlaceholders(text), text), []));
  }
});
