// The time axis: a real (linear) scale, except that long quiet stretches are compressed into a
// fixed-size break marked with the time skipped, so a night between two busy hours does not
// squeeze the busy hours into a corner.
import type { ViewEvent } from './view';

const MINUTE = 60_000;

/** A gap is compressed when it is more than 3× the typical (median) interval, and at least this long. */
export const MIN_BREAK_MINUTES = 30;

/**
 * The instants on the axis: every start, and the end of every range. Both layouts break the axis
 * at the same gaps, so a gap after a range runs from its end.
 */
export function axisInstants(events: readonly ViewEvent[]): number[] {
  return events.flatMap((e) => (e.instant === undefined ? [] : e.endInstant !== undefined ? [e.instant, e.endInstant] : [e.instant]));
}

/** Sorted distinct instants. */
export function distinct(instants: readonly number[]): number[] {
  return [...new Set(instants.filter((t) => Number.isFinite(t)))].sort((a, b) => a - b);
}

/** Indices i such that the gap u[i] → u[i+1] becomes a break. */
export function breakGaps(u: readonly number[]): Set<number> {
  const gaps = u.slice(1).map((t, i) => t - u[i]!);
  if (gaps.length < 2) return new Set();
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const out = new Set<number>();
  gaps.forEach((g, i) => {
    if (g > 3 * median && g >= MIN_BREAK_MINUTES * MINUTE) out.add(i);
  });
  return out;
}

export interface Segment {
  t0: number;
  t1: number;
  p0: number;
  p1: number;
}

export interface Break {
  from: number;
  to: number;
  p0: number;
  p1: number;
}

export interface TimeScale {
  at(t: number): number;
  segments: Segment[];
  breaks: Break[];
  /** Pixels per millisecond on the linear parts (0 when every instant is the same). */
  k: number;
}

export function timeScale(instants: readonly number[], p0: number, p1: number, breakPx: number): TimeScale {
  const u = distinct(instants);
  if (u.length < 2) {
    const mid = (p0 + p1) / 2;
    const t = u[0] ?? 0;
    return { at: () => mid, segments: [{ t0: t, t1: t, p0: mid, p1: mid }], breaks: [], k: 0 };
  }
  const cut = breakGaps(u);
  let linear = 0;
  for (let i = 0; i < u.length - 1; i++) if (!cut.has(i)) linear += u[i + 1]! - u[i]!;
  const k = (p1 - p0 - cut.size * breakPx) / linear;
  const segments: Segment[] = [];
  const breaks: Break[] = [];
  let seg: Segment = { t0: u[0]!, t1: u[0]!, p0, p1: p0 };
  for (let i = 0; i < u.length - 1; i++) {
    const a = u[i]!;
    const b = u[i + 1]!;
    if (cut.has(i)) {
      segments.push(seg);
      breaks.push({ from: a, to: b, p0: seg.p1, p1: seg.p1 + breakPx });
      seg = { t0: b, t1: b, p0: seg.p1 + breakPx, p1: seg.p1 + breakPx };
    } else {
      seg = { ...seg, t1: b, p1: seg.p1 + (b - a) * k };
    }
  }
  segments.push(seg);
  const at = (t: number): number => {
    for (const s of segments) if (t >= s.t0 && t <= s.t1) return s.t1 === s.t0 ? s.p0 : s.p0 + ((t - s.t0) / (s.t1 - s.t0)) * (s.p1 - s.p0);
    for (const b of breaks) if (t > b.from && t < b.to) return b.p0 + ((t - b.from) / (b.to - b.from)) * (b.p1 - b.p0);
    const first = segments[0]!;
    const last = segments[segments.length - 1]!;
    return t < first.t0 ? first.p0 - (first.t0 - t) * k : last.p1 + (t - last.t1) * k;
  };
  return { at, segments, breaks, k };
}

const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080];

/** Tick step (minutes) so that ticks are at least `minPx` apart at `k` px/ms. */
export function tickStep(k: number, minPx: number): number {
  for (const s of STEPS) if (s * MINUTE * k >= minPx) return s;
  return STEPS[STEPS.length - 1]!;
}

/** Wall-clock ticks (epoch ms in the display's fake UTC) inside [from, to]. */
export function ticks(fromWall: number, toWall: number, stepMinutes: number): number[] {
  const step = stepMinutes * MINUTE;
  const out: number[] = [];
  for (let t = Math.ceil(fromWall / step) * step; t <= toWall; t += step) out.push(t);
  return out;
}
