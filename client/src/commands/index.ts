// The editing commands: a new postmortem from a template, a timeline entry stamped now.
import { commands, type Disposable, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { COMMANDS } from '../commands-ids';
import { insertTimelineEntry } from './insert-entry';
import { newPostmortem } from './new-postmortem';

export function registerEditingCommands(context: ExtensionContext, client: BaseLanguageClient): Disposable[] {
  return [
    commands.registerCommand(COMMANDS.newPostmortem, () => newPostmortem(context, client)),
    commands.registerCommand(COMMANDS.insertTimelineEntry, () => insertTimelineEntry(client)),
  ];
}
