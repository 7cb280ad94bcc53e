// The status bar item: the active postmortem's profile (hidden for other documents). Clicking
// it selects another profile.
import { commands, languages, StatusBarAlignment, window, type Disposable, type StatusBarItem, type TextDocument } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ConfigurationChangedNotification, DocumentInfoRequest, type DocumentInfo } from '../../common/protocol';
import { COMMANDS } from './commands-ids';
import { isCandidate } from './selector';
import { statusText } from './status-text';

export class ProfileStatus implements Disposable {
  private readonly item: StatusBarItem;
  private readonly disposables: Disposable[] = [];
  /** Only the answer to the latest update is shown. */
  private ticket = 0;

  constructor(private readonly client: BaseLanguageClient) {
    this.item = window.createStatusBarItem('postmortem.profile', StatusBarAlignment.Right, 100);
    this.item.name = 'Postmortem Profile';
    this.item.command = COMMANDS.selectProfile;
    this.disposables.push(
      this.item,
      window.onDidChangeActiveTextEditor(() => this.update()),
      // New content can make a document a postmortem (or not); its diagnostics change with it.
      languages.onDidChangeDiagnostics((event) => {
        const active = window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.update();
      }),
      client.onNotification(ConfigurationChangedNotification.type, () => this.update()),
    );
  }

  /** What the server knows about a document, or undefined when it cannot answer. */
  async info(document: TextDocument): Promise<DocumentInfo | undefined> {
    if (!isCandidate(document) || !this.client.isRunning()) return undefined;
    try {
      return (await this.client.sendRequest(DocumentInfoRequest.type, { textDocument: { uri: document.uri.toString() } })) ?? undefined;
    } catch {
      return undefined;
    }
  }

  update(): void {
    const ticket = ++this.ticket;
    const document = window.activeTextEditor?.document;
    void (document ? this.info(document) : Promise.resolve(undefined)).then((info) => {
      if (ticket !== this.ticket) return;
      // Drives the preview button's `when` clause in the editor title bar.
      void commands.executeCommand('setContext', 'postmortem.isPostmortem', info?.isPostmortem === true);
      const text = info && statusText(info);
      if (!text) {
        this.item.hide();
        return;
      }
      this.item.text = text.text;
      this.item.tooltip = text.tooltip;
      this.item.show();
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
