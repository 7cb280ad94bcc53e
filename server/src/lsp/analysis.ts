// Decides which documents are postmortems and runs the engine on them (product.md, "Which
// documents are analysed"): a file matching the `files` globs is always analysed; any other
// Markdown, plain-text or HTML document when it reads like a postmortem.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisSteps, type Analysis, type LanguageId, type ParseCache } from '../engine';
import { matchesFileGlobs, POSTMORTEM_EXTENSIONS, sniffLanguage } from '../config/files';
import type { DocumentConfig } from './config';
import type { FileSystemHost } from './host';
import { isRcPath } from './rc';
import { dirname, parseUri, relativeFsPath, relativePath } from './uri';

export interface DocumentAnalysis {
  uri: string;
  version: number;
  /** Configuration generation the analysis was made with. */
  generation: number;
  config: DocumentConfig;
  /** Absent when the document is not considered at all (disabled, other language, rc file). */
  analysis?: Analysis;
  isPostmortem: boolean;
}

/** The engine's reading of a document, or undefined when it is not a candidate. */
export function languageOf(languageId: string, path: string, text: string): LanguageId | undefined {
  switch (languageId) {
    case 'markdown':
    case 'mdx':
      return 'markdown';
    case 'html':
      return 'html';
    case 'plaintext':
    case 'text':
      // A .txt file (or an untitled text buffer) written in Markdown is read as Markdown.
      return sniffLanguage(path.toLowerCase().endsWith('.txt') ? path : `${path}.txt`, text);
    default:
      return POSTMORTEM_EXTENSIONS.some((ext) => path.toLowerCase().endsWith(ext)) ? sniffLanguage(path, text) : undefined;
  }
}

/** matchesGlobs per configuration object (the same while it is unchanged, config.ts): it compiles globs. */
const globMatches = new WeakMap<DocumentConfig, Map<string, boolean>>();

function matchesGlobsCached(uri: string, config: DocumentConfig, files: FileSystemHost | undefined): boolean {
  let known = globMatches.get(config);
  if (!known) {
    known = new Map();
    globMatches.set(config, known);
  }
  let match = known.get(uri);
  if (match === undefined) {
    match = matchesGlobs(uri, config, files);
    known.set(uri, match);
  }
  return match;
}

/** `files` globs from a .postmortemrc are relative to its folder; those from settings to the workspace folder. */
export function matchesGlobs(uri: string, config: DocumentConfig, files: FileSystemHost | undefined): boolean {
  const rc = config.rc;
  if (rc?.config.files !== undefined) {
    const path = files?.toPath(uri);
    const rel = path === undefined ? undefined : relativeFsPath(dirname(rc.path), path);
    return rel !== undefined && matchesFileGlobs(rel, rc.config.files);
  }
  const rel = config.folderUri !== undefined ? relativePath(config.folderUri, uri) : parseUri(uri)?.path.replace(/^\/+/, '');
  return rel !== undefined && matchesFileGlobs(rel, config.settings.files);
}

export function analyzeDocument(document: TextDocument, config: DocumentConfig, generation: number, cache: ParseCache, files: FileSystemHost | undefined): DocumentAnalysis {
  const steps = analyzeDocumentSteps(document, config, generation, cache, files);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** analyzeDocument() a phase at a time (the engine's analysisSteps): large documents are run so, in slices (slices.ts, issue 7). */
export function* analyzeDocumentSteps(document: TextDocument, config: DocumentConfig, generation: number, cache: ParseCache, files: FileSystemHost | undefined): Generator<void, DocumentAnalysis, void> {
  const base = { uri: document.uri, version: document.version, generation, config };
  const path = parseUri(document.uri)?.path ?? '';
  if (!config.settings.enable || isRcPath(path)) return { ...base, isPostmortem: false };
  const text = document.getText();
  const languageId = languageOf(document.languageId, path, text);
  if (!languageId) return { ...base, isPostmortem: false };
  const analysis = yield* analysisSteps(text, { config: config.config, languageId, cache, force: matchesGlobsCached(document.uri, config, files) });
  return { ...base, analysis, isPostmortem: analysis.isPostmortem };
}
