// A scripted LSP client for the server tests: spawns `node dist/server.js --stdio` and speaks
// JSON-RPC to it. Every wait is for an actual message, bounded by a timeout; nothing sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
} from 'vscode-languageserver-protocol/node';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The bundled server; POSTMORTEM_TEST_SERVER points the tests at another build. */
export const SERVER = process.env.POSTMORTEM_TEST_SERVER ?? `${ROOT}dist/server.js`;
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const TIMEOUT = 10_000;

export const fileUri = (path: string): string => pathToFileURL(path).href;

/** A diagnostic's message as text (LSP 3.18 also allows Markdown content). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export function withTimeout<T>(promise: Promise<T>, what: string, ms = TIMEOUT): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface ClientOptions {
  /** Announce pull diagnostics (textDocument/diagnostic) and diagnostic refresh. */
  pull?: boolean;
  /** Announce workspace/configuration; `settings` then answers it. */
  configuration?: boolean;
  /** Announce dynamic registration of didChangeWatchedFiles. */
  watch?: boolean;
  rootPath?: string;
  settings?: Record<string, unknown>;
  documentChanges?: boolean;
  showDocument?: boolean;
  /** Sent as `initializationOptions` (the extension sends InitializationOptions). */
  initializationOptions?: unknown;
}

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** Values seen so far plus waiters for a value to come. */
class Stream<T> {
  readonly seen: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(value: T): void {
    this.seen.push(value);
    const ready = this.waiters.filter((w) => w.test(value));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(value);
  }

  /** The next value (counting from `after` values already seen) that passes `test`. */
  next(test: (value: T) => boolean, what: string, after = 0): Promise<T> {
    const hit = this.seen.slice(after).find(test);
    if (hit !== undefined) return Promise.resolve(hit);
    return withTimeout(new Promise<T>((resolve) => this.waiters.push({ test, resolve })), what);
  }
}

export class TestClient {
  readonly diagnostics = new Stream<PublishDiagnosticsParams>();
  readonly refreshes = new Stream<number>();
  readonly registrations = new Stream<Registration>();
  readonly shownDocuments = new Stream<string>();
  readonly messages = new Stream<string>();
  readonly logs = new Stream<string>();
  readonly configurationRequests = new Stream<string | undefined>();
  settings: Record<string, unknown>;
  initializeResult?: InitializeResult;
  private stderr = '';
  private readonly exited: Promise<number | null>;

  private constructor(readonly connection: ProtocolConnection, private readonly child: ChildProcess, readonly options: ClientOptions) {
    this.settings = options.settings ?? {};
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.diagnostics.push(p));
    connection.onNotification(LogMessageNotification.type, (p) => this.logs.push(p.message));
    connection.onNotification(ShowMessageNotification.type, (p) => this.messages.push(p.message));
    connection.onRequest(RegistrationRequest.type, (p) => {
      for (const r of p.registrations) this.registrations.push(r);
    });
    connection.onRequest(ConfigurationRequest.type, (p) =>
      p.items.map((item) => {
        this.configurationRequests.push(item.scopeUri);
        return item.section === 'postmortem' ? this.settings : null;
      }));
    connection.onRequest(DiagnosticRefreshRequest.type, () => this.refreshes.push(this.refreshes.seen.length + 1));
    connection.onRequest(ShowDocumentRequest.type, (p) => {
      this.shownDocuments.push(p.uri);
      return { success: true };
    });
    connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    if (!child.stdout || !child.stdin) throw new Error('server has no stdio');
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(connection, child, options);
    const rootUri = options.rootPath ? fileUri(options.rootPath) : null;
    const initialized = connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
      capabilities: capabilities(options),
      initializationOptions: options.initializationOptions,
    });
    // A server that dies on start says why at once, instead of a timeout.
    const died = client.exited.then((code) => {
      throw new Error(`${SERVER} exited with code ${code} before answering initialize:\n${client.stderr}`);
    });
    client.initializeResult = await withTimeout(Promise.race([initialized, died]), 'initialize');
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: Record<string, unknown>, payload: unknown = null): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: payload });
  }

  async fileChanged(uri: string, type: FileChangeType = FileChangeType.Changed): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type }] });
  }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return withTimeout(this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId }), `diagnostics of ${uri}`);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return withTimeout(this.connection.sendRequest(method, params) as Promise<R>, method);
  }

  /** The next publishDiagnostics for `uri` that passes `test`. */
  published(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, after = 0): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.next((p) => p.uri === uri && test(p), `diagnostics for ${uri}`, after);
  }

  /** Shuts down as a client should; resolves with the server's exit code. */
  async shutdown(): Promise<number | null> {
    await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'shutdown');
    await this.connection.sendNotification(ExitNotification.type);
    const code = await withTimeout(this.exited, 'server exit');
    this.connection.dispose();
    return code;
  }

  /** For tests that end without a clean shutdown (or after a failure). */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }

  get serverErrors(): string {
    return this.stderr;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

function capabilities(options: ClientOptions): ClientCapabilities {
  return {
    workspace: {
      configuration: options.configuration ?? true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: options.watch ?? true },
      workspaceFolders: true,
      workspaceEdit: { documentChanges: options.documentChanges ?? false },
      diagnostics: options.pull ? { refreshSupport: true } : undefined,
    },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      diagnostic: options.pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      foldingRange: { lineFoldingOnly: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    },
    window: { showDocument: { support: options.showDocument ?? false } },
  };
}

/** Applies LSP text edits to a text (for checking code actions). */
export { applyEdits } from '../../server/src/engine/edits';
