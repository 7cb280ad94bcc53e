// Desktop entry point: the language server runs in a Node process and talks over IPC.
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, stopClient, CLIENT_ID, CLIENT_NAME, type PostmortemApi } from './activate';

export type { PostmortemApi } from './activate';

export function activate(context: ExtensionContext): PostmortemApi {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  return activateWith(context, (options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options));
}

export function deactivate(): Promise<void> {
  return stopClient();
}
