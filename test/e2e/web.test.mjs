// The WEB build (package.json "browser", whose language server is dist/web/server.js in a web
// worker) in code-server's browser web-worker extension host, as on vscode.dev and github.dev.
//
// There the extension is fetched over https from the marketplace's CDN. Here a small HTTP server
// in this process serves this checkout's manifest and web bundles, reached through code-server's
// own port proxy (/proxy/PORT/: the workbench's Content Security Policy only lets it fetch from its
// own origin or https), and the extension is installed into the browser with "Developer: Install
// Extension from Location...". That server refuses the Node bundles (dist/extension.cjs,
// dist/server.js), so every diagnostic seen here comes from the web build.
//
// Why not extensionDevelopmentPath or --install-extension: those install the extension in
// code-server itself, so its location is vscode-remote:, and the web worker host refuses
// `new Worker()` for such locations ("Creating workers from remote extensions is currently not
// supported"), which the web client needs for its server.
//
// Documents: the workspace's files reach a browser-side extension host as vscode-remote: URIs.
// vscode.dev gives file: (a local folder) and github.dev vscode-vfs:; the web client's document
// selector covers all of these and untitled:. Both are checked: the fixture postmortem's text in
// an untitled Markdown editor, and the fixture file itself from the Explorer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import { once } from 'node:events';
import path from 'node:path';
import { EXTENSION_ID, EXTENSION_PATH, FIXTURES, log, screenshot, startSession, withScreenshot } from './lib/code-server.mjs';
import { activeEditor, closePanel, openFile, openWorkbench, runCommand, waitForProblems, waitForSquiggles } from './lib/workbench.mjs';

const POSTMORTEM = 'incidents/2024-03-12-checkout-outage.md';
const POSTMORTEM_TEXT = fs.readFileSync(path.join(FIXTURES, POSTMORTEM), 'utf8');
const MANIFEST = JSON.parse(fs.readFileSync(path.join(EXTENSION_PATH, 'package.json'), 'utf8'));
const ENTRY = (MANIFEST.browser ?? '').replace(/^\.\//, '');
const MOUNT = '/postmortem-lint';
/** Rule ids the fixture postmortem has problems for (see editor.test.mjs). */
const EXPECTED_RULES = ['missing-section', 'pseudo-heading', 'placeholder-text'];

/** What a web extension may fetch: the manifest, the web bundles and the contributed data files. */
const SERVED = [/^package(\.nls)?\.json$/, /^(README|CHANGELOG)\.md$/, /^LICENSE$/, /^dist\/web\/[^/]+\.(c?js|map)$/, /^dist\/media\//,
  /^media\//, /^snippets\//, /^syntaxes\//, /^schemas\//];
/** The Node build: the web worker host must never ask for it; refused, and recorded if asked for. */
const NODE_BUNDLES = /^dist\/(extension\.cjs|server\.js|cli\.js)/;
// importScripts() in the server's worker insists on a JavaScript MIME type.
const TYPES = { '.json': 'application/json', '.js': 'text/javascript', '.cjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.md': 'text/markdown' };

/** Serves EXTENSION_PATH under /postmortem-lint/, as a CDN serves a web extension, and records each request. */
async function serveExtension() {
  const requests = [];
  const server = http.createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = decodeURIComponent(url.pathname).slice(MOUNT.length + 1);
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
  return { port: server.address().port, requests, close: () => new Promise((r) => server.close(r)) };
}

const never = () => new Promise(() => {});

/**
 * Rejects with the reason when the extension fails to start in the web worker host: its
 * activation fails (the workbench logs it to the browser console) or the client reports that the
 * language server could not start (a notification). Otherwise it never settles.
 */
function startFailure(session, cdn, timeout) {
  const { page, consoleLines } = session;
  const failedActivation = (text) => /Activating extension .* failed/.test(text) && text.includes(EXTENSION_ID);
  const earlier = consoleLines.find(failedActivation); // activation may have failed before this call
  const activation = (earlier ? Promise.resolve(earlier) : page.waitForEvent('console', { predicate: (m) => failedActivation(m.text()), timeout }).then((m) => m.text()))
    .then((text) => {
      const missing = cdn.requests.filter((r) => r.status !== 200).map((r) => r.path);
      throw new Error(`the web worker extension host could not activate the extension: ${text} (not found: ${missing.join(', ') || 'nothing'})`
        + (missing.includes(`${ENTRY}.js`) ? `. The web worker host appends ".js" to a "browser" entry point that does not end in .js, so it fetched ${ENTRY}.js` : ''));
    }, never);
  const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: /postmortem language server/i }).first();
  const notification = toast.waitFor({ timeout }).then(async () => {
    const text = (await toast.innerText()).replace(/\s+/g, ' ');
    throw new Error(`the extension started in the web worker host, but its client reported: ${text.slice(0, 600)}`
      + (/reading 'onClose'/.test(text) ? '. The worker factory\'s result failed vscode-languageclient/browser\'s `instanceof Worker` test (the web worker host replaces'
        + ' the global Worker constructor), so the client took the Worker for { reader, writer } transports' : ''));
  }, never);
  return Promise.race([activation, notification]);
}

/** Runs a palette command whose own quick input follows (runCommand waits for the palette to close). */
async function startCommand(page, title, { attempts = 3 } = {}) {
  const input = page.locator('.quick-input-widget input');
  for (let i = 1; ; i++) {
    if (await page.locator('.quick-input-widget').isVisible()) await page.keyboard.press('Escape');
    await page.locator('.monaco-workbench').focus().catch(() => {});
    await page.keyboard.press('F1');
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row.focused', { has: page.locator('.label-name', { hasText: title }) });
    try {
      await row.waitFor({ timeout: 10_000 });
      break;
    } catch (e) {
      if (i >= attempts) throw e; // the palette opened before the command was registered: again
    }
  }
  await input.press('Enter');
  return input;
}

/** Name and `typeof process` of each dedicated worker of the page, through the DevTools protocol. */
async function workers(page) {
  const all = await Promise.all(page.workers().map((w) => w.evaluate(() => ({ name: self.name, process: typeof self.process })).catch(() => null)));
  return all.filter(Boolean);
}

describe('Postmortem Lint\'s web build in the browser web-worker extension host (code-server 4.100.3)', () => {
  let session;
  let page;
  let cdn;
  let cdnUrl;
  const test = (name, fn, options = {}) => it(name, { timeout: 120_000, ...options }, withScreenshot(() => page, `web-${name}`, fn));

  before(async () => {
    assert.ok(ENTRY, 'package.json has a "browser" entry point');
    cdn = await serveExtension();
    // Untitled editors keep their "Untitled-N" name (not their first line) in tabs and the Problems panel.
    session = await startSession({ name: 'web', settings: { 'workbench.editor.untitled.labelFormat': 'name' } });
    page = session.page;
    cdnUrl = `${session.server.base}/proxy/${cdn.port}${MOUNT}`;
    await openWorkbench(page, session.server.url());
    log(`workbench loaded; the web extension is served on 127.0.0.1:${cdn.port} and installed from ${cdnUrl}`);
  });

  after(async () => {
    if (cdn) {
      log(`requests for the web extension: ${cdn.requests.map((r) => `${r.status} ${r.path}`).join(', ')}`);
      await cdn.close();
    }
    await session?.close();
  });

  test('installs from its URL into the browser', async () => {
    const input = await startCommand(page, 'Developer: Install Extension from Location...');
    await page.locator('.quick-input-widget input[placeholder="Location of the web extension"]').waitFor({ timeout: 30_000 });
    const installed = page.waitForEvent('console', { predicate: (m) => m.text().includes(`Extension installed successfully: ${EXTENSION_ID}`), timeout: 60_000 });
    const dialog = page.locator('.monaco-dialog-box');
    const failed = dialog.waitFor({ timeout: 60_000 }).then(async () => {
      throw new Error(`installing from ${cdnUrl} failed: ${(await dialog.innerText()).replace(/\s+/g, ' ')}`);
    }, never);
    await input.fill(cdnUrl);
    await input.press('Enter');
    await Promise.race([installed, failed]);
    log(`installed ${EXTENSION_ID} into the browser`);
    assert.ok(cdn.requests.some((r) => r.path === 'package.json' && r.status === 200), 'the workbench read the manifest from the URL');
  });

  test('shows diagnostics on the fixture postmortem\'s text in an untitled Markdown editor', async () => {
    // "File: New Untitled Text File" (its web key binding; the palette ranks "Compare New Untitled Text Files" first).
    await page.locator('.monaco-workbench').focus().catch(() => {});
    await page.keyboard.press('Control+Alt+N');
    await page.locator('.tabs-container .tab.active[data-resource-name^="Untitled-"]').waitFor({ timeout: 30_000 });
    await activeEditor(page).locator('.view-lines').waitFor({ timeout: 30_000 });
    const picker = await startCommand(page, 'Change Language Mode');
    await picker.fill('Markdown');
    await page.locator('.quick-input-list .monaco-list-row.focused', { has: page.locator('.label-name', { hasText: /^Markdown$/ }) }).waitFor({ timeout: 30_000 });
    await picker.press('Enter');
    await page.waitForFunction(() => (document.querySelector('[id="status.editor.mode"]')?.textContent ?? '').includes('Markdown'), null, { timeout: 30_000 });
    await activeEditor(page).locator('.view-lines').click();
    await page.keyboard.insertText(POSTMORTEM_TEXT);
    await page.keyboard.press('Control+Home');
    const title = await page.locator('.tabs-container .tab.active').getAttribute('data-resource-name');
    // Activation (onLanguage:markdown) fetches the browser entry; the client starts the server's worker.
    await Promise.race([waitForSquiggles(page, 5, { timeout: 90_000 }), startFailure(session, cdn, 90_000)]);
    const rows = await waitForProblems(page, title, (codes) => EXPECTED_RULES.every((id) => codes.includes(id)));
    for (const p of rows) log(`  problem in ${title}: ${p.severity} ${p.code} ${p.position} ${p.message}`);
    for (const p of rows) assert.equal(p.source, 'postmortem');
    await screenshot(page, 'web-diagnostics');
    await closePanel(page);
    await runCommand(page, 'File: Revert File');
  });

  test('shows diagnostics on the fixture postmortem opened from the Explorer', async () => {
    await openFile(page, POSTMORTEM);
    await Promise.race([waitForSquiggles(page, 5, { timeout: 90_000 }), startFailure(session, cdn, 90_000)]);
    const rows = await waitForProblems(page, path.basename(POSTMORTEM), (codes) => EXPECTED_RULES.every((id) => codes.includes(id)));
    log(`problems in ${POSTMORTEM}: ${rows.map((p) => p.code).join(', ')}`);
    await closePanel(page);
  });

  test('runs in the web worker extension host, its server in a worker, without the Node build', async () => {
    await runCommand(page, 'Developer: Show Running Extensions');
    const rows = page.locator('.runtime-extensions-editor .monaco-list-row');
    const ours = rows.filter({ hasText: MANIFEST.displayName });
    await ours.first().waitFor({ timeout: 30_000 });
    const all = await rows.evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
    log(`running extensions: ${all.join(' | ')}`);
    const text = (await ours.first().innerText()).replace(/\s+/g, ' ');
    assert.match(text, /web worker/, `Running Extensions labels ${MANIFEST.displayName} "web worker": ${text}`);
    await screenshot(page, 'web-running-extensions');

    const threads = await workers(page);
    log(`the page's workers: ${threads.map((w) => `${w.name} (process: ${w.process})`).join(', ')}`);
    assert.ok(threads.some((w) => w.name === 'ExtensionHostWorker' && w.process === 'undefined'), 'a web worker extension host, without Node\'s process');
    const server = 'server.js';
    assert.ok(threads.some((w) => w.name === `ExtensionHostWorker -> ${server}` && w.process === 'undefined'), `the extension host started ${server} in a worker`);

    const fetched = cdn.requests.filter((r) => r.status === 200).map((r) => r.path);
    assert.ok(fetched.includes(ENTRY), `the web worker host fetched the browser entry ${ENTRY}`);
    assert.ok(fetched.includes('dist/web/server.js'), 'the web client loaded dist/web/server.js');
    assert.deepEqual(cdn.requests.filter((r) => NODE_BUNDLES.test(r.path)), [], 'nothing asked for the Node bundles');
  });
});
