// Inlay hints over LSP against the real server: T+ from the outage start after each timed entry,
// only in the requested range, with the absolute time as tooltip; off with the setting.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InlayHintRequest, type InlayHint } from 'vscode-languageserver-protocol/node';
import { formatTPlus } from '../../server/src/lsp/timeline-facts';
import { TestClient } from './harness';
import { fixture, openDoc } from './editor-helpers';

const pacific = fixture('pacific.md');
const everything = { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } };

describe('inlay hints', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client?.kill());

  const hints = (uri: string, range = everything) => client.request<InlayHint[]>(InlayHintRequest.method, { textDocument: { uri }, range });

  test('the server offers inlay hints', () => {
    assert.ok(client.initializeResult?.capabilities.inlayHintProvider);
  });

  test('T+ after each timed entry\'s time, padded, with the absolute time as tooltip', async () => {
    const uri = await openDoc(client, pacific);
    const all = await hints(uri);
    assert.deepEqual(all.map((h) => [h.position.line, h.position.character, h.label, h.paddingLeft]), [
      [9, 9, 'T-0:16', true], [10, 9, 'T+0:00', true], [11, 9, 'T+0:10', true], [12, 10, 'T+2:19', true], [13, 10, 'T+3:42', true],
    ]);
    assert.equal(all[2]?.tooltip, '2020-09-30T08:26:00-07:00 · 15:26 UTC: T+0:10 after the outage start (08:16, line 11)');
    assert.equal(all[1]?.tooltip, '2020-09-30T08:16:00-07:00 · 15:16 UTC: the outage start');
  });

  test('only the entries in the requested range', async () => {
    const uri = await openDoc(client, pacific);
    const some = await hints(uri, { start: { line: 11, character: 0 }, end: { line: 12, character: 0 } });
    assert.deepEqual(some.map((h) => h.label), ['T+0:10']);
  });

  test('the tooltip says what is unknown', async () => {
    const uri = await openDoc(client, fixture('floating.md'));
    const [first] = await hints(uri);
    assert.equal(first?.tooltip, '14:00: T-0:05 before the outage start (14:05, line 10)\nDate and zone unknown: the document states neither, so this is wall-clock time only.');
  });

  test('none when the timeline has no outage start', async () => {
    assert.deepEqual(await hints(await openDoc(client, fixture('no-start.md'))), []);
  });
});

test('T+ is signed hours and minutes, with days past 24 hours', () => {
  assert.deepEqual([0, 10, -16, 139, 1440, 5013, -1500].map(formatTPlus), ['T+0:00', 'T+0:10', 'T-0:16', 'T+2:19', 'T+1d 0:00', 'T+3d 11:33', 'T-1d 1:00']);
});

describe('inlay hints setting', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: { inlayHints: { enabled: false } } });
  });
  after(() => client?.kill());

  test('postmortem.inlayHints.enabled: false turns them off, and true on again', async () => {
    const uri = await openDoc(client, pacific);
    const request = () => client.request<InlayHint[]>(InlayHintRequest.method, { textDocument: { uri }, range: everything });
    assert.deepEqual(await request(), []);
    await client.changeSettings({ inlayHints: { enabled: true } });
    assert.equal((await request()).length, 5);
  });
});
