// Where the zone and the reference date come from, DST through Intl, ambiguous abbreviations,
// and what prose statements the model reads outside the timeline.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes } from '../../../server/src/engine/timeline/index';
import { iso, isos, postmortem, timeline } from './helpers';

describe('zones', () => {
  test('from the timeline heading, DST-aware for a region ("Pacific time" in September is UTC-7)', () => {
    const t = timeline(postmortem({ title: 'API errors on September 30, 2020', heading: 'Timeline (all hours, Pacific time)', timeline: '- 8:16 AM: Errors begin.' }));
    assert.equal(t.zone?.source, 'heading');
    assert.equal(iso(t.entries[0]), '2020-09-30T08:16:00-07:00');
  });

  test('the same region in winter is UTC-8', () => {
    const t = timeline(postmortem({ title: 'API errors on January 12, 2021', heading: 'Timeline (all hours, Pacific time)', timeline: '- 8:16 AM: Errors begin.' }));
    assert.equal(iso(t.entries[0]), '2021-01-12T08:16:00-08:00');
  });

  test('an abbreviation wrong for the season is read as the clock the region kept (PST in September)', () => {
    const t = timeline(postmortem({ title: 'API errors on September 30, 2020', heading: 'Timeline (all times PST)', timeline: '- 8:16 AM: Errors begin.' }));
    assert.equal(iso(t.entries[0]), '2020-09-30T08:16:00-07:00');
  });

  test('GMT and UTC are fixed all year', () => {
    const t = timeline(postmortem({ title: 'API errors on July 1, 2022', heading: 'Timeline (GMT)', timeline: '- 10:00 Errors begin' }));
    assert.equal(iso(t.entries[0]), '2022-07-01T10:00:00Z');
  });

  test('from an "all times are …" sentence, the summary, a column header, front matter', () => {
    const sentence = timeline(postmortem({ heading: 'Timeline', timeline: 'All times are in CET.\n\n- 10:00 Errors begin' }));
    assert.equal(sentence.zone?.source, 'sentence');
    assert.equal(iso(sentence.entries[0]), '2024-03-05T10:00:00+01:00');
    const summary = timeline(postmortem({ heading: 'Timeline', summary: 'From 10:00 to 11:00 WAT checkout failed.', timeline: '- 10:00 Errors begin' }));
    assert.equal(summary.zone?.source, 'summary');
    const column = timeline(postmortem({ heading: 'Timeline', timeline: '| Time (EAT) | Event |\n|---|---|\n| 10:00 | Errors begin |' }));
    assert.equal(iso(column.entries[0]), '2024-03-05T10:00:00+03:00');
    const fm = timeline(`---\ntimezone: Europe/London\n---\n${postmortem({ heading: 'Timeline', title: 'Errors on 2024-07-02', timeline: '- 10:00 Errors begin' })}`);
    assert.equal(iso(fm.entries[0]), '2024-07-02T10:00:00+01:00');
  });

  test('offsets written in odd ways: (+3 GMT), UTC+01:00, GMT+1', () => {
    assert.equal(iso(timeline(postmortem({ heading: 'Timeline (+3 GMT)', timeline: '- 0830 HRS: Outage begins' })).entries[0]), '2024-03-05T08:30:00+03:00');
    assert.equal(iso(timeline(postmortem({ heading: 'Timeline (UTC−05:00)', timeline: '- 7:00 am: Errors' })).entries[0]), '2024-03-05T07:00:00-05:00');
    assert.equal(iso(timeline(postmortem({ heading: 'Timeline', timeline: '- 16:15 GMT+1: Errors' })).entries[0]), '2024-03-05T16:15:00+01:00');
  });

  test('ambiguous abbreviations follow ambiguousZones: IST is India by default, Ireland when configured', () => {
    const text = postmortem({ title: 'Errors on 2024-07-02', heading: 'Timeline (all times IST)', timeline: '- 10:00 Errors begin' });
    assert.equal(iso(timeline(text).entries[0]), '2024-07-02T10:00:00+05:30');
    assert.equal(iso(timeline(text, { ambiguousZones: { IST: 'Europe/Dublin' } }).entries[0]), '2024-07-02T10:00:00+01:00');
  });

  test('a pasted HTTP header is not the document\'s zone', () => {
    const t = timeline(postmortem({ heading: 'Timeline', summary: 'The site failed.\nDate: Tue, 5 Mar 2024 07:32:16 GMT', timeline: '- 06:00 Errors begin' }));
    assert.equal(t.zone, undefined);
  });

  test('an ISO offset followed by the entry\'s colon is still the offset', () => {
    assert.equal(findTimes('2024-03-05T16:30:00+02:00: Report sent')[0]?.zone?.fixedOffsetMinutes, 120);
    assert.equal(findTimes('08:00-11:00 maintenance')[0]?.rangeEnd?.hour, 11);
  });
});

describe('prose statements', () => {
  test('a time tied to an event in the same clause; the phrase goes with the nearest time', () => {
    const t = timeline(postmortem({
      timeline: '- 10:00 Outage begins\n- 11:00 Service restored',
      rootCause: 'At 09:40 a config was pushed, and at 10:00 the outage began.',
      resolution: 'At 10:50 the database restore completed and services were restored to 100% at 11:00.',
    }));
    const stated = t.prose.filter((s) => s.kind === 'time').map((s) => `${s.event} ${s.at?.hour}:${s.at?.minute}`);
    assert.deepEqual(stated, ['start 10:0', 'resolve 11:0']);
  });

  test('negated or planned events are not statements', () => {
    const t = timeline(postmortem({
      timeline: '- 10:00 Outage begins\n- 11:00 Service restored',
      resolution: 'At 10:20 we tried to roll back, which failed. The service was not restored at 10:40.',
    }));
    assert.deepEqual(t.prose.filter((s) => s.kind === 'time'), []);
  });

  test('windows: from … to, between … and, a Duration field, Start Time and End Time fields', () => {
    const t = timeline(postmortem({
      summary: ['From 10:30 am to 12:50 pm WAT, checkout failed.', '', 'Between the hours of 13:00:00 and 17:35:08 the home page failed.', '', 'Duration: June 10, 2023, 08:00 AM - June 11, 2023, 10:00 AM (UTC-5)'].join('\n'),
      timeline: '- 10:30 Outage begins',
    }));
    const windows = t.prose.filter((s) => s.kind === 'window').map((s) => `${s.at?.hour}:${s.at?.minute}-${s.until?.hour}:${s.until?.minute}`);
    assert.deepEqual(windows, ['10:30-12:50', '13:0-17:35', '8:0-10:0']);
  });

  test('durations tied to a measure: fields, sentences, a table column; not delays, plans or settings', () => {
    const t = timeline(postmortem({
      summary: [
        'The outage lasted approximately three hours.',
        '',
        '- Time to detection: 4 minutes',
        '- Time to recovery: 54 hours 10 minutes',
        '- Time to repair: 4h 9m',
        '',
        '| Customers | Incident Duration |',
        '|---|---|',
        '| All | ~2h |',
        '',
        'Twelve hours later the attacker returned. We set a timeout of 30 minutes and expect recovery within 2 hours.',
      ].join('\n'),
      timeline: '- 10:30 Outage begins',
    }));
    const durations = t.prose.filter((s) => s.kind === 'duration').map((s) => `${s.metric} ${s.minutes}${s.approximate ? '~' : ''}`);
    assert.deepEqual(durations, ['duration 180~', 'detect 4', 'resolve 3250', 'mitigate 249', 'duration 120~']);
  });

  test('a duration with its own window keeps the window', () => {
    const t = timeline(postmortem({ summary: '- Duration of the interruption: 47 minutes from 4:14 pm to 5:01 pm.', timeline: '- 16:14 Outage begins' }));
    const d = t.prose.find((s) => s.kind === 'duration');
    assert.ok(d?.span);
    assert.equal((d.span.until.instant - d.span.from.instant) / 60_000, 47);
  });

  test('a detailed log outside the timeline gives log statements', () => {
    const t = timeline(['# Incident on 2023-02-02', '', '- **Key events**', '  - First detected: 2023-02-02 10:14', '  - Incident declared: 2023-02-02 10:20', '', '- **Context**:', '  - 2023-02-02 10:21 Incident is declared.', '  - 2023-02-02 10:30 Replicas scaled down.'].join('\n'));
    assert.deepEqual(t.prose.filter((s) => s.form === 'log').map((s) => `${s.line + 1} ${s.event}`), ['8 escalate', '9 other']);
    assert.deepEqual(isos(t), ['2023-02-02T10:14:00', '2023-02-02T10:20:00']);
  });
});
