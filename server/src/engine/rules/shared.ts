// What several rules derive from one analysis's timeline, computed once per Timeline object
// (a new one every analysis) instead of once per rule. Pure functions of the timeline: a rule
// reads them, never changes them.
import { timedEntries, type Timed } from '../timeline/compare';
import type { Timeline } from '../timeline/model';

/** timedEntries(timeline): computed once per timeline, shared by the rules of one analysis (compare.ts). */
export function timedOf(timeline: Timeline): Timed[] {
  return timedEntries(timeline);
}
