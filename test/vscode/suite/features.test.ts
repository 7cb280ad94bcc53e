// Editing help served by the language server, through VS Code's own provider commands: the
// same requests the editor makes for the light bulb, hovers and code lenses.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, hasRules, open, POSTMORTEM, ruleId, ruleIds, waitForDiagnostics, withTimeout, workspaceUri } from './helpers';

describe('Postmortem Lint editing help', () => {
  before(async () => {
    await activate();
  });

  it('offers "Convert to heading" for a pseudo-heading, and the fix removes the problem', async () => {
    const uri = workspaceUri(POSTMORTEM);
    const editor = await open(POSTMORTEM);
    const diagnostics = await waitForDiagnostics(uri, hasRules('pseudo-heading'), 'pseudo-heading');
    const pseudo = diagnostics.find((d) => ruleId(d) === 'pseudo-heading');
    assert.ok(pseudo);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, pseudo.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title.startsWith('Convert to heading'));
    assert.ok(fix, `a "Convert to heading" fix among: ${titles.join(' | ')}`);
    assert.equal(fix.isPreferred, true, 'it is the preferred fix');
    assert.ok(fix.edit, 'the fix carries its edit');
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const line = editor.document.lineAt(pseudo.range.start.line).text;
      assert.match(line, /^#{2,} Lessons Learned$/);
      await waitForDiagnostics(uri, (d) => !ruleIds(d).includes('pseudo-heading') && hasRules('missing-section')(d), 'pseudo-heading to go away');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitForDiagnostics(uri, hasRules('pseudo-heading'), 'pseudo-heading back after the revert');
  });

  it('hovering a timeline time shows it normalised, with T+ from the outage start', async () => {
    const uri = workspaceUri(POSTMORTEM);
    const editor = await open(POSTMORTEM);
    await waitForDiagnostics(uri, hasRules('placeholder-text'), 'the first analysis');
    const line = findLine(editor.document, '14:12 Pager alert');
    const position = new vscode.Position(line, editor.document.lineAt(line).text.indexOf('14:12') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /2024-03-12T14:12:00Z/, `normalised time in: ${text}`);
    assert.match(text, /T\+0:07/);
  });

  it('puts TTD, TTM and TTR in a code lens on the timeline heading', async () => {
    const uri = workspaceUri(POSTMORTEM);
    const editor = await open(POSTMORTEM);
    await waitForDiagnostics(uri, hasRules('placeholder-text'), 'the first analysis');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
    const heading = findLine(editor.document, '## Timeline');
    const titles = lenses.filter((l) => l.range.start.line === heading).map((l) => l.command?.title ?? '').join(' · ');
    assert.match(titles, /TTD 7m/, `code lens on line ${heading + 1}: ${titles}`);
    assert.match(titles, /TTM 47m/);
    assert.match(titles, /TTR 1h 5m/);
  });

  it('"Postmortem: Insert Timeline Entry" adds an entry stamped now, written like the one above it', async () => {
    const uri = workspaceUri(POSTMORTEM);
    const editor = await open(POSTMORTEM);
    await waitForDiagnostics(uri, hasRules('placeholder-text'), 'the first analysis');
    const above = findLine(editor.document, '14:30 Incident declared');
    editor.selection = new vscode.Selection(above, 0, above, 0);
    const lines = editor.document.lineCount;
    const before = new Date();
    try {
      await vscode.commands.executeCommand('postmortem.insertTimelineEntry');
      const after = new Date();
      assert.equal(editor.document.lineCount, lines + 1, 'one line added');
      const inserted = editor.document.lineAt(above + 1).text;
      // The timeline is in UTC ("## Timeline (all times UTC)") and its entries say "- HH:MM text".
      const m = /^- (\d{2}):(\d{2}) what happened$/.exec(inserted);
      assert.ok(m, `the new line is a "- HH:MM" entry: ${JSON.stringify(inserted)}`);
      const stamped = Number(m[1]) * 60 + Number(m[2]);
      const minutes = (d: Date) => d.getUTCHours() * 60 + d.getUTCMinutes();
      assert.ok(stamped === minutes(before) || stamped === minutes(after), `stamped ${m[1]}:${m[2]} UTC, now ${before.toISOString()}`);
      assert.equal(editor.document.getText(editor.selection), 'what happened', 'the description is selected, ready to type over');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('editor.codeActionsOnSave with source.fixAll.postmortem applies the safe fixes when the file is saved', async () => {
    const markdown = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await markdown.update('codeActionsOnSave', { 'source.fixAll.postmortem': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    const relative = 'incidents/save-fix.md';
    const uri = workspaceUri(relative);
    const text = (await vscode.workspace.fs.readFile(workspaceUri(POSTMORTEM))).toString();
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const editor = await open(relative);
      await waitForDiagnostics(uri, hasRules('pseudo-heading'), 'pseudo-heading on the copy');
      const last = editor.document.lineAt(editor.document.lineCount - 1);
      assert.ok(await editor.edit((e) => e.insert(last.range.end, '\n')), 'the document is changed');
      assert.ok(await editor.document.save(), 'saved');
      assert.match(editor.document.getText(), /^#{2,} Lessons Learned$/m, 'the pseudo-heading was converted on save');
      assert.equal(editor.document.isDirty, false, 'the fixes were saved with it');
      const saved = (await vscode.workspace.fs.readFile(uri)).toString();
      assert.match(saved, /^#{2,} Lessons Learned$/m, 'and written to disk');
      assert.match(saved, /Root cause owner: TBD\./, 'problems without a safe fix are left alone');
      await waitForDiagnostics(uri, (d) => !ruleIds(d).includes('pseudo-heading'), 'pseudo-heading to go away');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
      await markdown.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  it('"Postmortem: New Postmortem from Template" writes postmortems/<date>-<slug>.md from the profile\'s template', async () => {
    const title = 'Disk full on db-1';
    const dates = [new Date()];
    await vscode.commands.executeCommand('postmortem.newPostmortem', { profile: 'standard', title });
    dates.push(new Date());
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'the new postmortem is open');
    const uri = editor.document.uri;
    try {
      // The local date the file was named on (the command may run across midnight).
      const names = dates.map((d) => `postmortems/${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}-disk-full-on-db-1.md`);
      assert.ok(names.includes(vscode.workspace.asRelativePath(uri)), `${vscode.workspace.asRelativePath(uri)} is one of ${names.join(', ')}`);
      await vscode.workspace.fs.stat(uri);
      const text = editor.document.getText();
      assert.match(text, /^# Disk full on db-1\n/, 'the title fills the first field');
      for (const heading of ['## Summary', '## Impact', '## Timeline', '## Root Cause', '## Action Items']) assert.ok(text.includes(`\n${heading}`), `${heading} in the template`);
      assert.equal(editor.document.getText(editor.selection), title, 'the cursor is in the first field');
      // The server reads it as a postmortem: the template's guidance is still placeholder text.
      await waitForDiagnostics(uri, (d) => d.length > 0 && !ruleIds(d).includes('missing-section'), 'the template analysed, with no section missing');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
    }
  });

  it('"Postmortem: Open Timeline Preview" opens a webview beside the editor', async () => {
    await open(POSTMORTEM);
    const isPreview = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && /timeline/i.test(`${t.input.viewType} ${t.label}`);
    const opened = new Promise<vscode.Tab>((resolve) => {
      const sub = vscode.window.tabGroups.onDidChangeTabs((e) => {
        const tab = [...e.opened, ...e.changed].find(isPreview);
        if (tab) {
          sub.dispose();
          resolve(tab);
        }
      });
    });
    await vscode.commands.executeCommand('postmortem.openTimelinePreview');
    const tab = await withTimeout(opened, 30_000, 'the timeline preview tab');
    assert.notEqual(tab.group.viewColumn, vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One, 'beside the editor');
    const current = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(isPreview);
    await vscode.window.tabGroups.close(current);
  });
});

function findLine(document: vscode.TextDocument, text: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.includes(text)) return i;
  throw new Error(`no line with "${text}"`);
}
