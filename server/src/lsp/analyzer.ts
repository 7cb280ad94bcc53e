// Per open document: a ParseCache (dropped on close), when it last changed (for debouncing)
// and its latest analysis, memoised per (version, configuration generation) so diagnostics,
// symbols, code actions and the status request share one analysis.
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ParseCache } from '../engine';
import { analyzeDocumentSteps, type DocumentAnalysis } from './analysis';
import { parseInSlices, runInSlices, runToEnd, sliced } from './slices';
import type { ConfigResolver, DocumentConfig } from './config';
import type { FileSystemHost } from './host';
import type { Logger } from './log';
import { MemoryPolicy, WARM_BUDGET } from './memory';

interface DocumentState {
  cache: ParseCache;
  /** Date.now() of the last edit; 0 right after opening, so the first analysis is immediate. */
  changedAt: number;
  /** Debounce from the document's settings, known after its first analysis. */
  debounce: number;
  memo?: DocumentAnalysis;
  /** Version and configuration generation of the last analysis, kept when its memo is dropped. */
  analysed?: { version: number; generation: number };
}

const DEFAULT_DEBOUNCE = 150;

export class Analyzer {
  private readonly states = new Map<string, DocumentState>();
  /** Bumped when settings or a .postmortemrc change: every memoised analysis is stale. */
  private generationCount = 0;
  /** Which caches stay warm (memory.ts, issue 7). */
  private readonly memory = new MemoryPolicy((uri) => void this.rewarm(uri).catch((e: unknown) => this.log.error(`Analysing ${uri} failed`, e)));

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configs: ConfigResolver,
    private readonly files: FileSystemHost | undefined,
    private readonly log: Logger,
  ) {}

  get generation(): number {
    return this.generationCount;
  }

  /** A document was opened (first analysis right away) or edited (analysis once it is quiet). */
  touched(uri: string, chars: number): void {
    const state = this.states.get(uri);
    if (state) {
      state.changedAt = Date.now();
      this.memory.edited(uri);
    } else {
      this.states.set(uri, { cache: new ParseCache(), changedAt: 0, debounce: DEFAULT_DEBOUNCE });
      // A document too big for the warm budget would lose its caches right after its first
      // analysis, and the first keystroke would parse all of it again (9-11 s on 2 MB, where
      // later edits take under a second): opening it counts as starting to edit it.
      if (chars > WARM_BUDGET) this.memory.edited(uri);
    }
  }

  closed(uri: string): void {
    this.states.delete(uri);
    this.memory.closed(uri);
  }

  configurationChanged(): void {
    this.generationCount++;
  }

  openUris(): string[] {
    return [...this.states.keys()];
  }

  /** Milliseconds until the document has been quiet for its debounce time. */
  quietIn(uri: string): number {
    const state = this.states.get(uri);
    return state ? Math.max(0, state.changedAt + state.debounce - Date.now()) : 0;
  }

  /**
   * Version and generation of the document's last analysis when they are still current, even
   * if the analysis itself was dropped from memory: its diagnostics are then unchanged.
   */
  analysedCurrent(uri: string): { version: number; generation: number } | undefined {
    const analysed = this.states.get(uri)?.analysed;
    const document = this.documents.get(uri);
    return analysed && document?.version === analysed.version && analysed.generation === this.generationCount ? analysed : undefined;
  }

  /**
   * The analysis of the document's current version, or undefined when the document changed,
   * closed or the configuration changed while its configuration was being read (superseded).
   */
  async current(uri: string, token?: CancellationToken): Promise<DocumentAnalysis | undefined> {
    const document = this.documents.get(uri);
    const state = this.states.get(uri);
    if (!document || !state) return undefined;
    const generation = this.generationCount;
    if (state.memo && state.memo.version === document.version && state.memo.generation === generation) return state.memo;
    const config = await this.configs.resolve(uri);
    const latest = this.documents.get(uri);
    if (token?.isCancellationRequested || latest !== document || latest.version !== document.version || generation !== this.generationCount || this.states.get(uri) !== state) return undefined;
    // Large documents are parsed, then analysed, in slices with pauses for other requests; a change drops the work (slices.ts, issue 7).
    const version = document.version;
    const superseded = () => token?.isCancellationRequested === true || document.version !== version || generation !== this.generationCount || this.states.get(uri) !== state;
    this.memory.beforeAnalysis(uri);
    if (!(await parseInSlices(document, config, state.cache, superseded))) return undefined;
    if (state.memo && state.memo.version === document.version && state.memo.generation === generation) return state.memo;
    const result = await this.analyse(uri, document, state, config, generation, superseded);
    if (result) state.debounce = config.settings.debounce;
    return result;
  }

  private async analyse(uri: string, document: TextDocument, state: DocumentState, config: DocumentConfig, generation: number, superseded: () => boolean): Promise<DocumentAnalysis | undefined> {
    const steps = analyzeDocumentSteps(document, config, generation, state.cache, this.files);
    const result = sliced(document) ? await runInSlices(steps, superseded) : runToEnd(steps);
    if (!result) return undefined;
    // Only documents being edited and recently analysed ones keep their parse and analysis (memory.ts).
    this.memory.analysed(uri, state, document.getText().length, () => {
      // A new cache rather than an emptied one: it drops whatever else the engine keeps in it.
      state.cache = new ParseCache();
      state.memo = undefined;
    });
    for (const e of result.analysis?.ruleErrors ?? []) this.log.error(`Rule ${e.ruleId} failed on ${uri}`, e.message);
    state.memo = result;
    state.analysed = { version: result.version, generation: result.generation };
    return result;
  }

  /** Analyses a document being edited again after the line memos were emptied, so its next edit finds them warm. */
  private async rewarm(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    const state = this.states.get(uri);
    if (!document || !state) return;
    const generation = this.generationCount;
    const config = await this.configs.resolve(uri);
    const version = document.version;
    const superseded = () => document.version !== version || generation !== this.generationCount || this.states.get(uri) !== state;
    if (superseded()) return;
    this.memory.beforeAnalysis(uri);
    await this.analyse(uri, document, state, config, generation, superseded);
  }

  /** Like `current`, but tries again when superseded (for requests that must answer). */
  async latest(uri: string, token?: CancellationToken): Promise<DocumentAnalysis | undefined> {
    for (let attempt = 0; attempt < 5 && !token?.isCancellationRequested; attempt++) {
      if (!this.documents.get(uri)) return undefined;
      const result = await this.current(uri, token);
      if (result) return result;
    }
    return undefined;
  }
}
