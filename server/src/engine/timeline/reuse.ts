// Timeline entries kept from one analysis to the next (issue 7). Extraction shares raw entries
// across analyses (memo.ts): a frozen raw entry is the same text at the same place. What an entry
// owes to its raw entry alone (fields, milestone kind) is kept per raw entry; the whole entry is
// kept too and given again, frozen, while what the document around it decides (day, zone,
// instant) comes out the same, so an edit allocates only the entries it changed.
import type { PostmortemDocument } from '../document';
import { classifyCached as classify, deepFreeze } from '../cache';
import type { RawEntry } from './entries';
import type { CalendarDate, TimelineEntry, ZoneContext } from './model';

/** What the document around an entry decides: build.ts's date carry and zone. */
export interface Placed {
  dayFrom?: TimelineEntry['dayFrom'];
  /** The entry has a valid time (else a relative one, or none). */
  timed: boolean;
  approximate: boolean;
  zone?: ZoneContext;
  offsetMinutes?: number;
  instant?: number;
  endInstant?: number;
  day?: CalendarDate;
}

const templates = new WeakMap<RawEntry, TimelineEntry>();
const entries = new WeakMap<RawEntry, TimelineEntry>();

function templateOf(doc: PostmortemDocument, e: RawEntry): TimelineEntry {
  let t = templates.get(e);
  if (t) return t;
  // Same fields as spreading `e` and deleting these three, without `delete` (which leaves every entry a slow dictionary-mode object; issue 7).
  const { depth: _depth, untimed: _untimed, dateLine: _dateLine, ...fields } = e;
  t = fields as TimelineEntry;
  t.kind = 'other';
  t.approximate = false;
  const { kind, marked, confidence } = classify(`${e.text} ${doc.masked(e.line).slice(e.start, e.end)}`.trim(), e.label);
  t.kind = kind;
  if (marked) t.markedKind = true;
  if (confidence) t.confidence = confidence;
  if (Object.isFrozen(e)) templates.set(e, t);
  return t;
}

const sameDay = (a: CalendarDate | undefined, b: CalendarDate | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.year === b.year && a.month === b.month && a.day === b.day);

const sameZone = (a: ZoneContext | undefined, b: ZoneContext | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.zone === b.zone && a.source === b.source && a.line === b.line);

function same(c: TimelineEntry, p: Placed): boolean {
  return c.dayFrom === p.dayFrom && c.approximate === p.approximate && c.offsetMinutes === p.offsetMinutes && c.instant === p.instant &&
    c.endInstant === p.endInstant && sameDay(c.day, p.day) && sameZone(c.zone, p.zone);
}

/** The timeline entry of raw entry `e` placed as `p`: the same fields, in the same order, as building it anew. */
export function timelineEntry(doc: PostmortemDocument, e: RawEntry, p: Placed): TimelineEntry {
  const shared = Object.isFrozen(e);
  const last = shared ? entries.get(e) : undefined;
  if (last && same(last, p)) return last;
  // Object.assign: a spread of templates ({...t}) made slow dictionary-mode entries.
  const entry: TimelineEntry = Object.assign({}, templateOf(doc, e));
  if (p.dayFrom) entry.dayFrom = p.dayFrom;
  if (p.timed) {
    entry.approximate = p.approximate;
    entry.zone = p.zone;
    if (p.offsetMinutes !== undefined) entry.offsetMinutes = p.offsetMinutes;
    entry.instant = p.instant;
    if (p.endInstant !== undefined) entry.endInstant = p.endInstant;
  } else if (p.instant !== undefined) {
    entry.instant = p.instant;
    if (p.zone) entry.zone = p.zone;
    if (p.offsetMinutes !== undefined) entry.offsetMinutes = p.offsetMinutes;
  }
  if (p.day) entry.day = p.day;
  if (shared) {
    // Everything else in it is the raw entry's, frozen already (memo.ts).
    if (entry.zone) deepFreeze(entry.zone);
    if (entry.day) Object.freeze(entry.day);
    entries.set(e, Object.freeze(entry));
  }
  return entry;
}

/** Strict equality of plain data (what assert.deepStrictEqual compares): the same keys, equal values. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.hasOwn(b, k) || !equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

let lastZone: ZoneContext | undefined;

/**
 * The timeline's zone, as the same (frozen) object as last time when it did not change, so that
 * entries which carry it compare equal by identity.
 */
export function stableZone(zone: ZoneContext | undefined): ZoneContext | undefined {
  if (zone && lastZone && equal(zone, lastZone)) return lastZone;
  lastZone = zone === undefined ? lastZone : deepFreeze(zone);
  return zone;
}
