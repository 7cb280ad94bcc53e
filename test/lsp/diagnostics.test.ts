// Diagnostics over the real server: pushed to clients without pull support, pulled otherwise.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DiagnosticSeverity, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { FIXTURES, fileUri, TestClient } from './harness';

const outage = readFileSync(`${FIXTURES}checkout-outage.md`, 'utf8');
const readme = readFileSync(`${FIXTURES}README.md`, 'utf8');
const fixed = outage.replace(' TBD', '') + '\n## Action Items\n\n- Add the index check to CI (owner: @sam)\n';

const ruleIds = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();
const items = (report: DocumentDiagnosticReport) => (report.kind === 'full' ? report.items : assert.fail('expected a full report'));

describe('push diagnostics (client without textDocument/diagnostic)', () => {
  let client: TestClient;
  before(async () => {
    // A long debounce keeps the "rapid edits" test independent of machine speed.
    client = await TestClient.start({ pull: false, settings: { debounce: 400 } });
  });
  after(() => client?.kill());

  test('announces no pull provider', () => {
    assert.equal(client.initializeResult?.capabilities.diagnosticProvider, undefined);
  });

  test('publishes the rule ids of a postmortem, built as documented', async () => {
    const uri = fileUri('/tmp/pm-push/checkout-outage.md');
    await client.open(uri, outage);
    const published = await client.published(uri);
    assert.equal(published.version, 1);
    assert.deepEqual(ruleIds(published.diagnostics), ['missing-section', 'placeholder-text']);
    const missing = published.diagnostics.find((d) => d.code === 'missing-section');
    assert.ok(missing);
    assert.equal(missing.source, 'postmortem');
    assert.equal(missing.severity, DiagnosticSeverity.Warning);
    assert.equal(missing.codeDescription?.href, 'https://github.com/postmortem-tools/postmortem-lint/blob/main/docs/rules/missing-section.md');
    const data = missing.data as { ruleId: string; documentVersion: number; fixes: { title: string }[]; section: string };
    assert.equal(data.ruleId, 'missing-section');
    assert.equal(data.documentVersion, 1);
    assert.equal(data.section, 'action-items');
    assert.match(data.fixes[0]?.title ?? '', /Action Items/);
  });

  test('an edit that fixes the problems publishes an empty list for the new version', async () => {
    const uri = fileUri('/tmp/pm-push/fix-me.md');
    await client.open(uri, outage);
    await client.published(uri, (p) => p.version === 1);
    await client.change(uri, 2, fixed);
    const published = await client.published(uri, (p) => p.version === 2);
    assert.deepEqual(published.diagnostics, []);
  });

  test('rapid edits are debounced: only the last version is analysed', async () => {
    const uri = fileUri('/tmp/pm-push/typing.md');
    await client.open(uri, fixed);
    await client.published(uri, (p) => p.version === 1);
    for (let v = 2; v <= 6; v++) await client.change(uri, v, v % 2 ? fixed : outage);
    const last = await client.published(uri, (p) => p.version === 6);
    assert.deepEqual(ruleIds(last.diagnostics), ['missing-section', 'placeholder-text']);
    const versions = client.diagnostics.seen.filter((p) => p.uri === uri).map((p) => p.version);
    assert.deepEqual(versions, [1, 6]);
  });

  test('a README that is not a postmortem gets an empty list', async () => {
    const uri = fileUri('/tmp/pm-push/README.md');
    await client.open(uri, readme);
    assert.deepEqual((await client.published(uri)).diagnostics, []);
  });

  test('a file matching the postmortem globs is analysed even when it does not read like one', async () => {
    const uri = fileUri('/tmp/pm-push/postmortems/notes.md');
    await client.open(uri, '# Notes\n\nNothing here yet.\n');
    const published = await client.published(uri);
    assert.ok(published.diagnostics.some((d) => d.code === 'missing-section'));
  });

  test('a .txt file written in Markdown is read as Markdown', async () => {
    const uri = fileUri('/tmp/pm-push/checkout.txt');
    await client.open(uri, outage, 'plaintext');
    const published = await client.published(uri);
    assert.deepEqual(ruleIds(published.diagnostics), ['missing-section', 'placeholder-text']);
  });

  test('languages other than Markdown, plain text and HTML are ignored', async () => {
    const uri = fileUri('/tmp/pm-push/outage.py');
    await client.open(uri, outage, 'python');
    assert.deepEqual((await client.published(uri)).diagnostics, []);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = fileUri('/tmp/pm-push/closing.md');
    await client.open(uri, outage);
    const before = client.diagnostics.seen.length;
    await client.published(uri, (p) => p.diagnostics.length > 0);
    await client.close(uri);
    const cleared = await client.published(uri, (p) => p.diagnostics.length === 0, before);
    assert.equal(cleared.version, undefined);
  });
});

describe('pull diagnostics (client with textDocument/diagnostic)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
  });
  after(() => client?.kill());

  test('announces a pull provider and never pushes for documents', async () => {
    assert.ok(client.initializeResult?.capabilities.diagnosticProvider);
    const uri = fileUri('/tmp/pm-pull/checkout-outage.md');
    await client.open(uri, outage);
    const report = await client.pull(uri);
    assert.deepEqual(ruleIds(items(report)), ['missing-section', 'placeholder-text']);
    assert.equal(client.diagnostics.seen.filter((p) => p.uri === uri).length, 0);
  });

  test('answers "unchanged" for the same result id, and a full report after an edit', async () => {
    const uri = fileUri('/tmp/pm-pull/edit.md');
    await client.open(uri, outage);
    const first = await client.pull(uri);
    assert.equal(first.kind, 'full');
    const again = await client.pull(uri, first.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
    await client.change(uri, 2, fixed);
    const next = await client.pull(uri, first.resultId);
    assert.deepEqual(items(next), []);
  });

  test('a README that is not a postmortem gets an empty report', async () => {
    const uri = fileUri('/tmp/pm-pull/README.md');
    await client.open(uri, readme);
    assert.deepEqual(items(await client.pull(uri)), []);
  });

  test('a document the server does not know gets an empty report', async () => {
    assert.deepEqual(items(await client.pull(fileUri('/tmp/pm-pull/never-opened.md'))), []);
  });
});
