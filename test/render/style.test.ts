// The webview loads the picture's stylesheet from media/timeline.css (its CSP allows no inline
// style); the file is generated from server/src/render/style.ts and must not drift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TIMELINE_CSS } from '../../server/src/render';

const CSS_FILE = fileURLToPath(new URL('../../media/timeline.css', import.meta.url));

test('media/timeline.css is generated from server/src/render/style.ts', () => {
  if (process.env['UPDATE_CSS'] === '1') writeFileSync(CSS_FILE, TIMELINE_CSS);
  assert.equal(readFileSync(CSS_FILE, 'utf8'), TIMELINE_CSS, 'media/timeline.css is out of date. Run: UPDATE_CSS=1 node scripts/test.mjs render/style');
});

test('the stylesheet can be embedded in XML and uses theme colours with fallbacks', () => {
  assert.doesNotMatch(TIMELINE_CSS, /[<&]/);
  for (const name of ['charts-red', 'charts-yellow', 'charts-orange', 'charts-green', 'focusBorder', 'editor-background', 'editorError-foreground']) {
    assert.match(TIMELINE_CSS, new RegExp(`var\\(--vscode-${name}, #[0-9a-f]{6}\\)`), name);
  }
  assert.match(TIMELINE_CSS, /@media \(prefers-color-scheme: dark\)/);
  assert.match(TIMELINE_CSS, /\.pm-event:focus-visible \.pm-focus \{ stroke: var\(--pm-focus\)/);
  assert.match(TIMELINE_CSS, /\.vscode-high-contrast /);
});
