// Desktop entry point: the language server runs in a Node process and talks over IPC.
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, stopClient, CLIENT_ID, CLIENT_NAME, type PostmortemApi } from './activate';

export type { PostmortemApi } from './activate';

/**
 * V8 heap sizing for the server (issue 7). Under a 2 GB heap limit V8 lets the heap grow to at
 * most about 1.8× the live data between collections instead of 4×, and 2 MB semi-spaces keep
 * the young generation small: with 200 documents open (30–40 MB live) the server's RSS went
 * from about 210 MB to 135–155 MB; per-edit CPU stayed within the noise of the measurement.
 * 1.5 GB still leaves room for the largest document the engine parses. bench/lsp.mjs starts
 * the server with the same flags.
 */
export const SERVER_EXEC_ARGV = ['--max-old-space-size=1536', '--max-semi-space-size=2'];

export function activate(context: ExtensionContext): PostmortemApi {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6011'] } },
  };
  return activateWith(context, (options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options));
}

export function deactivate(): Promise<void> {
  return stopClient();
}
