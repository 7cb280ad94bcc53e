// The webview's HTML: a fixed shell, no document text in it (the page script draws the timeline
// with DOM calls). Strict CSP: nothing but the extension's own stylesheet and the one script
// carrying the nonce; no inline style, no inline handler.
import { escapeAttr } from '../../../server/src/render/dom';

/**
 * The only folders the webview may load from (localResourceRoots), relative to the extension: the
 * stylesheets and icons, and the page's own script, built apart from the server and extension
 * bundles so the webview cannot load those.
 */
export const RESOURCE_FOLDERS = ['media', 'dist/media'] as const;

export interface PageResources {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  /** Stylesheets, in order: the picture's (media/timeline.css), then the page's (media/preview.css). */
  styleUris: readonly string[];
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function previewHtml(r: PageResources): string {
  const a = escapeAttr;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${a(contentSecurityPolicy(r.cspSource, r.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${r.styleUris.map((u) => `<link rel="stylesheet" href="${a(u)}">`).join('\n')}
<title>Timeline preview</title>
</head>
<body>
<header class="pv-bar">
  <h1 id="pv-name" class="pv-hidden">Timeline</h1>
  <div class="pv-toggle" role="group" aria-label="Show times in">
    <button type="button" id="pv-local" class="pv-button" aria-pressed="true">Local</button>
    <button type="button" id="pv-utc" class="pv-button" aria-pressed="false">UTC</button>
  </div>
  <div class="pv-export" role="group" aria-labelledby="pv-export-label">
    <span id="pv-export-label" class="pv-label">Export</span>
    <button type="button" id="pv-export-svg" class="pv-button" aria-label="Export SVG" title="Save the picture as an SVG file">SVG</button>
    <button type="button" id="pv-export-html" class="pv-button" aria-label="Export HTML" title="Save a self-contained HTML page">HTML</button>
  </div>
</header>
<main id="pv-chart" class="pv-chart" aria-label="Timeline"></main>
<p id="pv-help" class="pv-help">Arrow keys move between entries; Enter shows the entry in the editor.</p>
<div id="pv-status" class="pv-status" role="status" aria-live="polite"></div>
<script nonce="${a(r.nonce)}" src="${a(r.scriptUri)}"></script>
</body>
</html>
`;
}

/** 128 random bits, base64: a fresh nonce for every page load. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
