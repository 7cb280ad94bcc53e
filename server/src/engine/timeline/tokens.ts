// Token types produced by the time-expression layer. Every token carries `start`/`end` offsets
// (UTF-16 code units) into the string that was scanned, and `raw === text.slice(start, end)`.

export interface ZoneToken {
  start: number;
  end: number;
  raw: string;
  /** PST | UTC+3, GMT+3, (+3 GMT), +05:30, Z | "Pacific time", "West African Time", "Europe/London". */
  kind: 'abbr' | 'offset' | 'name';
  /** Normalised upper-case abbreviation when kind === 'abbr' (also for unknown ones such as PCT). */
  abbr?: string;
  /** IANA zone the expression refers to, when it names one region (never set for ambiguous ones). */
  iana?: string;
  /** Offset as written: UTC+3 -> 180; fixed abbreviations (PST -480, PDT -420, WAT 60, CEST 120). */
  fixedOffsetMinutes?: number;
  /** For zones of a DST family: PST standard, PDT daylight, PT / "Pacific time" generic. */
  dstVariant?: 'standard' | 'daylight' | 'generic';
  /** Candidate IANA zones when the abbreviation is ambiguous (IST, CST). */
  ambiguous?: string[];
  /** Looks like a zone where one is expected (right after a time) but is not one (PCT). */
  unknown?: boolean;
}

export interface TimeToken {
  /**
   * The timestamp as a whole: an attached numeric/ISO date (when `date` is set, with its weekday if
   * one is written), the clock, its meridiem and the zone written right after it ("(UTC)" includes
   * the brackets). Brackets around the time, "~"/"around" before it and a range end are outside.
   */
  start: number;
  end: number;
  raw: string;
  /** Just the clock part (digits, meridiem, "hours"/"HRS" suffix): what an invalid-time fix replaces. */
  clockStart: number;
  clockEnd: number;
  hour: number;
  minute: number;
  second?: number;
  meridiem?: 'am' | 'pm';
  /** The meridiem was taken from the range end (`1:46 - 5:30pm`), not written. */
  meridiemInferred?: boolean;
  style: '12h' | '24h' | 'military' | 'iso';
  /** noon / midnight / midday written as a word. */
  named?: 'noon' | 'midnight';
  /** ~14:18, around 21:00, approximately 8pm, 10:30ish. */
  approximate: boolean;
  /** Human reason when the time is impossible (13:55 PM, 25:10, minute 61). */
  invalid?: string;
  zone?: ZoneToken;
  /** The zone was written after the range end and applies to this start too (`14:00 - 16:30 UTC`). */
  zoneFromRangeEnd?: boolean;
  /**
   * Numeric date directly attached (2021-12-13T08:00Z, 2024-10-24 07:34, 24-10-2024 - 08:15,
   * 06/May/2022 2:17 PM). Equal to the token findDates reports for it. Named-month dates
   * ("August 5 12:19 AM") are not attached: pair them in the caller.
   */
  date?: DateToken;
  /** End of a range (2:30 PM – 9:00 PM, 09:00 - 11:00, 9:39 AM to 9:49 AM). */
  rangeEnd?: TimeToken;
}

export interface DateToken {
  start: number;
  end: number;
  raw: string;
  year?: number;
  /** 1-12; 0 when unknown (placeholders). */
  month: number;
  /** 1-31; 0 when unknown (placeholders). */
  day: number;
  /** 0 = Sunday .. 6 = Saturday, when a weekday name is written with the date. */
  weekday?: number;
  /** Offsets of the weekday name (inside [start, end)). */
  weekdayStart?: number;
  weekdayEnd?: number;
  invalid?: string;
  /** 2022-05-??, YYYY-MM-DD: unknown parts are 0. */
  placeholder?: boolean;
  /** How the numbers were read. */
  order?: 'ymd' | 'dmy' | 'mdy' | 'md' | 'named';
  /** Both DD-MM and MM-DD readings are valid (04-12-2022): `month`/`day` hold the default reading. */
  ambiguousOrder?: boolean;
  /** The other reading when `ambiguousOrder` is set. */
  alternative?: { month: number; day: number };
  /** The year was written with two digits (5-26-21). */
  twoDigitYear?: boolean;
}

export interface DurationToken {
  start: number;
  end: number;
  raw: string;
  minutes: number;
  /** "~2h", "about 3 hours", "over twenty four hours", "within 24 minutes". */
  approximate: boolean;
  /** 'min' for "over / more than / at least", 'max' for "under / within / less than / up to". */
  bound?: 'min' | 'max';
}

export interface RelativeToken {
  start: number;
  end: number;
  raw: string;
  /** Signed: T-5m -> -5. */
  minutes: number;
}

export interface VagueToken {
  start: number;
  end: number;
  raw: string;
}

export interface PlaceholderToken {
  start: number;
  end: number;
  raw: string;
}
