// Registers the timeline preview: its command and the serializer that restores it after a
// window reload. The extension's activation calls this once with its language client.
import { commands, Uri, window, type Disposable, type ExtensionContext, type WebviewPanel } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { COMMANDS } from '../commands-ids';
import { VIEW_TYPE, type PreviewState } from './messages';
import { TimelinePreview } from './panel';

/** The document a command names: a Uri (editor title button) or a URI string (the server's code lens). */
function targetOf(argument: unknown): Uri | undefined {
  if (argument instanceof Uri) return argument;
  if (typeof argument !== 'string') return undefined;
  try {
    return Uri.parse(argument, true);
  } catch {
    return undefined;
  }
}

export function registerTimelinePreview(context: ExtensionContext, client: BaseLanguageClient): Disposable[] {
  return [
    commands.registerCommand(COMMANDS.openTimelinePreview, (argument?: unknown) => TimelinePreview.show(context, client, targetOf(argument))),
    window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel: WebviewPanel, state: unknown) {
        TimelinePreview.revive(panel, context, client, state as PreviewState | undefined);
      },
    }),
  ];
}
