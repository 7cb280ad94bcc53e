// The time-expression layer: pure tokenizers for times, dates, zones, durations, relative offsets,
// vague times and time placeholders, with exact offsets into the scanned string.
export type {
  DateToken, DurationToken, PlaceholderToken, RelativeToken, TimeToken, VagueToken, ZoneToken,
} from './tokens';
export {
  daysInMonth, findDates, isLeapYear, isValidDate, matchNumericDateAt, monthName, resolveDateOrder, weekdayOf,
} from './dates';
export { findDurations, findRelative } from './durations';
export { findTimePlaceholders, findTimes, findVague } from './times';
export {
  DEFAULT_AMBIGUITY, expectedAbbreviation, findZones, ianaOffsetMinutes, matchZoneAfter, zoneOffsetMinutes,
} from './zones';
export type { ZoneMatch } from './zones';
