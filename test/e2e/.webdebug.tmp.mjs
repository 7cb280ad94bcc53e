// temporary debugging script (deleted afterwards)
import { startSession, log } from './lib/code-server.mjs';
import { openFile, openWorkbench, runCommand } from './lib/workbench.mjs';
import http from 'node:http'; import fs from 'node:fs'; import path from 'node:path'; import { once } from 'node:events';
const EXT = process.env.E2E_EXTENSION_PATH;
const srv = http.createServer((req, res) => { const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/pm\//, ''); const f = path.join(EXT, rel);
  if (fs.existsSync(f) && fs.statSync(f).isFile()) { log('REQ', rel); res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': /\.c?js$/.test(f) ? 'text/javascript' : 'application/json' }); res.end(fs.readFileSync(f)); } else { res.writeHead(404).end(); } });
srv.listen(0, '127.0.0.1'); await once(srv, 'listening');
const s = await startSession({ name: 'webdebug', settings: { 'postmortem.trace.server': 'verbose' } });
const { page } = s;
page.on('worker', (w) => { log('worker', w.url()); w.on('console', (m) => log('WCONSOLE', w.url().slice(0, 60), m.text())); });
try {
  await openWorkbench(page, s.server.url());
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.fill('>Developer: Install Extension from Location...');
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Install Extension from Location' }).waitFor();
  await input.press('Enter');
  await page.locator('.quick-input-widget input[placeholder="Location of the web extension"]').waitFor();
  await input.fill(`${s.server.base}/proxy/${srv.address().port}/pm`);
  await input.press('Enter');
  await page.waitForEvent('console', { predicate: (m) => m.text().includes('Extension installed successfully') });
  await openFile(page, 'incidents/2024-03-12-checkout-outage.md');
  await page.waitForTimeout(15000);
  for (const w of page.workers()) log('worker', w.url(), await w.evaluate(() => JSON.stringify({ name: self.name, onmessage: typeof self.onmessage, keys: Object.keys(self).filter((k) => !/^on|^webkit/.test(k)).slice(0, 40) })).catch((e) => 'ERR ' + e.message));
  log('frames', page.frames().map((f) => f.url()));
  await runCommand(page, 'Output: Show Output Channels...');
  await page.locator('.quick-input-widget input').fill('Postmortem');
  await page.waitForTimeout(1000);
  log('channels', await page.locator('.quick-input-list .monaco-list-row').allInnerTexts());
  await page.keyboard.press('Enter');
  await page.waitForTimeout(5000);
  log('OUTPUT', await page.locator('.part.panel .monaco-editor .view-lines').innerText());
  await page.screenshot({ path: '/tmp/webdebug/out.png' });
} finally { fs.writeFileSync('/tmp/webdebug/console.log', s.consoleLines.join('\n')); await s.close(); srv.close(); }
