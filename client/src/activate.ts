// Activation shared by the desktop (extension.ts) and web (browser.ts) extensions: the
// language client, the status bar item and the commands. Only the transport differs.
import { commands, ExtensionMode, window, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { ClientCommands, type InitializationOptions } from '../../common/protocol';
import { registerCommands } from './commands';
import { COMMANDS } from './commands-ids';
import { CrashHandler, type CrashNotifier } from './crash-handler';
import { registerEditingCommands } from './commands/index';
import { registerTimelinePreview } from './preview';
import { DOCUMENT_SELECTOR } from './selector';
import { ProfileStatus } from './status';

export const CLIENT_ID = 'postmortem';
export const CLIENT_NAME = 'Postmortem Lint';

/** What activate() returns: integration tests await `ready` before talking to the server. */
export interface PostmortemApi {
  client: BaseLanguageClient;
  /** Resolves when the server is initialised (rejects when it could not start). */
  ready: Promise<void>;
}

/** What the user sees when the server crashes (crash-handler.ts decides when). */
const crashNotifier: CrashNotifier = {
  restarting: (message) => void window.showWarningMessage(message),
  stopped: (message) => {
    const restart = 'Restart Server';
    void window.showErrorMessage(message, restart).then((choice) => (choice === restart ? commands.executeCommand(COMMANDS.restartServer) : undefined));
  },
};

export function clientOptions(errorHandler: CrashHandler): LanguageClientOptions {
  return {
    documentSelector: DOCUMENT_SELECTOR,
    // Restarts a crashed server (4 times in 3 minutes) and says so.
    errorHandler,
    // The server registers for settings and .postmortemrc changes itself (dynamic registration).
    diagnosticPullOptions: { onChange: true, onSave: true },
    // The code lens on the timeline heading opens the preview, a command only this client has.
    initializationOptions: { commands: [ClientCommands.openTimelinePreview] } satisfies InitializationOptions,
  };
}

export function activateWith(context: ExtensionContext, create: (options: LanguageClientOptions) => BaseLanguageClient): PostmortemApi {
  const crashes = new CrashHandler(crashNotifier);
  const client = create(clientOptions(crashes));
  const status = new ProfileStatus(client);
  context.subscriptions.push(status, ...registerCommands(client, status, crashes), ...registerTimelinePreview(context, client), ...registerEditingCommands(context, client));
  const ready = client.start();
  // The rejection stays visible on `ready`; here it is only logged.
  ready.then(() => status.update(), (error: unknown) => {
    client.error('The postmortem language server could not start', error, context.extensionMode === ExtensionMode.Production ? 'force' : false);
  });
  running = client;
  return { client, ready };
}

let running: BaseLanguageClient | undefined;

/** deactivate() returns this so VS Code waits for the server to shut down cleanly. */
export async function stopClient(): Promise<void> {
  const client = running;
  running = undefined;
  if (client?.needsStop()) await client.stop();
}
