// The web build of the server (dist/web/server.js) in a worker: Node's worker_threads stand in
// for a browser Worker, with `self.onmessage` / `self.postMessage` mapped onto the worker port.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  type DataCallback,
  type Disposable,
  type DocumentSymbol,
  type Message,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { FIXTURES, ROOT, fileUri, withTimeout } from './harness';

const WEB_SERVER = process.env.POSTMORTEM_TEST_WEB_SERVER ?? `${ROOT}dist/web/server.js`;

// A browser worker's global scope, as much of it as the bundle uses. The bundle runs with
// Node's own globals (process, require, Buffer, …) hidden, as they are in a browser.
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
const source = require('node:fs').readFileSync(workerData.path, 'utf8');
globalThis.self = globalThis;
globalThis.postMessage = (message) => parentPort.postMessage(message);
globalThis.addEventListener = () => {};
Object.defineProperty(globalThis, 'onmessage', { set(listener) { parentPort.on('message', (data) => listener({ data })); } });
new Function('process', 'require', 'module', 'exports', 'Buffer', 'global', '__dirname', '__filename', source)();
`;

class WorkerReader extends AbstractMessageReader {
  constructor(private readonly worker: Worker) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const listener = (message: Message) => callback(message);
    this.worker.on('message', listener);
    return { dispose: () => this.worker.off('message', listener) };
  }
}

class WorkerWriter extends AbstractMessageWriter {
  constructor(private readonly worker: Worker) {
    super();
  }

  write(message: Message): Promise<void> {
    this.worker.postMessage(message);
    return Promise.resolve();
  }

  end(): void {}
}

const outage = readFileSync(`${FIXTURES}checkout-outage.md`, 'utf8');

describe('the web worker server', () => {
  let worker: Worker;
  let connection: ProtocolConnection;
  let dir: string;
  const published: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];

  before(async () => {
    // A .postmortemrc that a server with a file system would use: the worker has none.
    dir = mkdtempSync(join(tmpdir(), 'pm-web-'));
    writeFileSync(join(dir, '.postmortemrc.json'), '{ "rules": { "placeholder-text": "off" } }');
    worker = new Worker(BOOTSTRAP, { eval: true, workerData: { path: WEB_SERVER } });
    connection = createProtocolConnection(new WorkerReader(worker), new WorkerWriter(worker));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      published.push(p);
      for (const w of waiters.splice(0)) w();
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({ rules: { 'missing-section': 'information' } })));
    connection.listen();
    // A bundle that cannot run in a worker (e.g. one that touches `document`) fails here, at once.
    const crashed = new Promise<never>((_, reject) => worker.on('error', (error) => reject(new Error(`${WEB_SERVER} failed in the worker: ${error.message}`))));
    const rootUri = fileUri(dir);
    const initialized = connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'web' }],
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await withTimeout(Promise.race([initialized, crashed]), 'initialize');
    await connection.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    connection?.dispose();
    await worker?.terminate();
    rmSync(dir, { recursive: true, force: true });
  });

  const diagnosticsFor = (uri: string) => withTimeout(new Promise<PublishDiagnosticsParams>((resolve) => {
    const check = () => {
      const hit = published.find((p) => p.uri === uri);
      if (hit) resolve(hit);
      else waiters.push(check);
    };
    check();
  }), `diagnostics for ${uri}`);

  test('analyses with settings only: no file system, so no .postmortemrc', async () => {
    const uri = fileUri(join(dir, 'outage.md'));
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: outage } });
    const { diagnostics } = await diagnosticsFor(uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]).sort(), [['missing-section', 3], ['placeholder-text', 2]]);
  });

  test('answers symbol requests', async () => {
    const uri = fileUri(join(dir, 'outage.md'));
    const symbols = await withTimeout(connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'symbols') as DocumentSymbol[];
    assert.equal(symbols[0]?.children?.length, 4);
  });
});
