// The webview's HTML shell: strict CSP with a nonce, the one script by nonce, styles only from
// the extension, no inline style or handler, and nothing from the document in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, makeNonce, previewHtml, RESOURCE_FOLDERS } from '../../client/src/preview/html';

const resources = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/media/preview.js',
  styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/timeline.css', 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css'],
};

test('the CSP allows only the extension\'s styles and the nonce\'d script', () => {
  const csp = contentSecurityPolicy(resources.cspSource, resources.nonce);
  assert.equal(csp, "default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net data:; style-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-bm9uY2Utbm9uY2Utbm9uY2U='; base-uri 'none'; form-action 'none'");
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  const html = previewHtml(resources);
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${csp.replace(/'/g, '&#39;')}">`));
});

test('one script, by nonce and from dist; stylesheets from media; no inline anything', () => {
  const html = previewHtml(resources);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.equal(scripts[0]![1], ` nonce="${resources.nonce}" src="${resources.scriptUri}"`);
  assert.equal(scripts[0]![2], '', 'no inline script body');
  assert.deepEqual([...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]), resources.styleUris);
  assert.doesNotMatch(html, /<style\b|\sstyle=/i, 'no inline style');
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handler');
  assert.doesNotMatch(html, /javascript:/i);
});

test('values are escaped into their attributes', () => {
  const html = previewHtml({ ...resources, scriptUri: 'x" onload="alert(1)', nonce: '"><script>' });
  const attributes = [...html.matchAll(/<[a-z][^>]*>/g)].flatMap((m) => [...m[0].replace(/="[^"]*"/g, '').matchAll(/\s([^\s=/>]+)/g)].map((a) => a[1]));
  assert.ok(!attributes.includes('onload'));
  assert.match(html, /src="x&quot; onload=&quot;alert\(1\)"/);
  assert.match(html, /'nonce-&quot;&gt;&lt;script&gt;'|nonce-&quot;&gt;&lt;script&gt;/);
});

test('a fresh, unguessable nonce per page', () => {
  const a = makeNonce();
  assert.match(a, /^[A-Za-z0-9+/]{22}==$/);
  assert.notEqual(a, makeNonce());
});

test('the webview may load from the extension\'s media only: its stylesheets and its built script (dist/media), not the other bundles', () => {
  assert.deepEqual([...RESOURCE_FOLDERS], ['media', 'dist/media']);
});
