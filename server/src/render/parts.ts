// Pieces both layouts share: the heading, the metric cards, the legend, event labels for screen
// readers, markers, problem badges and the lane of entries that have no place on the axis.
import { h, type El } from './dom';
import { compactDuration, dateText, eventDate, eventTime, eventWall, eventZone, formatDuration, type Display } from './format';
import { textWidth, truncate, wrap } from './text';
import type { MilestoneName, TimelineView, Unplaced, ViewEvent, ViewProblem } from './view';

export const FONT = { title: 15, body: 12, small: 11, metric: 17 } as const;

export interface Ctx {
  view: TimelineView;
  d: Display;
  width: number;
  /** Prefix for ids, unique per picture (an HTML page holds two). */
  id: string;
}

export interface Block {
  els: El[];
  height: number;
}

const MILESTONE_TEXT: Record<MilestoneName, string> = {
  start: 'outage start', detected: 'detected', escalated: 'escalated', mitigated: 'mitigated', resolved: 'resolved',
};
const KIND_TEXT: Record<string, string> = {
  start: 'outage start', detect: 'detection', escalate: 'escalation', mitigate: 'mitigation', resolve: 'resolution',
};
export const UNPLACED_TEXT: Record<Unplaced, string> = {
  vague: 'vague time', placeholder: 'placeholder', invalid: 'invalid time', untimed: 'no time',
};

/** Entry text as shown: whitespace collapsed, a trailing full stop dropped. */
export function shownText(e: ViewEvent): string {
  const t = e.text.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return t || '(no text)';
}

export function roleText(view: TimelineView, e: ViewEvent): string | undefined {
  if (e.milestones.length > 0) {
    return e.milestones.map((m) => (m === 'start' && view.startInferred ? 'outage start, inferred' : MILESTONE_TEXT[m])).join(', ');
  }
  return KIND_TEXT[e.kind];
}

/** Short tag drawn next to a milestone: START, DETECTED … */
export function tagText(e: ViewEvent): string | undefined {
  return e.milestones.length ? e.milestones.map((m) => m.toUpperCase()).join(' · ') : undefined;
}

export function severityWord(p: ViewProblem): string {
  return p.severity === 'error' ? 'Error' : p.severity === 'warning' ? 'Warning' : p.severity === 'information' ? 'Info' : 'Hint';
}

export function problemText(p: ViewProblem): string {
  return `${p.message.replace(/\s+/g, ' ').trim()} (${p.ruleId})`;
}

/** What a screen reader says for an event: "08:16 PDT — Interruption begins (outage start)". */
export function eventAria(ctx: Ctx, e: ViewEvent): string {
  const { d, view } = ctx;
  let time: string;
  if (e.instant === undefined) {
    const why = e.unplaced ? UNPLACED_TEXT[e.unplaced] : 'no time';
    time = `Line ${e.line + 1}, ${why}${e.written ? ` “${e.written}”` : ''}`;
  } else {
    const date = d.multiDay ? `${eventDate(d, e)} ` : '';
    time = `${e.approximate ? 'about ' : ''}${date}${eventTime(d, e)} ${eventZone(d, e)}`;
  }
  let label = `${time} — ${shownText(e)}`;
  const role = roleText(view, e);
  if (role) label += ` (${role})`;
  if (e.instant === undefined) label += ', not on the time axis';
  for (const p of e.problems) label += `. ${severityWord(p)}: ${problemText(p)}`;
  return label;
}

/** Full text for the tooltip. */
export function eventTooltip(ctx: Ctx, e: ViewEvent): string {
  return `${eventAria(ctx, e)}\nLine ${e.line + 1}`;
}

export function markerShape(e: ViewEvent, x: number, y: number): El {
  const cls = `pm-marker pm-k-${e.kind}${e.approximate ? ' pm-approx' : ''}${e.problems.length ? ' pm-has-problem' : ''}`;
  if (e.milestones.length > 0) {
    const r = 6.5;
    return h('path', { class: cls, d: `M${x} ${y - r}L${x + r} ${y}L${x} ${y + r}L${x - r} ${y}Z` });
  }
  return h('circle', { class: cls, cx: x, cy: y, r: 4.5 });
}

function worst(problems: readonly ViewProblem[]): ViewProblem['severity'] {
  const order = ['error', 'warning', 'information', 'hint'] as const;
  return order.find((s) => problems.some((p) => p.severity === s)) ?? 'hint';
}

/** A round badge with "!" (error/warning) or "i". */
export function badge(problems: readonly ViewProblem[], x: number, y: number): El {
  const sev = worst(problems);
  return h('g', { class: `pm-badge pm-sev-${sev}`, 'aria-hidden': 'true' },
    h('circle', { cx: x, cy: y, r: 6 }),
    h('text', { x, y: y + 3.5, 'text-anchor': 'middle' }, sev === 'error' || sev === 'warning' ? '!' : 'i'));
}

export function sevClass(p: ViewProblem): string {
  return `pm-sev-${p.severity}`;
}

export function header(ctx: Ctx, y: number, pad: number): Block {
  const { view, d } = ctx;
  const timed = view.events.filter((e) => e.instant !== undefined);
  const parts = [`${view.events.length} ${view.events.length === 1 ? 'entry' : 'entries'}`];
  if (timed.length) {
    const first = timed.reduce((a, b) => (eventWall(d, b) < eventWall(d, a) ? b : a));
    const last = timed.reduce((a, b) => (eventWall(d, b) > eventWall(d, a) ? b : a));
    if (!d.floatingDate) {
      const a = dateText(d, eventWall(d, first));
      const b = dateText(d, eventWall(d, last));
      parts.push(a === b ? a : `${a} – ${b}`);
    } else if (d.multiDay) parts.push(`${dateText(d, eventWall(d, last))} of the incident (no date given)`);
  }
  parts.push(d.zoneUnknown ? 'zone unknown' : `times in ${d.zoneText}`);
  const sub = wrap(parts.join(' · '), ctx.width - 2 * pad, FONT.small, 3);
  const title = truncate(view.name, ctx.width - 2 * pad, FONT.title);
  const els: El[] = [
    h('text', { class: 'pm-title', x: pad, y: y + 18, id: `${ctx.id}-title` }, title),
    ...sub.map((line, i) => h('text', { class: 'pm-subtitle', x: pad, y: y + 36 + i * 14 }, line)),
  ];
  return { els, height: 30 + sub.length * 14 + 8 };
}

interface Metric {
  label: string;
  minutes?: number;
  /** Event ids of the milestones it is measured between. */
  from?: number;
  to?: number;
  missing: string;
}

function metricList(view: TimelineView): Metric[] {
  const { start, detected, mitigated, resolved } = view.milestones;
  const m = view.metrics;
  return [
    { label: 'Time to detect', minutes: m.timeToDetectMinutes, from: start, to: detected, missing: 'no detection entry' },
    { label: 'Time to mitigate', minutes: m.timeToMitigateMinutes, from: start, to: mitigated, missing: 'no mitigation entry' },
    { label: 'Time to resolve', minutes: m.timeToResolveMinutes, from: start, to: resolved, missing: 'no resolution entry' },
    { label: 'Duration', minutes: m.durationMinutes, from: start, to: resolved, missing: 'start or end unknown' },
  ];
}

export function metrics(ctx: Ctx, y: number, pad: number, columns: number): Block {
  const { view, d } = ctx;
  const gap = 8;
  const list = metricList(view);
  const cardW = (ctx.width - 2 * pad - gap * (columns - 1)) / columns;
  const cardH = 54;
  const els: El[] = [];
  list.forEach((m, i) => {
    const x = pad + (i % columns) * (cardW + gap);
    const top = y + Math.floor(i / columns) * (cardH + gap);
    let value = m.minutes === undefined ? '—' : formatDuration(m.minutes);
    if (m.minutes !== undefined && textWidth(value, FONT.metric, true) > cardW - 20) value = compactDuration(m.minutes);
    const fromE = m.from === undefined ? undefined : view.events[m.from];
    const toE = m.to === undefined ? undefined : view.events[m.to];
    const span = m.minutes !== undefined && fromE && toE ? `${eventTime(d, fromE)} → ${eventTime(d, toE)}` : m.minutes === undefined ? m.missing : '';
    const aria = `${m.label}: ${m.minutes === undefined ? `unknown, ${m.missing}` : `${formatDuration(m.minutes)}${span ? `, ${span}` : ''}`}`;
    els.push(h('g', { class: `pm-metric${m.minutes === undefined ? ' pm-metric-missing' : ''}`, role: 'listitem', 'aria-label': aria },
      h('rect', { x, y: top, width: cardW, height: cardH, rx: 4 }),
      h('text', { class: 'pm-metric-label', x: x + 10, y: top + 16 }, truncate(m.label, cardW - 20, FONT.small)),
      h('text', { class: 'pm-metric-value', x: x + 10, y: top + 35 }, truncate(value, cardW - 20, FONT.metric, true)),
      span ? h('text', { class: 'pm-metric-span', x: x + 10, y: top + 48 }, truncate(span, cardW - 20, 10)) : undefined));
  });
  const rows = Math.ceil(list.length / columns);
  const height = rows * cardH + (rows - 1) * gap;
  return { els: [h('g', { role: 'list', 'aria-label': 'Metrics' }, els)], height: height + 14 };
}

interface LegendItem {
  cls: string;
  label: string;
  shape: 'bar' | 'diamond' | 'circle' | 'badge';
}

const LEGEND: readonly LegendItem[] = [
  { cls: 'pm-ph-impact', label: 'Impact', shape: 'bar' },
  { cls: 'pm-ph-detection', label: 'Detection', shape: 'bar' },
  { cls: 'pm-ph-mitigation', label: 'Mitigation', shape: 'bar' },
  { cls: 'pm-ph-resolution', label: 'Resolution', shape: 'bar' },
  { cls: 'pm-marker pm-k-start', label: 'Milestone', shape: 'diamond' },
  { cls: 'pm-marker pm-k-other', label: 'Event', shape: 'circle' },
  { cls: 'pm-marker pm-k-other pm-approx', label: 'Approximate', shape: 'circle' },
  { cls: '', label: 'Problem', shape: 'badge' },
];

export function legend(ctx: Ctx, y: number, pad: number): Block {
  const els: El[] = [];
  let x = pad;
  let row = 0;
  for (const item of LEGEND) {
    const w = 18 + textWidth(item.label, FONT.small) + 16;
    if (x + w > ctx.width - pad && x > pad) {
      x = pad;
      row++;
    }
    const cy = y + row * 20 + 8;
    let icon: El;
    if (item.shape === 'bar') icon = h('rect', { class: `pm-swatch ${item.cls}`, x, y: cy - 5, width: 12, height: 10, rx: 2 });
    else if (item.shape === 'diamond') icon = h('path', { class: item.cls, d: `M${x + 6} ${cy - 6}L${x + 12} ${cy}L${x + 6} ${cy + 6}L${x} ${cy}Z` });
    else if (item.shape === 'circle') icon = h('circle', { class: item.cls, cx: x + 6, cy, r: 4.5 });
    else icon = badge([{ ruleId: '', severity: 'warning', message: '' }], x + 6, cy);
    els.push(icon, h('text', { class: 'pm-legend-text', x: x + 18, y: cy + 4 }, item.label));
    x += w;
  }
  return { els: [h('g', { class: 'pm-legend', 'aria-hidden': 'true' }, els)], height: (row + 1) * 20 + 10 };
}

/** The lane for entries with no place on the axis (vague, placeholder, impossible or missing times). */
export function unplacedLane(ctx: Ctx, y: number, pad: number, events: readonly ViewEvent[]): Block {
  if (events.length === 0) return { els: [], height: 0 };
  const width = ctx.width - 2 * pad;
  // Narrow: the tag gets its own line; wide: it sits left of the text.
  const stacked = width < 480;
  let top = y + 26;
  const items: El[] = [];
  for (const e of events) {
    const why = e.unplaced ? UNPLACED_TEXT[e.unplaced] : 'no time';
    const tag = e.written ? `${why}: “${e.written}”` : why;
    const tagW = Math.min(textWidth(tag, FONT.small) + 14, stacked ? width - 12 : width * 0.4);
    const textX = stacked ? pad + 8 : pad + 10 + tagW + 8;
    const textTop = stacked ? top + 24 : top;
    const textW = ctx.width - pad - textX - 8;
    const lines: { cls: string; text: string; problem?: boolean }[] = wrap(shownText(e), textW, FONT.body, 2).map((t) => ({ cls: 'pm-event-text', text: t }));
    for (const p of e.problems) {
      for (const t of wrap(problemText(p), textW - 16, FONT.small, 3)) lines.push({ cls: `pm-problem-text ${sevClass(p)}`, text: t, problem: true });
    }
    const height = textTop - top + 12 + lines.length * 16;
    const firstProblem = lines.findIndex((l) => l.problem);
    items.push(h('g', { class: 'pm-event pm-unplaced', role: 'listitem', tabindex: 0, 'data-id': e.id, 'data-line': e.line, 'aria-label': eventAria(ctx, e) },
      h('title', {}, eventTooltip(ctx, e)),
      h('rect', { class: 'pm-hit pm-focus', x: pad, y: top, width, height, rx: 4 }),
      h('rect', { class: 'pm-tag', x: pad + 6, y: top + 5, width: tagW, height: 18, rx: 9 }),
      h('text', { class: 'pm-tag-text', x: pad + 13, y: top + 18 }, truncate(tag, tagW - 14, FONT.small)),
      lines.map((l, i) => h('text', { class: l.cls, x: textX + (l.problem ? 16 : 0), y: textTop + 18 + i * 16 }, l.text)),
      firstProblem >= 0 ? badge(e.problems, textX + 6, textTop + 14 + firstProblem * 16) : undefined));
    top += height + 4;
  }
  return {
    els: [h('g', { class: 'pm-lane' },
      h('text', { class: 'pm-lane-title', x: pad, y: y + 14 }, `Not on the time axis (${events.length})`),
      h('g', { role: 'list', 'aria-label': 'Entries not on the time axis' }, items))],
    height: top - y + 6,
  };
}

