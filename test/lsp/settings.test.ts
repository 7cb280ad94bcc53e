// Settings: read per document with workspace/configuration, re-read when they change;
// clients without workspace/configuration get the defaults (or what they push).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { DocumentInfoRequest, type DocumentInfo } from '../../common/protocol';
import { FIXTURES, fileUri, messageOf, TestClient } from './harness';

const outage = readFileSync(`${FIXTURES}checkout-outage.md`, 'utf8');
const ruleIds = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();

describe('settings with workspace/configuration (push)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: false });
  });
  after(() => client?.kill());

  test('registers for postmortem configuration changes', async () => {
    const registration = await client.registrations.next((r) => r.method === 'workspace/didChangeConfiguration', 'registration');
    assert.deepEqual(registration.registerOptions, { section: 'postmortem' });
  });

  test('asks for the settings of each document by its URI', async () => {
    const uri = fileUri('/tmp/pm-settings/scoped.md');
    await client.open(uri, outage);
    await client.published(uri);
    assert.ok(client.configurationRequests.seen.includes(uri));
  });

  test('turning a rule off takes effect on open documents', async () => {
    const uri = fileUri('/tmp/pm-settings/rule-off.md');
    await client.open(uri, outage);
    assert.deepEqual(ruleIds((await client.published(uri)).diagnostics), ['missing-section', 'placeholder-text']);
    const seen = client.diagnostics.seen.length;
    await client.changeSettings({ rules: { 'placeholder-text': 'off' } });
    const updated = await client.published(uri, () => true, seen);
    assert.deepEqual(ruleIds(updated.diagnostics), ['missing-section']);
  });

  test('a profile from settings applies, and the status request reports it', async () => {
    const uri = fileUri('/tmp/pm-settings/profile.md');
    const seen = client.diagnostics.seen.length;
    await client.changeSettings({ profile: 'google-sre' });
    await client.open(uri, outage);
    const published = await client.published(uri, () => true, seen);
    const missing = published.diagnostics.filter((d) => d.code === 'missing-section').map((d) => (d.data as { section: string }).section).sort();
    assert.deepEqual(missing, ['action-items', 'detection', 'impact', 'lessons-learned', 'trigger']);
    const info = await client.request<DocumentInfo>(DocumentInfoRequest.method, { textDocument: { uri } });
    assert.equal(info.profile, 'google-sre');
    assert.equal(info.profileSource, 'settings');
    assert.equal(info.isPostmortem, true);
    assert.ok(info.profiles.includes('standard') && info.profiles.includes('pagerduty'));
  });

  test('an unknown profile falls back to the default and says so on the first line', async () => {
    const uri = fileUri('/tmp/pm-settings/unknown-profile.md');
    await client.changeSettings({ profile: 'no-such-profile' });
    await client.open(uri, outage);
    const published = await client.published(uri);
    const notice = published.diagnostics.find((d) => d.code === undefined);
    assert.ok(notice, 'a configuration notice');
    assert.equal(notice.range.start.line, 0);
    assert.match(messageOf(notice), /unknown profile "no-such-profile"/);
  });

  test('values of the wrong type fall back to their defaults and are logged', async () => {
    const uri = fileUri('/tmp/pm-settings/wrong-types.md');
    await client.changeSettings({ rules: 'off', files: 'postmortems', debounce: -5 });
    await client.open(uri, outage);
    assert.deepEqual(ruleIds((await client.published(uri)).diagnostics), ['missing-section', 'placeholder-text']);
    await client.logs.next((m) => m.includes('postmortem.rules'), 'a log about postmortem.rules');
  });

  test('postmortem.enable = false silences the folder', async () => {
    const uri = fileUri('/tmp/pm-settings/disabled.md');
    await client.changeSettings({ enable: false });
    await client.open(uri, outage);
    assert.deepEqual((await client.published(uri)).diagnostics, []);
    await client.changeSettings({});
  });
});

describe('settings with pull diagnostics', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
  });
  after(() => client?.kill());

  test('a settings change asks the client to pull again, and the new pull sees it', async () => {
    const uri = fileUri('/tmp/pm-settings-pull/doc.md');
    await client.open(uri, outage);
    const first = await client.pull(uri);
    assert.equal(first.kind, 'full');
    const refreshes = client.refreshes.seen.length;
    await client.changeSettings({ rules: { 'missing-section': 'off' } });
    await client.refreshes.next(() => true, 'workspace/diagnostic/refresh', refreshes);
    const second = await client.pull(uri, first.resultId);
    assert.equal(second.kind, 'full');
    assert.deepEqual(second.kind === 'full' && ruleIds(second.items), ['placeholder-text']);
  });
});

describe('a client without workspace/configuration', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: false, configuration: false, settings: { rules: { 'placeholder-text': 'off' } } });
  });
  after(() => client?.kill());

  test('gets the defaults and is never asked', async () => {
    const uri = fileUri('/tmp/pm-noconf/doc.md');
    await client.open(uri, outage);
    assert.deepEqual(ruleIds((await client.published(uri)).diagnostics), ['missing-section', 'placeholder-text']);
    assert.equal(client.configurationRequests.seen.length, 0);
  });

  test('settings pushed with didChangeConfiguration are used', async () => {
    const uri = fileUri('/tmp/pm-noconf/pushed.md');
    await client.open(uri, outage);
    await client.published(uri);
    const seen = client.diagnostics.seen.length;
    await client.changeSettings({}, { postmortem: { rules: { 'missing-section': 'off' } } });
    const updated = await client.published(uri, () => true, seen);
    assert.deepEqual(ruleIds(updated.diagnostics), ['placeholder-text']);
  });
});
