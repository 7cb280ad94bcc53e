// What the preview and the exports draw: a plain, serializable view of the analysis. The server
// builds it (the webview receives it over the custom request), the CLI builds it, and every
// renderer reads only this, so the picture is the same everywhere.
import { expectedAbbreviation } from '../engine/timeline/index';
import { decodeEntities } from '../engine/text';
import type { MilestoneKind, Timeline, TimelineEntry } from '../engine/timeline/model';
import type { ZoneToken } from '../engine/timeline/tokens';
import type { Problem, Severity } from '../engine/types';

export type MilestoneName = 'start' | 'detected' | 'escalated' | 'mitigated' | 'resolved';
export const MILESTONE_NAMES: readonly MilestoneName[] = ['start', 'detected', 'escalated', 'mitigated', 'resolved'];

/** Why an entry has no place on the time axis. */
export type Unplaced = 'vague' | 'placeholder' | 'invalid' | 'untimed';

export interface ViewProblem {
  ruleId: string;
  severity: Severity;
  message: string;
}

export interface ViewEvent {
  /** Position in document order. */
  id: number;
  /** 0-based lines and the columns of the time expression (what "reveal" selects). */
  line: number;
  endLine: number;
  start: number;
  end: number;
  text: string;
  /** The time as written, when the entry has one (also for vague and placeholder times). */
  written?: string;
  /** Why it is invalid, when the time is impossible (13:55 PM). */
  invalid?: string;
  instant?: number;
  endInstant?: number;
  offsetMinutes?: number;
  /** PDT, UTC+3, WAT … for this entry's own time; undefined when its zone is unknown. */
  zoneLabel?: string;
  approximate: boolean;
  /** Written as an offset (T+15m): placed from the first clock time, or from T+0 when there is none. */
  relative?: true;
  kind: MilestoneKind;
  unplaced?: Unplaced;
  /** The milestones this entry is (an entry can be both mitigation and resolution). */
  milestones: MilestoneName[];
  problems: ViewProblem[];
}

export interface ViewZone {
  /** As shown: PDT, WAT, UTC+3. */
  label: string;
  /** For machines: the IANA id when there is one, else the label. */
  id: string;
}

export interface ViewMetrics {
  timeToDetectMinutes?: number;
  timeToMitigateMinutes?: number;
  timeToResolveMinutes?: number;
  durationMinutes?: number;
}

export interface TimelineView {
  /** As given by the caller: a path relative to the working directory, or a URI. */
  filePath: string;
  /** Short name for headings (the file's base name). */
  name: string;
  /** Undefined when no zone applies (floating.zone). */
  zone?: ViewZone;
  floating: { date: boolean; zone: boolean };
  events: ViewEvent[];
  /** Event ids of the milestones. */
  milestones: Partial<Record<MilestoneName, number>>;
  /** Start is only the first timed entry: no entry says the outage began. */
  startInferred: boolean;
  metrics: ViewMetrics;
}

function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '−' : '+';
  const m = Math.abs(minutes);
  const hh = Math.floor(m / 60);
  return `UTC${sign}${hh}${m % 60 ? `:${String(m % 60).padStart(2, '0')}` : ''}`;
}

/** The label a reader expects: the abbreviation right for the date (PDT in September), else the offset. */
export function zoneLabel(zone: ZoneToken, instant: number | undefined, offsetMinutes: number | undefined): string {
  // The date on the wall clock, not in UTC: 20:00 PST on March 9 is March 10 in UTC, when
  // Pacific clocks are on PDT. The offset itself decides when it is known.
  const at = new Date((instant ?? Date.UTC(2000, 0, 1)) + (offsetMinutes ?? 0) * 60_000);
  let abbr: string | undefined;
  try {
    abbr = expectedAbbreviation(zone, at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate(), undefined, offsetMinutes);
  } catch {
    abbr = undefined;
  }
  if (abbr && !/^(GMT|UTC)[+-−]/.test(abbr)) return abbr;
  if (zone.kind === 'abbr' && zone.abbr && !zone.unknown) return zone.abbr;
  if (offsetMinutes !== undefined) return offsetLabel(offsetMinutes);
  return zone.raw.replace(/^\(|\)$/g, '').trim();
}

function unplacedReason(e: TimelineEntry): Unplaced | undefined {
  if (e.instant !== undefined) return undefined;
  if (e.time?.invalid) return 'invalid';
  if (e.placeholder) return 'placeholder';
  if (e.vague) return 'vague';
  return 'untimed';
}

function written(e: TimelineEntry): string | undefined {
  return e.time?.raw ?? e.relative?.raw ?? e.vague?.raw ?? e.placeholder?.raw ?? e.date?.raw;
}

export interface ViewOptions {
  filePath: string;
  name?: string;
}

function baseName(path: string): string {
  const clean = path.replace(/[?#].*$/, '');
  const name = clean.slice(clean.search(/[^/\\]*$/));
  try {
    return decodeURIComponent(name) || path;
  } catch {
    return name || path;
  }
}

/** Problems reported on an entry's lines belong to it (the marker shows their messages). */
function problemsOn(e: TimelineEntry, problems: readonly Problem[]): ViewProblem[] {
  return problems
    .filter((p) => p.range.start.line >= e.line && p.range.start.line <= Math.max(e.line, e.endLine))
    .map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message }));
}

export function timelineView(timeline: Timeline, problems: readonly Problem[], options: ViewOptions): TimelineView {
  const ids = new Map<TimelineEntry, number>(timeline.entries.map((e, i) => [e, i]));
  const m = timeline.milestones;
  const milestones: Partial<Record<MilestoneName, number>> = {};
  const byEntry = new Map<number, MilestoneName[]>();
  for (const name of MILESTONE_NAMES) {
    const entry = m[name];
    const id = entry ? ids.get(entry) : undefined;
    if (id === undefined) continue;
    milestones[name] = id;
    byEntry.set(id, [...(byEntry.get(id) ?? []), name]);
  }
  // Relative entries (T+15m) are anchored to the first timed entry: they share its offset.
  const anchorOffset = timeline.entries.find((e) => e.time && e.offsetMinutes !== undefined)?.offsetMinutes;
  const events = timeline.entries.map((e, id): ViewEvent => {
    const ev: ViewEvent = {
      id, line: e.line, endLine: Math.max(e.line, e.endLine), start: e.start, end: e.end, text: decodeEntities(e.text),
      approximate: e.approximate, kind: e.kind, milestones: byEntry.get(id) ?? [], problems: problemsOn(e, problems),
    };
    const w = written(e);
    if (w !== undefined) ev.written = w;
    if (e.time?.invalid) ev.invalid = e.time.invalid;
    if (e.relative) ev.relative = true;
    if (e.instant !== undefined) ev.instant = e.instant;
    if (e.endInstant !== undefined) ev.endInstant = e.endInstant;
    const offset = e.offsetMinutes ?? (e.relative && e.instant !== undefined ? anchorOffset : undefined);
    if (offset !== undefined) ev.offsetMinutes = offset;
    if (e.zone && offset !== undefined) ev.zoneLabel = zoneLabel(e.zone.zone, e.instant, offset);
    const why = unplacedReason(e);
    if (why) ev.unplaced = why;
    return ev;
  });
  const view: TimelineView = {
    filePath: options.filePath,
    name: options.name ?? baseName(options.filePath),
    floating: { ...timeline.floating },
    events,
    milestones,
    startInferred: m.startInferred === true,
    metrics: {},
  };
  if (timeline.zone && !timeline.floating.zone) {
    const first = events.find((e) => e.instant !== undefined && e.offsetMinutes !== undefined);
    const label = zoneLabel(timeline.zone.zone, first?.instant, first?.offsetMinutes);
    view.zone = { label, id: timeline.zone.zone.iana ?? label };
  }
  for (const key of ['timeToDetectMinutes', 'timeToMitigateMinutes', 'timeToResolveMinutes', 'durationMinutes'] as const) {
    const v = m[key];
    if (v !== undefined) view.metrics[key] = v;
  }
  return view;
}
