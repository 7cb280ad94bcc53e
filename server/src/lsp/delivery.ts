// Delivers diagnostics: pulled (textDocument/diagnostic) when the client supports it, pushed
// (publishDiagnostics) otherwise. Either way a document is analysed once it has been quiet for
// its debounce time, and a result for a version that is no longer current is dropped.
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type DocumentDiagnosticParams, type DocumentDiagnosticReport, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import { documentDiagnostics } from './diagnostics';
import type { Logger } from './log';

export interface DeliveryMode {
  pull: boolean;
  /** The client accepts workspace/diagnostic/refresh. */
  refresh: boolean;
}

function wait(ms: number, token: CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || token.isCancellationRequested) return resolve();
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const subscription = token.onCancellationRequested(done);
  });
}

export class DiagnosticsDelivery {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Makes result ids of this server process unique, so a restarted server never answers "unchanged" wrongly. */
  private readonly session = Math.random().toString(36).slice(2, 10);

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyzer: Analyzer,
    private readonly log: Logger,
    readonly mode: DeliveryMode,
  ) {}

  /** A document opened or changed. */
  touched(uri: string): void {
    if (!this.mode.pull) this.schedule(uri);
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (!this.mode.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch((e: unknown) => this.log.error('Clearing diagnostics failed', e));
  }

  /** Settings or a .postmortemrc changed: every open document needs new diagnostics. */
  configurationChanged(): void {
    if (!this.mode.pull) {
      for (const uri of this.analyzer.openUris()) this.schedule(uri);
    } else if (this.mode.refresh) {
      this.connection.languages.diagnostics.refresh().catch((e: unknown) => this.log.error('Diagnostic refresh failed', e));
    }
  }

  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    for (let ms = this.analyzer.quietIn(uri); ms > 0 && !token.isCancellationRequested; ms = this.analyzer.quietIn(uri)) await wait(ms, token);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled');
    if (!this.documents.get(uri)) return { kind: 'full', items: [] };
    // The client has this version's diagnostics: no need for its analysis (possibly dropped from memory, memory.ts).
    const known = this.analyzer.analysedCurrent(uri);
    if (known && params.previousResultId === this.resultId(known)) return { kind: 'unchanged', resultId: params.previousResultId };
    const result = await this.analyzer.current(uri, token);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled');
    const document = this.documents.get(uri);
    if (!document) return { kind: 'full', items: [] };
    if (!result) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document or configuration changed; ask again.', { retriggerRequest: true });
    const resultId = this.resultId(result);
    if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
    return { kind: 'full', resultId, items: documentDiagnostics(result, document.getText()) };
  }

  private resultId(analysed: { version: number; generation: number }): string {
    return `${this.session}.${analysed.generation}.${analysed.version}`;
  }

  private schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => void this.publish(uri), this.analyzer.quietIn(uri)));
  }

  private async publish(uri: string): Promise<void> {
    this.timers.delete(uri);
    try {
      const result = await this.analyzer.current(uri);
      // Superseded: the edit, close or configuration change that superseded it scheduled its own run.
      if (!result) return;
      const document = this.documents.get(uri);
      if (!document || document.version !== result.version) return;
      await this.connection.sendDiagnostics({ uri, version: result.version, diagnostics: documentDiagnostics(result, document.getText()) });
    } catch (error) {
      this.log.error(`Analysing ${uri} failed`, error);
    }
  }
}
