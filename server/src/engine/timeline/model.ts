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
  /** A short label written before the time ("First detected", "Resolution"), part of `text` too. */
  label?: string;
  /** How sure the kind is: an explicit marker, an unambiguous phrase or label, or suggestive words. */
  confidence?: 'marked' | 'phrase' | 'hint';
  /** 0-based line of the title of the timeline section the entry is in (a document can have two). */
  section?: number;
}

export interface Milestones {
  start?: TimelineEntry;
  detected?: TimelineEntry;
  escalated?: TimelineEntry;
  mitigated?: TimelineEntry;
  resolved?: TimelineEntry;
  /** True when start is only the first timed entry (no entry says the outage began). */
  startInferred?: boolean;
  /**
   * How many outages the timeline tells: an entry saying the outage began after one saying it
   * ended starts another (recurring incidents in one report). Metrics describe the first.
   */
  episodes?: number;
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
  /** The entries run newest first (a status page's log): consistent, not out of order. */
  newestFirst?: true;
  /**
   * Times, windows and durations stated outside the timeline (summary, root cause, key-event
   * fields, tables of figures), tied to the event or metric they describe.
   */
  prose: ProseStatement[];
}

/** What a stated duration measures: the outage's length, or the time to detect, mitigate or resolve. */
export type ProseMetric = 'duration' | 'detect' | 'mitigate' | 'resolve';

/** A point in time as prose states it. */
export interface ProseTime {
  /** 0-based line and columns of the time expression (date and zone included). */
  line: number;
  start: number;
  end: number;
  hour: number;
  minute: number;
  /** The calendar date written with the time, when one is, and its columns on `line`. */
  date?: CalendarDate;
  dateStart?: number;
  dateEnd?: number;
  /** The zone written with the time (or in the same sentence), when one is. */
  zone?: ZoneToken;
  /** Milliseconds since the epoch, consistent with `TimelineEntry.instant` (the document's zone and date when the text gives none). */
  instant: number;
  /** The UTC offset used for `instant`, when a zone applies. */
  offsetMinutes?: number;
  approximate: boolean;
  /** Written as "late August 4", "in the morning": only the day is known. */
  vague?: boolean;
}

export interface ProseStatement {
  kind: 'time' | 'window' | 'duration';
  /** 0-based line of the statement's figure. */
  line: number;
  start: number;
  end: number;
  /** The clause the figure was read from (plain text). */
  text: string;
  /** Canonical id of the section it is in ('summary', 'root-cause', …), 'lead' before the first one. */
  section?: string;
  /** How it was written: a sentence, a "Label: value" field, a table cell, or a line of a second, detailed log. */
  form: 'sentence' | 'field' | 'table' | 'log';
  /** The field's label or the table column's header ("Time to recovery", "Incident Duration"). */
  label?: string;
  /** `time`: the event it names. */
  event?: MilestoneKind;
  /** `time`: when; `window`: from. */
  at?: ProseTime;
  /** `window`: until. */
  until?: ProseTime;
  /** `duration`: what it measures and how long. */
  metric?: ProseMetric;
  minutes?: number;
  /** "about", "~", "approximately" (and bounds). */
  approximate?: boolean;
  /** "over / at least" ('min'), "under / within / at most" ('max'). */
  bound?: 'min' | 'max';
  /** The smallest unit the duration was written in, in minutes (1, 60, 1440): how exact it claims to be. */
  granularity?: number;
  /** `duration`: a window written in the same clause ("47 minutes, from 4:14 pm to 5:01 pm"). */
  span?: { from: ProseTime; until: ProseTime };
}
