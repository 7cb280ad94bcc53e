// The timeline model on small documents written for these tests: every time format of the
// timeline issue, dates carried across rows and midnight, tables, run-in entries, HTML lists,
// nested lists, labelled entries, and what is not an entry.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { iso, isos, kinds, postmortem, texts, timeline } from './helpers';

describe('time formats', () => {
  test('12-hour and 24-hour clocks, odd spacing and case', () => {
    const t = timeline(postmortem({
      title: 'Checkout errors on 2024-03-05',
      timeline: ['- 9:05 AM: Deploy starts', '- 09:20: Errors begin', '- 10:35 Am: Rollback completed', '- 12:10  PM- Service restored'].join('\n'),
    }));
    assert.deepEqual(isos(t), ['2024-03-05T09:05:00Z', '2024-03-05T09:20:00Z', '2024-03-05T10:35:00Z', '2024-03-05T12:10:00Z']);
  });

  test('military time (0800 HRS, 1200-HRS), seconds, ISO 8601 with Z and with an offset', () => {
    const t = timeline(postmortem({
      heading: 'Timeline',
      timeline: ['- 0800 HRS: Update begins (UTC)', '- 1200-HRS: Traffic back', '- 13:02:45 UTC: Probe green', '- 2024-03-05T14:00:00Z: Closed', '- 2024-03-05T16:30:00+02:00: Report sent'].join('\n'),
    }));
    assert.deepEqual(isos(t).slice(2), ['2024-03-05T13:02:45Z', '2024-03-05T14:00:00Z', '2024-03-05T16:30:00+02:00']);
    assert.equal(t.entries[0]?.time?.hour, 8);
    assert.equal(t.entries[1]?.time?.hour, 12);
  });

  test('bracketed times, glued list numbers, and entries led by "At"', () => {
    const t = timeline(postmortem({
      timeline: ['- [08:47] Queue depth alarm fires', '- At 09:02 the on-call engineer is paged', '1. 09:10 Investigation starts', '10.09:40 Fix deployed'].join('\n'),
    }));
    assert.deepEqual(t.entries.map((e) => e.time && `${e.time.hour}:${e.time.minute}`), ['8:47', '9:2', '9:10', '9:40']);
  });

  test('dates in many forms: August 5, Sep 30, 2020, 2021-12-13, 28-11-2024, 03-26', () => {
    const t = timeline(postmortem({
      title: 'Payment outage',
      heading: 'Timeline (all times UTC)',
      timeline: ['- August 5, 2019 10:00 First alert', '- Sep 30, 2020 11:00 Second', '- 2021-12-13 12:00 Third', '- 28-11-2024 13:00 Fourth', '- 03-26 14:00 Fifth'].join('\n'),
    }));
    assert.deepEqual(isos(t), ['2019-08-05T10:00:00Z', '2020-09-30T11:00:00Z', '2021-12-13T12:00:00Z', '2024-11-28T13:00:00Z', '2025-03-26T14:00:00Z']);
  });

  test('ranges keep their end; approximate times are marked', () => {
    const t = timeline(postmortem({ timeline: ['- 2:30 PM – 9:00 PM: Restarts keep failing', '- ~21:40 Cache warmed', '- around 22:00 Traffic normal'].join('\n') }));
    const range = t.entries[0];
    assert.equal(iso(range), '2024-03-05T14:30:00Z');
    assert.equal(range?.endInstant, Date.UTC(2024, 2, 5, 21, 0));
    assert.deepEqual(t.entries.map((e) => e.approximate), [false, true, true]);
  });

  test('relative offsets (T+15m, [+7.5 hrs]) count from the first timed entry', () => {
    const t = timeline(postmortem({ timeline: ['- 10:00 Upgrade starts', '- T+15m Nodes drain', '- [+7.5 hrs] Network resumes'].join('\n') }));
    assert.deepEqual(isos(t), ['2024-03-05T10:00:00Z', '2024-03-05T10:15:00Z', '2024-03-05T17:30:00Z']);
  });

  test('placeholders and vague times are kept, without an instant', () => {
    const t = timeline(postmortem({ timeline: ['- 10:00 Deploy', '- 14:?? Replicas scaled down', '- Late in the day: Logs rotated', '- 16:00 Done'].join('\n') }));
    assert.deepEqual(isos(t), ['2024-03-05T10:00:00Z', '-', '-', '2024-03-05T16:00:00Z']);
    assert.equal(t.entries[1]?.placeholder?.raw, '14:??');
    assert.equal(t.entries[2]?.vague?.raw, 'Late in the day');
  });
});

describe('dates carry forward', () => {
  test('a date written once carries to the rows below it, and across midnight', () => {
    const t = timeline(postmortem({
      timeline: ['- 2024-03-05 22:40 Disk fills', '- 23:55 Alert', '- 00:20 Volume grown', '- 01:10 Recovered'].join('\n'),
    }));
    assert.deepEqual(isos(t), ['2024-03-05T22:40:00Z', '2024-03-05T23:55:00Z', '2024-03-06T00:20:00Z', '2024-03-06T01:10:00Z']);
    assert.deepEqual(t.entries.map((e) => e.dayFrom), ['entry', 'carried', 'rollover', 'carried']);
  });

  test('date lines and dated run-in entries set the day (August 4 → August 8)', () => {
    const t = timeline(postmortem({
      title: 'Staging outage report, August 10, 2016',
      heading: 'Timeline (all times Eastern Time)',
      timeline: ['August 4 Late in the day: Bad deploy', '', 'August 5 12:19 AM: Staging found down 2:30 PM – 9:00 PM: Restarts fail', '', 'August 8 9:52 AM: Dev found down 5:00 PM: Staging fully operational'].join('\n'),
    }));
    assert.deepEqual(texts(t), ['Bad deploy', 'Staging found down', 'Restarts fail', 'Dev found down', 'Staging fully operational']);
    assert.deepEqual(isos(t), ['-', '2016-08-05T00:19:00-04:00', '2016-08-05T14:30:00-04:00', '2016-08-08T09:52:00-04:00', '2016-08-08T17:00:00-04:00']);
    assert.deepEqual(t.entries.map((e) => e.source), ['line', 'line', 'run-in', 'line', 'run-in']);
  });

  test('a year-less date months after the incident is the previous year', () => {
    const t = timeline(postmortem({
      title: 'March 26th, 2019 build outage',
      timeline: ['- [12-05 16:21] Bug introduced', '- [03-20 16:46] Config updated', '- [03-26 23:04] Outage starts'].join('\n'),
    }));
    assert.deepEqual(isos(t).map((s) => s.slice(0, 10)), ['2018-12-05', '2019-03-20', '2019-03-26']);
  });

  test('ambiguous numeric dates follow the document\'s own day-month order', () => {
    const t = timeline(postmortem({ title: 'Scans stopped', timeline: ['- 28-11-2024 21:00 Scans stop', '- 04-12-2024 13:00 Fixed'].join('\n') }));
    assert.equal(iso(t.entries[1]).slice(0, 10), '2024-12-04');
  });
});

describe('where entries come from', () => {
  test('a table: the time column found by its header', () => {
    const t = timeline(postmortem({
      timeline: ['| Step | When (UTC) | What |', '|---|---|---|', '| 1 | 10:00 | Deploy |', '| 2 | 10:20 | Errors begin |'].join('\n'),
    }));
    assert.deepEqual(texts(t), ['1 — Deploy', '2 — Errors begin']);
    assert.deepEqual(isos(t), ['2024-03-05T10:00:00Z', '2024-03-05T10:20:00Z']);
  });

  test('a table: the time column found by its content, a date column beside it', () => {
    const t = timeline(postmortem({
      timeline: ['| Day | Time | Event |', '|---|---|---|', '| 2024-03-05 | 23:50 | Errors begin |', '| 2024-03-06 | 00:30 | Rolled back |'].join('\n'),
    }));
    assert.deepEqual(isos(t), ['2024-03-05T23:50:00Z', '2024-03-06T00:30:00Z']);
  });

  test('HTML lists, one item per line', () => {
    const t = timeline(['<h1>Portal errors</h1>', '<h3>Summary</h3>', '<p>The portal failed for the morning.</p>', '<h3>Timeline (GMT+3)</h3>', '<ul>', '<li>0800 HRS: Update begins</li>', '<li>0830 HRS: Outage begins</li>', '</ul>', '<h3>Root Cause</h3>', '<p>A bad package.</p>'].join('\n'));
    assert.deepEqual(isos(t), ['2000-01-01T08:00:00+03:00', '2000-01-01T08:30:00+03:00']);
    assert.deepEqual(kinds(t), ['other', 'start']);
  });

  test('nested lists: a title item owns its entries; details under an entry are not entries', () => {
    const t = timeline(['# API errors on 2024-03-05', '', '* Timeline (all times UTC)', '  * 8:00 AM: Deploy begins.', '    * details of the deploy', '  * 8:16 AM: Errors begin.', '', '## Root cause', '', 'A typo.'].join('\n'));
    assert.deepEqual(texts(t), ['Deploy begins.', 'Errors begin.']);
  });

  test('labelled entries (MoJ key events): the label leads, the time follows', () => {
    const t = timeline(['# Incident on 2021-06-09', '', '- **Key events**', '  - First detected 2021-06-09 13:15', '  - Incident declared: 2021-06-09 13:20', '  - Repaired 2021-06-09 13:46', '  - Resolved 2021-06-09 13:58', '', '- **Time to repair**: 0h 31m', '', '- **Resolution**:', '  - Rolled back'].join('\n'));
    assert.deepEqual(t.entries.map((e) => `${e.label} ${e.kind}`), ['First detected detect', 'Incident declared escalate', 'Repaired mitigate', 'Resolved resolve']);
    assert.deepEqual(isos(t), ['2021-06-09T13:15:00', '2021-06-09T13:20:00', '2021-06-09T13:46:00', '2021-06-09T13:58:00']);
  });

  test('plain lines, soft-wrapped lines and indented lines are read as entries', () => {
    const t = timeline(postmortem({
      timeline: ['10:15 AM - configuration is pushed', '10:30 AM - outage starts and the', 'pagers go off', '', '    11:00 AM - indented entry', '        with an indented detail'].join('\n'),
    }));
    assert.deepEqual(texts(t), ['configuration is pushed', 'outage starts and the pagers go off', 'indented entry with an indented detail']);
  });

  test('a time inside an entry\'s text is not an entry, and a chat appendix is not the timeline', () => {
    const text = postmortem({ timeline: ['- 15:25 Engineer says the script ran at 11:59 PM', '- 15:40 Fixed'].join('\n') }) + ['', '## Appendix: chat log', '', '> alice [6:27 AM]', '> is it down?', ''].join('\n');
    const t = timeline(text);
    assert.deepEqual(isos(t), ['2024-03-05T15:25:00Z', '2024-03-05T15:40:00Z']);
  });

  test('a kramdown attribute line and code blocks are not entries', () => {
    const t = timeline(postmortem({ timeline: ['| Time | Event |', '|---|---|', '| 10:00 | Deploy |', '{: .timeline }', '', '```', '2024-03-05 09:00:00 ERROR log line', '```'].join('\n') }));
    assert.deepEqual(texts(t), ['Deploy']);
  });
});

describe('days across zones', () => {
  test('midnight is crossed on the timeline\'s own clock: a time in another zone that is later in UTC stays on the same day', () => {
    const t = timeline(postmortem({ title: 'API errors on 2024-05-02', heading: 'Timeline (all times UTC)', timeline: ['- 10:00 Outage begins', '- 03:20 PDT Vendor support paged', '- 10:40 Service restored'].join('\n') }));
    assert.deepEqual(t.entries.map((e) => (e.instant === undefined ? undefined : new Date(e.instant).toISOString())), ['2024-05-02T10:00:00.000Z', '2024-05-02T10:20:00.000Z', '2024-05-02T10:40:00.000Z']);
    const late = timeline(postmortem({ title: 'API errors on 2024-05-02', heading: 'Timeline (all times UTC)', timeline: ['- 23:30 Outage begins', '- 17:10 PDT Vendor support paged', '- 00:40 Service restored'].join('\n') }));
    assert.deepEqual(late.entries.map((e) => (e.instant === undefined ? undefined : new Date(e.instant).toISOString())), ['2024-05-02T23:30:00.000Z', '2024-05-03T00:10:00.000Z', '2024-05-03T00:40:00.000Z'], '17:10 PDT on May 2 is 00:10 UTC on May 3; the next UTC time after midnight rolls over');
  });
});

describe('milestones and metrics', () => {
  test('kinds from words and markers, metrics from start to resolution', () => {
    const t = timeline(postmortem({
      timeline: ['- 09:50 Config pushed', '- 10:00 Outage begins', '- 10:04 Monitoring alerted on-call', '- 10:10 Incident declared', '- 10:30 Rollback failed', '- 10:40 Successful rollback', '- 11:00 100% of traffic back online', '- 11:30 Incident closed'].join('\n'),
    }));
    assert.deepEqual(kinds(t), ['other', 'start', 'detect', 'escalate', 'other', 'mitigate', 'resolve', 'other']);
    const m = t.milestones;
    assert.deepEqual([m.timeToDetectMinutes, m.timeToMitigateMinutes, m.timeToResolveMinutes, m.durationMinutes], [4, 40, 60, 60]);
    assert.equal(m.startInferred, undefined);
  });

  test('explicit markers win: <START OF OUTAGE>, (outage ends)', () => {
    const t = timeline(postmortem({ timeline: ['- 09:00 Job queued <START OF OUTAGE>', '- 09:30 Worker patched (outage ends)'].join('\n') }));
    assert.deepEqual(t.entries.map((e) => `${e.kind}${e.markedKind ? '!' : ''}`), ['start!', 'resolve!']);
  });

  test('T+ entries are milestones too, placed from the first clock time or from T+0', () => {
    const anchored = timeline(postmortem({ timeline: ['- 10:00 Outage begins', '- T+15m Alert fires, on-call paged', '- T+1h Rollback completes, service mitigated', '- T+2h Service fully restored'].join('\n') }));
    const a = anchored.milestones;
    assert.deepEqual([a.timeToDetectMinutes, a.timeToMitigateMinutes, a.timeToResolveMinutes], [15, 60, 120]);
    const offsets = timeline(postmortem({ timeline: ['- T+0m Outage begins', '- T+15m Alert fires', '- T+45m Failover, service mitigated', '- T+1h Service fully restored'].join('\n') }));
    const o = offsets.milestones;
    assert.deepEqual([o.timeToDetectMinutes, o.timeToMitigateMinutes, o.timeToResolveMinutes, o.durationMinutes], [15, 45, 60, 60]);
  });

  test('with no start entry the first timed entry is the start, and it says so', () => {
    const t = timeline(postmortem({ timeline: ['- 09:00 Deploy', '- 09:30 Service restored'].join('\n') }));
    assert.equal(t.milestones.startInferred, true);
    assert.equal(t.milestones.durationMinutes, 30);
  });

  test('an outage that recurs after it ended is counted as another episode', () => {
    const t = timeline(postmortem({ timeline: ['- 09:00 Outage begins', '- 09:30 Service restored', '- 13:00 Outage begins again', '- 13:20 Service restored'].join('\n') }));
    assert.equal(t.milestones.episodes, 2);
    assert.equal(t.milestones.durationMinutes, 30);
  });
});
