// The picture's stylesheet. Exports embed it (SVG <style>, HTML <style>); the webview loads the
// same rules from media/timeline.css (generated from this constant, checked for drift by
// test/render/style.test.ts), because its CSP forbids inline styles. Colours are VS Code theme
// variables with fallbacks for exports, light by default and dark under prefers-color-scheme.
// No "<" or "&" here: the text is embedded verbatim in XML.

const LIGHT = `
  --pm-fg: var(--vscode-editor-foreground, var(--vscode-foreground, #1f2328));
  --pm-muted: var(--vscode-descriptionForeground, #59636e);
  --pm-bg: var(--vscode-editor-background, #ffffff);
  --pm-card: var(--vscode-editorWidget-background, #f6f8fa);
  --pm-border: var(--vscode-editorWidget-border, var(--vscode-panel-border, #d1d9e0));
  --pm-grid: var(--vscode-editorIndentGuide-background1, var(--vscode-editorIndentGuide-background, #e4e7eb));
  --pm-hover: var(--vscode-list-hoverBackground, #eef1f4);
  --pm-focus: var(--vscode-focusBorder, #0969da);
  --pm-red: var(--vscode-charts-red, #e51400);
  --pm-yellow: var(--vscode-charts-yellow, #bf8803);
  --pm-orange: var(--vscode-charts-orange, #d18616);
  --pm-green: var(--vscode-charts-green, #388a34);
  --pm-blue: var(--vscode-charts-blue, #1a85ff);
  --pm-purple: var(--vscode-charts-purple, #652d90);
  --pm-error: var(--vscode-editorError-foreground, #e51400);
  --pm-warning: var(--vscode-editorWarning-foreground, #bf8803);
  --pm-info: var(--vscode-editorInfo-foreground, #1a85ff);`;

const DARK = `
  --pm-fg: var(--vscode-editor-foreground, var(--vscode-foreground, #d4d4d4));
  --pm-muted: var(--vscode-descriptionForeground, #a0a0a0);
  --pm-bg: var(--vscode-editor-background, #1e1e1e);
  --pm-card: var(--vscode-editorWidget-background, #252526);
  --pm-border: var(--vscode-editorWidget-border, var(--vscode-panel-border, #454545));
  --pm-grid: var(--vscode-editorIndentGuide-background1, var(--vscode-editorIndentGuide-background, #363636));
  --pm-hover: var(--vscode-list-hoverBackground, #2a2d2e);
  --pm-focus: var(--vscode-focusBorder, #007fd4);
  --pm-red: var(--vscode-charts-red, #f14c4c);
  --pm-yellow: var(--vscode-charts-yellow, #cca700);
  --pm-orange: var(--vscode-charts-orange, #d18616);
  --pm-green: var(--vscode-charts-green, #89d185);
  --pm-blue: var(--vscode-charts-blue, #3794ff);
  --pm-purple: var(--vscode-charts-purple, #b180d7);
  --pm-error: var(--vscode-editorError-foreground, #f14c4c);
  --pm-warning: var(--vscode-editorWarning-foreground, #cca700);
  --pm-info: var(--vscode-editorInfo-foreground, #3794ff);`;

export const TIMELINE_CSS = `/* Generated from server/src/render/style.ts: edit there. */
.pm-timeline {${LIGHT}
  font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif);
  font-size: 12px;
}
@media (prefers-color-scheme: dark) {
  .pm-timeline {${DARK}
  }
}
.pm-timeline text { fill: var(--pm-fg); font-size: 12px; }
.pm-timeline .pm-title { font-size: 15px; font-weight: 600; }
.pm-timeline .pm-subtitle, .pm-timeline .pm-legend-text, .pm-timeline .pm-tick, .pm-timeline .pm-metric-label { fill: var(--pm-muted); font-size: 11px; }
.pm-timeline .pm-metric rect { fill: var(--pm-card); stroke: var(--pm-border); }
.pm-timeline .pm-metric-value { font-size: 17px; font-weight: 600; }
.pm-timeline .pm-metric-missing .pm-metric-value { fill: var(--pm-muted); }
.pm-timeline .pm-metric-span { fill: var(--pm-muted); font-size: 10px; }
.pm-timeline .pm-date { font-size: 11px; font-weight: 600; }
.pm-timeline .pm-axis { stroke: var(--pm-muted); stroke-width: 1.5; }
.pm-timeline .pm-axis-gap { stroke-dasharray: 2 3; }
.pm-timeline .pm-grid { stroke: var(--pm-grid); stroke-width: 1; }
.pm-timeline .pm-grid-day { stroke: var(--pm-muted); stroke-dasharray: 3 3; }
.pm-timeline .pm-break-bg { fill: var(--pm-bg); }
.pm-timeline .pm-break-mark { stroke: var(--pm-muted); stroke-width: 1.5; fill: none; }
.pm-timeline .pm-break-text { fill: var(--pm-muted); font-size: 11px; font-style: italic; }
.pm-timeline .pm-ph-impact { --pm-ph: var(--pm-red); }
.pm-timeline .pm-ph-detection { --pm-ph: var(--pm-purple); }
.pm-timeline .pm-ph-mitigation { --pm-ph: var(--pm-orange); }
.pm-timeline .pm-ph-resolution { --pm-ph: var(--pm-green); }
.pm-timeline .pm-phase rect, .pm-timeline rect.pm-swatch { fill: var(--pm-ph); fill-opacity: 0.25; stroke: var(--pm-ph); stroke-width: 1; }
.pm-timeline .pm-phase-text { font-size: 11px; font-weight: 600; }
.pm-timeline .pm-marker { stroke: var(--pm-bg); stroke-width: 1.5; }
.pm-timeline .pm-k-start { fill: var(--pm-red); }
.pm-timeline .pm-k-detect { fill: var(--pm-purple); }
.pm-timeline .pm-k-escalate { fill: var(--pm-yellow); }
.pm-timeline .pm-k-mitigate { fill: var(--pm-orange); }
.pm-timeline .pm-k-resolve { fill: var(--pm-green); }
.pm-timeline .pm-k-other { fill: var(--pm-blue); }
.pm-timeline .pm-marker.pm-approx { fill: var(--pm-bg); stroke-width: 2; stroke-dasharray: 2 2; }
.pm-timeline .pm-marker.pm-approx.pm-k-start { stroke: var(--pm-red); }
.pm-timeline .pm-marker.pm-approx.pm-k-detect { stroke: var(--pm-purple); }
.pm-timeline .pm-marker.pm-approx.pm-k-escalate { stroke: var(--pm-yellow); }
.pm-timeline .pm-marker.pm-approx.pm-k-mitigate { stroke: var(--pm-orange); }
.pm-timeline .pm-marker.pm-approx.pm-k-resolve { stroke: var(--pm-green); }
.pm-timeline .pm-marker.pm-approx.pm-k-other { stroke: var(--pm-blue); }
.pm-timeline .pm-range { fill-opacity: 0.45; }
.pm-timeline .pm-leader { stroke: var(--pm-border); stroke-width: 1; }
.pm-timeline .pm-time { font-weight: 600; }
.pm-timeline .pm-tag-inline { font-size: 10px; font-weight: 600; letter-spacing: 0.04em; }
.pm-timeline text.pm-tag-inline.pm-k-other, .pm-timeline tspan.pm-tag-inline.pm-k-other { fill: var(--pm-muted); }
.pm-timeline .pm-problem-text { font-size: 11px; }
.pm-timeline .pm-problem-text.pm-sev-error { fill: var(--pm-error); }
.pm-timeline .pm-problem-text.pm-sev-warning { fill: var(--pm-warning); }
.pm-timeline .pm-problem-text.pm-sev-information, .pm-timeline .pm-problem-text.pm-sev-hint { fill: var(--pm-info); }
.pm-timeline .pm-badge circle { stroke: var(--pm-bg); stroke-width: 1; }
.pm-timeline .pm-badge.pm-sev-error circle { fill: var(--pm-error); }
.pm-timeline .pm-badge.pm-sev-warning circle { fill: var(--pm-warning); }
.pm-timeline .pm-badge.pm-sev-information circle, .pm-timeline .pm-badge.pm-sev-hint circle { fill: var(--pm-info); }
.pm-timeline .pm-badge text { fill: var(--pm-bg); font-size: 10px; font-weight: 700; }
.pm-timeline .pm-hit { fill: transparent; }
.pm-timeline .pm-label-bg { fill: var(--pm-bg); fill-opacity: 0.88; }
.pm-timeline .pm-event { cursor: pointer; outline: none; }
.pm-timeline .pm-event:hover .pm-hit { fill: var(--pm-hover); fill-opacity: 1; }
.pm-timeline .pm-event:focus-visible .pm-focus { stroke: var(--pm-focus); stroke-width: 2; }
.pm-timeline .pm-event:focus-visible .pm-marker { stroke: var(--pm-focus); stroke-width: 2.5; }
.pm-timeline .pm-event.pm-current .pm-hit { stroke: var(--pm-focus); stroke-width: 1; stroke-dasharray: 3 2; }
.pm-timeline .pm-lane-title { font-weight: 600; }
.pm-timeline .pm-tag { fill: var(--pm-card); stroke: var(--pm-border); }
.pm-timeline .pm-tag-text { fill: var(--pm-muted); font-size: 11px; }
.pm-timeline .pm-empty { fill: var(--pm-muted); font-style: italic; }
.vscode-high-contrast .pm-timeline .pm-phase rect, .vscode-high-contrast-light .pm-timeline .pm-phase rect { fill-opacity: 0.5; stroke: var(--vscode-contrastBorder, currentColor); stroke-width: 1.5; }
.vscode-high-contrast .pm-timeline .pm-metric rect, .vscode-high-contrast-light .pm-timeline .pm-metric rect { stroke: var(--vscode-contrastBorder, currentColor); }
.vscode-high-contrast .pm-timeline .pm-event:focus-visible .pm-focus, .vscode-high-contrast-light .pm-timeline .pm-event:focus-visible .pm-focus { stroke: var(--vscode-contrastActiveBorder, var(--pm-focus)); stroke-dasharray: none; }
.vscode-high-contrast .pm-timeline .pm-event:hover .pm-hit, .vscode-high-contrast-light .pm-timeline .pm-event:hover .pm-hit { stroke: var(--vscode-contrastActiveBorder, var(--pm-focus)); stroke-dasharray: 3 2; }
@media (forced-colors: active) {
  .pm-timeline text { fill: CanvasText; }
  .pm-timeline .pm-marker, .pm-timeline .pm-phase rect { fill: CanvasText; stroke: Canvas; }
  .pm-timeline .pm-event:focus-visible .pm-focus { stroke: Highlight; }
}
`;
