// The timeline renderer: pure (no vscode, no Node), shared by the language server (the view
// it sends to the preview), the preview page (which draws it), the extension (exports) and the
// CLI (`postmortem-lint timeline`). One renderer, one picture.
export { timelineView, zoneLabel, MILESTONE_NAMES } from './view';
export type { TimelineView, ViewEvent, ViewProblem, ViewZone, ViewMetrics, MilestoneName, Unplaced, ViewOptions } from './view';
export { buildSvg, renderSvg, NARROW_WIDTH } from './svg';
export type { Layout, SvgOptions } from './svg';
export { buildHtml, renderHtml } from './html';
export type { HtmlOptions } from './html';
export { renderMermaid, mermaidText } from './mermaid';
export { timelineJson, renderJson } from './json';
export type { TimelineJson } from './json';
export { serialize, escapeText, escapeAttr, h, textContent } from './dom';
export type { El, Child } from './dom';
export { TIMELINE_CSS } from './style';
export type { ZoneMode } from './format';
export { formatDuration } from './format';
