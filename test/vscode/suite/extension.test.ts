// The extension in a real extension host: activation, diagnostics on the fixture postmortem,
// nothing on a README, restart, and a settings change taking effect without a restart.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activate, configurationChanged, hasRules, open, POSTMORTEM, README, ruleId, ruleIds, RUNNING,
  STRUCTURE_RULES, waitForClientRunning, waitForDiagnostics, withTimeout, workspaceUri, type ClientLike,
} from './helpers';

describe('Postmortem Lint in the extension host', () => {
  let client: ClientLike;

  before(async () => {
    ({ client } = await activate());
  });

  it('activates and its language client is running', () => {
    assert.equal(client.state, RUNNING);
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['postmortem.restartServer', 'postmortem.selectProfile']) assert.ok(commands.includes(id), `command ${id} is registered`);
  });

  it('reports every structure rule on the fixture postmortem, with docs links', async () => {
    const uri = workspaceUri(POSTMORTEM);
    await open(POSTMORTEM);
    const diagnostics = await waitForDiagnostics(uri, hasRules(...STRUCTURE_RULES), 'all structure rules');
    for (const d of diagnostics.filter((x) => x.source === 'postmortem')) {
      const id = ruleId(d);
      assert.equal(typeof d.code, 'object', `${id}: code carries a docs link`);
      const target = (d.code as { target: vscode.Uri }).target;
      assert.match(target.toString(), new RegExp(`${id}(\\.md)?$`), `${id}: docs link ${target.toString()} names the rule`);
    }
    const missing = diagnostics.find((d) => ruleId(d) === 'missing-section');
    assert.match(missing?.message ?? '', /Resolution/);
    const placeholder = diagnostics.find((d) => ruleId(d) === 'placeholder-text');
    assert.equal(placeholder?.range.start.line, 6, 'the TBD on line 7');
  });

  it('reports nothing on a README that is not a postmortem', async () => {
    const uri = workspaceUri(README);
    await open(README);
    // Ask the server directly: its answer for the README, not the absence of an event.
    const info = await withTimeout(client.sendRequest<{ isPostmortem: boolean }>('postmortem/documentInfo', { textDocument: { uri: uri.toString() } }), 15_000, 'postmortem/documentInfo');
    assert.equal(info.isPostmortem, false);
    const report = await withTimeout(client.sendRequest<{ kind: string; items?: unknown[] }>('textDocument/diagnostic', { textDocument: { uri: uri.toString() } }), 15_000, 'textDocument/diagnostic');
    assert.deepEqual(report.items ?? [], []);
    assert.deepEqual(ruleIds(vscode.languages.getDiagnostics(uri)), []);
  });

  it('"Postmortem: Restart Server" restarts the server and diagnostics come back', async () => {
    const uri = workspaceUri(POSTMORTEM);
    await open(POSTMORTEM);
    const states: number[] = [];
    const sub = client.onDidChangeState((e) => states.push(e.newState));
    try {
      await vscode.commands.executeCommand('postmortem.restartServer');
      const { client: after } = await activate(); // the API may hand out a new client
      await waitForClientRunning(after);
      assert.ok(states.length > 0 || after !== client, 'the client went through a restart');
      client = after;
    } finally {
      sub.dispose();
    }
    await waitForDiagnostics(uri, hasRules(...STRUCTURE_RULES), 'diagnostics after the restart');
  });

  it('a rule turned off in the settings disappears without a restart, and comes back', async () => {
    const uri = workspaceUri(POSTMORTEM);
    await open(POSTMORTEM);
    await waitForDiagnostics(uri, hasRules('placeholder-text'), 'placeholder-text before the change');
    const config = vscode.workspace.getConfiguration('postmortem', uri);
    const changed = configurationChanged('postmortem.rules');
    await config.update('rules', { 'placeholder-text': 'off' }, vscode.ConfigurationTarget.Workspace);
    await changed;
    try {
      const after = await waitForDiagnostics(uri, (d) => !ruleIds(d).includes('placeholder-text') && hasRules('duplicate-section')(d), 'placeholder-text to disappear');
      assert.ok(ruleIds(after).includes('missing-section'), 'the other rules still report');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, hasRules('placeholder-text'), 'placeholder-text to come back');
  });
});
