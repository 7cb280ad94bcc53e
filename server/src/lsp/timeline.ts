// Answers the preview's `postmortem/timeline` request from the server's own analysis of the
// document (the same one diagnostics come from): the client never parses a postmortem.
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { TimelineRequest, type TimelineParams, type TimelineResult } from '../../../common/timeline-protocol';
import type { Analysis } from '../engine';
import { timelineView } from '../render';
import type { Logger } from './log';

/** The latest analysis of an open document (Analyzer.latest), undefined when it is not open. */
export type LatestAnalysis = (uri: string, token?: CancellationToken) => Promise<{ analysis?: Analysis; isPostmortem: boolean } | undefined>;

export async function timelineFor(params: TimelineParams, latest: LatestAnalysis, token?: CancellationToken): Promise<TimelineResult> {
  const uri = params.textDocument.uri;
  const result = await latest(uri, token);
  const analysis = result?.isPostmortem ? result.analysis : undefined;
  if (!analysis?.timeline) return null;
  return timelineView(analysis.timeline, analysis.problems, { filePath: uri });
}

export function registerTimeline(connection: Connection, latest: LatestAnalysis, log: Pick<Logger, 'guard'>): void {
  connection.onRequest(TimelineRequest.method, log.guard('timeline', null as TimelineResult, (params: TimelineParams, token: CancellationToken) => timelineFor(params, latest, token)));
}
