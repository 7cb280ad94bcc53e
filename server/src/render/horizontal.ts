// The wide picture: time runs left to right on a real scale (long gaps become marked breaks),
// phases as bars above the axis, events as markers on it and their labels in rows below,
// placed greedily so that no two overlap.
import { h, type El } from './dom';
import { axisWall, clock, compactDuration, dateText, eventTime, formatDuration, type Display } from './format';
import { badge, eventAria, eventTooltip, FONT, markerShape, problemText, sevClass, shownText, tagText, type Block, type Ctx } from './parts';
import { phases, PHASE_TITLES, type Phase } from './phases';
import { axisInstants, tickStep, ticks, timeScale, type TimeScale } from './scale';
import { textWidth, truncate } from './text';
import type { ViewEvent } from './view';

const MINUTE = 60_000;
const BREAK_PX = 64;
const LABEL_MAX = 240;
const LABEL_WIDE = 420;

function phaseBar(scale: TimeScale, p: Phase, y: number, height: number, d: Display): El {
  const x0 = scale.at(p.from);
  const x1 = Math.max(scale.at(p.to), x0 + 2);
  const label = `${PHASE_TITLES[p.name]} · ${formatDuration(p.minutes)}`;
  const fits = textWidth(label, FONT.small, true) + 10 <= x1 - x0;
  const short = textWidth(PHASE_TITLES[p.name], FONT.small, true) + 10 <= x1 - x0;
  const aria = `${PHASE_TITLES[p.name]} phase: ${clock(axisWall(d, p.from))} to ${clock(axisWall(d, p.to))}, ${formatDuration(p.minutes)}`;
  return h('g', { class: `pm-phase pm-ph-${p.name}`, role: 'listitem', 'aria-label': aria },
    h('title', {}, aria),
    h('rect', { x: x0, y, width: x1 - x0, height, rx: 3 }),
    fits || short ? h('text', { class: 'pm-phase-text', x: x0 + 5, y: y + height - 4 }, fits ? label : PHASE_TITLES[p.name]) : undefined);
}

interface Span {
  from: number;
  to: number;
}

const overlaps = (taken: readonly Span[], a: Span): boolean => taken.some((b) => a.from < b.to && b.from < a.to);

function breakMarks(scale: TimeScale, top: number, axisY: number): El[] {
  return scale.breaks.map((b) => {
    const minutes = (b.to - b.from) / MINUTE;
    return h('g', { class: 'pm-break' },
      h('title', {}, `${formatDuration(minutes)} with no entries (compressed)`),
      h('rect', { class: 'pm-break-bg', x: b.p0 + 4, y: top - 2, width: b.p1 - b.p0 - 8, height: axisY - top + 8 }),
      h('line', { class: 'pm-axis pm-axis-gap', x1: b.p0 + 6, y1: axisY, x2: b.p1 - 6, y2: axisY }),
      h('path', { class: 'pm-break-mark', d: `M${b.p0 + 3} ${axisY + 6}l6 -12M${b.p1 - 9} ${axisY + 6}l6 -12` }),
      h('text', { class: 'pm-break-text', x: (b.p0 + b.p1) / 2, y: axisY - 10, 'text-anchor': 'middle' }, compactDuration(minutes)));
  });
}

/** Grid, ticks and dates; breaks are drawn later, over the phase bars, so they cut them visibly. */
function axis(ctx: Ctx, scale: TimeScale, top: number, axisY: number): El[] {
  const { d } = ctx;
  const lines: El[] = [];
  const labels: El[] = [];
  const dates: El[] = [];
  const tickRow: Span[] = scale.breaks.map((b) => {
    const w = textWidth(compactDuration((b.to - b.from) / MINUTE), FONT.small);
    const mid = (b.p0 + b.p1) / 2;
    return { from: mid - w / 2 - 4, to: mid + w / 2 + 4 };
  });
  const dateRow: Span[] = [];
  const step = scale.k > 0 ? tickStep(scale.k, 64) : 0;
  const showDates = !d.floatingDate || d.multiDay;
  const addDate = (x: number, wall: number, withYear: boolean): void => {
    const text = dateText(d, wall, withYear);
    const span = { from: x - 4, to: x + textWidth(text, FONT.small, true) + 4 };
    if (overlaps(dateRow, span)) return;
    dateRow.push(span);
    dates.push(h('text', { class: 'pm-date', x, y: axisY - 30 }, text));
  };
  scale.segments.forEach((s, i) => {
    lines.push(h('line', { class: 'pm-axis', x1: s.p0 - 6, y1: axisY, x2: s.p1 + 6, y2: axisY }));
    if (showDates && (i === 0 || dateText(d, axisWall(d, s.t0)) !== dateText(d, axisWall(d, scale.segments[i - 1]!.t1)))) addDate(s.p0, axisWall(d, s.t0), i === 0);
    if (!step || s.t1 === s.t0) return;
    for (const wall of ticks(axisWall(d, s.t0), axisWall(d, s.t1), step)) {
      const x = scale.at(wall - d.axisOffset * MINUTE);
      const midnight = wall % 86_400_000 === 0;
      lines.push(h('line', { class: midnight ? 'pm-grid pm-grid-day' : 'pm-grid', x1: x, y1: top, x2: x, y2: axisY + 4 }));
      if (midnight && showDates) addDate(x + 3, wall, false);
      const text = clock(wall);
      const w = textWidth(text, FONT.small);
      const span = { from: x - w / 2 - 3, to: x + w / 2 + 3 };
      if (overlaps(tickRow, span)) continue;
      tickRow.push(span);
      labels.push(h('text', { class: 'pm-tick', x, y: axisY - 10, 'text-anchor': 'middle' }, text));
    }
  });
  return [...lines, ...dates, ...labels];
}

function axisAria(ctx: Ctx, scale: TimeScale): string {
  const { d } = ctx;
  const first = scale.segments[0]!;
  const last = scale.segments[scale.segments.length - 1]!;
  const when = (t: number): string => `${d.multiDay ? `${dateText(d, axisWall(d, t), false)} ` : ''}${clock(axisWall(d, t))}`;
  let text = `Time axis from ${when(first.t0)} to ${when(last.t1)} ${d.zoneText}`;
  if (scale.breaks.length) text += `, with ${scale.breaks.map((b) => `a gap of ${formatDuration((b.to - b.from) / MINUTE)}`).join(' and ')} compressed`;
  return text;
}

interface Placed {
  e: ViewEvent;
  x: number;
  lx: number;
  w: number;
  row: number;
  time: string;
  text: string;
  line2?: { text: string; cls: string; problem: boolean };
}

function line2Of(e: ViewEvent, max: number): Placed['line2'] {
  const p = e.problems[0];
  if (p) return { text: truncate(problemText(p) + (e.problems.length > 1 ? ` (+${e.problems.length - 1} more)` : ''), max - 16, FONT.small), cls: `pm-problem-text ${sevClass(p)}`, problem: true };
  const tag = tagText(e);
  return tag ? { text: tag, cls: `pm-tag-inline pm-k-${e.kind}`, problem: false } : undefined;
}

function labelWidth(time: string, text: string, line2: Placed['line2']): number {
  const first = textWidth(time, FONT.body, true) + 6 + textWidth(text, FONT.body);
  const second = line2 ? textWidth(line2.text, line2.problem ? FONT.small : 10, !line2.problem) + (line2.problem ? 16 : 0) : 0;
  return Math.max(first, second) + 10;
}

/** Greedy rows at a modest width, then each label grows into the free space to its right. */
function placeLabels(ctx: Ctx, events: readonly ViewEvent[], scale: TimeScale, pad: number): Placed[] {
  const rowsEnd: number[] = [];
  const placed = events.map((e): Placed => {
    const x = scale.at(e.instant!);
    const time = `${e.approximate ? '~' : ''}${eventTime(ctx.d, e)}`;
    const timeW = textWidth(time, FONT.body, true) + 6;
    const text = truncate(shownText(e), LABEL_MAX - timeW, FONT.body);
    const line2 = line2Of(e, LABEL_MAX);
    const w = labelWidth(time, text, line2);
    const lx = Math.max(pad, Math.min(x - 5, ctx.width - pad - w));
    let row = rowsEnd.findIndex((end) => end + 10 <= lx);
    if (row < 0) {
      row = rowsEnd.length;
      rowsEnd.push(0);
    }
    rowsEnd[row] = lx + w;
    return { e, x, lx, w, row, time, text, line2 };
  });
  for (const p of placed) {
    const next = placed.filter((q) => q.row === p.row && q.lx > p.lx).reduce((m, q) => Math.min(m, q.lx - 12), ctx.width - pad);
    const room = Math.min(next - p.lx, LABEL_WIDE);
    if (room <= p.w) continue;
    const timeW = textWidth(p.time, FONT.body, true) + 6;
    p.text = truncate(shownText(p.e), room - timeW - 10, FONT.body);
    p.line2 = line2Of(p.e, room - 10);
    p.w = Math.min(room, labelWidth(p.time, p.text, p.line2));
  }
  return placed;
}

export function horizontalChart(ctx: Ctx, y: number, pad: number): Block {
  const { view } = ctx;
  const placed = view.events.filter((e) => e.instant !== undefined).sort((a, b) => a.instant! - b.instant! || a.id - b.id);
  if (placed.length === 0) return { els: [h('text', { class: 'pm-empty', x: pad, y: y + 16 }, 'No timeline entry has a time that can be placed on an axis.')], height: 30 };
  const scale = timeScale(axisInstants(placed), pad + 10, ctx.width - pad - 10, BREAK_PX);
  const els: El[] = [];
  const { impact, response } = phases(view);
  const laneH = 16;
  const phaseEls: El[] = [];
  if (impact) phaseEls.push(phaseBar(scale, impact, y, laneH, ctx.d));
  for (const p of response) phaseEls.push(phaseBar(scale, p, y + laneH + 4, laneH, ctx.d));
  const axisY = y + 2 * laneH + 4 + 46;
  els.push(h('g', { class: 'pm-axis-group', role: 'img', 'aria-label': axisAria(ctx, scale) }, axis(ctx, scale, y, axisY)));
  if (phaseEls.length) els.push(h('g', { role: 'list', 'aria-label': 'Phases' }, phaseEls));
  else els.push(h('text', { class: 'pm-empty', x: pad, y: y + 22 }, 'Phases unknown: no entry marks the outage start, detection, mitigation or resolution.'));
  els.push(h('g', { class: 'pm-breaks', 'aria-hidden': 'true' }, breakMarks(scale, y, axisY)));

  const labels = placeLabels(ctx, placed, scale, pad);
  const twoLines = labels.some((l) => l.line2);
  const rowH = twoLines ? 40 : 24;
  const rowsTop = axisY + 20;
  const items = labels.map((l) => {
    const top = rowsTop + l.row * rowH;
    const lh = l.line2 ? 36 : 20;
    const e = l.e;
    const range = e.endInstant !== undefined ? h('rect', { class: `pm-range pm-k-${e.kind}`, x: l.x, y: axisY - 3, width: Math.max(2, scale.at(e.endInstant) - l.x), height: 6, rx: 3 }) : undefined;
    return h('g', { class: 'pm-event', role: 'listitem', tabindex: 0, 'data-id': e.id, 'data-line': e.line, 'aria-label': eventAria(ctx, e) },
      h('title', {}, eventTooltip(ctx, e)),
      h('rect', { class: 'pm-label-bg pm-hit pm-focus', x: l.lx, y: top, width: l.w, height: lh, rx: 3 }),
      h('text', { class: 'pm-event-text', x: l.lx + 5, y: top + 14 },
        h('tspan', { class: 'pm-time' }, l.time), ` ${l.text}`),
      l.line2 ? h('text', { class: l.line2.cls, x: l.lx + 5 + (l.line2.problem ? 14 : 0), y: top + 30 }, l.line2.text) : undefined,
      l.line2?.problem ? badge(e.problems, l.lx + 10, top + 26) : undefined,
      range,
      markerShape(e, l.x, axisY));
  });
  // Leaders first, all of them, so that every label's background hides the leaders passing behind it.
  els.push(h('g', { class: 'pm-leaders', 'aria-hidden': 'true' }, labels.map((l) => h('line', { class: 'pm-leader', x1: l.x, y1: axisY + 7, x2: l.x, y2: rowsTop + l.row * rowH }))));
  els.push(h('g', { role: 'list', 'aria-label': 'Timeline events' }, items));
  const rows = Math.max(...labels.map((l) => l.row)) + 1;
  return { els, height: rowsTop - y + rows * rowH + 8 };
}
