// The WEB build (package.json "browser": dist/web/extension.cjs, whose language server is
// dist/web/server.js in a web worker) in code-server's browser web-worker extension host, as on
// vscode.dev and github.dev. There the extension is fetched over https from the marketplace's CDN;
// here a small HTTP server on 127.0.0.1 serves this checkout's manifest and web bundles, and the
// extension is installed into the browser with "Developer: Install Extension from Location...".
// That server refuses the Node bundles (dist/extension.cjs, dist/server.js), so any diagnostic
// in the editor can only come from the web build. The extension is not installed in code-server
// itself (no extensionDevelopmentPath, no --install-extension): an extension installed on the
// server would have a vscode-remote: location, from which the web worker host cannot start the
// server's worker ("Creating workers from remote extensions is currently not supported").
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { once } from 'node:events';
import path from 'node:path';
import { EXTENSION_ID, EXTENSION_PATH, log, screenshot, startSession, withScreenshot } from './lib/code-server.mjs';
import { closePanel, openFile, openWorkbench, runCommand, waitForProblems, waitForSquiggles } from './lib/workbench.mjs';

const POSTMORTEM = 'incidents/2024-03-12-checkout-outage.md';
const POSTMORTEM_NAME = path.basename(POSTMORTEM);
const MANIFEST = JSON.parse(fs.readFileSync(path.join(EXTENSION_PATH, 'package.json'), 'utf8'));
const MOUNT = '/postmortem-lint';

/** What a web extension may fetch: the manifest, the web bundles and the contributed data files. */
const SERVED = [/^package(\.nls)?\.json$/, /^(README|CHANGELOG)\.md$/, /^LICENSE$/, /^dist\/web\/[^/]+\.(c?js|map)$/, /^dist\/media\//,
  /^media\//, /^snippets\//, /^syntaxes\//, /^schemas\//];
/** The Node build: never fetched by the web worker host; refused, and recorded if asked for. */
const NODE_BUNDLES = /^dist\/(extension\.cjs|server\.js|cli\.js)/;
const TYPES = { '.json': 'application/json', '.js': 'text/javascript', '.cjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.md': 'text/markdown' };

/** Serves EXTENSION_PATH under /postmortem-lint/ with CORS, as a CDN serves a web extension. */
async function serveExtension() {
  const requests = [];
  const server = http.createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS' };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = decodeURIComponent(url.pathname).replace(/^\/postmortem-lint\/?/, '');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const file = path.join(EXTENSION_PATH, rel);
    const allowed = url.pathname.startsWith(`${MOUNT}/`) && !rel.split('/').includes('..') && !NODE_BUNDLES.test(rel) && SERVED.some((r) => r.test(rel));
    const status = allowed && fs.existsSync(file) && fs.statSync(file).isFile() ? 200 : 404;
    requests.push({ path: rel, status });
    if (status !== 200) {
      res.writeHead(404, { ...cors, 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { ...cors, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : fs.readFileSync(file));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${MOUNT}`, requests, close: () => new Promise((r) => server.close(r)) };
}

const never = () => new Promise(() => {});

/**
 * Rejects with the reason when the extension fails to start in the web worker host: its
 * activation fails (logged to the browser console) or the client reports that the language
 * server could not start (a notification). Otherwise it never settles.
 */
function startFailure(page, cdn, entry, timeout) {
  const activation = page.waitForEvent('console', { predicate: (m) => /Activating extension .* failed/.test(m.text()) && m.text().includes(EXTENSION_ID), timeout })
    .then((m) => {
      const missing = cdn.requests.filter((r) => r.status !== 200).map((r) => r.path);
      throw new Error(`the web worker extension host could not activate the extension: ${m.text()} (not found: ${missing.join(', ') || 'nothing'})`
        + (missing.includes(`${entry}.js`) ? `. The web worker host appends ".js" to a "browser" entry point that does not end in .js: it fetched ${entry}.js` : ''));
    }, never);
  const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: /postmortem language server/i }).first();
  const notification = toast.waitFor({ timeout }).then(async () => {
    throw new Error(`the extension started in the web worker host, but its client reported: ${(await toast.innerText()).replace(/\s+/g, ' ').slice(0, 600)}`);
  }, never);
  return Promise.race([activation, notification]);
}

/** Rows of "Developer: Show Running Extensions": extension name and its extra label ("web worker"). */
async function runningExtensions(page) {
  await runCommand(page, 'Developer: Show Running Extensions');
  const rows = page.locator('.runtime-extensions-editor .monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  return rows.evaluateAll((els) => els.map((e) => ({
    name: (e.querySelector('.name')?.textContent ?? '').trim(),
    labels: (e.querySelector('.msg')?.textContent ?? e.textContent ?? '').replace(/\s+/g, ' ').trim(),
    text: (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
  })));
}

describe('Postmortem Lint\'s web build in the browser web-worker extension host (code-server 4.100.3)', () => {
  let session;
  let page;
  let cdn;
  // Through code-server's own port proxy (/proxy/PORT/): the workbench's Content Security Policy
  // lets it fetch only from its own origin or https (connect-src 'self' ws: wss: https:).
  const cdnUrl = () => `${session.server.base}/proxy/${new URL(cdn.url).port}${MOUNT}`;
  const test = (name, fn, options = {}) => it(name, { timeout: 120_000, ...options }, withScreenshot(() => page, `web-${name}`, fn));

  before(async () => {
    assert.ok(MANIFEST.browser, 'package.json has a "browser" entry point');
    cdn = await serveExtension();
    session = await startSession({ name: 'web' });
    page = session.page;
    await openWorkbench(page, session.server.url());
    log(`workbench loaded; the web extension is served from ${cdn.url}, installed from ${cdnUrl()}`);
  });

  after(async () => {
    if (cdn) {
      for (const r of cdn.requests) log(`  served: ${r.status} ${r.path}`);
      await cdn.close();
    }
    await session?.close();
  });

  test('installs from its URL into the browser', async () => {
    // "Developer: Install Extension from Location..." asks for the URL in the same quick input.
    await page.locator('.monaco-workbench').focus().catch(() => {});
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Developer: Install Extension from Location...');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Install Extension from Location' }).waitFor({ timeout: 30_000 });
    await input.press('Enter');
    await page.locator('.quick-input-widget input[placeholder="Location of the web extension"]').waitFor({ timeout: 30_000 });
    const installed = page.waitForEvent('console', { predicate: (m) => m.text().includes(`Extension installed successfully: ${EXTENSION_ID}`), timeout: 60_000 });
    const failed = page.locator('.monaco-dialog-box').waitFor({ timeout: 60_000 }).then(async () => {
      throw new Error(`installing from ${cdnUrl()} failed: ${(await page.locator('.monaco-dialog-box').innerText()).replace(/\s+/g, ' ')}`);
    });
    await input.fill(cdnUrl());
    await input.press('Enter');
    await Promise.race([installed, failed]);
    failed.catch(() => {});
    log(`installed ${EXTENSION_ID} into the browser from ${cdnUrl()}`);
    assert.ok(cdn.requests.some((r) => r.path === 'package.json' && r.status === 200), 'the workbench read the manifest from the URL');
  });

  test('shows the diagnostics of the web build on the fixture postmortem', async () => {
    const entry = MANIFEST.browser.replace(/^\.\//, '');
    await openFile(page, POSTMORTEM);
    // Fail fast, with the reason, when the extension cannot start in the web worker host.
    await Promise.race([waitForSquiggles(page, 5, { timeout: 90_000 }), startFailure(page, cdn, entry, 90_000)]);
    const rows = await waitForProblems(page, POSTMORTEM_NAME, (codes) => codes.includes('missing-section') && codes.includes('pseudo-heading'));
    for (const p of rows) log(`  problem: ${p.severity} ${p.code} ${p.position} ${p.message}`);
    for (const p of rows) assert.equal(p.source, 'postmortem');
    await screenshot(page, 'web-diagnostics');
    await closePanel(page);
    const fetched = cdn.requests.filter((r) => r.status === 200).map((r) => r.path);
    assert.ok(fetched.includes(entry), `the web worker host fetched the browser entry ${entry}`);
    assert.ok(fetched.includes('dist/web/server.js'), 'the web client started dist/web/server.js in a worker');
    assert.deepEqual(cdn.requests.filter((r) => NODE_BUNDLES.test(r.path)), [], 'nothing asked for the Node bundles');
  });

  test('runs in the web worker extension host', async () => {
    const rows = await runningExtensions(page);
    const ours = rows.find((r) => r.text.includes(MANIFEST.displayName) || r.text.includes(EXTENSION_ID));
    log(`running extensions: ${rows.map((r) => `${r.name} [${r.labels}]`).join(' | ')}`);
    assert.ok(ours, `${MANIFEST.displayName} is listed in Running Extensions`);
    assert.match(ours.text, /web worker/, 'it runs in the web worker extension host');
    await screenshot(page, 'web-running-extensions');
  });
});
