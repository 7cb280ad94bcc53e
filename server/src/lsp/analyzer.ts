// Per open document: a ParseCache (dropped on close), when it last changed (for debouncing)
// and its latest analysis, memoised per (version, configuration generation) so diagnostics,
// symbols, code actions and the status request share one analysis.
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ParseCache } from '../engine';
import { WarmCaches } from '../engine/cache';
import { analyzeDocumentSteps, type DocumentAnalysis } from './analysis';
import { parseInSlices, runInSlices, runToEnd, sliced } from './slices';
import type { ConfigResolver } from './config';
import type { FileSystemHost } from './host';
import type { Logger } from './log';

interface DocumentState {
  cache: ParseCache;
  /** Date.now() of the last edit; 0 right after opening, so the first analysis is immediate. */
  changedAt: number;
  /** Debounce from the document's settings, known after its first analysis. */
  debounce: number;
  memo?: DocumentAnalysis;
}

const DEFAULT_DEBOUNCE = 150;
/** Parses and analyses stay cached for the most recently analysed documents, up to this much text (issue 7). */
const warm = new WarmCaches(1024 * 1024);

export class Analyzer {
  private readonly states = new Map<string, DocumentState>();
  /** Bumped when settings or a .postmortemrc change: every memoised analysis is stale. */
  private generationCount = 0;

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
  touched(uri: string): void {
    const state = this.states.get(uri);
    if (state) state.changedAt = Date.now();
    else this.states.set(uri, { cache: new ParseCache(), changedAt: 0, debounce: DEFAULT_DEBOUNCE });
  }

  closed(uri: string): void {
    this.states.delete(uri);
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
    if (!(await parseInSlices(document, config, state.cache, superseded))) return undefined;
    if (state.memo && state.memo.version === document.version && state.memo.generation === generation) return state.memo;
    const steps = analyzeDocumentSteps(document, config, generation, state.cache, this.files);
    const result = sliced(document) ? await runInSlices(steps, superseded) : runToEnd(steps);
    if (!result) return undefined;
    // Only recently analysed documents keep their parse and analysis (memory; engine/cache.ts).
    warm.used(state, document.getText().length, () => {
      state.cache.sweep();
      state.cache.sweep(); // the second sweep empties it
      state.memo = undefined;
    });
    for (const e of result.analysis?.ruleErrors ?? []) this.log.error(`Rule ${e.ruleId} failed on ${uri}`, e.message);
    state.memo = result;
    state.debounce = config.settings.debounce;
    return result;
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
