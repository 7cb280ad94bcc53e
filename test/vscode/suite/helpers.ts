// Shared by the suite's test files: the extension, the fixture workspace and waits on events
// (never on time: each wait resolves on an event and fails after a timeout).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-tools.postmortem-lint';
export const POSTMORTEM = 'incidents/2024-03-12-checkout-outage.md';
export const README = 'README.md';
export const STRUCTURE_RULES = ['missing-section', 'empty-section', 'placeholder-text', 'duplicate-section', 'duplicate-paragraph', 'pseudo-heading', 'action-item-owner'];

/** The part of the LanguageClient the suite uses. */
export interface ClientLike {
  state: number;
  onDidChangeState(listener: (e: { oldState: number; newState: number }) => void): vscode.Disposable;
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

export interface ExtensionApi {
  client?: ClientLike;
  languageClient?: ClientLike;
  ready?: Promise<unknown>;
}

/** vscode-languageclient's State.Running. */
export const RUNNING = 2;

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the fixture workspace open (test/e2e/fixtures/workspace)');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function activate(): Promise<{ api: ExtensionApi; client: ClientLike }> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  assert.ok(api, 'activate() returns an API');
  const client = api.client ?? api.languageClient;
  assert.ok(client, 'the API carries the LanguageClient');
  if (api.ready) await api.ready;
  await waitForClientRunning(client);
  return { api, client };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function waitForClientRunning(client: ClientLike, ms = 30_000): Promise<void> {
  if (client.state === RUNNING) return Promise.resolve();
  return withTimeout(new Promise<void>((resolve) => {
    const sub = client.onDidChangeState((e) => {
      if (e.newState === RUNNING) {
        sub.dispose();
        resolve();
      }
    });
  }), ms, 'the language client to reach the Running state');
}

/** Resolves with the document's diagnostics once `accept` holds, checked now and on every change. */
export function waitForDiagnostics(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean, what: string, ms = 30_000): Promise<vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (accept(current)) return Promise.resolve(current);
  let sub: vscode.Disposable | undefined;
  return withTimeout(new Promise<vscode.Diagnostic[]>((resolve) => {
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (accept(diagnostics)) resolve(diagnostics);
    });
  }), ms, `${what} (diagnostics of ${vscode.workspace.asRelativePath(uri)} now: ${ruleIds(vscode.languages.getDiagnostics(uri)).join(', ') || 'none'})`).finally(() => sub?.dispose());
}

export function ruleId(d: vscode.Diagnostic): string {
  const code = d.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export function ruleIds(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return [...new Set(diagnostics.filter((d) => d.source === 'postmortem').map(ruleId))].sort();
}

export function hasRules(...ids: string[]) {
  return (d: readonly vscode.Diagnostic[]) => ids.every((id) => ruleIds(d).includes(id));
}

export async function open(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Resolves when the workspace configuration reports a change under `section`. */
export function configurationChanged(section: string, ms = 10_000): Promise<void> {
  let sub: vscode.Disposable | undefined;
  return withTimeout(new Promise<void>((resolve) => {
    sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(section)) resolve();
    });
  }), ms, `a configuration change of ${section}`).finally(() => sub?.dispose());
}

/** Whether the extension's package.json contributes a command (features land over time). */
export function contributesCommand(command: string): boolean {
  const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes?: { commands?: { command: string }[] } } | undefined;
  return pkg?.contributes?.commands?.some((c) => c.command === command) ?? false;
}
