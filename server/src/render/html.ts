// The HTML export: one self-contained page (inline stylesheet, no script, no remote resource)
// with the same picture as the preview (wide and narrow, switched by a media query), the
// metrics and a table of every entry. Its own CSP forbids any script, as a second fence behind
// the escaping.
import { h, raw, serialize, type El } from './dom';
import { display, eventDate, eventTime, eventZone, formatDuration, type ZoneMode } from './format';
import { problemText, roleText, severityWord, shownText, UNPLACED_TEXT } from './parts';
import { TIMELINE_CSS } from './style';
import { buildSvg } from './svg';
import type { TimelineView, ViewEvent } from './view';

export interface HtmlOptions {
  zone?: ZoneMode;
  /** Shown in the footer. */
  generator?: string;
}

const PAGE_CSS = `
:root { color-scheme: light dark; }
body.pm-page { margin: 0; background: var(--pm-bg); color: var(--pm-fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 40px; }
h1 { font-size: 22px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 16px; margin: 28px 0 8px; }
.pm-sub, footer { color: var(--pm-muted); }
footer { margin-top: 32px; font-size: 12px; overflow-wrap: anywhere; }
.pm-figure { margin: 16px 0 0; overflow-x: auto; }
.pm-figure svg { display: block; max-width: 100%; height: auto; }
.pm-narrow { display: none; }
@media (max-width: 720px) { .pm-wide { display: none; } .pm-narrow { display: block; } }
dl.pm-metrics { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 8px; margin: 0; }
dl.pm-metrics div { background: var(--pm-card); border: 1px solid var(--pm-border); border-radius: 4px; padding: 8px 12px; }
dl.pm-metrics dt { color: var(--pm-muted); font-size: 12px; }
dl.pm-metrics dd { margin: 0; font-size: 18px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--pm-border); overflow-wrap: anywhere; }
th { color: var(--pm-muted); font-weight: 600; }
th, td.pm-num { white-space: nowrap; font-variant-numeric: tabular-nums; }
@media (max-width: 720px) {
  table, tbody, tr, td { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  tr { border-bottom: 1px solid var(--pm-border); padding: 6px 0; }
  td { border: 0; padding: 2px 0; white-space: normal; }
  td::before { content: attr(data-label) ": "; color: var(--pm-muted); }
  td:empty { display: none; }
}
.pm-problem { display: block; }
.pm-problem.pm-sev-error { color: var(--pm-error); }
.pm-problem.pm-sev-warning { color: var(--pm-warning); }
.pm-problem.pm-sev-information, .pm-problem.pm-sev-hint { color: var(--pm-info); }
.pm-kind { white-space: nowrap; }
`;

function metricsList(view: TimelineView): El {
  const m = view.metrics;
  const item = (label: string, v: number | undefined): El => h('div', {}, h('dt', {}, label), h('dd', {}, v === undefined ? '—' : formatDuration(v)));
  return h('dl', { class: 'pm-metrics' },
    item('Time to detect', m.timeToDetectMinutes),
    item('Time to mitigate', m.timeToMitigateMinutes),
    item('Time to resolve', m.timeToResolveMinutes),
    item('Duration', m.durationMinutes));
}

function row(view: TimelineView, zone: ZoneMode, e: ViewEvent): El {
  const d = display(view, zone);
  let time: string;
  if (e.instant === undefined) time = `— (${e.unplaced ? UNPLACED_TEXT[e.unplaced] : 'no time'}${e.written ? `: “${e.written}”` : ''})`;
  else time = `${e.approximate ? '~' : ''}${d.multiDay || !d.floatingDate ? `${eventDate(d, e)} ` : ''}${eventTime(d, e)} ${eventZone(d, e)}`;
  return h('tr', {},
    h('td', { class: 'pm-num', 'data-label': 'Line' }, String(e.line + 1)),
    h('td', { class: e.instant === undefined ? undefined : 'pm-num', 'data-label': 'Time' }, time),
    h('td', { 'data-label': 'Entry' }, shownText(e)),
    h('td', { class: 'pm-kind', 'data-label': 'Kind' }, roleText(view, e) ?? ''),
    h('td', { 'data-label': 'Problems' }, e.problems.map((p) => h('span', { class: `pm-problem pm-sev-${p.severity}` }, `${severityWord(p)}: ${problemText(p)}`))));
}

export function buildHtml(view: TimelineView, options: HtmlOptions = {}): El {
  const zone = options.zone ?? 'local';
  const d = display(view, zone);
  const title = `Timeline of ${view.name}`;
  const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
  return h('html', { lang: 'en' },
    h('head', {},
      h('meta', { charset: 'utf-8' }),
      h('meta', { 'http-equiv': 'Content-Security-Policy', content: csp }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'generator', content: options.generator ?? 'postmortem-lint' }),
      h('title', {}, title),
      h('style', {}, raw(TIMELINE_CSS + PAGE_CSS))),
    h('body', { class: 'pm-timeline pm-page' },
      h('main', {},
        h('h1', {}, title),
        h('p', { class: 'pm-sub' }, d.zoneUnknown ? 'Times as written; the time zone is unknown.' : `Times in ${d.zoneText}.`),
        h('figure', { class: 'pm-figure' },
          h('div', { class: 'pm-wide' }, buildSvg(view, { layout: 'horizontal', width: 960, zone, id: 'pm-wide' })),
          h('div', { class: 'pm-narrow' }, buildSvg(view, { layout: 'vertical', width: 360, zone, id: 'pm-narrow' }))),
        h('h2', {}, 'Metrics'),
        metricsList(view),
        h('h2', {}, 'Entries'),
        h('table', {},
          h('thead', {}, h('tr', {}, ['Line', 'Time', 'Entry', 'Kind', 'Problems'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, view.events.map((e) => row(view, zone, e)))),
        h('footer', {}, `Generated by ${options.generator ?? 'postmortem-lint'} from ${view.filePath}.`))));
}

export function renderHtml(view: TimelineView, options: HtmlOptions = {}): string {
  return `<!DOCTYPE html>\n${serialize(buildHtml(view, options))}\n`;
}
