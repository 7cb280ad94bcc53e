// "Postmortem: New Postmortem from Template": pick a profile (built-in and configured, asked of
// the server), give a title, and get postmortems/YYYY-MM-DD-<slug>.md in the first workspace
// folder (an untitled document without one) filled with the profile's template snippet, the
// cursor in its first field.
import { Position, SnippetString, Uri, window, workspace, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ProfilesRequest, type ProfilesResult } from '../../../common/protocol';
import { BUILTIN_PROFILES, DEFAULT_PROFILE } from '../../../server/src/engine/profiles';
import { parseSnippets, postmortemFileName, templateFor, templateItems, uniqueName } from './templates';

export const POSTMORTEM_FOLDER = 'postmortems';

function builtinProfiles(): ProfilesResult {
  return {
    current: DEFAULT_PROFILE,
    profiles: Object.values(BUILTIN_PROFILES).map((p) => ({ name: p.name, description: p.description, builtin: true, sections: p.sections })),
  };
}

/** The profiles the new file could use, asked of the server for the file's folder; the built-in ones if it cannot answer. */
async function profiles(client: BaseLanguageClient, uri: Uri | undefined): Promise<ProfilesResult> {
  if (!uri || !client.isRunning()) return builtinProfiles();
  try {
    return (await client.sendRequest(ProfilesRequest.type, { uri: uri.toString() })) ?? builtinProfiles();
  } catch {
    return builtinProfiles();
  }
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a keybinding or another extension may pass to skip the questions:
 * `{ "profile": "standard", "title": "Checkout outage" }`. A profile that is not available is
 * asked for as usual.
 */
export interface NewPostmortemArgs {
  profile?: string;
  title?: string;
}

export async function newPostmortem(context: ExtensionContext, client: BaseLanguageClient, args?: NewPostmortemArgs): Promise<void> {
  const folder = workspace.workspaceFolders?.[0];
  const dir = folder && Uri.joinPath(folder.uri, POSTMORTEM_FOLDER);
  const available = await profiles(client, dir && Uri.joinPath(dir, 'new.md'));
  const items = templateItems(available);
  const given = typeof args?.profile === 'string' ? items.find((i) => i.label === args.profile) : undefined;
  const pick = given ?? (await window.showQuickPick(items, { title: 'New postmortem', placeHolder: 'Which template (profile)?', matchOnDetail: true }));
  if (!pick) return;
  const title = typeof args?.title === 'string' ? args.title : await window.showInputBox({ title: 'New postmortem', prompt: 'Incident title (also names the file)', placeHolder: 'Checkout outage' });
  if (title === undefined) return;
  const snippets = parseSnippets(new TextDecoder().decode(await workspace.fs.readFile(Uri.joinPath(context.extensionUri, 'snippets', 'postmortem.code-snippets'))));
  const template = templateFor(pick.profile, snippets, title);
  let document;
  if (dir) {
    await workspace.fs.createDirectory(dir);
    const name = await uniqueName(postmortemFileName(new Date(), title), (candidate) => exists(Uri.joinPath(dir, candidate)));
    const uri = Uri.joinPath(dir, name);
    await workspace.fs.writeFile(uri, new Uint8Array());
    document = await workspace.openTextDocument(uri);
  } else {
    document = await workspace.openTextDocument({ language: 'markdown', content: '' });
  }
  const editor = await window.showTextDocument(document);
  await editor.insertSnippet(new SnippetString(template), new Position(0, 0), { undoStopBefore: false, undoStopAfter: true, keepWhitespace: true });
}

