// The packaged extension: the VSIX built by `npm run package` (scripts/e2e.mjs builds it into
// .e2e/postmortem-lint.vsix, or E2E_VSIX names one) holds bundles only, and once installed with
// `code-server --install-extension` into a fresh extensions folder it activates on a postmortem.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { EXTENSION_ID, PACKAGE, ROOT, log, startSession, withScreenshot } from './lib/code-server.mjs';
import { openFile, openWorkbench, statusBarItem, waitForSquiggles } from './lib/workbench.mjs';

const VSIX = process.env.E2E_VSIX ?? path.join(ROOT, '.e2e/postmortem-lint.vsix');

/** The entries of a zip file, from its central directory. */
export function zipEntries(file) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, `${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name, size,
      read() {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + compressed);
        return method === 8 ? zlib.inflateRawSync(data) : data;
      },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('the packaged VSIX', () => {
  it('holds the bundles, manifest, docs and icon, and no sources, maps or node_modules', () => {
    assert.ok(fs.existsSync(VSIX), `${VSIX} exists (npm run package -- --out ${VSIX})`);
    const entries = zipEntries(VSIX);
    const names = entries.map((e) => e.name);
    const kib = Math.round(fs.statSync(VSIX).size / 1024);
    log(`${path.basename(VSIX)}: ${names.length} files, ${kib} KiB`);
    for (const n of names) log(`  ${n}`);
    const lower = names.map((n) => n.toLowerCase()); // vsce writes readme.md, changelog.md
    for (const required of ['extension.vsixmanifest', 'extension/package.json', 'extension/dist/extension.cjs', 'extension/dist/server.js',
      'extension/dist/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/license.txt', 'extension/media/icon.png']) {
      assert.ok(lower.includes(required), `the VSIX contains ${required}`);
    }
    for (const n of names) {
      assert.doesNotMatch(n, /(^|\/)node_modules\//, `no node_modules: ${n}`);
      assert.doesNotMatch(n, /^extension\/(client|server|common|test|scripts|src|\.e2e|\.ci|docs)\//, `no sources or tests: ${n}`);
      assert.doesNotMatch(n, /\.(ts|map|mjs)$/, `no TypeScript, source maps or build scripts: ${n}`);
    }
    // Production bundles: minified, no pointer to source maps the package does not hold (a
    // build running beside `npm run package` once left development bundles in the VSIX).
    for (const e of entries.filter((x) => /^extension\/dist\/.*\.(c?js)$/.test(x.name))) {
      const text = e.read().toString('utf8');
      assert.doesNotMatch(text, /\/\/# sourceMappingURL=/, `${e.name} is a production bundle (no source map link)`);
    }
    // The webview's stylesheets and icons (media/*.css, *.svg) and the extension icon ship with it.
    for (const f of fs.readdirSync(path.join(ROOT, 'media')).filter((x) => /\.(css|svg|png)$/.test(x))) {
      assert.ok(names.includes(`extension/media/${f}`), `media/${f} is packaged`);
    }
    const manifest = JSON.parse(entries.find((e) => e.name === 'extension/package.json').read().toString('utf8'));
    assert.equal(manifest.name, PACKAGE.name);
    assert.equal(manifest.icon, 'media/icon.png');
    const engine = manifest.engines.vscode.replace(/^[\^~>=]+/, '').split('.').map(Number);
    assert.ok(engine[0] === 1 && engine[1] <= 100, `engines.vscode ${manifest.engines.vscode} allows VS Code 1.100 (code-server 4.100.3)`);
    for (const s of manifest.contributes?.snippets ?? []) assert.ok(names.includes(`extension/${s.path.replace(/^\.\//, '')}`), `snippet file ${s.path} is packaged`);
    for (const g of manifest.contributes?.grammars ?? []) assert.ok(names.includes(`extension/${g.path.replace(/^\.\//, '')}`), `grammar ${g.path} is packaged`);
    for (const j of manifest.contributes?.jsonValidation ?? []) {
      if (!/^https?:/.test(j.url)) assert.ok(names.includes(`extension/${j.url.replace(/^\.\//, '')}`), `schema ${j.url} is packaged`);
    }
  });

  // VS Code decides ESM vs CommonJS from the manifest alone: an extension is ESM when its "main"
  // ends in .mjs, or when package.json says "type": "module" and "main" does not end in .cjs (the
  // browser entry is not looked at). VS Code 1.100's web worker extension host (vscode.dev,
  // github.dev, code-server) refuses ESM: seen in code-server with a web-only copy of this
  // extension, "Activating extension ... failed: ESM modules are not supported in the web worker
  // extension host". Reported as TODO (not a failure) while the manifest has that shape.
  const manifestShape = () => {
    const m = PACKAGE;
    return { type: m.type, main: m.main, browser: m.browser, esm: !!m.main && (m.main.endsWith('.mjs') || (m.type === 'module' && !m.main.endsWith('.cjs'))) };
  };
  const shape = manifestShape();
  it('the web worker extension host of VS Code 1.100 can load the extension (CommonJS by its manifest)',
    { todo: shape.browser && shape.esm ? `"type": "${shape.type}" with "main": "${shape.main}" reads as ESM; name the bundles .cjs or drop "type": "module"` : false }, () => {
      if (!shape.browser) return;
      assert.equal(shape.esm, false, `package.json "type": "${shape.type}" and "main": "${shape.main}" make VS Code load the extension as ESM`);
    });

  describe('installed with --install-extension', () => {
    let session;
    let page;
    before(async () => {
      assert.ok(fs.existsSync(VSIX), `no VSIX at ${VSIX}: npm run package failed or did not run`);
      session = await startSession({ name: 'vsix', vsix: VSIX });
      page = session.page;
    });
    after(async () => {
      await session?.close();
    });

    it('activates on a postmortem and reports its problems', { timeout: 180_000 }, withScreenshot(() => page, 'vsix', async () => {
      const installed = fs.readdirSync(session.server.extensions).filter((d) => d.startsWith(`${EXTENSION_ID}-`));
      assert.deepEqual(installed, [`${EXTENSION_ID}-${PACKAGE.version}`], 'installed into the fresh extensions folder');
      await openWorkbench(page, session.server.url());
      await openFile(page, 'incidents/2024-03-12-checkout-outage.md');
      await waitForSquiggles(page, 5);
      await page.locator(`[id="${EXTENSION_ID}.postmortem.profile"]`).waitFor({ timeout: 30_000 });
      log(`installed VSIX active: status bar ${JSON.stringify(await statusBarItem(page, `${EXTENSION_ID}.postmortem.profile`))}`);
    }));
  });
});
