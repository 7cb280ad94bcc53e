// The language server: thin glue between an LSP connection and the pure engine. The platform
// entry points (node/main.ts, browser/main.ts) only create the connection and the host.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUILTIN_PROFILES, DEFAULT_PROFILE, docsUrl, RULE_IDS } from '../engine';
import { Commands, ConfigurationChangedNotification, DocumentInfoRequest, type DocumentInfo, type DocumentInfoParams, type InitializationOptions } from '../../../common/protocol';
import { CONFIG_FILE_NAMES } from '../config/find';
import { Analyzer } from './analyzer';
import { CODE_ACTION_KINDS, codeActions } from './code-actions';
import { ConfigResolver } from './config';
import { DiagnosticsDelivery } from './delivery';
import { EDITOR_CAPABILITIES, registerEditorFeatures } from './editor';
import { rcDiagnostics } from './diagnostics';
import type { ServerHost } from './host';
import { Logger } from './log';
import { isRcPath, RcStore } from './rc';
import { SettingsStore } from './settings';
import { documentSymbols, foldingRanges } from './symbols';
import { registerTimeline } from './timeline';

const RC_GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;

function capabilities(client: ClientCapabilities) {
  return {
    pull: client.textDocument?.diagnostic !== undefined,
    refresh: client.workspace?.diagnostics?.refreshSupport === true,
    configuration: client.workspace?.configuration === true,
    configurationRegistration: client.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchRegistration: client.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolders: client.workspace?.workspaceFolders === true,
    documentChanges: client.workspace?.workspaceEdit?.documentChanges === true,
    showDocument: client.window?.showDocument?.support === true,
  };
}

function initialFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders?.length) return params.workspaceFolders.map((f) => f.uri);
  return params.rootUri ? [params.rootUri] : [];
}

export function startServer(connection: Connection, host: ServerHost = {}): void {
  const log = new Logger(connection.console);
  const documents = new TextDocuments(TextDocument);
  let folders: string[] = [];
  let caps = capabilities({});
  let settings: SettingsStore;
  let analyzer: Analyzer;
  let delivery: DiagnosticsDelivery;
  let rc: RcStore | undefined;
  let configs: ConfigResolver;
  let initialization: { options: InitializationOptions | undefined; client: ClientCapabilities } = { options: undefined, client: {} };

  const configurationChanged = () => {
    analyzer.configurationChanged();
    delivery.configurationChanged();
    editor.refresh();
    void connection.sendNotification(ConfigurationChangedNotification.method).catch((e: unknown) => log.error('Notifying the client failed', e));
  };

  connection.onInitialize((params): InitializeResult => {
    caps = capabilities(params.capabilities);
    initialization = { options: params.initializationOptions as InitializationOptions | undefined, client: params.capabilities };
    folders = initialFolders(params);
    settings = new SettingsStore(connection, caps.configuration, log);
    const files = host.files;
    rc = files && new RcStore(files, (uri, file) => {
      // The file's own diagnostics are always pushed: it is not a document the client pulls for.
      void connection.sendDiagnostics({ uri, diagnostics: file ? rcDiagnostics(file.text, file.parsed, file.hasLastGood) : [] })
        .catch((e: unknown) => log.error('Publishing .postmortemrc diagnostics failed', e));
    });
    configs = new ConfigResolver(settings, rc, files, () => folders, log);
    analyzer = new Analyzer(documents, configs, files, log);
    delivery = new DiagnosticsDelivery(connection, documents, analyzer, log, { pull: caps.pull, refresh: caps.refresh });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: { label: 'Postmortem' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        executeCommandProvider: { commands: [Commands.showRuleDocumentation] },
        ...EDITOR_CAPABILITIES,
        ...(caps.pull ? { diagnosticProvider: { identifier: 'postmortem', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: caps.workspaceFolders } },
      },
      serverInfo: { name: 'postmortem-lint' },
    };
  });

  connection.onInitialized(log.guard('initialized', undefined, async () => {
    if (caps.configurationRegistration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' });
    if (caps.watchRegistration && rc) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: RC_GLOB }] });
    if (caps.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => f.uri)];
        configurationChanged();
      });
    }
  }));

  connection.onDidChangeConfiguration(log.guard('didChangeConfiguration', undefined, (params) => {
    settings.changed(params.settings);
    configurationChanged();
  }));

  const rcChanged = async (uris: string[]) => {
    const paths = uris.map((uri) => host.files?.toPath(uri)).filter((p): p is string => p !== undefined && isRcPath(p));
    if (!rc || paths.length === 0) return;
    for (const path of paths) await rc.changed(path);
    configurationChanged();
  };

  connection.onDidChangeWatchedFiles(log.guard('didChangeWatchedFiles', undefined, (params) =>
    rcChanged(params.changes.map((c) => c.uri))));

  // Fired for didOpen and didChange alike; the analyzer tells a new document from an edit.
  documents.onDidChangeContent(log.guard('didChange', undefined, ({ document }) => {
    analyzer.touched(document.uri, document.getText().length);
    delivery.touched(document.uri);
  }));
  documents.onDidClose(log.guard('didClose', undefined, ({ document }) => {
    analyzer.closed(document.uri);
    settings.forget(document.uri);
    configs.forget(document.uri);
    delivery.closed(document.uri);
  }));
  // Clients that cannot watch files still tell us when an open .postmortemrc is saved.
  documents.onDidSave(log.guard('didSave', undefined, ({ document }) => (caps.watchRegistration ? undefined : rcChanged([document.uri]))));

  connection.languages.diagnostics.on(log.guard('diagnostic', { kind: 'full' as const, items: [] }, (params, token) => delivery.pull(params, token)));

  connection.onDocumentSymbol(log.guard('documentSymbol', [], async (params, token) => {
    const result = await analyzer.latest(params.textDocument.uri, token);
    return result?.analysis && result.isPostmortem ? documentSymbols(result.analysis) : [];
  }));

  connection.onFoldingRanges(log.guard('foldingRange', [], async (params, token) => {
    const result = await analyzer.latest(params.textDocument.uri, token);
    return result?.analysis && result.isPostmortem ? foldingRanges(result.analysis) : [];
  }));

  connection.onCodeAction(log.guard('codeAction', [], async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const result = await analyzer.latest(document.uri, token);
    return codeActions(params, document, result, { documentChanges: caps.documentChanges });
  }));

  connection.onExecuteCommand(log.guard('executeCommand', undefined, async (params) => {
    if (params.command !== Commands.showRuleDocumentation) return;
    const ruleId = params.arguments?.[0];
    if (typeof ruleId !== 'string' || !RULE_IDS.includes(ruleId)) return;
    const uri = docsUrl(ruleId);
    if (caps.showDocument) await connection.window.showDocument({ uri, external: true });
    else await connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Documentation for ${ruleId}: ${uri}` });
  }));

  connection.onRequest(DocumentInfoRequest.method, log.guard('documentInfo', undefined as DocumentInfo | undefined, async (params: DocumentInfoParams, token) => {
    const result = await analyzer.latest(params.textDocument.uri, token);
    if (!result) return undefined;
    const { config, rc: rcFile } = result.config;
    const info: DocumentInfo = {
      isPostmortem: result.isPostmortem,
      profile: result.analysis?.profile.name ?? config.profile ?? DEFAULT_PROFILE,
      profileSource: rcFile?.config.profile !== undefined ? 'rc' : 'settings',
      profiles: [...new Set([...Object.keys(BUILTIN_PROFILES), ...Object.keys(config.profiles ?? {})])],
    };
    if (rcFile) {
      info.configUri = rcFile.uri;
      if (rcFile.broken) info.configBroken = true;
    }
    return info;
  }));

  registerTimeline(connection, (uri, token) => analyzer.latest(uri, token), log);
  const editor = registerEditorFeatures(connection, {
    documents,
    latest: (uri, token) => analyzer.latest(uri, token),
    resolveConfig: (uri) => configs.resolve(uri),
    log,
  }, () => initialization);

  documents.listen(connection);
  connection.listen();
}
