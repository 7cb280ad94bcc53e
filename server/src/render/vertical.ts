// The narrow picture (a side panel): time runs downwards. Gaps between events are proportional
// to the time between them but never smaller than the text needs, long gaps become marked
// breaks, day changes get a date row, phases are bars in the gutter.
import { h, type El } from './dom';
import { axisWall, clock, compactDuration, dateText, eventTime, eventWall, formatDuration } from './format';
import { badge, eventAria, eventTooltip, FONT, markerShape, problemText, sevClass, shownText, tagText, type Block, type Ctx } from './parts';
import { phases, PHASE_TITLES, type Phase } from './phases';
import { axisInstants, breakGaps, distinct } from './scale';
import { wrap } from './text';
import type { ViewEvent } from './view';

const MINUTE = 60_000;
const BREAK_PX = 40;
const DATE_PX = 26;
const TYPICAL_PX = 56;
const MAX_GAP_PX = 200;

interface Line {
  text: string;
  cls: string;
  size: number;
  problem?: boolean;
}

interface Item {
  e: ViewEvent;
  lines: Line[];
  height: number;
  top: number;
  markerY: number;
}

function lines(e: ViewEvent, width: number): Line[] {
  const out: Line[] = wrap(shownText(e), width, FONT.body, 3).map((text) => ({ text, cls: 'pm-event-text', size: FONT.body }));
  for (const p of e.problems) {
    for (const text of wrap(problemText(p), width - 16, FONT.small, 3)) out.push({ text, cls: `pm-problem-text ${sevClass(p)}`, size: FONT.small, problem: true });
  }
  return out;
}

function pixelsPerMs(instants: readonly number[], cut: ReadonlySet<number>): number {
  const gaps = instants.slice(1).map((t, i) => t - instants[i]!).filter((_, i) => !cut.has(i));
  if (gaps.length === 0) return 0;
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const max = sorted[sorted.length - 1]!;
  return Math.min(TYPICAL_PX / Math.max(median, MINUTE), MAX_GAP_PX / Math.max(max, MINUTE));
}

export function verticalChart(ctx: Ctx, y: number, pad: number): Block {
  const { view, d } = ctx;
  const placed = view.events.filter((e) => e.instant !== undefined).sort((a, b) => a.instant! - b.instant! || a.id - b.id);
  if (placed.length === 0) return { els: [h('text', { class: 'pm-empty', x: pad, y: y + 16 }, 'No entry can be placed on a time axis.')], height: 30 };
  const laneX = [pad, pad + 9];
  const axisX = pad + 30;
  const textX = pad + 44;
  const textW = ctx.width - pad - textX;
  const u = distinct(axisInstants(placed));
  const cut = breakGaps(u);
  const breaks = [...cut].map((i) => ({ from: u[i]!, to: u[i + 1]! }));
  const k = pixelsPerMs(u, cut);
  const showDates = !d.floatingDate || d.multiDay;

  const els: El[] = [];
  const items: Item[] = [];
  const dateRows: El[] = [];
  const breakEls: El[] = [];
  let cursor = y;
  let prev: Item | undefined;
  for (const e of placed) {
    const ls = lines(e, textW);
    const height = 20 + ls.length * 15 + 8;
    let top = cursor;
    if (prev) {
      const gap = e.instant! - prev.e.instant!;
      // The break just before this entry: it starts at the previous entry's end when that is a
      // range (a break inside the range is drawn here too, as there is no room for two).
      const isBreak = breaks.filter((b) => b.from >= prev!.e.instant! && b.to <= e.instant!).pop();
      const minTop = prev.top + prev.height + 4;
      if (isBreak) {
        const by = minTop + 2;
        const minutes = (isBreak.to - isBreak.from) / MINUTE;
        breakEls.push(h('g', { class: 'pm-break' },
          h('title', {}, `${formatDuration(minutes)} with no entries (compressed)`),
          h('path', { class: 'pm-break-mark', d: `M${axisX - 7} ${by + 8}l14 -6M${axisX - 7} ${by + BREAK_PX - 14}l14 -6` }),
          h('text', { class: 'pm-break-text', x: textX, y: by + BREAK_PX / 2 }, `⋯ ${compactDuration(minutes)} later`)));
        top = minTop + BREAK_PX;
      } else {
        top = Math.max(minTop, prev.top + gap * k);
      }
    }
    const newDay = showDates && (!prev || dateText(d, eventWall(d, prev.e)) !== dateText(d, eventWall(d, e)));
    if (newDay) {
      dateRows.push(h('text', { class: 'pm-date', x: textX, y: top + 16 }, dateText(d, eventWall(d, e), !prev)));
      dateRows.push(h('line', { class: 'pm-grid pm-grid-day', x1: axisX - 14, y1: top + 20, x2: ctx.width - pad, y2: top + 20 }));
      top += DATE_PX;
    }
    const item: Item = { e, lines: ls, height, top, markerY: top + 13 };
    items.push(item);
    prev = item;
    cursor = top + height;
  }

  const yAt = (t: number): number => {
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (t <= first.e.instant!) return first.markerY;
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1]!;
      const b = items[i]!;
      if (t <= b.e.instant!) return b.e.instant === a.e.instant ? b.markerY : a.markerY + ((t - a.e.instant!) / (b.e.instant! - a.e.instant!)) * (b.markerY - a.markerY);
    }
    return last.markerY + Math.min((t - last.e.instant!) * k, 120);
  };

  // Axis: one stroke per run of events, interrupted at breaks.
  const axisEls: El[] = [];
  let runStart = items[0]!.markerY;
  for (let i = 1; i <= items.length; i++) {
    const a = items[i - 1]!;
    const b = items[i];
    const broken = b && breaks.some((br) => br.from >= a.e.instant! && br.to <= b.e.instant!);
    if (!b || broken) {
      axisEls.push(h('line', { class: 'pm-axis', x1: axisX, y1: runStart - 8, x2: axisX, y2: a.markerY + 8 }));
      if (b) {
        axisEls.push(h('line', { class: 'pm-axis pm-axis-gap', x1: axisX, y1: a.markerY + 8, x2: axisX, y2: b.markerY - 8 }));
        runStart = b.markerY;
      }
    }
  }
  const first = items[0]!.e;
  const last = items[items.length - 1]!.e;
  const when = (e: ViewEvent): string => `${d.multiDay ? `${dateText(d, eventWall(d, e), false)} ` : ''}${eventTime(d, e)}`;
  let axisLabel = `Time axis from ${when(first)} to ${when(last)} ${d.zoneText}`;
  if (breaks.length) axisLabel += `, with ${breaks.map((b) => `a gap of ${formatDuration((b.to - b.from) / MINUTE)}`).join(' and ')} compressed`;
  els.push(h('g', { class: 'pm-axis-group', role: 'img', 'aria-label': axisLabel }, axisEls, dateRows, breakEls));

  const { impact, response } = phases(view);
  const bar = (p: Phase, x: number): El => {
    const y0 = yAt(p.from);
    const y1 = Math.max(yAt(p.to), y0 + 2);
    const aria = `${PHASE_TITLES[p.name]} phase: ${clock(axisWall(d, p.from))} to ${clock(axisWall(d, p.to))}, ${formatDuration(p.minutes)}`;
    return h('g', { class: `pm-phase pm-ph-${p.name}`, role: 'listitem', 'aria-label': aria },
      h('title', {}, aria),
      h('rect', { x, y: y0, width: 6, height: y1 - y0, rx: 3 }));
  };
  const phaseEls = [...(impact ? [bar(impact, laneX[0]!)] : []), ...response.map((p) => bar(p, laneX[1]!))];
  if (phaseEls.length) els.push(h('g', { role: 'list', 'aria-label': 'Phases' }, phaseEls));

  const eventEls = items.map((it) => {
    const e = it.e;
    const time = `${e.approximate ? '~' : ''}${eventTime(d, e)}`;
    const tag = tagText(e);
    const firstProblem = it.lines.findIndex((l) => l.problem);
    const range = e.endInstant !== undefined ? h('rect', { class: `pm-range pm-k-${e.kind}`, x: axisX - 3, y: it.markerY, width: 6, height: Math.max(2, yAt(e.endInstant) - it.markerY), rx: 3 }) : undefined;
    return h('g', { class: 'pm-event', role: 'listitem', tabindex: 0, 'data-id': e.id, 'data-line': e.line, 'aria-label': eventAria(ctx, e) },
      h('title', {}, eventTooltip(ctx, e)),
      h('rect', { class: 'pm-hit pm-focus', x: axisX - 12, y: it.top, width: ctx.width - pad - axisX + 12, height: it.height - 4, rx: 4 }),
      h('text', { class: 'pm-event-text', x: textX, y: it.top + 17 }, h('tspan', { class: 'pm-time' }, time),
        tag ? h('tspan', { class: `pm-tag-inline pm-k-${e.kind}`, dx: 8 }, tag) : undefined),
      it.lines.map((l, i) => h('text', { class: l.cls, x: textX + (l.problem ? 16 : 0), y: it.top + 33 + i * 15 }, l.text)),
      firstProblem >= 0 ? badge(e.problems, textX + 6, it.top + 29 + firstProblem * 15) : undefined,
      range,
      markerShape(e, axisX, it.markerY));
  });
  els.push(h('g', { role: 'list', 'aria-label': 'Timeline events' }, eventEls));
  return { els, height: cursor - y + 8 };
}
