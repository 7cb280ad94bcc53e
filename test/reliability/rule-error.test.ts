// A rule that throws, end to end: the real server, bundled with one extra rule that throws on
// documents containing "BOOM" (servers/throwing-rule-server.ts), over stdio. The failure is
// logged to the client (window/logMessage, type Error, with the rule id and the document), the
// other rules' diagnostics are published as without it, every request still answers, and the
// server stays up and shuts down cleanly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { DocumentSymbolRequest, HoverRequest, LogMessageNotification, MessageType, type Diagnostic } from 'vscode-languageserver-protocol/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pm-throwing-'));
const bundle = join(dir, 'server.cjs');
// The harness reads the server path when it loads: set it first, then import it.
process.env.POSTMORTEM_TEST_SERVER = bundle;
const { FIXTURES, fileUri, messageOf, TestClient } = await import('../lsp/harness');

const outage = readFileSync(`${FIXTURES}checkout-outage.md`, 'utf8');
const seen = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${messageOf(d)}`).sort();

before(async () => {
  // As esbuild.mjs builds dist/server.js.
  await esbuild.build({
    entryPoints: [join(ROOT, 'test/reliability/servers/throwing-rule-server.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning',
  });
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('LSP: a rule that throws', () => {
  test('is logged with its rule id and document; the other rules still report; the server lives on', async () => {
    const client = await TestClient.start({ pull: false });
    const errors: string[] = [];
    client.connection.onNotification(LogMessageNotification.type, (p) => {
      if (p.type === MessageType.Error) errors.push(p.message);
    });
    try {
      const clean = fileUri('/tmp/pm-rel/clean.md');
      const broken = fileUri('/tmp/pm-rel/broken.md');
      // The same problems either way: "BOOM" sits in a word the rules do not look at.
      const withBoom = outage.replace(/^(# .*)$/m, '$1 BOOM');
      await client.open(clean, outage.replace(/^(# .*)$/m, '$1 BLAM'));
      const expected = await client.published(clean);
      assert.ok(expected.diagnostics.length > 0);
      assert.deepEqual(errors, [], 'no rule fails on a document without BOOM');
      await client.open(broken, withBoom);
      const published = await client.published(broken);
      assert.deepEqual(seen(published.diagnostics), seen(expected.diagnostics), 'every other rule reported');
      // The log line arrived before the diagnostics it belongs to (the same analysis).
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0] ?? '', new RegExp(`^Rule boom failed on ${broken.replace(/[.]/g, '\\.')}: Error: kaboom`));
      // Requests on the document are served from the same analysis.
      assert.ok(((await client.request(DocumentSymbolRequest.method, { textDocument: { uri: broken } })) as unknown[]).length > 0);
      await client.request(HoverRequest.method, { textDocument: { uri: broken }, position: { line: 0, character: 2 } });
      // An edit analyses again, and the failure is logged again (once per analysis, not per request).
      await client.change(broken, 2, `${withBoom}\nTBD\n`);
      const again = await client.published(broken, (p) => p.version === 2);
      assert.ok(again.diagnostics.some((d) => d.code === 'placeholder-text'));
      assert.equal(errors.length, 2, errors.join('\n'));
      assert.ok(client.alive, client.serverErrors);
      assert.equal(client.serverErrors, '', 'nothing on stderr');
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });
});
