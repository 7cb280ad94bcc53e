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

/**
 * Where the outage recurs in the timed entries (a start after an end): the end of the first
 * episode and how many there are. Indexes, not a copy of each episode (issue 7: this runs on
 * every keystroke over thousands of entries).
 */
function episodes(timed: Timed[]): { firstEnd: number; count: number } {
  let firstEnd = timed.length;
  let count = 1;
  let ended = false;
  for (let i = 0; i < timed.length; i++) {
    const e = timed[i] as Timed;
    if (e.kind === 'resolve' && e.confidence !== 'hint') ended = true;
    else if (ended && e.kind === 'start' && e.confidence !== 'hint') {
      if (count === 1) firstEnd = i;
      count++;
      ended = false;
    }
  }
  return { firstEnd, count };
}

export function computeMilestones(entries: TimelineEntry[]): Milestones {
  // T+ entries count: the build places them from the timeline's first clock time (or from T+0
  // when the timeline has none), so their differences are real durations.
  const all = entries.filter((e): e is Timed => e.instant !== undefined);
  const parts = episodes(all);
  const timed = parts.firstEnd === all.length ? all : all.slice(0, parts.firstEnd);
  // Grouped in one pass (a filter per kind read thousands of entries five times; issue 7).
  const byKind = new Map<TimelineEntry['kind'], Timed[]>();
  for (let i = 0; i < timed.length; i++) {
    const e = timed[i] as Timed;
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
  if (parts.count > 1) m.episodes = parts.count;
  m.timeToDetectMinutes = minutesBetween(start, m.detected);
  m.timeToMitigateMinutes = minutesBetween(start, m.mitigated);
  m.timeToResolveMinutes = minutesBetween(start, m.resolved);
  m.durationMinutes = m.timeToResolveMinutes;
  return m;
}
