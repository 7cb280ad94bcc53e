// The timeline picture as an SVG element tree: heading, metrics, legend, the chart (wide:
// horizontal, narrow: vertical) and the lane of entries that cannot be placed.
import { h, raw, serialize, type El } from './dom';
import { display, formatDuration, type ZoneMode } from './format';
import { horizontalChart } from './horizontal';
import { header, legend, metrics, unplacedLane, type Block, type Ctx } from './parts';
import { TIMELINE_CSS } from './style';
import { verticalChart } from './vertical';
import type { TimelineView } from './view';

export type Layout = 'horizontal' | 'vertical';

export interface SvgOptions {
  layout?: Layout;
  /** Available width in px (default 960 wide, 320 narrow). The wide picture grows with many events. */
  width?: number;
  zone?: ZoneMode;
  /** Embed the stylesheet (a file on its own); not in the webview (CSP) or in the HTML export (it has one). */
  embedStyle?: boolean;
  /** Prefix for element ids, unique per picture on a page. */
  id?: string;
}

/** Below this width the preview switches to the vertical layout. */
export const NARROW_WIDTH = 560;

function summary(view: TimelineView, zoneText: string): string {
  const placed = view.events.filter((e) => e.instant !== undefined).length;
  const parts = [`Timeline of ${view.name}: ${view.events.length} entries, ${placed} on the time axis, times ${zoneText === 'zone unknown' ? 'in an unknown zone' : `in ${zoneText}`}.`];
  const m = view.metrics;
  const metric = (label: string, v: number | undefined): string => `${label} ${v === undefined ? 'unknown' : formatDuration(v)}`;
  parts.push(`${metric('Time to detect', m.timeToDetectMinutes)}; ${metric('time to mitigate', m.timeToMitigateMinutes)}; ${metric('time to resolve', m.timeToResolveMinutes)}; ${metric('duration', m.durationMinutes)}.`);
  const problems = view.events.reduce((n, e) => n + e.problems.length, 0);
  if (problems) parts.push(`${problems} ${problems === 1 ? 'problem' : 'problems'} on timeline entries.`);
  return parts.join(' ');
}

export function buildSvg(view: TimelineView, options: SvgOptions = {}): El {
  const layout = options.layout ?? 'horizontal';
  const d = display(view, options.zone ?? 'local');
  const placed = view.events.filter((e) => e.instant !== undefined).length;
  let width = Math.max(240, Math.round(options.width ?? (layout === 'horizontal' ? 960 : 320)));
  if (layout === 'horizontal') width = Math.max(width, Math.min(placed * 56, 6000));
  const id = options.id ?? 'pm';
  const ctx: Ctx = { view, d, width, id };
  const pad = layout === 'horizontal' ? 16 : 10;
  const blocks: Block[] = [];
  let y = 6;
  const add = (b: Block): void => {
    blocks.push(b);
    y += b.height;
  };
  add(header(ctx, y, pad));
  add(metrics(ctx, y, pad, layout === 'horizontal' || width >= 520 ? 4 : 2));
  add(legend(ctx, y, pad));
  add(layout === 'horizontal' ? horizontalChart(ctx, y + 6, pad) : verticalChart(ctx, y + 6, pad));
  y += 10;
  add(unplacedLane(ctx, y, pad, view.events.filter((e) => e.instant === undefined)));
  const height = Math.ceil(y + 6);
  return h('svg', {
    xmlns: 'http://www.w3.org/2000/svg', class: `pm-timeline pm-${layout}`, width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'group', 'aria-labelledby': `${id}-name`, 'aria-describedby': `${id}-desc`,
  },
  h('title', { id: `${id}-name` }, `Timeline of ${view.name}`),
  h('desc', { id: `${id}-desc` }, summary(view, d.zoneText)),
  options.embedStyle ? h('style', {}, raw(TIMELINE_CSS)) : undefined,
  blocks.flatMap((b) => b.els));
}

/** A standalone SVG file (XML declaration, embedded stylesheet). */
export function renderSvg(view: TimelineView, options: SvgOptions = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(buildSvg(view, { embedStyle: true, ...options }))}\n`;
}
