// Outage start and end and the durations between milestones. The start is the first entry that
// says the outage began (an explicit marker or phrase before mere hints), else the first timed
// entry; the end is the last entry that says service was restored, before the outage recurs.
import type { Milestones, TimelineEntry } from './model';

const minutesBetween = (a?: TimelineEntry, b?: TimelineEntry): number | undefined =>
  a?.instant !== undefined && b?.instant !== undefined ? Math.round((b.instant - a.instant) / 60_000) : undefined;

type Timed = TimelineEntry & { instant: number };

function strongest(list: Timed[]): Timed | undefined {
  return list.find((e) => e.confidence !== 'hint') ?? list[0];
}

/** Splits the timed entries where the outage recurs: a start after an end. */
function episodes(timed: Timed[]): Timed[][] {
  const out: Timed[][] = [[]];
  let ended = false;
  for (const e of timed) {
    if (e.kind === 'resolve' && e.confidence !== 'hint') ended = true;
    else if (ended && e.kind === 'start' && e.confidence !== 'hint') {
      out.push([]);
      ended = false;
    }
    out[out.length - 1]?.push(e);
  }
  return out;
}

export function computeMilestones(entries: TimelineEntry[]): Milestones {
  const all = entries.filter((e): e is Timed => e.instant !== undefined && !e.relative);
  const parts = episodes(all);
  const timed = parts[0] ?? [];
  // Grouped in one pass (a filter per kind read thousands of entries five times; issue 7).
  const byKind = new Map<TimelineEntry['kind'], Timed[]>();
  for (const e of timed) {
    const list = byKind.get(e.kind);
    if (list) list.push(e);
    else byKind.set(e.kind, [e]);
  }
  const ofKind = (kind: TimelineEntry['kind']) => byKind.get(kind) ?? [];
  const explicitStart = strongest(ofKind('start'));
  const start = explicitStart ?? timed[0];
  const after = (kind: TimelineEntry['kind']) => {
    const list = ofKind(kind);
    return list.find((e) => start === undefined || e.instant >= start.instant) ?? list[0];
  };
  const resolves = ofKind('resolve');
  const strongResolves = resolves.filter((e) => e.confidence !== 'hint');
  const resolved = (strongResolves.length ? strongResolves : resolves).at(-1);
  // A fix after the outage ended is follow-up work, not its mitigation.
  const mitigations = ofKind('mitigate').filter((e) => !resolved || e.instant <= resolved.instant);
  const m: Milestones = {
    start,
    detected: after('detect'),
    escalated: after('escalate'),
    mitigated: mitigations.find((e) => start === undefined || e.instant >= start.instant) ?? mitigations[0] ?? resolved,
    resolved,
  };
  if (start && !explicitStart) m.startInferred = true;
  if (parts.length > 1) m.episodes = parts.length;
  m.timeToDetectMinutes = minutesBetween(start, m.detected);
  m.timeToMitigateMinutes = minutesBetween(start, m.mitigated);
  m.timeToResolveMinutes = minutesBetween(start, m.resolved);
  m.durationMinutes = m.timeToResolveMinutes;
  return m;
}
