// "Postmortem: Insert Timeline Entry": a timeline entry stamped with the current time in the
// document's zone (asked of the server), written like its neighbouring entries, at the cursor
// when it is in the timeline, else at the end of the timeline.
import { Position, Range, SnippetString, window } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { TimelineContextRequest } from '../../../common/protocol';
import { isCandidate } from '../selector';
import { entrySnippet, insertionPoint, nowInZone, zoneLabel } from './entry-format';

export async function insertTimelineEntry(client: BaseLanguageClient): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || !isCandidate(editor.document)) {
    void window.showInformationMessage('Open a postmortem to insert a timeline entry.');
    return;
  }
  const document = editor.document;
  const context = client.isRunning()
    ? await client.sendRequest(TimelineContextRequest.type, { textDocument: { uri: document.uri.toString() } })
    : null;
  if (!context) {
    void window.showInformationMessage('This document is not analysed as a postmortem, so it has no timeline to add to.');
    return;
  }
  const lines = Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
  const point = insertionPoint(context, editor.selection.active.line, lines);
  const now = nowInZone(Date.now(), context.zone);
  const zone = context.zone && zoneLabel(context.zone, now);
  const neighbour = point.neighbour && { text: lines[point.neighbour.line] ?? '', shape: point.neighbour };
  const entry = entrySnippet(neighbour, now, zone, point.writeZone);
  const line = document.lineAt(point.line);
  const [snippet, location] = point.replace
    ? [entry, line.range]
    : [`${point.blankBefore ? '\n\n' : '\n'}${entry}`, new Range(line.range.end, line.range.end)];
  await editor.insertSnippet(new SnippetString(snippet), location, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
  editor.revealRange(new Range(new Position(point.line, 0), new Position(point.line + 2, 0)));
}
