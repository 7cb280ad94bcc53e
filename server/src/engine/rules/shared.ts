// What several rules derive from one analysis's timeline, computed once per Timeline object
// (a new one every analysis) instead of once per rule. Pure functions of the timeline: a rule
// reads them, never changes them.
import { timedEntries, type Timed } from '../timeline/compare';
import type { Timeline } from '../timeline/model';

const timedCache = new WeakMap<Timeline, Timed[]>();

/**
 * timedEntries(timeline), shared by the rules of one analysis. Not frozen (a frozen array of a
 * few thousand entries iterates slower); the rules only read it.
 */
export function timedOf(timeline: Timeline): Timed[] {
  let timed = timedCache.get(timeline);
  if (!timed) {
    timed = timedEntries(timeline);
    timedCache.set(timeline, timed);
  }
  return timed;
}
