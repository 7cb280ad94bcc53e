// Code lens over LSP against the real server: the timeline's metrics on its heading, a note when
// the start is inferred or missing, and the preview command only for a client that has it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeLensRequest, type CodeLens } from 'vscode-languageserver-protocol/node';
import { TestClient } from './harness';
import { fixture, openDoc } from './editor-helpers';

describe('code lens', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ initializationOptions: { commands: ['postmortem.openTimelinePreview'] } });
  });
  after(() => client?.kill());

  const lenses = async (text: string) => {
    const uri = await openDoc(client, text);
    return { uri, lenses: await client.request<CodeLens[]>(CodeLensRequest.method, { textDocument: { uri } }) };
  };

  test('TTD, TTM, TTR and duration on the timeline heading; clicking opens the preview', async () => {
    const { uri, lenses: found } = await lenses(fixture('pacific.md'));
    assert.deepEqual(found, [{
      range: { start: { line: 7, character: 3 }, end: { line: 7, character: 36 } },
      command: { title: 'TTD 10m · TTM 2h 19m · TTR 3h 42m · Duration 3h 42m', command: 'postmortem.openTimelinePreview', arguments: [uri] },
    }]);
  });

  test('says when the start is only the first timed entry', async () => {
    const { lenses: found } = await lenses(fixture('inferred.md'));
    assert.equal(found[0]?.command?.title, 'TTD 30m · TTM 1h · TTR 1h · Duration 1h (start inferred)');
  });

  test('says when there is no outage start', async () => {
    const { lenses: found } = await lenses(fixture('no-start.md'));
    assert.deepEqual(found.map((l) => [l.range.start.line, l.command?.title]), [[6, 'No outage start found']]);
  });

  test('omits unknown metrics', async () => {
    const text = fixture('pacific.md').replace(/^- 8:26 AM.*\n/m, '').replace(/^- 10:35 AM.*\n/m, '');
    const { lenses: found } = await lenses(text);
    assert.equal(found[0]?.command?.title, 'TTM 3h 42m · TTR 3h 42m · Duration 3h 42m');
  });

  test('none without a timeline section', async () => {
    const text = fixture('pacific.md').replace(/## Timeline[\s\S]*?(?=## Root Cause)/, '');
    assert.deepEqual((await lenses(text)).lenses, []);
  });
});

describe('code lens for a client without the preview command', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client?.kill());

  test('is a label: the command id is empty', async () => {
    const uri = await openDoc(client, fixture('pacific.md'));
    const [lens] = await client.request<CodeLens[]>(CodeLensRequest.method, { textDocument: { uri } });
    assert.deepEqual(lens?.command, { title: 'TTD 10m · TTM 2h 19m · TTR 3h 42m · Duration 3h 42m', command: '' });
  });
});
