// Web entry point (vscode.dev, github.dev): the language server runs in a web worker.
import { Uri, type ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, stopClient, CLIENT_ID, CLIENT_NAME, type PostmortemApi } from './activate';

export type { PostmortemApi } from './activate';

export function activate(context: ExtensionContext): PostmortemApi {
  const serverMain = Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  // A factory, so a restart starts a fresh worker.
  const worker = () => Promise.resolve(new Worker(serverMain.toString(true)));
  return activateWith(context, (options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, worker, options));
}

export function deactivate(): Promise<void> {
  return stopClient();
}
