// Outage start and end and the durations between milestones.
import type { Milestones, TimelineEntry } from './model';

const minutesBetween = (a?: TimelineEntry, b?: TimelineEntry): number | undefined =>
  a?.instant !== undefined && b?.instant !== undefined ? Math.round((b.instant - a.instant) / 60_000) : undefined;

export function computeMilestones(entries: TimelineEntry[]): Milestones {
  const timed = entries.filter((e) => e.instant !== undefined);
  const first = (kind: TimelineEntry['kind']) => timed.find((e) => e.kind === kind);
  const explicitStart = first('start');
  const start = explicitStart ?? timed[0];
  const after = (kind: TimelineEntry['kind']) => timed.find((e) => e.kind === kind && (start?.instant === undefined || (e.instant ?? 0) >= start.instant)) ?? first(kind);
  const resolvedAll = timed.filter((e) => e.kind === 'resolve');
  const resolved = resolvedAll[resolvedAll.length - 1];
  const m: Milestones = {
    start,
    detected: after('detect'),
    escalated: after('escalate'),
    mitigated: after('mitigate') ?? resolved,
    resolved,
  };
  if (start && !explicitStart) m.startInferred = true;
  m.timeToDetectMinutes = minutesBetween(start, m.detected);
  m.timeToMitigateMinutes = minutesBetween(start, m.mitigated);
  m.timeToResolveMinutes = minutesBetween(start, m.resolved);
  m.durationMinutes = m.timeToResolveMinutes;
  return m;
}
