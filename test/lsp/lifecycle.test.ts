// The server's life: a clean shutdown, and no crash on requests it cannot serve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CodeActionRequest, DocumentSymbolRequest, ExecuteCommandRequest, FoldingRangeRequest } from 'vscode-languageserver-protocol/node';
import { FIXTURES, fileUri, TestClient } from './harness';

const outage = readFileSync(`${FIXTURES}checkout-outage.md`, 'utf8');

test('shutdown then exit ends the server with code 0', async () => {
  const client = await TestClient.start();
  const uri = fileUri('/tmp/pm-life/doc.md');
  await client.open(uri, outage);
  await client.published(uri);
  assert.equal(await client.shutdown(), 0);
});

test('requests about unknown documents and odd arguments get empty answers; the server lives on', async () => {
  const client = await TestClient.start({ pull: false });
  try {
    const unknown = { textDocument: { uri: fileUri('/tmp/pm-life/unknown.md') } };
    assert.deepEqual(await client.request(DocumentSymbolRequest.method, unknown), []);
    assert.deepEqual(await client.request(FoldingRangeRequest.method, unknown), []);
    assert.deepEqual(await client.request(CodeActionRequest.method, { ...unknown, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    assert.equal(await client.request(ExecuteCommandRequest.method, { command: 'postmortem.showRuleDocumentation', arguments: [42] }), null);
    // A malformed code action request (no context) is logged, not fatal.
    const uri = fileUri('/tmp/pm-life/open.md');
    await client.open(uri, outage);
    await client.published(uri);
    assert.deepEqual(await client.request(CodeActionRequest.method, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }), []);
    await client.logs.next((m) => m.includes('codeAction failed'), 'the logged failure');
    assert.ok(client.alive);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
