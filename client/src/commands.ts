// Commands: restart the server, select the profile for the active document's folder.
import { commands, ConfigurationTarget, Uri, window, workspace, type Disposable } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SETTINGS_SECTION } from '../../common/settings';
import { COMMANDS } from './commands-ids';
import type { CrashHandler } from './crash-handler';
import { profileItems } from './profile-items';
import type { ProfileStatus } from './status';

async function selectProfile(status: ProfileStatus): Promise<void> {
  const document = window.activeTextEditor?.document;
  const info = document ? await status.info(document) : undefined;
  if (info?.profileSource === 'rc' && info.configUri) {
    // The file wins over settings, so writing the setting would change nothing.
    const configUri = Uri.parse(info.configUri);
    const name = configUri.path.slice(configUri.path.lastIndexOf('/') + 1);
    const open = `Open ${name}`;
    const choice = await window.showInformationMessage(`The profile "${info.profile}" is set by ${name}, which wins over settings. Change it there.`, open);
    if (choice === open) await window.showTextDocument(configUri);
    return;
  }
  const pick = await window.showQuickPick(profileItems(info), { title: 'Postmortem profile', placeHolder: 'Which sections should postmortems in this folder have?' });
  if (!pick) return;
  const folder = document ? workspace.getWorkspaceFolder(document.uri) : workspace.workspaceFolders?.[0];
  const target = folder ? ConfigurationTarget.WorkspaceFolder : ConfigurationTarget.Global;
  await workspace.getConfiguration(SETTINGS_SECTION, folder?.uri).update('profile', pick.label, target);
}

export function registerCommands(client: BaseLanguageClient, status: ProfileStatus, crashes: CrashHandler): Disposable[] {
  return [
    commands.registerCommand(COMMANDS.restartServer, async () => {
      // A restart asked for by the user starts a new count of crashes.
      crashes.reset();
      // stop() then start(): what the Node client's restart() does, and it works for the web client too.
      if (client.needsStop()) await client.stop();
      await client.start();
      status.update();
    }),
    commands.registerCommand(COMMANDS.selectProfile, () => selectProfile(status)),
  ];
}
