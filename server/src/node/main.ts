// Node entry point: `node dist/server.js --stdio` for any LSP client, or IPC when VS Code
// starts it (createConnection picks the transport from the command line).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { nodeFileSystem } from './files';

startServer(createConnection(ProposedFeatures.all), { files: nodeFileSystem });
