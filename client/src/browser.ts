// Web entry point (vscode.dev, github.dev): the language server runs in a web worker.
import { Uri, type ExtensionContext } from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, stopClient, CLIENT_ID, CLIENT_NAME, type PostmortemApi } from './activate';

export type { PostmortemApi } from './activate';

export function activate(context: ExtensionContext): PostmortemApi {
  const serverMain = Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  // A factory, so a restart starts a fresh worker. It returns the worker's reader and writer, not
  // the worker: VS Code's web worker host replaces the global Worker, so the client's
  // `instanceof Worker` test fails and it would read the worker as a reader/writer pair.
  const transports = () => {
    const worker = new Worker(serverMain.toString(true));
    return Promise.resolve({ reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) });
  };
  return activateWith(context, (options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, transports, options));
}

export function deactivate(): Promise<void> {
  return stopClient();
}
