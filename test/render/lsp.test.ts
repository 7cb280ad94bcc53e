// The custom request `postmortem/timeline` answered by the real server (over stdio), from the
// same analysis the diagnostics come from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimelineRequest, type TimelineResult } from '../../common/timeline-protocol';
import { TestClient } from '../lsp/harness';

const TEXT = `# Checkout outage

## Summary

Checkout was down.

## Timeline (all times PDT, 2020-09-30)

- 08:16 Interruption begins
- 08:10 Pagers alerted teams
- 09:00 All traffic back online

## Root cause

Config.
`;

test('the server answers postmortem/timeline with the view of the open document', async () => {
  const client = await TestClient.start();
  try {
    const uri = 'file:///tmp/postmortems/outage.md';
    await client.open(uri, TEXT);
    const view = await client.request<TimelineResult>(TimelineRequest.method, { textDocument: { uri } });
    assert.ok(view);
    assert.equal(view.filePath, uri);
    assert.equal(view.name, 'outage.md');
    assert.deepEqual(view.events.map((e) => [e.line, e.text]), [[8, 'Interruption begins'], [9, 'Pagers alerted teams'], [10, 'All traffic back online']]);
    assert.ok(view.events[1]!.problems.some((p) => p.ruleId === 'timeline-order'), 'the entry out of order carries its diagnostic');
    await client.change(uri, 2, TEXT.replace('08:10', '08:20'));
    const updated = await client.request<TimelineResult>(TimelineRequest.method, { textDocument: { uri } });
    assert.deepEqual(updated?.events[1]!.problems.filter((p) => p.ruleId === 'timeline-order'), []);
    const other = 'file:///tmp/notes.md';
    await client.open(other, 'Shopping list\n\n- milk\n');
    assert.equal(await client.request<TimelineResult>(TimelineRequest.method, { textDocument: { uri: other } }), null);
    assert.equal(await client.request<TimelineResult>(TimelineRequest.method, { textDocument: { uri: 'file:///tmp/closed.md' } }), null);
  } finally {
    await client.shutdown();
  }
});
