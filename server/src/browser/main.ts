// Web worker entry point (vscode.dev): the engine is pure, so the whole server runs here.
// There is no file system, so .postmortemrc files are not read: settings configure analysis.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)));
