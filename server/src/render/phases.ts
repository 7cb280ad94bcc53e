// The incident's phases, from its milestones: impact runs from the outage start until it is
// mitigated (or resolved); the response splits into detection (start → detected), mitigation
// (detected → mitigated) and resolution (mitigated → resolved).
import type { MilestoneName, TimelineView } from './view';

export type PhaseName = 'impact' | 'detection' | 'mitigation' | 'resolution';

export const PHASE_TITLES: Record<PhaseName, string> = {
  impact: 'Impact',
  detection: 'Detection',
  mitigation: 'Mitigation',
  resolution: 'Resolution',
};

export interface Phase {
  name: PhaseName;
  from: number;
  to: number;
  minutes: number;
}

function instantOf(view: TimelineView, name: MilestoneName): number | undefined {
  const id = view.milestones[name];
  return id === undefined ? undefined : view.events[id]?.instant;
}

function phase(name: PhaseName, from: number | undefined, to: number | undefined): Phase | undefined {
  if (from === undefined || to === undefined || to <= from) return undefined;
  return { name, from, to, minutes: Math.round((to - from) / 60_000) };
}

export function phases(view: TimelineView): { impact?: Phase; response: Phase[] } {
  const start = instantOf(view, 'start');
  const detected = instantOf(view, 'detected');
  const mitigated = instantOf(view, 'mitigated');
  const resolved = instantOf(view, 'resolved');
  const impact = phase('impact', start, mitigated ?? resolved);
  const response = [
    phase('detection', start, detected),
    phase('mitigation', detected, mitigated),
    phase('resolution', mitigated ?? detected, resolved),
  ].filter((p): p is Phase => p !== undefined);
  return impact ? { impact, response } : { response };
}
