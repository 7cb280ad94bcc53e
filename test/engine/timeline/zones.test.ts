// findZones, DST-aware offsets and the abbreviation a zone should carry on a given date.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_AMBIGUITY, expectedAbbreviation, findTimes, findZones, ianaOffsetMinutes, zoneOffsetMinutes, type ZoneToken,
} from '../../../server/src/engine/timeline/index';
import { assertZoneSpan, pick } from './helpers';
import { analyze } from '../../../server/src/engine';

interface ZoneFields {
  raw: string;
  kind: ZoneToken['kind'];
  abbr: string | undefined;
  iana: string | undefined;
  offset: number | undefined;
  variant: ZoneToken['dstVariant'];
  ambiguous: string[] | undefined;
  unknown: boolean;
}
type ZoneShape = Partial<ZoneFields>;

function shape(z: ZoneToken): ZoneFields {
  return {
    raw: z.raw, kind: z.kind, abbr: z.abbr, iana: z.iana, offset: z.fixedOffsetMinutes, variant: z.dstVariant,
    ambiguous: z.ambiguous, unknown: z.unknown === true,
  };
}

type Case = readonly [text: string, expected: readonly ZoneShape[]];

function run(cases: readonly Case[]): void {
  for (const [text, expected] of cases) {
    test(text, () => {
      const found = findZones(text);
      for (const z of found) assertZoneSpan(text, z, text);
      assert.equal(found.length, expected.length, `tokens: ${found.map((z) => z.raw).join(' | ')}`);
      expected.forEach((e, i) => {
        const z = found[i];
        assert.ok(z);
        assert.deepEqual(pick(shape(z), e), e);
      });
    });
  }
}

const LA = 'America/Los_Angeles';

describe('abbreviations', () => {
  run([
    ['All times in PST', [{ raw: 'PST', kind: 'abbr', abbr: 'PST', iana: LA, offset: -480, variant: 'standard' }]],
    ['All times PDT.', [{ abbr: 'PDT', offset: -420, variant: 'daylight' }]],
    ['Timeline (all times PT)', [{ abbr: 'PT', iana: LA, offset: undefined, variant: 'generic' }]],
    ['times are EST unless noted', [{ abbr: 'EST', iana: 'America/New_York', offset: -300 }]],
    ['since 9:00 EDT', [{ abbr: 'EDT', offset: -240 }]],
    ['(all times ET)', [{ abbr: 'ET', variant: 'generic' }]],
    ['All times in CDT', [{ abbr: 'CDT', iana: 'America/Chicago', offset: -300 }]],
    ['at 10:00 MST', [{ abbr: 'MST', iana: 'America/Denver', offset: -420 }]],
    ['All times in UTC.', [{ abbr: 'UTC', offset: 0, iana: undefined }]],
    ['09:15 GMT: failures', [{ abbr: 'GMT', iana: 'Europe/London', offset: 0, variant: 'standard' }]],
    ['Date and Time in CET', [{ abbr: 'CET', iana: 'Europe/Paris', offset: 60 }]],
    ['summer window, CEST', [{ abbr: 'CEST', offset: 120, variant: 'daylight' }]],
    ['Helsinki EET and EEST', [{ abbr: 'EET', offset: 120 }, { abbr: 'EEST', offset: 180 }]],
    ['From 10:30 am to 12:50 pm WAT, users', [{ abbr: 'WAT', iana: 'Africa/Lagos', offset: 60 }]],
    ['from 3:00 PM to 4:30 PM CAT on', [{ abbr: 'CAT', offset: 120 }]],
    ['Time (EAT)', [{ abbr: 'EAT', iana: 'Africa/Nairobi', offset: 180 }]],
    ['all times SAST', [{ abbr: 'SAST', offset: 120 }]],
    ['paged 10:00 BST', [{ abbr: 'BST', iana: 'Europe/London', offset: 60, variant: 'daylight' }]],
    ['JST KST HKT AEST AEDT', [{ abbr: 'JST', offset: 540 }, { abbr: 'KST', offset: 540 }, { abbr: 'HKT', offset: 480 }, { abbr: 'AEST', offset: 600 }, { abbr: 'AEDT', offset: 660 }]],
    ['office hours (SGT)', [{ abbr: 'SGT', offset: 480 }]],
    ['All times IST', [{ abbr: 'IST', offset: undefined, iana: undefined, ambiguous: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'] }]],
    ['All times CST', [{ abbr: 'CST', ambiguous: ['America/Chicago', 'Asia/Shanghai'] }]],
    ['built 2021-12-13T08:00Z', [{ raw: 'Z', abbr: 'Z', offset: 0 }]],
    ['From 8:00 a.m. at 11:58 a.m. PCT, the site', [{ raw: 'PCT', abbr: 'PCT', unknown: true }]],
  ]);
});

describe('offsets', () => {
  run([
    ['Timeline (+3 GMT)', [{ raw: '(+3 GMT)', kind: 'offset', offset: 180 }]],
    ['servers in UTC+3', [{ raw: 'UTC+3', kind: 'offset', offset: 180 }]],
    ['logged in UTC-07:00', [{ raw: 'UTC-07:00', offset: -420 }]],
    ['team in GMT+3 land', [{ raw: 'GMT+3', offset: 180 }]],
    ['## Timeline (UTC−05:00)', [{ raw: 'UTC−05:00', offset: -300 }]],
    ['screenshots are UTC+2', [{ offset: 120 }]],
    ['At 17:00 GMT +1, the push', [{ raw: 'GMT +1', offset: 60 }]],
    ['India is UTC+05:30', [{ offset: 330 }]],
    ['Nepal UTC+0545', [{ offset: 345 }]],
  ]);
});

describe('names', () => {
  run([
    ['Timeline (all times Eastern Time)', [{ raw: 'Eastern Time', kind: 'name', iana: 'America/New_York', variant: 'generic' }]],
    ['* Timeline (all hours, Pacific time)', [{ raw: 'Pacific time', iana: LA, variant: 'generic', offset: undefined }]],
    ['00:07 Pacific Standard Time (PST)', [{ raw: 'Pacific Standard Time', offset: -480, variant: 'standard' }, { abbr: 'PST' }]],
    ['in Pacific Daylight Time', [{ offset: -420, variant: 'daylight' }]],
    ['Timeline(West African Time)', [{ raw: 'West African Time', iana: 'Africa/Lagos', offset: 60 }]],
    ['(West Central Africa Standard Timezone)', [{ iana: 'Africa/Lagos', offset: 60 }]],
    ['06:05 Central African Time (CAT)', [{ raw: 'Central African Time', iana: 'Africa/Maputo', offset: 120 }, { abbr: 'CAT' }]],
    ['00:10 Eastern African Time (EAT)', [{ raw: 'Eastern African Time', offset: 180 }, { abbr: 'EAT' }]],
    ['all in Central European Time', [{ iana: 'Europe/Paris', offset: 60, variant: 'standard' }]],
    ['Central European Summer Time', [{ offset: 120, variant: 'daylight' }]],
    ['(All in Greenwich Mean Time)', [{ iana: 'Europe/London', offset: 0 }]],
    ['Coordinated Universal Time', [{ offset: 0, iana: undefined }]],
    ['all times Pacific', [{ raw: 'Pacific', kind: 'name', iana: LA, variant: 'generic' }]],
    ['as of 19:27 US/Pacific', [{ raw: 'US/Pacific', kind: 'name', iana: 'US/Pacific' }]],
    ['tz: America/Los_Angeles', [{ iana: LA }]],
    ['Europe/London office', [{ iana: 'Europe/London' }]],
  ]);
});

describe('words that are not zones', () => {
  const none = [
    'the ET team met',
    'IT department notified',
    'CAT scan results',
    'walk the AST of the parser',
    'EAT LUNCH FIRST',
    '40 PCT of traffic dropped',
    'AWS MSK cluster disk',
    'BST insertion order',
    'SAST scanner findings',
    'Eastern Europe customers',
    'HTTP 500 errors',
    'at 10:00 NOT ALL TEAMS',
    'Pacific Ocean cable',
    'Central Bank rates',
    'a Zoom call',
    'Foo/Bar is not a zone',
  ];
  for (const text of none) {
    test(text, () => assert.deepEqual(findZones(text).map((z) => z.raw), []));
  }
});

function zone(text: string): ZoneToken {
  const z = findZones(text)[0];
  assert.ok(z, `a zone in "${text}"`);
  return z;
}

describe('expected abbreviation for the date (DST)', () => {
  const cases: [text: string, date: [number, number, number], expected: string | undefined][] = [
    ['PST', [2020, 9, 30], 'PDT'],
    ['PST', [2020, 1, 15], 'PST'],
    ['PDT', [2020, 12, 1], 'PST'],
    ['all times PT', [2020, 9, 30], 'PDT'],
    ['Pacific time', [2019, 2, 5], 'PST'],
    ['Pacific Standard Time', [2024, 7, 1], 'PDT'],
    ['EST', [2023, 7, 4], 'EDT'],
    ['EDT', [2023, 1, 4], 'EST'],
    ['CDT', [2023, 1, 4], 'CST'],
    ['MST', [2021, 10, 30], 'MDT'],
    ['09:15 GMT', [2025, 10, 20], 'BST'],
    ['09:15 GMT', [2025, 12, 1], 'GMT'],
    ['10:00 BST', [2025, 1, 10], 'GMT'],
    ['Date and Time in CET', [2019, 7, 1], 'CEST'],
    ['Date and Time in CET', [2019, 12, 3], 'CET'],
    ['CEST', [2019, 12, 3], 'CET'],
    ['EET', [2022, 8, 1], 'EEST'],
    ['AEST', [2024, 1, 15], 'AEDT'],
    ['AEST', [2024, 7, 15], 'AEST'],
    ['Central European Time', [2023, 6, 1], 'CEST'],
    ['West African Time', [2024, 7, 1], 'WAT'],
    ['all times WAT', [2024, 1, 1], 'WAT'],
    ['UTC', [2024, 7, 1], 'UTC'],
    ['JST', [2024, 7, 1], 'JST'],
    ['UTC+3', [2024, 7, 1], undefined],
    ['IST', [2024, 7, 1], undefined],
  ];
  for (const [text, [y, m, d], expected] of cases) {
    test(`${text} on ${y}-${m}-${d} -> ${expected ?? 'undefined'}`, () => {
      assert.equal(expectedAbbreviation(zone(text), y, m, d), expected);
    });
  }
  test('PST written on 2020-03-08 (the switch day) -> PDT', () => {
    assert.equal(expectedAbbreviation(zone('PST'), 2020, 3, 8), 'PDT');
  });
  test('ambiguous abbreviations follow the ambiguity map', () => {
    assert.equal(expectedAbbreviation(zone('IST'), 2024, 7, 1, { IST: 'Europe/Dublin' }), 'IST');
    assert.equal(expectedAbbreviation(zone('IST'), 2024, 1, 1, { IST: 'Europe/Dublin' }), 'GMT');
    assert.equal(expectedAbbreviation(zone('IST'), 2024, 1, 1, { IST: 'Asia/Kolkata' }), 'IST');
    assert.equal(expectedAbbreviation(zone('CST'), 2024, 7, 1, DEFAULT_AMBIGUITY), 'CDT');
    assert.equal(expectedAbbreviation(zone('CST'), 2024, 7, 1, { CST: 'Asia/Shanghai' }), 'CST');
  });
  test('unknown zones have no expected abbreviation', () => {
    const t = findTimes('at 11:58 a.m. PCT')[0];
    assert.ok(t?.zone);
    assert.equal(expectedAbbreviation(t.zone, 2020, 9, 30), undefined);
  });
});

describe('zoneOffsetMinutes', () => {
  const jan = Date.UTC(2024, 0, 15, 12);
  const jul = Date.UTC(2024, 6, 15, 12);
  const cases: [text: string, at: number, expected: number | undefined][] = [
    ['PST', jul, -480],
    ['PDT', jan, -420],
    ['all times PT', jan, -480],
    ['all times PT', jul, -420],
    ['Pacific time', jul, -420],
    ['Eastern Time', jan, -300],
    ['WAT in (WAT)', jan, 60],
    ['WAT in (WAT)', jul, 60],
    ['GMT', jul, 0],
    ['Europe/London', jul, 60],
    ['Europe/London', jan, 0],
    ['Australia/Sydney', jan, 660],
    ['UTC+3', jul, 180],
    ['UTC-07:00', jul, -420],
    ['(+3 GMT)', jan, 180],
    ['IST', jan, undefined],
    ['CST', jul, undefined],
  ];
  for (const [text, at, expected] of cases) {
    test(`${text} @ ${new Date(at).toISOString().slice(0, 10)} -> ${expected ?? 'undefined'}`, () => {
      assert.equal(zoneOffsetMinutes(zone(text), at), expected);
    });
  }
  test('ambiguity map settles IST and CST', () => {
    assert.equal(zoneOffsetMinutes(zone('IST'), jan, { IST: 'Asia/Kolkata' }), 330);
    assert.equal(zoneOffsetMinutes(zone('IST'), jul, { IST: 'Europe/Dublin' }), 60);
    assert.equal(zoneOffsetMinutes(zone('CST'), jul, { CST: 'Asia/Shanghai' }), 480);
    assert.equal(zoneOffsetMinutes(zone('CST'), jul, DEFAULT_AMBIGUITY), -360);
  });
  test('an ambiguity entry that is an IANA zone outside the known readings uses Intl', () => {
    assert.equal(zoneOffsetMinutes(zone('CST'), jul, { CST: 'America/Havana' }), -240);
  });
  test('unknown zones have no offset', () => {
    const t = findTimes('at 11:58 a.m. PCT')[0];
    assert.ok(t?.zone?.unknown);
    assert.equal(zoneOffsetMinutes(t.zone, jul), undefined);
  });
  test('ianaOffsetMinutes handles half hours and bad names', () => {
    assert.equal(ianaOffsetMinutes('Asia/Kolkata', jan), 330);
    assert.equal(ianaOffsetMinutes('Asia/Kathmandu', jan), 345);
    assert.equal(ianaOffsetMinutes('America/St_Johns', jan), -210);
    assert.equal(ianaOffsetMinutes('Nowhere/Special', jan), undefined);
    assert.equal(ianaOffsetMinutes('UTC', jan), 0);
  });
});

describe('wall times on the days clocks change', () => {
  // The instant a timeline line names, as an ISO string in UTC.
  const instants = (text: string) => (analyze(text, { force: true }).timeline?.entries ?? []).map((e) => (e.instant === undefined ? undefined : new Date(e.instant).toISOString()));
  const doc = (date: string, zone: string, times: string[]) => `# Outage on ${date}\n\n## Timeline (all times ${zone})\n\n${times.map((t) => `- ${t}: event`).join('\n')}\n`;

  test('spring forward (US Pacific, 2024-03-10): a morning time has the daylight offset', () => {
    assert.deepEqual(instants(doc('March 10, 2024', 'Pacific time', ['1:30 AM', '8:30 AM', '10:30 AM'])), [
      '2024-03-10T09:30:00.000Z', '2024-03-10T15:30:00.000Z', '2024-03-10T17:30:00.000Z',
    ]);
  });

  test('fall back (US Eastern, 2024-11-03): 03:00 is standard time, 00:30 daylight time', () => {
    assert.deepEqual(instants(doc('November 3, 2024', 'Eastern Time', ['12:30 AM', '3:00 AM'])), [
      '2024-11-03T04:30:00.000Z', '2024-11-03T08:00:00.000Z',
    ]);
  });

  test('the hour a spring-forward skips lands on the instant clocks showed as 03:30', () => {
    assert.deepEqual(instants(doc('March 10, 2024', 'PT', ['2:30 AM'])), ['2024-03-10T10:30:00.000Z']);
  });

  test('Central European summer time begins (2024-03-31): 09:00 CET-family time is +02:00', () => {
    assert.deepEqual(instants(doc('2024-03-31', 'CET', ['01:30', '09:00'])), ['2024-03-31T00:30:00.000Z', '2024-03-31T07:00:00.000Z']);
  });
});
