// Code actions: each one's edit, applied and analysed again, removes the problem it is for.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CodeActionRequest, ExecuteCommandRequest, TextDocumentEdit, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits, FIXTURES, fileUri, TestClient } from './harness';

const login = readFileSync(`${FIXTURES}login-outage.md`, 'utf8');
const outage = readFileSync(`${FIXTURES}checkout-outage.md`, 'utf8');
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}`);

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (edit?.changes) return edit.changes[uri] ?? [];
  const change = edit?.documentChanges?.[0];
  // The server sends plain text edits (no annotations or snippets).
  return change && TextDocumentEdit.is(change) ? (change.edits as TextEdit[]) : [];
}

let counter = 0;

/** Opens a fresh copy of a fixture and waits for its diagnostics. */
async function openFixture(client: TestClient, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = fileUri(`/tmp/pm-actions/doc-${++counter}.md`);
  await client.open(uri, text);
  return { uri, diagnostics: (await client.published(uri)).diagnostics };
}

function actionsFor(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri }, range, context: { diagnostics, only } });
}

/** Applies an action's edit as a client would, and returns the diagnostics of the result. */
async function apply(client: TestClient, uri: string, text: string, action: CodeAction | undefined): Promise<{ text: string; diagnostics: Diagnostic[] }> {
  assert.ok(action, 'the action is offered');
  const next = applyEdits(text, editsOf(action.edit, uri));
  assert.equal(next.skipped, 0, 'edits do not overlap');
  await client.change(uri, 2, next.text);
  return { text: next.text, diagnostics: (await client.published(uri, (p) => p.version === 2)).diagnostics };
}

const titled = (actions: CodeAction[], pattern: RegExp) => actions.find((a) => pattern.test(a.title));

describe('code actions', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: false, showDocument: true });
  });
  after(() => client?.kill());

  test('the fixture has two pseudo-headings and a repeated paragraph', async () => {
    const { diagnostics } = await openFixture(client, login);
    assert.deepEqual(codes(diagnostics), ['pseudo-heading@2', 'pseudo-heading@11', 'duplicate-paragraph@15']);
  });

  test('a quick fix comes from the diagnostic data, stays preferred and removes its problem', async () => {
    const { uri, diagnostics } = await openFixture(client, login);
    const actions = await actionsFor(client, uri, diagnostics.slice(0, 1));
    const fix = titled(actions, /^Convert to heading "## Summary"$/);
    assert.equal(fix?.isPreferred, true);
    assert.equal(fix?.kind, 'quickfix');
    const result = await apply(client, uri, login, fix);
    assert.match(result.text, /^## Summary$/m);
    assert.deepEqual(codes(result.diagnostics), ['pseudo-heading@11', 'duplicate-paragraph@15']);
  });

  test('a fix that adds a missing section removes the problem', async () => {
    const { uri, diagnostics } = await openFixture(client, outage);
    const missing = diagnostics.filter((d) => d.code === 'missing-section');
    const result = await apply(client, uri, outage, titled(await actionsFor(client, uri, missing), /^Add a "Action Items" section$/));
    assert.match(result.text, /^## Action Items$/m);
    assert.equal(result.diagnostics.some((d) => d.code === 'missing-section'), false);
  });

  test('"Disable for this line" appends a disable-line comment', async () => {
    const { uri, diagnostics } = await openFixture(client, login);
    const target = diagnostics.filter((d) => d.code === 'duplicate-paragraph');
    const result = await apply(client, uri, login, titled(await actionsFor(client, uri, target), /^Disable duplicate-paragraph for this line$/));
    assert.match(result.text, /at all\. <!-- postmortem-disable-line duplicate-paragraph -->$/m);
    assert.deepEqual(codes(result.diagnostics), ['pseudo-heading@2', 'pseudo-heading@11']);
  });

  test('"Disable for this section" wraps the section in disable/enable comments', async () => {
    const { uri, diagnostics } = await openFixture(client, login);
    const target = diagnostics.filter((d) => d.range.start.line === 11);
    const result = await apply(client, uri, login, titled(await actionsFor(client, uri, target), /^Disable pseudo-heading for this section \("Root Cause"\)$/));
    assert.match(result.text, /<!-- postmortem-disable pseudo-heading -->\n\*\*Root Cause\*\*/);
    assert.match(result.text, /at all\.\n<!-- postmortem-enable pseudo-heading -->\n\n## Resolution/);
    assert.deepEqual(codes(result.diagnostics), ['pseudo-heading@2', 'duplicate-paragraph@16']);
  });

  test('"Disable for this file" adds a disable-file comment at the top', async () => {
    const { uri, diagnostics } = await openFixture(client, login);
    const result = await apply(client, uri, login, titled(await actionsFor(client, uri, diagnostics.slice(0, 1)), /^Disable pseudo-heading for this file$/));
    assert.match(result.text, /^<!-- postmortem-disable-file pseudo-heading -->\n# Incident report/);
    assert.deepEqual(codes(result.diagnostics), ['duplicate-paragraph@16']);
  });

  test('"Fix all safe <rule> problems" fixes every problem of that rule only', async () => {
    const { uri, diagnostics } = await openFixture(client, login);
    const result = await apply(client, uri, login, titled(await actionsFor(client, uri, diagnostics.slice(0, 1)), /^Fix all safe pseudo-heading problems in this document$/));
    assert.deepEqual(codes(result.diagnostics), ['duplicate-paragraph@15']);
  });

  test('no "Fix all" for a rule whose fixes are all for review (missing-section scaffolds)', async () => {
    const { uri, diagnostics } = await openFixture(client, '# Postmortem: API outage\n\n## Summary\n\nThe API failed for ten minutes after a bad deploy on 2024-05-02.\n\n## Timeline (UTC)\n\n- 10:00 Deploy\n- 10:10 Rolled back\n');
    const missing = diagnostics.filter((d) => d.code === 'missing-section');
    assert.ok(missing.length >= 2, 'several sections are missing');
    const titles = (await actionsFor(client, uri, missing.slice(0, 1))).map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Add a ')), 'each scaffold is still offered on its own');
    assert.equal(titles.some((t) => t.startsWith('Fix all')), false, titles.join(' | '));
  });

  test('source.fixAll.postmortem applies every safe fix, and is only offered when asked for', async () => {
    const { uri, diagnostics } = await openFixture(client, login);
    const unasked = await actionsFor(client, uri, diagnostics);
    assert.equal(unasked.some((a) => a.kind === 'source.fixAll.postmortem'), false);
    const actions = await actionsFor(client, uri, [], ['source.fixAll']);
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.postmortem']);
    const result = await apply(client, uri, login, actions[0]);
    assert.deepEqual(result.diagnostics, []);
    assert.ok(editsOf(actions[0]?.edit, uri).length >= 2, 'separate edits, not one rewrite of the document');
  });

  test('unsafe fixes are left to the user by fix-all', async () => {
    const { uri } = await openFixture(client, outage);
    assert.deepEqual(await actionsFor(client, uri, [], ['source.fixAll.postmortem']), []);
  });

  test('"Show documentation" opens the rule page through the client', async () => {
    const { uri, diagnostics } = await openFixture(client, login);
    const show = titled(await actionsFor(client, uri, diagnostics.slice(0, 1)), /^Show documentation for pseudo-heading$/);
    assert.ok(show?.command);
    await client.request(ExecuteCommandRequest.method, { command: show.command.command, arguments: show.command.arguments });
    const shown = await client.shownDocuments.next(() => true, 'window/showDocument');
    assert.equal(shown, 'https://github.com/postmortem-tools/postmortem-lint/blob/main/docs/rules/pseudo-heading.md');
  });

  test('diagnostics from an older version get no fixes', async () => {
    const { uri, diagnostics } = await openFixture(client, login);
    await client.change(uri, 2, `${login}\n`);
    await client.published(uri, (p) => p.version === 2);
    const actions = await actionsFor(client, uri, diagnostics.slice(0, 1));
    assert.deepEqual(actions, []);
  });
});

describe('code actions for a client with versioned edits and no showDocument', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: false, documentChanges: true, showDocument: false });
  });
  after(() => client?.kill());

  test('edits name the document version they apply to', async () => {
    const { uri, diagnostics } = await openFixture(client, login);
    const [fix] = await actionsFor(client, uri, diagnostics.slice(0, 1));
    const change = fix?.edit?.documentChanges?.[0];
    assert.ok(change && TextDocumentEdit.is(change));
    assert.deepEqual(change.textDocument, { uri, version: 1 });
  });

  test('documentation falls back to a message with the link', async () => {
    await client.request(ExecuteCommandRequest.method, { command: 'postmortem.showRuleDocumentation', arguments: ['missing-section'] });
    const message = await client.messages.next(() => true, 'window/showMessage');
    assert.match(message, /docs\/rules\/missing-section\.md/);
  });
});
