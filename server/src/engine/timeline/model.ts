// The timeline as a careful reviewer reads it: entries with their times resolved to instants,
// the zone and reference date that apply, milestone kinds and the metrics derived from them.
import type { DateToken, PlaceholderToken, RelativeToken, TimeToken, VagueToken, ZoneToken } from './tokens';

export type MilestoneKind = 'start' | 'detect' | 'escalate' | 'mitigate' | 'resolve' | 'other';

export type EntrySource = 'list' | 'table' | 'line' | 'run-in' | 'html';

/** Where a zone or a reference date was found. */
export type ContextSource = 'entry' | 'heading' | 'sentence' | 'summary' | 'title' | 'frontmatter' | 'document';

export interface ZoneContext {
  zone: ZoneToken;
  source: ContextSource;
  /** 0-based line of the zone text. */
  line: number;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface TimelineEntry {
  /** 0-based line of the entry's time (or of its first line when it has none). */
  line: number;
  /** Last line of the entry's text (soft-wrapped lines and continuation lines). */
  endLine: number;
  /** Columns of the time expression on `line` (date and zone included), or of the entry text. */
  start: number;
  end: number;
  /** Plain text of the entry without its time. */
  text: string;
  source: EntrySource;
  time?: TimeToken;
  /** Date written on the entry itself. */
  date?: DateToken;
  relative?: RelativeToken;
  vague?: VagueToken;
  placeholder?: PlaceholderToken;
  /** The calendar date that applies (written, carried from an earlier entry or a date line, or the reference date). */
  day?: CalendarDate;
  /** How `day` was obtained. */
  dayFrom?: 'entry' | 'carried' | 'rollover' | 'reference';
  /** Zone that applies and where it came from. */
  zone?: ZoneContext;
  /** UTC offset in minutes used for `instant`, when the zone is known. */
  offsetMinutes?: number;
  /**
   * Milliseconds since the epoch. With a known date and zone it is the real instant; without
   * them it is still consistent within the document (floating), see `Timeline.floating`.
   */
  instant?: number;
  /** End of a range entry (2:30 PM – 9:00 PM). */
  endInstant?: number;
  approximate: boolean;
  kind: MilestoneKind;
  /** Written explicitly (`<START OF OUTAGE>`, "(outage ends)") rather than read from words. */
  markedKind?: boolean;
}

export interface Milestones {
  start?: TimelineEntry;
  detected?: TimelineEntry;
  escalated?: TimelineEntry;
  mitigated?: TimelineEntry;
  resolved?: TimelineEntry;
  /** True when start is only the first timed entry (no entry says the outage began). */
  startInferred?: boolean;
  timeToDetectMinutes?: number;
  timeToMitigateMinutes?: number;
  timeToResolveMinutes?: number;
  durationMinutes?: number;
}

export interface Timeline {
  /** Lines of the timeline section title(s) (0-based). */
  sectionLines: number[];
  entries: TimelineEntry[];
  zone?: ZoneContext;
  referenceDate?: { date: CalendarDate; source: ContextSource; line: number };
  /** Instants are not anchored to a real date or zone (none was stated). */
  floating: { date: boolean; zone: boolean };
  milestones: Milestones;
}
