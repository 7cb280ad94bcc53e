// Every fix of the timeline rules, applied and the result analysed again: the problem is gone, no
// new problem appears, and running the fixes again changes nothing. Safe fixes go through the
// same fix-all loop as `postmortem-lint --fix`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixText } from '../../../server/src/cli/fix';
import type { Problem } from '../../../server/src/engine';
import { applyFix, found, only, postmortem, run } from './helpers';

const TL = (...lines: string[]) => lines.join('\n');
const key = (p: Problem) => `${p.ruleId} ${p.message}`;

/** Applies `p`'s fix (or the one titled `title`) and checks the result. Returns the fixed text. */
function fixAndRecheck(text: string, p: Problem, title?: string): string {
  const before = run(text).problems.filter((x) => x !== p).map(key);
  const fixed = applyFix(text, p, title);
  assert.notEqual(fixed, text, 'the fix changed the text');
  const after = run(fixed);
  assert.ok(!after.problems.some((x) => x.ruleId === p.ruleId && x.range.start.line === p.range.start.line), `${p.ruleId} still reported:\n${found(after).join('\n')}`);
  const added = after.problems.map(key).filter((k) => !before.includes(k));
  assert.deepEqual(added, [], 'no new problem');
  // Nothing left for this rule to fix there: a second run changes nothing.
  const again = after.problems.filter((x) => x.ruleId === p.ruleId && x.range.start.line === p.range.start.line && x.fixes?.length);
  assert.deepEqual(again, []);
  return fixed;
}

describe('timezone-mixed fixes', () => {
  test('PST → PDT on a September date is safe: fix-all applies it, once', () => {
    const text = postmortem({ title: 'API errors on September 30, 2020', heading: 'Timeline (all hours, Pacific time)', timeline: TL('- 8:16 AM: Errors begin.', '- 11:58 AM: Service restored.'), rootCause: 'At 8:10 AM PST a bad build was released; at 8:26 a.m. PST monitoring alerted us.' });
    const a = run(text);
    assert.equal(only(a, 'timezone-mixed').length, 2);
    assert.ok(only(a, 'timezone-mixed').every((p) => p.fixes?.[0]?.safe === true));
    const outcome = fixText(text, (t) => run(t));
    assert.match(outcome.text, /At 8:10 AM PDT a bad build was released; at 8:26 a\.m\. PDT monitoring/);
    assert.deepEqual(found(outcome.analysis, 'timezone-mixed'), []);
    assert.deepEqual(outcome.analysis.problems.map(key), a.problems.filter((p) => p.ruleId !== 'timezone-mixed').map(key));
    assert.equal(fixText(outcome.text, (t) => run(t)).text, outcome.text, 'second run');
  });

  test('the timeline heading\'s abbreviation for its dates (CET → CEST)', () => {
    const text = postmortem({ title: 'Node failures', heading: 'Timeline (all times CET)', timeline: TL('- 2020-10-06 08:00 Pods crash', '- 2020-10-06 12:00 All healthy and issue resolved') });
    const [p] = only(run(text), 'timezone-mixed');
    assert.ok(p);
    assert.match(fixAndRecheck(text, p), /## Timeline \(all times CEST\)/);
  });

  test('an unknown zone gets the timeline\'s, offered but not applied by fix-all', () => {
    const text = postmortem({ title: 'API errors on September 30, 2020', summary: 'From 8:16 a.m. to 11:58 a.m. PCT the API failed.', heading: 'Timeline (all hours, Pacific time)', timeline: TL('- 8:16 AM: Errors begin.', '- 11:58 AM: Service restored.') });
    const [p] = only(run(text), 'timezone-mixed');
    assert.ok(p);
    assert.equal(p.fixes?.[0]?.safe, false);
    assert.match(fixAndRecheck(text, p), /11:58 a\.m\. PDT the API failed/);
  });
});

describe('timeline-order: sort the timeline', () => {
  test('one edit puts the entries in order, each with its own lines and formatting, equal times kept in order', () => {
    const text = postmortem({
      timeline: TL('- **13:00** Replica lags', '- 14:30 Tickets pile up', '  - two customers wrote in', '- 14:10 *On-call paged*', '- 14:10 Second pager', '- 15:00 Reads moved back'),
    });
    const problems = only(run(text), 'timeline-order');
    assert.equal(problems.length, 1);
    const fixed = fixAndRecheck(text, problems[0] as Problem);
    assert.match(fixed, /- \*\*13:00\*\* Replica lags\n- 14:10 \*On-call paged\*\n- 14:10 Second pager\n- 14:30 Tickets pile up\n {2}- two customers wrote in\n- 15:00 Reads moved back/);
  });

  test('table rows are sorted below their header; blank lines between entries stay in place', () => {
    const table = postmortem({ timeline: TL('| Time | Event |', '|---|---|', '| 10:00 | Deploy |', '| 10:40 | Rolled back |', '| 10:20 | Errors begin |') });
    const [p] = only(run(table), 'timeline-order');
    assert.ok(p);
    assert.match(fixAndRecheck(table, p), /\| 10:00 \| Deploy \|\n\| 10:20 \| Errors begin \|\n\| 10:40 \| Rolled back \|/);
    const spaced = postmortem({ heading: 'Timeline (all times UTC)', timeline: TL('10:00 - Deploy', '', '10:40 - Rolled back', '', '10:20 - Errors begin') });
    const [q] = only(run(spaced), 'timeline-order');
    assert.ok(q);
    assert.match(fixAndRecheck(spaced, q), /10:00 - Deploy\n\n10:20 - Errors begin\n\n10:40 - Rolled back/);
  });

  test('not offered where moving lines would change what entries mean (carried dates across days)', () => {
    const text = postmortem({ timeline: TL('2024-03-05', '', '- 23:10 Disk fills', '', '2024-03-06', '', '- 00:40 Volume grown', '- 00:20 Alert') });
    const [p] = only(run(text), 'timeline-order');
    assert.ok(p);
    assert.deepEqual(p.fixes, []);
  });
});

describe('stated-duration, invalid-time, timezone-missing and weekday-mismatch fixes', () => {
  test('a stated duration replaced by the computed one, in the same style', () => {
    const text = postmortem({ summary: 'The outage lasted 3 hours.', timeline: TL('- 13:00 Outage begins', '- 13:20 Alert fires', '- 14:30 Service restored') });
    const [p] = only(run(text), 'stated-duration');
    assert.ok(p);
    assert.equal(p.fixes?.[0]?.safe, false);
    assert.match(fixAndRecheck(text, p), /The outage lasted 1 hour 30 minutes\./);
    const fields = ['# Incident on 2021-09-04', '', '- **Key events**', '  - First detected 2021-09-04 22:05', '  - Repaired 2021-09-05 12:16', '', '- **Time to repair**: 5h 16m', ''].join('\n');
    const [f] = only(run(fields), 'stated-duration');
    assert.ok(f);
    assert.match(fixAndRecheck(fields, f), /Time to repair\*\*: 14h 11m/);
  });

  test('impossible times: 13:55 PM → 13:55 or 1:55 PM; 10:00 M → AM or PM', () => {
    const text = postmortem({ timeline: TL('- 12:45 PM: Storm begins', '- 13:55 PM: Alarms fire', '- 3:00 PM: Mempool empty') });
    const [p] = only(run(text), 'invalid-time');
    assert.ok(p);
    assert.deepEqual(p.fixes?.map((f) => f.title), ['Change "13:55 PM" to "13:55"', 'Change "13:55 PM" to "1:55 PM"']);
    assert.match(fixAndRecheck(text, p), /- 13:55: Alarms fire/);
    assert.match(fixAndRecheck(text, p, 'Change "13:55 PM" to "1:55 PM"'), /- 1:55 PM: Alarms fire/);
    const broken = postmortem({ summary: 'Duration: 10:00 M to 2:00 PM (UTC)', timeline: '- 10:00 Errors begin' });
    const [q] = only(run(broken), 'invalid-time');
    assert.ok(q);
    assert.match(fixAndRecheck(broken, q, 'Change "10:00 M" to "10:00 AM"'), /Duration: 10:00 AM to 2:00 PM/);
  });

  test('the zone added to the timeline heading', () => {
    const text = postmortem({ heading: 'Timeline', timeline: TL('- 10:00 Errors begin', '- 11:00 Service restored') });
    const [p] = only(run(text), 'timezone-missing');
    assert.ok(p);
    assert.match(fixAndRecheck(text, p), /## Timeline \(all times UTC\)/);
  });

  test('a weekday corrected to the date\'s', () => {
    const text = postmortem({ summary: 'On Monday, March 5, 2024 checkout failed for an hour.', timeline: TL('- 10:00 Errors begin', '- 11:00 Service restored') });
    const [p] = only(run(text), 'weekday-mismatch');
    assert.ok(p);
    assert.match(fixAndRecheck(text, p), /On Tuesday, March 5, 2024/);
  });
});
