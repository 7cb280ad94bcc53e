// Inlay hints: each timed timeline entry's offset from the outage start (T+0:10) after its time,
// with the absolute time as tooltip. Only entries in the requested range; none without a start.
import type { InlayHint, Position, Range } from 'vscode-languageserver';
import type { Analysis } from '../engine';
import { formatClock } from '../engine/timeline/format';
import { entryMoment, formatTPlus, minutesBetween, normalise, timedStart, type Timed } from './timeline-facts';

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

export function inlayHints(analysis: Analysis, range: Range): InlayHint[] {
  const timeline = analysis.timeline;
  const start = timeline && timedStart(timeline);
  if (!timeline || !start) return [];
  const hints: InlayHint[] = [];
  for (const entry of timeline.entries) {
    const position = { line: entry.line, character: entry.end };
    if (entry.instant === undefined || before(position, range.start) || before(range.end, position)) continue;
    const minutes = minutesBetween(start.instant, entry.instant);
    const { text, unknown } = normalise(entryMoment(entry as Timed));
    const relation = entry === start ? 'the outage start' : `${minutes < 0 ? 'before' : 'after'} the outage start (${formatClock(start)}, line ${start.line + 1})`;
    hints.push({
      position,
      label: formatTPlus(minutes),
      paddingLeft: true,
      tooltip: [`${text}: ${entry === start ? relation : `${formatTPlus(minutes)} ${relation}`}`, ...(unknown ? [unknown] : [])].join('\n'),
    });
  }
  return hints;
}
