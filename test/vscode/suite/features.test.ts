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
