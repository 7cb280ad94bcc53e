// Hover over LSP against the real server: a time in the timeline or in prose normalised (ISO 8601
// with offset, UTC), T+ from the outage start, the gap from the previous entry, the milestone;
// unknown zones and dates said plainly; a prose duration beside the timeline's value.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CodeLensRequest, HoverRequest, type CodeLens, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { fileUri, TestClient } from './harness';
import { fixture, openDoc, positionOf, winter } from './editor-helpers';

const pacific = fixture('pacific.md');
const SEED_004 = fileURLToPath(new URL('../../../shared/seeds/004_2ca9cdde5d6fa5f6.txt', import.meta.url));

describe('hover', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client?.kill());

  async function hover(text: string, needle: string, nth = 0): Promise<Hover | null> {
    const uri = await openDoc(client, text);
    return client.request<Hover | null>(HoverRequest.method, { textDocument: { uri }, position: positionOf(text, needle, nth) });
  }
  const value = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value.split('  \n');

  test('on the outage start entry: ISO with offset and UTC, T+0:00, gap, milestone, where zone and date come from', async () => {
    const h = await hover(pacific, '8:16 AM');
    assert.equal((h?.contents as MarkupContent).kind, 'markdown');
    assert.deepEqual(h?.range, { start: { line: 10, character: 2 }, end: { line: 10, character: 9 } });
    assert.deepEqual(value(h), [
      '**2020-09-30T08:16:00-07:00 · 15:16 UTC**',
      'Outage start · T+0:00',
      '+16m after the previous entry (08:00, line 10)',
      "Kind: **start** — the timeline's outage start",
      'Zone: Pacific time (from the timeline heading, line 8) · Date: 2020-09-30 (carried from an earlier entry)',
    ]);
  });

  test('on a later entry: T+ from the outage start and the detection metric', async () => {
    assert.deepEqual(value(await hover(pacific, '8:26 AM')), [
      '**2020-09-30T08:26:00-07:00 · 15:26 UTC**',
      'T+0:10 after outage start (08:16, line 11)',
      '+10m after the previous entry (08:16, line 11)',
      "Kind: **detect** — the timeline's detection (TTD 10m)",
      'Zone: Pacific time (from the timeline heading, line 8) · Date: 2020-09-30 (carried from an earlier entry)',
    ]);
  });

  test('the offset follows the date: Pacific time in January is -08:00', async () => {
    assert.equal(value(await hover(winter(pacific), '8:16 AM'))?.[0], '**2021-01-15T08:16:00-08:00 · 16:16 UTC**');
  });

  test('before the outage start: a negative T and no milestone', async () => {
    assert.deepEqual(value(await hover(pacific, '8:00 AM')), [
      '**2020-09-30T08:00:00-07:00 · 15:00 UTC**',
      'T-0:16 before outage start (08:16, line 11)',
      'First timed entry.',
      'Kind: **other** (not a milestone)',
      'Zone: Pacific time (from the timeline heading, line 8) · Date: 2020-09-30 (from the summary, line 5)',
    ]);
  });

  test('on a time in prose: normalised, and compared with the event it names', async () => {
    const h = await hover(pacific, '8:00 am');
    assert.deepEqual(h?.range, { start: { line: 5, character: 3 }, end: { line: 5, character: 23 } });
    assert.deepEqual(value(h), [
      '**2020-09-30T08:00:00-07:00 · 15:00 UTC**',
      'T-0:16 before outage start (08:16, line 11)',
      "Stated as the outage start; the timeline's is 16m later (08:16, line 11).",
    ]);
  });

  test('on a duration in prose: the timeline\'s value beside it', async () => {
    const h = await hover(pacific, '3 hours');
    assert.deepEqual(h?.range, { start: { line: 4, character: 82 }, end: { line: 4, character: 89 } });
    assert.deepEqual(value(h), ['**Timeline: 3h 42m** (outage duration, 08:16 → 11:58, lines 11–14)', 'Stated here: 3 hours (about 3h)']);
  });

  test('in a newest-first timeline, the gap is from the entry below, the one before it in time', async () => {
    const text = '# API errors on 2024-03-05\n\n## Summary\n\nAPI requests failed for an hour.\n\n## Timeline (UTC)\n\n- 11:00 Service restored\n- 10:10 Alert fires\n- 10:00 Outage begins\n';
    const gap = value(await hover(text, '10:10'))?.find((l) => l.includes('previous entry'));
    assert.equal(gap, '+10m after the previous entry (the timeline runs newest first) (10:00, line 11)');
  });

  test('with neither zone nor date stated, says so instead of inventing them', async () => {
    assert.deepEqual(value(await hover(fixture('floating.md'), '14:05')), [
      '**14:05**',
      '_Date and zone unknown: the document states neither, so this is wall-clock time only._',
      'Outage start · T+0:00',
      '+5m after the previous entry (14:00, line 9)',
      "Kind: **start** — the timeline's outage start",
    ]);
  });

  test('a zone without a date: a fixed offset is still converted, a seasonal one is not', async () => {
    const utc = fixture('floating.md').replace('## Timeline', '## Timeline (all times UTC)');
    assert.deepEqual(value(await hover(utc, '14:05'))?.slice(0, 2), ['**14:05 UTC**', '_Date unknown: no date is stated for this timeline._']);
    const pacificTime = fixture('floating.md').replace('## Timeline', '## Timeline (all times Pacific time)');
    assert.deepEqual(value(await hover(pacificTime, '14:05'))?.slice(0, 2), [
      '**14:05 (Pacific time)**',
      '_Date unknown: the UTC offset of Pacific time depends on the date, which the document does not state._',
    ]);
  });

  test('an entry whose time cannot be read', async () => {
    assert.deepEqual(value(await hover(fixture('no-start.md'), 'Late in the day')), [
      '**Late in the day**',
      '_No time can be read here, so this entry is not placed on the timeline._',
      'Kind: **other** (not a milestone)',
    ]);
  });

  test('seed 004: 8:16 AM is the outage start, in PDT; the lens has the metrics', { skip: existsSync(SEED_004) ? false : `${SEED_004} is not present` }, async () => {
    const seed = readFileSync(SEED_004, 'utf8');
    assert.deepEqual(value(await hover(seed, '8:16 AM')), [
      '**2020-09-30T08:16:00-07:00 · 15:16 UTC**',
      'Outage start · T+0:00',
      '+16m after the previous entry (08:00, line 13)',
      "Kind: **start** — the timeline's outage start",
      'Zone: Pacific time (from the timeline heading, line 12) · Date: 2020-09-30 (carried from an earlier entry)',
    ]);
    const uri = await openDoc(client, seed);
    const [lens] = await client.request<CodeLens[]>(CodeLensRequest.method, { textDocument: { uri } });
    assert.deepEqual([lens?.range.start.line, lens?.command?.title], [11, 'TTD 10m · TTM 2h 19m · TTR 3h 42m · Duration 3h 42m']);
  });

  test('nothing on words, and nothing in a document that is not a postmortem', async () => {
    assert.equal(await hover(pacific, 'Config push'), null);
    const readme = '# Widgets\n\nRelease at 8:16 AM every Monday.\n';
    const uri = fileUri('/tmp/pm-editor/README.md');
    await client.open(uri, readme);
    await client.published(uri);
    assert.equal(await client.request(HoverRequest.method, { textDocument: { uri }, position: positionOf(readme, '8:16') }), null);
  });
});
