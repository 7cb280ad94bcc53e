// Document symbols, folding ranges and the status request, over the real server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DocumentSymbolRequest, FoldingRangeRequest, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-protocol/node';
import { DocumentInfoRequest, type DocumentInfo } from '../../common/protocol';
import { FIXTURES, fileUri, TestClient } from './harness';

const login = readFileSync(`${FIXTURES}login-outage.md`, 'utf8');
const readme = readFileSync(`${FIXTURES}README.md`, 'utf8');

describe('document structure', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
  });
  after(() => client?.kill());

  const symbols = (uri: string) => client.request<DocumentSymbol[]>(DocumentSymbolRequest.method, { textDocument: { uri } });
  const folds = (uri: string) => client.request<FoldingRange[]>(FoldingRangeRequest.method, { textDocument: { uri } });

  test('sections form a symbol tree, with the canonical id as detail', async () => {
    const uri = fileUri('/tmp/pm-structure/login.md');
    await client.open(uri, login);
    const [title, ...rest] = await symbols(uri);
    assert.equal(rest.length, 0);
    assert.ok(title);
    assert.equal(title.name, 'Incident report: login outage');
    assert.equal(title.kind, SymbolKind.String);
    assert.deepEqual(title.children?.map((s) => [s.name, s.detail]), [
      ['Summary', 'summary'], ['Timeline', 'timeline'], ['Root Cause', 'root-cause'], ['Resolution', 'resolution'], ['Action Items', 'action-items'],
    ]);
    const rootCause = title.children?.[2];
    assert.deepEqual(rootCause?.selectionRange, { start: { line: 11, character: 2 }, end: { line: 11, character: 12 } });
    // The section ends at its last line of content, not at the blank line before the next title.
    assert.deepEqual(rootCause?.range, { start: { line: 11, character: 0 }, end: { line: 15, character: 80 } });
  });

  test('folding covers sections and the timeline list', async () => {
    const uri = fileUri('/tmp/pm-structure/login-folds.md');
    await client.open(uri, login);
    const ranges = (await folds(uri)).map((r) => [r.startLine, r.endLine]);
    assert.deepEqual(ranges, [[0, 23], [2, 4], [6, 9], [8, 9], [11, 15], [17, 19], [21, 23]]);
  });

  test('tables and code blocks fold too', async () => {
    const uri = fileUri('/tmp/pm-structure/table.md');
    const text = '# Postmortem\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 10:00 | start |\n| 10:05 | alert |\n\n## Root Cause\n\n```\nstack\ntrace\n```\n';
    await client.open(uri, text);
    const ranges = (await folds(uri)).map((r) => [r.startLine, r.endLine]);
    assert.deepEqual(ranges, [[0, 14], [2, 7], [4, 7], [9, 14], [11, 14]]);
  });

  test('a document that is not a postmortem has no symbols or folds from this server', async () => {
    const uri = fileUri('/tmp/pm-structure/README.md');
    await client.open(uri, readme);
    assert.deepEqual(await symbols(uri), []);
    assert.deepEqual(await folds(uri), []);
  });

  test('the status request tells postmortems from other documents', async () => {
    const pm = fileUri('/tmp/pm-structure/status.md');
    const other = fileUri('/tmp/pm-structure/OTHER.md');
    await client.open(pm, login);
    await client.open(other, readme);
    const info = (uri: string) => client.request<DocumentInfo | null>(DocumentInfoRequest.method, { textDocument: { uri } });
    assert.deepEqual(await info(pm), { isPostmortem: true, profile: 'standard', profileSource: 'settings', profiles: ['standard', 'google-sre', 'pagerduty', 'atlassian'] });
    assert.equal((await info(other))?.isPostmortem, false);
    assert.equal(await info(fileUri('/tmp/pm-structure/not-open.md')), null);
  });
});
