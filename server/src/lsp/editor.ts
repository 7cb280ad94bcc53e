// Editing help, registered on the connection: hover, inlay hints, code lens and completion from
// the cached analysis, and the two requests the extension's commands use (profiles, timeline
// context). server.ts calls `registerEditorFeatures` and spreads `EDITOR_CAPABILITIES`.
import type { CancellationToken, ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ClientCommands, ProfilesRequest, TimelineContextRequest,
  type InitializationOptions, type ProfilesParams, type ProfilesResult, type TimelineContext, type TimelineContextParams,
} from '../../../common/protocol';
import { BUILTIN_PROFILES, resolveProfile, selectProfile, type Analysis } from '../engine';
import { ambiguityOf } from '../engine/timeline/context';
import { codeLenses } from './code-lens';
import { COMPLETION_TRIGGERS, completions, lineContext } from './completion';
import type { DocumentAnalysis } from './analysis';
import type { DocumentConfig } from './config';
import { hoverAt } from './hover';
import { inlayHints } from './inlay-hints';
import type { Logger } from './log';
import { timelineContext } from './timeline-context';

export const EDITOR_CAPABILITIES = {
  hoverProvider: true,
  inlayHintProvider: { resolveProvider: false },
  codeLensProvider: { resolveProvider: false },
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
};

export interface EditorDeps {
  documents: TextDocuments<TextDocument>;
  latest: (uri: string, token?: CancellationToken) => Promise<DocumentAnalysis | undefined>;
  resolveConfig: (uri: string) => Promise<DocumentConfig>;
  log: Pick<Logger, 'guard' | 'error'>;
}

/** The postmortem analysis of an open document, or undefined. */
async function postmortem(deps: EditorDeps, uri: string, token: CancellationToken): Promise<{ analysis: Analysis; result: DocumentAnalysis } | undefined> {
  const result = await deps.latest(uri, token);
  return result?.analysis && result.isPostmortem ? { analysis: result.analysis, result } : undefined;
}

export function registerEditorFeatures(connection: Connection, deps: EditorDeps, initialization: () => { options: InitializationOptions | undefined; client: ClientCapabilities }): { refresh(): void } {
  const { log } = deps;

  connection.onHover(log.guard('hover', null, async (params, token) => {
    const found = await postmortem(deps, params.textDocument.uri, token);
    return found ? hoverAt(found.analysis, params.position, found.result.config.config.ambiguousZones) : null;
  }));

  connection.languages.inlayHint.on(log.guard('inlayHint', [], async (params, token) => {
    const found = await postmortem(deps, params.textDocument.uri, token);
    if (!found || !found.result.config.settings['inlayHints.enabled']) return [];
    return inlayHints(found.analysis, params.range);
  }));

  connection.onCodeLens(log.guard('codeLens', [], async (params, token) => {
    const found = await postmortem(deps, params.textDocument.uri, token);
    if (!found) return [];
    const commands = initialization().options?.commands ?? [];
    const preview = commands.includes(ClientCommands.openTimelinePreview) ? ClientCommands.openTimelinePreview : undefined;
    return codeLenses(found.analysis, params.textDocument.uri, { previewCommand: preview });
  }));

  connection.onCompletion(log.guard('completion', null, async (params, token) => {
    const document = deps.documents.get(params.textDocument.uri);
    if (!document) return null;
    const prefix = document.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    const context = lineContext(prefix);
    if (!context) return null;
    const found = await postmortem(deps, document.uri, token);
    if (!found || found.result.version !== document.version) return null;
    return completions(found.analysis, params.position, context, found.result.config.config.ambiguousZones);
  }));

  connection.onRequest(ProfilesRequest.method, log.guard('profiles', undefined as ProfilesResult | undefined, async (params: ProfilesParams) => {
    const { config } = await deps.resolveConfig(params.uri);
    const names = [...new Set([...Object.keys(BUILTIN_PROFILES), ...Object.keys(config.profiles ?? {})])];
    const profiles = names.map((name) => resolveProfile(name, config.profiles)).filter((p) => p !== undefined).map((p) => ({
      name: p.name,
      description: p.description,
      builtin: BUILTIN_PROFILES[p.name] !== undefined && config.profiles?.[p.name] === undefined,
      sections: p.sections.map((s) => ({ id: s.id, title: s.title, required: s.required })),
    }));
    return { current: selectProfile(config).profile.name, profiles };
  }));

  connection.onRequest(TimelineContextRequest.method, log.guard('timelineContext', null as TimelineContext | null, async (params: TimelineContextParams, token: CancellationToken) => {
    const found = await postmortem(deps, params.textDocument.uri, token);
    return found ? timelineContext(found.analysis, ambiguityOf({ ambiguousZones: found.result.config.config.ambiguousZones })) : null;
  }));

  return {
    /** Settings or a .postmortemrc changed: hints and lenses may differ. */
    refresh() {
      const workspace = initialization().client.workspace;
      if (workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh().catch((e: unknown) => log.error('Refreshing inlay hints failed', e));
      if (workspace?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh').catch((e: unknown) => log.error('Refreshing code lenses failed', e));
    },
  };
}
