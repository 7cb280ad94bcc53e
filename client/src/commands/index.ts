// The editing commands: a new postmortem from a template, a timeline entry stamped now.
import { commands, type Disposable, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { COMMANDS } from '../commands-ids';
import { insertTimelineEntry } from './insert-entry';
import { newPostmortem, type NewPostmortemArgs } from './new-postmortem';

export function registerEditingCommands(context: ExtensionContext, client: BaseLanguageClient): Disposable[] {
  return [
    commands.registerCommand(COMMANDS.newPostmortem, (args?: NewPostmortemArgs) => newPostmortem(context, client, args)),
    commands.registerCommand(COMMANDS.insertTimelineEntry, () => insertTimelineEntry(client)),
  ];
}
