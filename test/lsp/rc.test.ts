// .postmortemrc files: found up the tree (stopping at the workspace folder), watched, and when
// broken reported on the file itself while documents keep the last good configuration.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticSeverity, DocumentSymbolRequest, FileChangeType, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { parseConfigText } from '../../server/src/engine/config-text';
import { DocumentInfoRequest, type DocumentInfo } from '../../common/protocol';
import { FIXTURES, fileUri, messageOf, TestClient } from './harness';

const outage = readFileSync(`${FIXTURES}checkout-outage.md`, 'utf8');
const ruleIds = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).filter((c) => c !== undefined).sort();
const notices = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === undefined);

const GOOD = '{\n  // comments are fine\n  "rules": { "placeholder-text": "off" }\n}\n';
const BROKEN = '{\n  "rules": {\n    "missing-section": "off"\n  \n';
const OTHER = '{ "rules": { "missing-section": "off" } }\n';

describe('.postmortemrc with a watching client', () => {
  let base: string;
  let dir: string;
  let rc: string;
  let client: TestClient;
  const doc = () => fileUri(join(dir, 'docs', 'outage.md'));
  const info = () => client.request<DocumentInfo>(DocumentInfoRequest.method, { textDocument: { uri: doc() } });

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'pm-rc-'));
    // An rc above the workspace folder is never used: the search stops at the folder.
    writeFileSync(join(base, '.postmortemrc.json'), '{ "profile": "pagerduty" }');
    dir = join(base, 'workspace');
    mkdirSync(join(dir, 'docs'), { recursive: true });
    rc = join(dir, '.postmortemrc.jsonc');
    writeFileSync(rc, GOOD);
    client = await TestClient.start({ pull: false, watch: true, rootPath: dir });
  });
  after(() => {
    client?.kill();
    rmSync(base, { recursive: true, force: true });
  });

  test('registers a watcher for .postmortemrc files', async () => {
    const registration = await client.registrations.next((r) => r.method === 'workspace/didChangeWatchedFiles', 'watcher registration');
    assert.deepEqual(registration.registerOptions, { watchers: [{ globPattern: '**/{.postmortemrc.json,.postmortemrc.jsonc}' }] });
  });

  test('the nearest rc applies (JSON with comments) and wins over settings', async () => {
    client.settings = { profile: 'google-sre', rules: { 'placeholder-text': 'error' } };
    writeFileSync(rc, GOOD.replace('{\n', '{\n  "profile": "standard",\n'));
    await client.open(doc(), outage);
    const published = await client.published(doc());
    assert.deepEqual(ruleIds(published.diagnostics), ['missing-section']);
    const status = await info();
    assert.equal(status.profile, 'standard');
    assert.equal(status.profileSource, 'rc');
    assert.equal(status.configUri, fileUri(rc));
    assert.equal(status.configBroken, undefined);
    const rcReport = await client.published(fileUri(rc));
    assert.deepEqual(rcReport.diagnostics, []);
  });

  test('a broken rc is reported on itself; documents keep the last good config and say so', async () => {
    const seen = client.diagnostics.seen.length;
    writeFileSync(rc, BROKEN);
    await client.fileChanged(fileUri(rc));
    const rcReport = await client.published(fileUri(rc), (p) => p.diagnostics.length > 0, seen);
    const expected = parseConfigText(BROKEN).errors[0];
    assert.ok(expected);
    const error = rcReport.diagnostics[0];
    assert.ok(error);
    assert.equal(error.severity, DiagnosticSeverity.Error);
    assert.deepEqual(error.range.start, { line: expected.line, character: expected.character });
    assert.match(messageOf(error), /invalid JSON.*last good version/);

    const document = await client.published(doc(), () => true, seen);
    assert.deepEqual(ruleIds(document.diagnostics), ['missing-section'], 'placeholder-text stays off');
    const [notice] = notices(document.diagnostics);
    assert.ok(notice);
    assert.equal(notice.severity, DiagnosticSeverity.Information);
    assert.equal(notice.range.start.line, 0);
    assert.match(messageOf(notice), /\.postmortemrc\.jsonc cannot be read .*last good version is used/);
    assert.equal(notice.relatedInformation?.[0]?.location.uri, fileUri(rc));
    assert.equal((await info()).configBroken, true);
  });

  test('the server stays alive and answers while the rc is broken', async () => {
    const symbols = await client.request<DocumentSymbol[]>(DocumentSymbolRequest.method, { textDocument: { uri: doc() } });
    assert.equal(symbols[0]?.name, 'Postmortem: checkout API outage');
    assert.ok(client.alive);
  });

  test('fixing the rc clears its diagnostics and the notice, and the new config applies', async () => {
    const seen = client.diagnostics.seen.length;
    writeFileSync(rc, OTHER);
    await client.fileChanged(fileUri(rc));
    // The broken file may be published once more before the deletion is seen (a re-read racing
    // the watcher): wait for the publication that clears it.
    assert.deepEqual((await client.published(fileUri(rc), (p) => p.diagnostics.length === 0, seen)).diagnostics, []);
    const document = await client.published(doc(), () => true, seen);
    assert.deepEqual(ruleIds(document.diagnostics), ['placeholder-text']);
    assert.deepEqual(notices(document.diagnostics), []);
  });

  test('invalid entries are warned about on the rc and ignored; the rest applies', async () => {
    const seen = client.diagnostics.seen.length;
    const text = '{\n  "rules": {\n    "no-such-rule": "off",\n    "missing-section": "off"\n  }\n}\n';
    writeFileSync(rc, text);
    await client.fileChanged(fileUri(rc));
    const rcReport = await client.published(fileUri(rc), () => true, seen);
    assert.equal(rcReport.diagnostics.length, 1);
    assert.equal(rcReport.diagnostics[0]?.severity, DiagnosticSeverity.Warning);
    assert.equal(rcReport.diagnostics[0]?.range.start.line, 2);
    const [warning] = rcReport.diagnostics;
    assert.ok(warning);
    assert.match(messageOf(warning), /unknown rule "no-such-rule"/);
    const document = await client.published(doc(), () => true, seen);
    assert.deepEqual(ruleIds(document.diagnostics), ['placeholder-text']);
  });

  test('deleting the rc clears its diagnostics and documents fall back to settings', async () => {
    writeFileSync(rc, BROKEN);
    await client.fileChanged(fileUri(rc));
    await client.published(fileUri(rc), (p) => p.diagnostics.length > 0);
    const seen = client.diagnostics.seen.length;
    unlinkSync(rc);
    await client.fileChanged(fileUri(rc), FileChangeType.Deleted);
    // The broken file may be published once more before the deletion is seen (a re-read racing
    // the watcher): wait for the publication that clears it.
    assert.deepEqual((await client.published(fileUri(rc), (p) => p.diagnostics.length === 0, seen)).diagnostics, []);
    // Settings say google-sre with placeholder-text as an error (not the rc above the folder).
    const fromSettings = (p: { diagnostics: { code?: number | string; severity?: number }[] }) => p.diagnostics.some((d) => d.code === 'placeholder-text' && d.severity === DiagnosticSeverity.Error);
    // Waits for that publication; the harness fails the test if it never comes.
    await client.published(doc(), fromSettings, seen);
    const status = await info();
    assert.equal(status.profileSource, 'settings');
    assert.equal(status.profile, 'google-sre');
    assert.equal(status.configUri, undefined);
  });

  test('an rc broken from the start leaves the settings in charge, and says so', async () => {
    const nested = join(dir, 'team');
    mkdirSync(nested);
    writeFileSync(join(nested, '.postmortemrc.json'), '{ "profile": ');
    const uri = fileUri(join(nested, 'pm.md'));
    await client.open(uri, outage);
    const document = await client.published(uri);
    const [notice] = notices(document.diagnostics);
    assert.ok(notice);
    assert.match(messageOf(notice), /only your settings are used/);
  });

  test('"files" globs in an rc are relative to its folder', async () => {
    const nested = join(dir, 'globbed');
    mkdirSync(nested);
    writeFileSync(join(nested, '.postmortemrc.json'), '{ "files": ["reviews/*.md"] }');
    const inside = fileUri(join(nested, 'reviews', 'q3.md'));
    const outside = fileUri(join(nested, 'notes', 'q3.md'));
    const text = '# Q3 review\n\nNothing yet.\n';
    await client.open(inside, text);
    await client.open(outside, text);
    assert.ok((await client.published(inside)).diagnostics.some((d) => d.code === 'missing-section'));
    assert.deepEqual((await client.published(outside)).diagnostics, []);
  });
});

describe('.postmortemrc with a client that cannot watch files', () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pm-rc-save-'));
    writeFileSync(join(dir, '.postmortemrc.json'), GOOD);
    client = await TestClient.start({ pull: false, watch: false, rootPath: dir });
  });
  after(() => {
    client?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('saving the rc in the editor re-reads it', async () => {
    const doc = fileUri(join(dir, 'outage.md'));
    const rcUri = fileUri(join(dir, '.postmortemrc.json'));
    await client.open(doc, outage);
    assert.deepEqual(ruleIds((await client.published(doc)).diagnostics), ['missing-section']);
    assert.equal(client.registrations.seen.some((r) => r.method === 'workspace/didChangeWatchedFiles'), false);
    await client.open(rcUri, OTHER, 'json');
    writeFileSync(join(dir, '.postmortemrc.json'), OTHER);
    const seen = client.diagnostics.seen.length;
    await client.save(rcUri);
    const document = await client.published(doc, () => true, seen);
    assert.deepEqual(ruleIds(document.diagnostics), ['placeholder-text']);
  });
});
