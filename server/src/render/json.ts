// `postmortem-lint timeline FILE --format json` (product.md, CLI contract): 1-based lines, ISO
// 8601 times with the offset when the zone is known, null for what is unknown.
import { isoTime } from './format';
import type { MilestoneName, TimelineView } from './view';

export interface TimelineJson {
  filePath: string;
  timezone: string | null;
  events: { line: number; text: string; time: string | null; approximate: boolean; kind: string }[];
  metrics: {
    start: string | null;
    detected: string | null;
    mitigated: string | null;
    resolved: string | null;
    timeToDetectMinutes: number | null;
    timeToMitigateMinutes: number | null;
    timeToResolveMinutes: number | null;
    durationMinutes: number | null;
  };
}

export function timelineJson(view: TimelineView): TimelineJson {
  // With no clock time in the timeline, T+ entries have no time of day: "T+0m" is not 00:00.
  const clock = view.events.some((e) => e.instant !== undefined && !e.relative);
  const time = (id: number | undefined): string | null => {
    const e = id === undefined ? undefined : view.events[id];
    return e?.instant === undefined || (e.relative && !clock) ? null : isoTime(e.instant, e.offsetMinutes, view.floating.date);
  };
  const at = (name: MilestoneName): string | null => time(view.milestones[name]);
  const m = view.metrics;
  return {
    filePath: view.filePath,
    timezone: view.zone?.id ?? null,
    events: view.events.map((e) => ({ line: e.line + 1, text: e.text, time: time(e.id), approximate: e.approximate, kind: e.kind })),
    metrics: {
      start: at('start'),
      detected: at('detected'),
      mitigated: at('mitigated'),
      resolved: at('resolved'),
      timeToDetectMinutes: m.timeToDetectMinutes ?? null,
      timeToMitigateMinutes: m.timeToMitigateMinutes ?? null,
      timeToResolveMinutes: m.timeToResolveMinutes ?? null,
      durationMinutes: m.durationMinutes ?? null,
    },
  };
}

export function renderJson(view: TimelineView): string {
  return `${JSON.stringify(timelineJson(view), null, 2)}\n`;
}
