// A code lens on the timeline heading with the timeline's metrics ("TTD 10m · TTM 2h 19m · TTR
// 3h 42m · Duration 3h 42m"), or "No outage start found". Clicking opens the timeline preview
// when the client has that command; otherwise the lens is a label (an empty command id).
import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../engine';
import { formatClock } from '../engine/timeline/format';
import { metricsSummary, timedStart } from './timeline-facts';

export interface LensOptions {
  /** The client's command that opens the timeline preview, when it has one. */
  previewCommand?: string;
}

export function lensTitle(analysis: Analysis): string | undefined {
  const timeline = analysis.timeline;
  if (!timeline || timeline.sectionLines.length === 0) return undefined;
  const m = timeline.milestones;
  const start = timedStart(timeline);
  if (!start) return 'No outage start found';
  const metrics = metricsSummary(m);
  const parts = metrics.length ? metrics : [`Outage start ${formatClock(start)}`, 'no detection, mitigation or resolution found'];
  const notes = [m.startInferred ? 'start inferred' : '', m.episodes && m.episodes > 1 ? `first of ${m.episodes} outages` : ''].filter(Boolean);
  return `${parts.join(' · ')}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

export function codeLenses(analysis: Analysis, uri: string, options: LensOptions): CodeLens[] {
  const title = lensTitle(analysis);
  const line = analysis.timeline?.sectionLines[0];
  if (title === undefined || line === undefined) return [];
  const section = analysis.outline.sections.find((s) => s.line === line);
  const range = { start: { line, character: section?.startChar ?? 0 }, end: { line, character: section?.endChar ?? (analysis.doc.lines[line] ?? '').length } };
  const command = options.previewCommand
    ? { title, command: options.previewCommand, arguments: [uri] }
    : { title, command: '' };
  return [{ range, command }];
}
