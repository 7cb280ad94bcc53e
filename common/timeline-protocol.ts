// The preview's custom request, shared by the extension and the language server: the timeline
// of a document as the server's analysis sees it, ready to draw (a TimelineView, see
// server/src/render/view.ts). Defined once here, as in common/protocol.ts; the server registers
// it by `method` because it is bundled with its own copy of vscode-jsonrpc.
import { RequestType } from 'vscode-languageserver-protocol';
import type { TimelineView } from '../server/src/render/view';

export interface TimelineParams {
  textDocument: { uri: string };
}

/** Null when the document is not open on the server or is not a postmortem. */
export type TimelineResult = TimelineView | null;

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace TimelineRequest {
  export const method = 'postmortem/timeline' as const;
  export const type = new RequestType<TimelineParams, TimelineResult, void>(method);
}
