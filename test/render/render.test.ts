// The renderer on hand-made timelines: events on a real time axis, phases, metrics, compressed
// gaps, days, problems, the unplaced lane, zones, and both layouts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSvg, renderSvg, serialize, textContent, timelineView } from '../../server/src/render';
import { all, assertWellFormedXml, byClass, CLASSIC, EST, events, hasClass, makeTimeline, markerPos, problem } from './fixtures';

const classic = () => timelineView(makeTimeline(CLASSIC), [], { filePath: 'postmortems/outage.md' });

test('every entry is a focusable, labelled list item on the axis, in time order', () => {
  const svg = buildSvg(classic(), { layout: 'horizontal', width: 960 });
  const items = events(svg);
  assert.equal(items.length, 7);
  assert.deepEqual(items.map((e) => e.attrs['tabindex']), Array(7).fill(0));
  assert.equal(items[1]!.attrs['aria-label'], '08:16 PDT — Interruption begins (outage start)');
  assert.equal(items[2]!.attrs['aria-label'], '08:26 PDT — Pagers alerted teams (detected)');
  const xs = items.map((e) => markerPos(e, 'x'));
  assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
  // A real scale: 08:00 → 08:16 is 16 minutes, 10:35 → 11:58 is 83.
  const px = (a: number, b: number) => xs[b]! - xs[a]!;
  assert.ok(Math.abs(px(0, 1) / 16 - px(4, 6) / 83) < 0.01, 'the axis is linear');
  assert.ok(xs.every((x) => x >= 16 && x <= 944));
});

test('phases are drawn from the milestones with their durations', () => {
  const svg = buildSvg(classic(), { layout: 'horizontal', width: 960 });
  const phase = (name: string) => byClass(svg, `pm-ph-${name}`).find((el) => hasClass(el, 'pm-phase'));
  for (const name of ['impact', 'detection', 'mitigation', 'resolution']) assert.ok(phase(name), `${name} phase`);
  assert.equal(phase('impact')!.attrs['aria-label'], 'Impact phase: 08:16 to 10:35, 2 h 19 min');
  assert.equal(phase('detection')!.attrs['aria-label'], 'Detection phase: 08:16 to 08:26, 10 min');
  assert.equal(phase('resolution')!.attrs['aria-label'], 'Resolution phase: 10:35 to 11:58, 1 h 23 min');
  const items = events(svg);
  const rect = phase('impact')!.children.find((c) => typeof c === 'object' && 'tag' in c && c.tag === 'rect') as { attrs: Record<string, number> };
  assert.ok(Math.abs(rect.attrs['x']! - markerPos(items[1]!, 'x')) < 0.5, 'impact starts at the outage start');
  assert.ok(Math.abs(rect.attrs['x']! + rect.attrs['width']! - markerPos(items[4]!, 'x')) < 0.5, 'impact ends when mitigated');
});

test('TTD, TTM, TTR and duration are shown', () => {
  const svg = buildSvg(classic(), { layout: 'horizontal' });
  const metrics = byClass(svg, 'pm-metric').map((m) => m.attrs['aria-label']);
  assert.deepEqual(metrics, [
    'Time to detect: 10 min, 08:16 → 08:26',
    'Time to mitigate: 2 h 19 min, 08:16 → 10:35',
    'Time to resolve: 3 h 42 min, 08:16 → 11:58',
    'Duration: 3 h 42 min, 08:16 → 11:58',
  ]);
  const unknown = timelineView(makeTimeline([{ at: '2020-09-30 08:00', text: 'Something happened' }]), [], { filePath: 'x.md' });
  assert.match(textContent(buildSvg(unknown)), /Time to detect—no detection entry/);
});

test('a long quiet gap is compressed into a marked break', () => {
  const t = makeTimeline([
    { at: '2016-11-17 12:05', text: 'Site taken down', kind: 'start' },
    { at: '2016-11-17 12:10', text: 'Files found missing', kind: 'detect' },
    { at: '2016-11-17 12:20', text: 'Ticket opened' },
    { at: '2016-11-17 12:30', text: 'Backups requested' },
    { at: '2016-11-18 09:00', text: 'Systems team available' },
    { at: '2016-11-18 09:10', text: 'Backups restored', kind: 'mitigate' },
    { at: '2016-11-18 15:01', text: 'Site back up', kind: 'resolve' },
  ], { zone: EST });
  const svg = buildSvg(timelineView(t, [], { filePath: 'x.md' }), { layout: 'horizontal', width: 960 });
  const breaks = byClass(svg, 'pm-break');
  assert.equal(breaks.length, 2, 'the night and the afternoon are compressed');
  const labels = breaks.map((b) => textContent(byClass(b, 'pm-break-text')[0]!));
  assert.deepEqual(labels, ['20 h 30 min', '5 h 51 min']);
  const xs = events(svg).map((e) => markerPos(e, 'x'));
  // The 25 minutes before the night get real room instead of a sliver.
  assert.ok(xs[3]! - xs[0]! > 200, `first cluster is ${xs[3]! - xs[0]!}px wide`);
  assert.match(String(all(svg, (el) => el.attrs['role'] === 'img')[0]!.attrs['aria-label']), /gap of 20 h 30 min .*compressed/);
  const narrow = buildSvg(timelineView(t, [], { filePath: 'x.md' }), { layout: 'vertical', width: 300 });
  assert.deepEqual(byClass(narrow, 'pm-break-text').map(textContent), ['⋯ 20 h 30 min later', '⋯ 5 h 51 min later']);
});

test('the narrow layout measures a gap from the end of a range, as the wide one does', () => {
  const t = makeTimeline([
    { at: '2024-05-01 09:00', text: 'Deploy', kind: 'start' },
    { at: '2024-05-01 09:10', text: 'Alert', kind: 'detect' },
    { at: '2024-05-01 09:20', text: 'Rollback started' },
    { at: '2024-05-01 14:30', until: '2024-05-01 21:00', text: 'Restarts', kind: 'mitigate' },
    { at: '2024-05-04 09:30', text: 'All clear', kind: 'resolve' },
  ]);
  const view = timelineView(t, [], { filePath: 'x.md' });
  const wide = buildSvg(view, { layout: 'horizontal', width: 960 });
  const narrow = buildSvg(view, { layout: 'vertical', width: 300 });
  // 21:00 to 09:30 two days later, not 14:30 to 09:30 (2 d 19 h).
  assert.deepEqual(byClass(wide, 'pm-break-text').map(textContent), ['2 d 12 h']);
  assert.deepEqual(byClass(narrow, 'pm-break-text').map(textContent), ['⋯ 2 d 12 h later']);
  const axisLabel = (svg: typeof wide) => String(all(svg, (el) => el.attrs['role'] === 'img')[0]!.attrs['aria-label']).replace(/^.*, with /, '');
  assert.equal(axisLabel(narrow), axisLabel(wide));
});

test('evenly spaced entries are not compressed', () => {
  const svg = buildSvg(classic(), { layout: 'horizontal' });
  assert.equal(byClass(svg, 'pm-break').length, 0);
});

test('a timeline across days shows the dates and midnight', () => {
  const t = makeTimeline([
    { at: '2016-11-17 21:00', text: 'Deploy', kind: 'start' },
    { at: '2016-11-17 22:30', text: 'Alert', kind: 'detect' },
    { at: '2016-11-17 23:40', text: 'Rollback', kind: 'mitigate' },
    { at: '2016-11-18 00:50', text: 'All clear', kind: 'resolve' },
  ], { zone: EST });
  const svg = buildSvg(timelineView(t, [], { filePath: 'x.md' }), { layout: 'horizontal' });
  const dates = byClass(svg, 'pm-date').map(textContent);
  assert.deepEqual(dates, ['Thu 17 Nov 2016', 'Fri 18 Nov']);
  assert.equal(byClass(svg, 'pm-grid-day').length, 1, 'a midnight line');
  assert.equal(events(svg)[3]!.attrs['aria-label'], 'Fri 18 Nov 00:50 EST — All clear (resolved)');
  const narrow = buildSvg(timelineView(t, [], { filePath: 'x.md' }), { layout: 'vertical', width: 300 });
  assert.deepEqual(byClass(narrow, 'pm-date').map(textContent), ['Thu 17 Nov 2016', 'Fri 18 Nov']);
});

test('without a date, days are numbered', () => {
  const t = makeTimeline([
    { at: '2000-01-01 22:00', text: 'Deploy', kind: 'start' },
    { at: '2000-01-02 01:00', text: 'Fixed', kind: 'resolve' },
  ], { floatingDate: true });
  const svg = buildSvg(timelineView(t, [], { filePath: 'x.md' }), { layout: 'horizontal' });
  assert.deepEqual(byClass(svg, 'pm-date').map(textContent), ['Day 1', 'Day 2']);
});

test('entries with problems carry the diagnostic message', () => {
  const view = timelineView(makeTimeline(CLASSIC), [
    problem(13, 'Entry at 09:24 is earlier than the one before it', 'timeline-order', 'warning'),
    problem(2, 'Missing section "Root cause"', 'missing-section', 'error'),
  ], { filePath: 'x.md' });
  assert.deepEqual(view.events.map((e) => e.problems.length), [0, 0, 0, 1, 0, 0, 0]);
  for (const layout of ['horizontal', 'vertical'] as const) {
    const svg = buildSvg(view, { layout, width: layout === 'vertical' ? 320 : 960 });
    const item = events(svg)[3]!;
    assert.match(String(item.attrs['aria-label']), /Warning: Entry at 09:24 is earlier than the one before it \(timeline-order\)$/);
    assert.equal(byClass(item, 'pm-badge').length, 1);
    assert.ok(hasClass(byClass(item, 'pm-badge')[0]!, 'pm-sev-warning'));
    assert.match(textContent(item), /Entry at 09:24 is earlier/);
    assert.equal(byClass(svg, 'pm-badge').length, 2, `${layout}: the entry and the legend`);
  }
});

test('vague, placeholder and impossible times go to their own lane, not away', () => {
  const t = makeTimeline([
    { text: 'Code deploy begins', vague: 'late in the day' },
    { at: '2020-09-30 08:16', text: 'Interruption begins', kind: 'start' },
    { text: 'Engineers paged', placeholder: 'HH:mm' },
    { text: 'Fix deployed', invalid: '13:55 PM' },
    { text: 'Wrap-up call' },
  ]);
  const view = timelineView(t, [problem(10, 'Vague time "late in the day": say when it happened', 'timeline-unparsed')], { filePath: 'x.md' });
  assert.deepEqual(view.events.map((e) => e.unplaced), ['vague', undefined, 'placeholder', 'invalid', 'untimed']);
  for (const layout of ['horizontal', 'vertical'] as const) {
    const svg = buildSvg(view, { layout, width: layout === 'vertical' ? 300 : 960 });
    const lane = byClass(svg, 'pm-lane')[0]!;
    assert.match(textContent(lane), /^Not on the time axis \(4\)/);
    const items = events(lane);
    assert.deepEqual(items.map((e) => e.attrs['data-line']), [10, 12, 13, 14]);
    assert.equal(items[0]!.attrs['aria-label'], 'Line 11, vague time “late in the day” — Code deploy begins, not on the time axis. Warning: Vague time "late in the day": say when it happened (timeline-unparsed)');
    assert.deepEqual(byClass(lane, 'pm-tag-text').map(textContent), ['vague time: “late in the day”', 'placeholder: “HH:mm”', 'invalid time: “13:55 PM”', 'no time']);
  }
});

test('an unknown zone is said, and UTC is not invented', () => {
  const t = makeTimeline([{ at: '2000-01-01 08:16', text: 'Outage', kind: 'start' }, { at: '2000-01-01 09:00', text: 'Fixed', kind: 'resolve' }], { zone: null, floatingDate: true });
  const view = timelineView(t, [], { filePath: 'x.md' });
  assert.equal(view.zone, undefined);
  const svg = buildSvg(view, { zone: 'utc' });
  assert.equal(events(svg)[0]!.attrs['aria-label'], '08:16 zone unknown — Outage (outage start)');
  assert.match(textContent(byClass(svg, 'pm-subtitle')[0]!), /zone unknown/);
});

test('the UTC/local choice changes every time shown', () => {
  const view = classic();
  const utc = buildSvg(view, { zone: 'utc' });
  assert.equal(events(utc)[1]!.attrs['aria-label'], '15:16 UTC — Interruption begins (outage start)');
  assert.ok(byClass(utc, 'pm-tick').map(textContent).includes('16:00'));
  const local = buildSvg(view, { zone: 'local' });
  assert.ok(byClass(local, 'pm-tick').map(textContent).includes('09:00'));
});

test('narrow is vertical and fits its width; wide is horizontal', () => {
  const view = timelineView(makeTimeline(CLASSIC), [problem(13, 'A rather long diagnostic message that has to wrap onto more than one line in a side panel')], { filePath: 'x.md' });
  const narrow = buildSvg(view, { layout: 'vertical', width: 300 });
  assert.equal(narrow.attrs['width'], 300);
  assert.ok(hasClass(narrow, 'pm-vertical'));
  const ys = events(narrow).map((e) => markerPos(e, 'y'));
  assert.deepEqual(ys, [...ys].sort((a, b) => a - b), 'time runs downwards');
  const xs = all(narrow, (el) => el.tag === 'text').map((el) => Number(el.attrs['x'] ?? 0));
  assert.ok(xs.every((x) => x < 300));
  const wide = buildSvg(view, { layout: 'horizontal', width: 1200 });
  assert.equal(wide.attrs['width'], 1200);
  assert.ok(hasClass(wide, 'pm-horizontal'));
});

test('many entries make the wide picture wider instead of crowding it', () => {
  const specs = Array.from({ length: 40 }, (_, i) => ({ at: `2020-09-30 ${String(8 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}`, text: `Step ${i + 1}` }));
  const svg = buildSvg(timelineView(makeTimeline(specs), [], { filePath: 'x.md' }), { layout: 'horizontal', width: 800 });
  assert.ok(Number(svg.attrs['width']) > 800);
});

test('an empty timeline renders a message, not an error', () => {
  const view = timelineView(makeTimeline([]), [], { filePath: 'x.md' });
  for (const layout of ['horizontal', 'vertical'] as const) {
    const svg = buildSvg(view, { layout });
    assert.match(textContent(svg), /No (timeline )?entry/);
    assertWellFormedXml(serialize(svg));
  }
});

test('the SVG is standalone, accessible and needs no inline style', () => {
  const text = renderSvg(classic());
  assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assertWellFormedXml(text);
  const svg = buildSvg(classic(), { id: 'x' });
  assert.equal(svg.attrs['aria-labelledby'], 'x-name');
  assert.equal(all(svg, (el) => el.tag === 'title')[0]!.attrs['id'], 'x-name');
  assert.match(textContent(all(svg, (el) => el.tag === 'desc')[0]!), /Time to detect 10 min/);
  assert.equal(all(svg, (el) => el.attrs['role'] === 'img').length, 1, 'the axis is an image with a text alternative');
  assert.equal(all(svg, (el) => Object.keys(el.attrs).some((a) => a === 'style' || /^on/i.test(a))).length, 0);
  assert.match(text, /<style>[^<]*var\(--vscode-charts-red, #e51400\)/);
  assert.doesNotMatch(serialize(buildSvg(classic())), /<style>/, 'the preview gets its styles from media/');
});

test('the zone is named for the wall-clock date and offset, not the UTC date', async () => {
  const { analyze } = await import('../../server/src/engine');
  const { zoneLabel } = await import('../../server/src/render/view');
  const view = (date: string) => {
    const text = `# Outage\n\n## Timeline (all times PST, ${date})\n\n- 20:00 outage begins\n- 22:00 service restored\n`;
    const a = analyze(text, { force: true });
    return timelineView(a.timeline!, a.problems, { filePath: 'pm.md' });
  };
  // 20:00 PST on March 9 is already March 10 in UTC, the day Pacific clocks move to PDT.
  assert.deepEqual(view('2024-03-09').events.map((e) => e.zoneLabel), ['PST', 'PST']);
  assert.deepEqual(view('2024-07-09').events.map((e) => e.zoneLabel), ['PDT', 'PDT']);
  const pacific = { start: 0, end: 2, raw: 'PT', kind: 'abbr' as const, abbr: 'PT', iana: 'America/Los_Angeles', dstVariant: 'generic' as const };
  // On the morning clocks spring forward, the offset of each time decides.
  assert.equal(zoneLabel(pacific, Date.UTC(2024, 2, 10, 9, 30), -480), 'PST');
  assert.equal(zoneLabel(pacific, Date.UTC(2024, 2, 10, 17, 30), -420), 'PDT');
});
