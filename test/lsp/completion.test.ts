// Completion over LSP against the real server: section headings of the profile after `#`
// (missing ones first), milestone phrases after an entry's time, zone abbreviations after a time
// (the document's zone first, in force on the entry's date).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionRequest, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol/node';
import { fileUri, TestClient } from './harness';
import { fixture, openDoc, winter } from './editor-helpers';

const pacific = fixture('pacific.md');

/** The text with `line` inserted before line `at`, and the position at its end. */
function typed(text: string, at: number, line: string): { text: string; position: { line: number; character: number } } {
  const lines = text.split('\n');
  lines.splice(at, 0, line);
  return { text: lines.join('\n'), position: { line: at, character: line.length } };
}

const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

describe('completion', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client?.kill());

  async function complete(text: string, at: number, line: string): Promise<CompletionItem[]> {
    const doc = typed(text, at, line);
    const uri = await openDoc(client, doc.text);
    const list = await client.request<CompletionList | null>(CompletionRequest.method, { textDocument: { uri }, position: doc.position });
    return sorted(list?.items ?? []);
  }

  test('trigger characters: #, space and colon', () => {
    assert.deepEqual(client.initializeResult?.capabilities.completionProvider?.triggerCharacters, ['#', ' ', ':']);
  });

  test('after # at the start of a line: the profile\'s sections, missing ones first, scaffold as documentation', async () => {
    const items = await complete(fixture('floating.md'), 22, '#');
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [
      ['Impact', 'recommended by the standard profile · missing'],
      ['Detection', 'recommended by the standard profile · missing'],
      ['Lessons Learned', 'recommended by the standard profile · missing'],
      ['Summary', 'required by the standard profile · already at line 3'],
      ['Timeline', 'required by the standard profile · already at line 7'],
      ['Root Cause', 'required by the standard profile · already at line 14'],
      ['Resolution', 'required by the standard profile · already at line 18'],
      ['Action Items', 'required by the standard profile · already at line 22'],
    ]);
    const impact = items[0];
    assert.equal(impact?.insertTextFormat, 2);
    assert.deepEqual(impact?.textEdit, { range: { start: { line: 22, character: 0 }, end: { line: 22, character: 1 } }, newText: '## Impact\n\n$0' });
    assert.deepEqual(impact?.documentation, { kind: 'markdown', value: '`## Impact`\n\n_Describe who and what was affected, and how badly._' });
  });

  test('the heading keeps the level typed, and filters on what was typed', async () => {
    const detection = (await complete(fixture('floating.md'), 22, '### Det')).find((i) => i.label === 'Detection');
    assert.equal(detection?.filterText, '### Detection');
    assert.deepEqual(detection?.textEdit, { range: { start: { line: 22, character: 0 }, end: { line: 22, character: 7 } }, newText: '### Detection\n\n$0' });
  });

  test('a missing required section comes first', async () => {
    const text = fixture('floating.md').replace(/## Root Cause\n\n.*\n\n/, '');
    const [first] = await complete(text, 4, '## ');
    assert.deepEqual([first?.label, first?.detail], ['Root Cause', 'required by the standard profile · missing']);
  });

  test('after the time of a timeline entry: milestone phrases, the one the timeline lacks first', async () => {
    const items = await complete(pacific, 14, '- 12:05 PM: ');
    assert.deepEqual(items.map((i) => [i.label, (i.textEdit as TextEdit).newText]), [
      ['Incident declared', 'Incident declared'],
      ['Outage begins', 'Outage begins'],
      ['Alert fired', 'Alert fired'],
      ['Mitigated: …', 'Mitigated: ${1:what stopped the impact}'],
      ['Resolved', 'Resolved'],
    ]);
    assert.equal(items[1]?.detail, 'marks the outage start · the timeline has one at line 11');
  });

  test('a phrase replaces the word being typed', async () => {
    const items = await complete(pacific, 14, '- 12:05 PM: Mit');
    const mitigated = items.find((i) => i.label === 'Mitigated: …');
    assert.deepEqual((mitigated?.textEdit as TextEdit).range, { start: { line: 14, character: 12 }, end: { line: 14, character: 15 } });
    assert.equal(mitigated?.filterText, 'Mitigated');
  });

  test('after a time: the document\'s zone first, as in force on the entry\'s date (PDT in September)', async () => {
    const zones = (await complete(pacific, 14, '- 12:05 PM ')).filter((i) => i.kind === 11);
    assert.deepEqual(zones.slice(0, 3).map((i) => [i.label, i.detail]), [['PDT', 'UTC-07:00 on 2020-09-30'], ['UTC', 'UTC+00:00 on 2020-09-30'], ['MDT', 'UTC-06:00 on 2020-09-30']]);
    assert.deepEqual(zones[0]?.documentation, { kind: 'markdown', value: "The timeline's zone: Pacific time (line 8), PDT on 2020-09-30." });
    assert.ok(!zones.some((i) => i.label === 'PST'), 'no standard-time abbreviation in September');
  });

  test('the same document in January offers PST', async () => {
    const zones = (await complete(winter(pacific), 14, '- 12:05 PM ')).filter((i) => i.kind === 11);
    assert.deepEqual([zones[0]?.label, zones[0]?.detail], ['PST', 'UTC-08:00 on 2021-01-15']);
  });

  test('nothing in prose outside the timeline, nor in a README', async () => {
    assert.deepEqual(await complete(pacific, 18, 'At 12:05 PM '), []);
    const readme = '# Widgets\n\nUsage notes.\n#';
    const uri = fileUri('/tmp/pm-editor/README.md');
    await client.open(uri, readme);
    await client.published(uri);
    assert.equal(await client.request(CompletionRequest.method, { textDocument: { uri }, position: { line: 3, character: 1 } }), null);
  });
});
