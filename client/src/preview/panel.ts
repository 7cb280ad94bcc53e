// The timeline preview panel: opens beside the editor, follows the active postmortem, asks the
// language server for the timeline (debounced while typing), forwards it to the page, reveals
// entries in the editor and exports through the shared renderer.
import {
  Uri, ViewColumn, window, workspace, Selection, TextEditorRevealType,
  type Disposable, type ExtensionContext, type TextDocument, type WebviewOptions, type WebviewPanel,
} from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { TimelineRequest } from '../../../common/timeline-protocol';
import { renderHtml } from '../../../server/src/render/html';
import { renderSvg } from '../../../server/src/render/svg';
import type { TimelineView } from '../../../server/src/render/view';
import type { ZoneMode } from '../../../server/src/render/format';
import { isCandidate } from '../selector';
import { makeNonce, previewHtml, RESOURCE_FOLDERS } from './html';
import { VIEW_TYPE, type FromPage, type PreviewState, type ToPage } from './messages';

/** Typing pauses this long before the preview asks again. */
export const UPDATE_DELAY_MS = 300;

export function webviewOptions(extensionUri: Uri): WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: RESOURCE_FOLDERS.map((folder) => Uri.joinPath(extensionUri, folder)),
  };
}

function baseName(uri: Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

export class TimelinePreview implements Disposable {
  private static current: TimelinePreview | undefined;

  private readonly disposables: Disposable[] = [];
  private uri: Uri | undefined;
  private view: TimelineView | undefined;
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Only the answer to the latest request is shown. */
  private ticket = 0;

  /**
   * Opens the preview beside the editor, or shows it, for `uri` (the editor title button and the
   * code lens name their document) or else the active editor's document.
   */
  static show(context: ExtensionContext, client: BaseLanguageClient, uri?: Uri): void {
    const document = window.activeTextEditor?.document;
    const target = uri ?? (document && isCandidate(document) ? document.uri : undefined);
    if (TimelinePreview.current) {
      TimelinePreview.current.panel.reveal(ViewColumn.Beside, true);
      if (target) TimelinePreview.current.follow(target);
      return;
    }
    const panel = window.createWebviewPanel(VIEW_TYPE, 'Timeline', { viewColumn: ViewColumn.Beside, preserveFocus: true }, webviewOptions(context.extensionUri));
    TimelinePreview.current = new TimelinePreview(panel, context, client, target);
  }

  /** Brings a preview back after a window reload (the page's state names the document). */
  static revive(panel: WebviewPanel, context: ExtensionContext, client: BaseLanguageClient, state: PreviewState | undefined): void {
    panel.webview.options = webviewOptions(context.extensionUri);
    const active = window.activeTextEditor?.document;
    const uri = state?.uri ? Uri.parse(state.uri) : active && isCandidate(active) ? active.uri : undefined;
    TimelinePreview.current?.dispose();
    TimelinePreview.current = new TimelinePreview(panel, context, client, uri);
  }

  private constructor(private readonly panel: WebviewPanel, private readonly context: ExtensionContext, private readonly client: BaseLanguageClient, uri: Uri | undefined) {
    this.uri = uri;
    panel.iconPath = { light: Uri.joinPath(context.extensionUri, 'media', 'preview-light.svg'), dark: Uri.joinPath(context.extensionUri, 'media', 'preview-dark.svg') };
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: FromPage) => this.onMessage(message)),
      window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isCandidate(editor.document)) this.follow(editor.document.uri);
      }),
      workspace.onDidChangeTextDocument((event) => {
        if (this.isShown(event.document) && event.contentChanges.length > 0) this.schedule();
      }),
      window.onDidChangeTextEditorSelection((event) => {
        if (this.isShown(event.textEditor.document)) this.post({ type: 'cursor', line: event.selections[0]?.active.line ?? 0 });
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.schedule(0);
      }),
      // The server may not be running yet (or was restarted): ask again once it is.
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.schedule(0);
      }),
    );
    this.updateTitle();
  }

  private html(): string {
    const webview = this.panel.webview;
    const media = (name: string): string => webview.asWebviewUri(Uri.joinPath(this.context.extensionUri, 'media', name)).toString();
    return previewHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(Uri.joinPath(this.context.extensionUri, 'dist', 'media', 'preview.js')).toString(),
      styleUris: [media('timeline.css'), media('preview.css')],
    });
  }

  private isShown(document: TextDocument): boolean {
    return this.uri !== undefined && document.uri.toString() === this.uri.toString();
  }

  private post(message: ToPage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private updateTitle(): void {
    this.panel.title = this.uri ? `Timeline: ${baseName(this.uri)}` : 'Timeline';
  }

  /** Points the preview at a document. It switches only when that document is a postmortem. */
  follow(uri: Uri): void {
    if (this.uri?.toString() === uri.toString()) return;
    void this.refresh(uri);
  }

  private schedule(delay = UPDATE_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(this.uri), delay);
  }

  private async refresh(uri: Uri | undefined): Promise<void> {
    clearTimeout(this.timer);
    const ticket = ++this.ticket;
    if (!uri) {
      this.post({ type: 'empty', message: 'Open a postmortem in an editor to see its timeline.' });
      return;
    }
    if (!this.client.isRunning()) {
      this.post({ type: 'empty', message: 'Waiting for the postmortem language server…' });
      return;
    }
    let view: TimelineView | null;
    try {
      view = await this.client.sendRequest(TimelineRequest.type, { textDocument: { uri: uri.toString() } });
    } catch (error) {
      if (ticket === this.ticket) this.post({ type: 'empty', message: `The timeline could not be read: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    if (ticket !== this.ticket) return;
    const switching = this.uri?.toString() !== uri.toString();
    if (!view) {
      // Another document that is not a postmortem: keep showing the one we have.
      if (switching && this.view) return;
      this.uri = uri;
      this.view = undefined;
      this.updateTitle();
      this.post({ type: 'empty', message: `${baseName(uri)} is not analysed as a postmortem, so it has no timeline.` });
      return;
    }
    this.uri = uri;
    this.view = view;
    this.updateTitle();
    this.post({ type: 'update', view, uri: uri.toString(), name: baseName(uri) });
    if (switching) {
      const editor = window.visibleTextEditors.find((e) => this.isShown(e.document));
      if (editor) this.post({ type: 'cursor', line: editor.selection.active.line });
    }
  }

  private onMessage(message: FromPage): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        void this.refresh(this.uri);
        return;
      case 'reveal':
        void this.reveal(message.id);
        return;
      case 'export':
        void this.export(message.format, message.zone);
        return;
    }
  }

  /** Shows an entry's line in the editor, with its time selected. */
  private async reveal(id: number): Promise<void> {
    const event = this.view?.events[id];
    if (!event || !this.uri) return;
    const visible = window.visibleTextEditors.find((e) => this.isShown(e.document));
    const document = visible?.document ?? await workspace.openTextDocument(this.uri);
    const line = Math.min(event.line, document.lineCount - 1);
    const text = document.lineAt(line).text;
    const selection = new Selection(line, Math.min(event.start, text.length), line, Math.min(Math.max(event.end, event.start), text.length));
    const editor = await window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? ViewColumn.One, preserveFocus: false, selection });
    editor.revealRange(selection, TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async export(format: 'svg' | 'html', zone: ZoneMode): Promise<void> {
    if (!this.view || !this.uri) return;
    const view: TimelineView = { ...this.view, filePath: workspace.asRelativePath(this.uri, false) };
    const content = format === 'svg' ? renderSvg(view, { zone }) : renderHtml(view, { zone, generator: 'Postmortem Lint for VS Code' });
    const stem = baseName(this.uri).replace(/\.[^.]*$/, '');
    const folder = this.uri.scheme === 'untitled' ? workspace.workspaceFolders?.[0]?.uri : Uri.joinPath(this.uri, '..');
    const name = `${stem}-timeline.${format}`;
    const target = await window.showSaveDialog({
      defaultUri: folder ? Uri.joinPath(folder, name) : undefined,
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'HTML page': ['html', 'htm'] },
      saveLabel: 'Export',
      title: `Export the timeline as ${format.toUpperCase()}`,
    });
    if (!target) return;
    try {
      await workspace.fs.writeFile(target, new TextEncoder().encode(content));
    } catch (error) {
      void window.showErrorMessage(`Could not export the timeline: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    void window.showInformationMessage(`Timeline exported to ${workspace.asRelativePath(target, false)}.`);
  }

  dispose(): void {
    if (TimelinePreview.current === this) TimelinePreview.current = undefined;
    clearTimeout(this.timer);
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
