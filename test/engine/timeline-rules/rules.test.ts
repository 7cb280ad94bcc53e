// The timeline rules on small documents: what each reports (saying both sides), and the traps a
// careful reviewer would not report.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { found, postmortem, run } from './helpers';

const TL = (...lines: string[]) => lines.join('\n');

describe('summary-window', () => {
  const timelineText = TL('- 08:00 Config push begins', '- 08:30 Outage begins', '- 09:00 Pagers alerted teams', '- 12:00 100% of traffic back online');

  test('a start that is the preparatory push, not the outage', () => {
    const a = run(postmortem({ summary: 'From 08:00 to 12:00 UTC the portal returned errors.', timeline: timelineText }));
    assert.deepEqual(found(a, 'summary-window'), ["5:6 summary-window The summary's window disagrees with the timeline: the timeline says the outage began at 08:30 (line 10); this says 08:00."]);
  });

  test('an end later than the restoration (a stability check is not the end)', () => {
    const a = run(postmortem({
      summary: 'Duration: 14:00 - 16:30 UTC',
      timeline: TL('- 14:00 Outage begins', '- 15:45 Service was restored', '- 16:30 All systems were confirmed stable'),
    }));
    assert.deepEqual(found(a, 'summary-window'), ["5:11 summary-window The summary's window disagrees with the timeline: the timeline says service was restored at 15:45 (line 10); this says 16:30."]);
  });

  test('a window starting after the timeline already detected the outage', () => {
    const a = run(postmortem({
      summary: 'From 6PM to 7PM GMT requests were refused.',
      timeline: TL('- 5:30 PM: Load balancer tuned.', '- 5:50 PM: We received a complaint that the site was not responding.', '- 6:00 PM: The whole website was not accessible.', '- 7:00 PM: The issue was completely resolved.'),
    }));
    assert.match(found(a, 'summary-window')[0] ?? '', /detected at 17:50 \(line 10\), before this window begins at 18:00/);
  });

  test('not reported: equal windows, pre-impact entries, maintenance windows, no end to compare', () => {
    const equal = run(postmortem({ summary: 'From 08:30 to 12:00 UTC the portal returned errors.', timeline: timelineText }));
    assert.deepEqual(found(equal, 'summary-window'), []);
    const maintenance = run(postmortem({ summary: 'A scheduled maintenance ran from 06:00 to 07:00 UTC.', timeline: timelineText }));
    assert.deepEqual(found(maintenance, 'summary-window'), []);
    const noEnd = run(postmortem({ summary: 'From 08:30 to 14:00 UTC the portal returned errors.', timeline: TL('- 08:30 Outage begins', '- 09:00 Root cause identified') }));
    assert.deepEqual(found(noEnd, 'summary-window'), []);
  });
});

describe('prose-time', () => {
  test('"at 8:00 am the outage began" against an 8:16 start', () => {
    const a = run(postmortem({
      heading: 'Timeline (all times UTC)',
      timeline: TL('- 8:00 AM: Configuration insertion begins.', '- 8:16 AM: Interruption begins.', '- 11:58 AM: 100% of traffic is back online.'),
      rootCause: 'The servers hung and restarted and, at 8:00 am, the outage began.',
    }));
    assert.deepEqual(found(a, 'prose-time'), ['15:40 prose-time The timeline says the outage began at 08:16 (line 10); this says 08:00.']);
  });

  test('matching times, other events at the same time, failed attempts: not reported', () => {
    const a = run(postmortem({
      timeline: TL('- 10:15 Config pushed', '- 10:30 Outage starts', '- 10:30 Pagers alerted teams', '- 12:10 Successful rollback', '- 12:50 Site 100% back online'),
      rootCause: 'At 10:15 a feature was deployed, and at 10:30 the service outage began.',
      resolution: 'At 10:30 the monitoring systems alerted our engineers. At 11:15 we tried to roll back, which failed. We rolled back at 12:10. 12:50 the site was 100% back online.',
    }));
    assert.deepEqual(found(a, 'prose-time'), []);
  });

  test('a detailed log against the key events, to the minute, reported on the key event', () => {
    const a = run(['# Incident on 2023-02-02', '', '- **Key events**', '  - First detected: 2023-02-02 10:14', '  - Incident declared: 2023-02-02 10:20', '  - Resolved 2023-02-02 11:36', '', '- **Context**:', '  - 2023-02-02 10:21 Incident is declared.', '  - 2023-02-02 10:44 Resolved status for the CPU alert.', '  - 2023-02-02 11:36 Incident is resolved.', ''].join('\n'));
    assert.deepEqual(found(a, 'prose-time'), ['5:24 prose-time The detailed log (line 9) says the incident was declared at 10:21 on 2023-02-02; the timeline says 10:20.']);
  });
});

describe('stated-duration', () => {
  const timelineText = TL('- 13:00 Outage begins', '- 13:20 Alert fires', '- 14:00 Service restored');

  test('"lasted 3 hours" against one hour', () => {
    const a = run(postmortem({ summary: 'The outage lasted 3 hours.', timeline: timelineText }));
    assert.deepEqual(found(a, 'stated-duration'), ['5:19 stated-duration The timeline says the outage lasted 1h (13:00, line 9 → 14:00, line 11); this says 3h.']);
  });

  test('fields measured from the first detection (Time to repair / resolve)', () => {
    const a = run(['# Incident on 2021-09-04', '', '- **Key events**', '  - First detected 2021-09-04 22:05', '  - Repaired 2021-09-05 12:16', '  - Resolved 2021-09-05 12:27', '', '- **Time to repair**: 5h 16m', '', '- **Time to resolve**: 14h 22m', ''].join('\n'));
    assert.deepEqual(found(a, 'stated-duration'), ['8:23 stated-duration The timeline says it took to mitigate 14h 11m (22:05, line 4 → 12:16, line 5); this says 5h 16m.']);
  });

  test('a figure against the window written beside it', () => {
    const a = run(postmortem({ summary: 'Deploys stopped from the start of the outage (2021-11-03 13:50:46) until normal operations resumed (2021-11-03 18:42:57) for a total outage of 4:21h.', timeline: timelineText }));
    assert.match(found(a, 'stated-duration')[0] ?? '', /This says 4h 21m, but the window it gives \(13:50 to 18:42\) is 4h 52m/);
  });

  test('approximate and bounded figures in proportion; unknowable ones not reported', () => {
    const ok = (summary: string, tl = timelineText) => assert.deepEqual(found(run(postmortem({ summary, timeline: tl })), 'stated-duration'), [], summary);
    ok('The outage lasted approximately an hour.');
    ok('The site was down for about 70 minutes.');
    ok('The outage lasted under two hours.');
    ok('The outage lasted over 50 minutes.');
    ok('Twelve hours later the attacker returned.');
    ok('We expect the migration to take 3 hours.');
    ok('The outage lasted 5 hours.', TL('- 13:00 Outage begins', '- 13:20 Alert fires'));
  });

  test('"within 24 minutes" against a fix 100 minutes after the first report', () => {
    const a = run(postmortem({ summary: 'The problem was discovered and patched within 24 minutes.', timeline: TL('- 12:24 Reports of failures appear', '- 13:03 Exploit identified', '- 14:04 Strategies rolled back') }));
    assert.match(found(a, 'stated-duration')[0] ?? '', /it took to mitigate 1h 40m \(12:24, line 9 → 14:04, line 11\); this says at most 24m/);
  });
});

describe('timezone-mixed', () => {
  test('an unknown zone, an abbreviation wrong for the date, a zone other than the timeline\'s', () => {
    const a = run(postmortem({
      title: 'API errors on September 30, 2020',
      summary: 'From 8:16 a.m. to 11:58 a.m. PCT the API failed.',
      heading: 'Timeline (all hours, Pacific time)',
      timeline: TL('- 8:16 AM: Errors begin.', '- 9:00 AM EDT: Vendor paged.', '- 11:58 AM: Service restored.'),
      rootCause: 'At 8:10 AM PST a bad build was released.',
    }));
    assert.deepEqual(found(a, 'timezone-mixed'), [
      '5:30 timezone-mixed "PCT" is not a time zone; the timeline is in Pacific time (line 7).',
      '10:11 timezone-mixed This entry is in EDT, the rest of the timeline in Pacific time (line 7).',
      '15:12 timezone-mixed PST is wrong for 2020-09-30: the clocks there were on PDT.',
    ]);
  });

  test('an ambiguous abbreviation is checked as the zone the ambiguousZones setting gives it', () => {
    const doc = postmortem({ title: 'Orders failed on July 4, 2023', heading: 'Timeline (all times CST)', timeline: TL('- 9:00 AM: Outage begins', '- 10:00 AM: Service restored') });
    const chicago = run(doc).problems.filter((p) => p.ruleId === 'timezone-mixed');
    assert.deepEqual(chicago.map((p) => p.message), ['CST is wrong for the timeline\'s dates (2023-07-04): the clocks there were on CDT. (CST is read as America/Chicago; the ambiguousZones setting names another zone.)']);
    assert.equal(chicago[0]?.fixes?.[0]?.safe, false, '--fix leaves it: the writer may mean China');
    assert.deepEqual(found(run(doc, { ambiguousZones: { CST: 'Asia/Shanghai' } } as never), 'timezone-mixed'), [], 'China Standard Time is right all year');
  });

  test('the timeline\'s own zone wrong for its dates', () => {
    const a = run(postmortem({ title: 'Node failures', heading: 'Timeline', timeline: TL('All times are in CET.', '', '- 2020-10-06 08:00 Pods crash', '- 2020-10-06 12:00 All healthy and issue resolved') }));
    assert.deepEqual(found(a, 'timezone-mixed'), ['9:18 timezone-mixed CET is wrong for the timeline\'s dates (2020-10-06 on): the clocks there were on CEST.']);
  });

  test('not reported: right for the season, GMT in summer, no date to judge by, the same zone spelled twice, UTC beside a local zone', () => {
    const quiet = (text: string) => assert.deepEqual(found(run(text), 'timezone-mixed'), [], text);
    quiet(postmortem({ title: 'Errors on January 12, 2021', heading: 'Timeline (all times PST)', timeline: '- 10:00 Errors begin' }));
    quiet(postmortem({ title: 'Errors on July 1, 2022', heading: 'Timeline (GMT)', timeline: '- 10:00 Errors begin' }));
    quiet(postmortem({ title: 'Errors', summary: 'Around 9 PM PST users saw errors.', heading: 'Timeline', timeline: '- 9:00 PM PST: Errors begin' }));
    quiet(postmortem({ title: 'Errors', summary: 'From 10:30 am to 12:50 pm WAT the site failed.', heading: 'Timeline (West African Time)', timeline: '- 10:30 AM - outage starts' }));
    quiet(postmortem({ title: 'Errors on 2021-11-01', heading: 'Timeline (all times PDT)', timeline: '- 10:00 Errors begin', rootCause: 'The bad block was produced at 17:00 UTC.' }));
  });
});

describe('date-mismatch', () => {
  test('a year typed wrong among the key events', () => {
    const a = run(['# Incident on 2021-06-09', '', '- **Key events**', '  - First detected 2021-06-09 13:15', '  - Repaired 2021-06-09 13:46', '  - Incident declared 2020-06-09 13:54', '  - Resolved 2021-06-09 13:58', ''].join('\n'));
    assert.deepEqual(found(a, 'date-mismatch', 'timeline-order'), ['6:23 date-mismatch 2020 here, but the incident is in 2021 (June 9, 2021, line 5).']);
  });

  test('a title date the timeline does not have; a summary window in another month', () => {
    const a = run(postmortem({
      title: 'Outage on August 10, 2024',
      summary: 'Duration: June 10, 2024, 08:00 AM - June 10, 2024, 10:00 AM (UTC)',
      timeline: TL('- August 16, 2024 08:00 AM Outage begins', '- August 16, 2024 10:00 AM Service restored'),
    }));
    assert.deepEqual(found(a, 'date-mismatch'), [
      '1:13 date-mismatch The title says August 10, 2024, but the timeline dates the incident August 16, 2024.',
      '5:11 date-mismatch This says June 10, 2024, but the timeline dates the outage August 16, 2024.',
    ]);
  });

  test('a heading range that leaves entries out', () => {
    const a = run(postmortem({ title: 'Chain stall', heading: 'Timeline (all times PST) 01/16/2024 - 02/28/2024', timeline: TL('01-10-2024', '', '7:32 PM - The chain stalled.', '', '7:42 PM - Blocks are produced again.', '', '01-31-2024 - The fix was merged.') }));
    assert.deepEqual(found(a, 'date-mismatch'), ['7:29 date-mismatch The heading gives January 16, 2024 to February 28, 2024, but the timeline has an entry on January 10, 2024 (line 11).']);
  });

  test('not reported: the title on the last day of the timeline, precursors, future follow-ups', () => {
    const a = run(postmortem({
      title: 'Hook outage, 2019-01-23',
      timeline: TL('- 2018-12-05 10:00 Bug introduced', '- 2019-01-22 15:28 Bad config uploaded', '- 2019-01-23 08:27 Resolution confirmed complete'),
      resolution: 'A follow-up review is planned for 2019-03-01.',
    }));
    assert.deepEqual(found(a, 'date-mismatch'), []);
  });
});

describe('timeline-order, timeline-unparsed, timezone-missing, milestone-order, invalid-time', () => {
  test('an entry earlier than the one before it; the next in order is fine', () => {
    const a = run(postmortem({ timeline: TL('- 13:00 Replica lags', '- 14:30 Tickets pile up', '- 14:10 On-call paged', '- 15:00 Reads moved back') }));
    assert.deepEqual(found(a, 'timeline-order'), ['11:3 timeline-order This entry (14:10) is earlier than the entry before it (14:30, line 10).']);
  });

  test('a timeline written newest first is in order, and its milestones are read from the bottom up', () => {
    const a = run(postmortem({ timeline: TL('- 15:00 Reads moved back, service restored', '- 14:30 Failover to the replica, errors mitigated', '- 14:10 On-call paged', '- 13:00 Outage begins') }));
    assert.deepEqual(found(a, 'timeline-order'), []);
    assert.equal(a.timeline?.newestFirst, true);
    const m = a.timeline!.milestones;
    assert.deepEqual([m.timeToDetectMinutes, m.timeToMitigateMinutes, m.timeToResolveMinutes], [70, 90, 120]);
    const slip = run(postmortem({ timeline: TL('- 15:00 Reads moved back', '- 14:30 Failover', '- 14:50 On-call paged', '- 13:00 Outage begins') }));
    assert.equal(slip.timeline?.newestFirst, undefined, 'one entry out of place: not a newest-first timeline');
    assert.ok(found(slip, 'timeline-order').length > 0);
  });

  test('vague and unknown times, a resolution with no time, a timeline with no times', () => {
    const a = run(postmortem({ timeline: TL('- 10:00 Deploy', '- --:-- Replicas scaled', '- Late in the day: logs rotated', '- 11:00 Errors stop', '- Resolution: the cache was resized') }));
    assert.deepEqual(found(a, 'timeline-unparsed'), [
      '10:3 timeline-unparsed Unknown time "--:--" in the timeline.',
      '11:3 timeline-unparsed Vague time "Late in the day": say when it happened (an approximate time such as "~22:00" is fine).',
      '13:3 timeline-unparsed This entry says when the outage ended, but gives no time: the timeline cannot show when service was restored.',
    ]);
    const none = run(postmortem({ timeline: TL('- Tested on a laptop', '- Rebuilt the image') }));
    assert.deepEqual(found(none, 'timeline-unparsed'), ['9:3 timeline-unparsed The timeline gives no times: add a time (and zone) to each entry.']);
  });

  test('no zone anywhere; a zone in the summary, a column header or on entries is enough', () => {
    assert.equal(found(run(postmortem({ heading: 'Timeline', timeline: '- 10:00 Errors begin' })), 'timezone-missing').length, 1);
    assert.equal(found(run(postmortem({ heading: 'Timeline', summary: 'From 10:00 to 11:00 UTC checkout failed.', timeline: '- 10:00 Errors begin' })), 'timezone-missing').length, 0);
  });

  test('detection before the start, both stated plainly', () => {
    const a = run(postmortem({ timeline: TL('- 17:50 We received a complaint that the site was not responding', '- 18:00 The whole website was not accessible', '- 19:00 The issue was completely resolved') }));
    assert.deepEqual(found(a, 'milestone-order'), ['9:3 milestone-order Detection (17:50) is before the outage start (18:00, line 10).']);
  });

  test('a broken meridiem and a front matter date', () => {
    const a = run(`---\ndate: 30/30/30\n---\n${postmortem({ summary: 'Duration: 10:00 M to 2:00 PM (UTC)', timeline: '- 10:00 Errors begin' })}`);
    assert.deepEqual(found(a, 'invalid-time').map((l) => l.split(' ').slice(0, 2).join(' ')), ['2:7 invalid-time', '8:11 invalid-time']);
  });
});
