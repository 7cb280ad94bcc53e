// Code actions. Quick fixes come from the fixes carried in each diagnostic's data; the rest
// (fix all of a rule, disable comments, fix-all of safe fixes) use the document's memoised
// analysis. Edits are versioned when the client supports it, so a stale action is refused.
import { CodeActionKind, TextDocumentEdit, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, ParseCache, type Problem } from '../engine';
import { Commands, FIX_ALL_KIND } from '../../../common/protocol';
import type { DocumentAnalysis } from './analysis';
import { readDiagnosticData } from './diagnostics';
import { disableFileEdit, disableLineEdit, disableSectionEdits } from './directive-edits';
import { diffEdits, fixUntilStable, type FixPicker } from './fix-all';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export interface CodeActionOptions {
  /** The client applies versioned `documentChanges`. */
  documentChanges: boolean;
}

/** Whether an action of `kind` is wanted; source actions only when asked for by kind. */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only) return !kind.startsWith(CodeActionKind.Source);
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function workspaceEdit(document: TextDocument, edits: TextEdit[], options: CodeActionOptions): WorkspaceEdit {
  return options.documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] }
    : { changes: { [document.uri]: edits } };
}

/** The edits that apply the picked fixes of every problem until the text is stable. */
function fixAllEdits(document: TextDocument, result: DocumentAnalysis, problems: readonly Problem[], pick: FixPicker): TextEdit[] {
  const analysis = result.analysis;
  if (!analysis) return [];
  const cache = new ParseCache();
  const again = (text: string) => analyze(text, { config: result.config.config, languageId: analysis.doc.languageId, cache, force: true }).problems;
  const text = document.getText();
  return diffEdits(text, fixUntilStable(text, problems, again, pick), (offset) => document.positionAt(offset));
}

const safeFix: FixPicker = (p) => p.fixes?.find((f) => f.safe);

export function codeActions(params: CodeActionParams, document: TextDocument, result: DocumentAnalysis | undefined, options: CodeActionOptions): CodeAction[] {
  const only = params.context.only;
  const current = result && result.version === document.version ? result : undefined;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) actions.push(...quickFixes(params.context.diagnostics, document, current, options));
  if (current?.analysis && wants(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(document, current, current.analysis.problems, safeFix);
    if (edits.length) actions.push({ title: 'Fix all safe postmortem problems', kind: FIX_ALL_KIND, edit: workspaceEdit(document, edits, options) });
  }
  return actions;
}

function quickFixes(diagnostics: readonly Diagnostic[], document: TextDocument, result: DocumentAnalysis | undefined, options: CodeActionOptions): CodeAction[] {
  const fixes: CodeAction[] = [];
  const more = new Map<string, CodeAction>();
  const add = (key: string, action: () => CodeAction | undefined) => {
    if (more.has(key)) return;
    const made = action();
    if (made) more.set(key, made);
  };
  const analysis = result?.analysis;
  for (const diagnostic of diagnostics) {
    const data = readDiagnosticData(diagnostic);
    // Fixes made for another version would land in the wrong place.
    if (!data || data.documentVersion !== document.version) continue;
    const { ruleId } = data;
    for (const fix of data.fixes) {
      fixes.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred === true, edit: workspaceEdit(document, fix.edits, options) });
    }
    if (!analysis || !result) continue;
    add(`all:${ruleId}`, () => {
      // The same safe fixes as source.fixAll and --fix, for one rule: a scaffold or a changed
      // figure is for the author to review one at a time.
      const ofRule = analysis.problems.filter((p) => p.ruleId === ruleId && safeFix(p));
      if (ofRule.length < 2) return undefined;
      const edits = fixAllEdits(document, result, ofRule, (p) => (p.ruleId === ruleId ? safeFix(p) : undefined));
      return edits.length ? { title: `Fix all safe ${ruleId} problems in this document`, kind: CodeActionKind.QuickFix, edit: workspaceEdit(document, edits, options) } : undefined;
    });
    const line = diagnostic.range.start.line;
    add(`line:${ruleId}:${line}`, () => {
      const edit = disableLineEdit(analysis.doc, line, ruleId);
      return edit && { title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, [edit], options) };
    });
    const section = disableSectionEdits(analysis.doc, analysis.outline, line, ruleId);
    if (section) {
      add(`section:${ruleId}:${section.section.line}`, () => ({ title: `Disable ${ruleId} for this section ("${section.section.title}")`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, section.edits, options) }));
    }
    add(`file:${ruleId}`, () => ({ title: `Disable ${ruleId} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, [disableFileEdit(analysis.doc, ruleId)], options) }));
    add(`docs:${ruleId}`, () => {
      const title = `Show documentation for ${ruleId}`;
      return { title, kind: CodeActionKind.QuickFix, command: { title, command: Commands.showRuleDocumentation, arguments: [ruleId] } };
    });
  }
  const order = ['all:', 'line:', 'section:', 'file:', 'docs:'];
  const rest = [...more.entries()].sort(([a], [b]) => order.findIndex((o) => a.startsWith(o)) - order.findIndex((o) => b.startsWith(o))).map(([, action]) => action);
  return [...fixes, ...rest];
}
