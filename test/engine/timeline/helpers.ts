// Shared checks for the time-expression tests: every token's offsets point at its raw text.
import assert from 'node:assert/strict';
import type { DateToken, TimeToken, ZoneToken } from '../../../server/src/engine/timeline/index';

interface Span {
  start: number;
  end: number;
  raw: string;
}

export function assertSpan(text: string, t: Span, where = ''): void {
  assert.ok(Number.isInteger(t.start) && Number.isInteger(t.end), `${where} integer offsets`);
  assert.ok(t.start >= 0 && t.end <= text.length && t.start < t.end, `${where} [${t.start}, ${t.end}) inside 0..${text.length}`);
  assert.equal(text.slice(t.start, t.end), t.raw, `${where} raw matches the slice`);
}

export function assertZoneSpan(text: string, z: ZoneToken, where = ''): void {
  assertSpan(text, z, `${where} zone`);
}

export function assertDateSpan(text: string, d: DateToken, where = ''): void {
  assertSpan(text, d, `${where} date`);
  if (d.weekdayStart !== undefined || d.weekdayEnd !== undefined) {
    assert.ok(d.weekdayStart !== undefined && d.weekdayEnd !== undefined, `${where} weekday offsets come in pairs`);
    assert.ok(d.start <= d.weekdayStart && d.weekdayEnd <= d.end, `${where} weekday inside the date`);
  }
}

export function assertTimeSpan(text: string, t: TimeToken, where = ''): void {
  assertSpan(text, t, `${where} time`);
  assert.ok(t.start <= t.clockStart && t.clockStart < t.clockEnd && t.clockEnd <= t.end, `${where} clock inside the time`);
  if (t.date) {
    assertDateSpan(text, t.date, where);
    assert.ok(t.start <= t.date.start && t.date.end <= t.clockStart, `${where} date before the clock`);
  }
  if (t.zone) assertZoneSpan(text, t.zone, where);
  if (t.rangeEnd) {
    assert.ok(t.rangeEnd.start >= t.end, `${where} range end after the start`);
    assertTimeSpan(text, t.rangeEnd, `${where} range end`);
  }
}

/** The fields of a time token that the tables compare, flattened. */
export interface TimeFields {
  raw: string;
  hour: number;
  minute: number;
  second: number | undefined;
  meridiem: 'am' | 'pm' | undefined;
  style: TimeToken['style'];
  approximate: boolean;
  invalid: string | undefined;
  zone: string | undefined;
  offset: number | undefined;
  date: string | undefined;
  end: string | undefined;
  inferred: boolean;
}
export type TimeShape = Partial<TimeFields>;

const pad = (n: number) => String(n).padStart(2, '0');

export function timeShape(t: TimeToken): TimeFields {
  return {
    raw: t.raw,
    hour: t.hour,
    minute: t.minute,
    second: t.second,
    meridiem: t.meridiem,
    style: t.style,
    approximate: t.approximate,
    invalid: t.invalid,
    zone: t.zone ? (t.zone.abbr ?? t.zone.raw) : undefined,
    offset: t.zone?.fixedOffsetMinutes,
    date: t.date ? `${t.date.year ?? '?'}-${t.date.month}-${t.date.day}` : undefined,
    end: t.rangeEnd ? `${pad(t.rangeEnd.hour)}:${pad(t.rangeEnd.minute)}` : undefined,
    inferred: t.meridiemInferred === true,
  };
}

/** Compare only the keys the expectation names. */
export function pick<T extends object>(actual: T, expected: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(expected) as (keyof T)[]) out[key] = actual[key];
  return out;
}
