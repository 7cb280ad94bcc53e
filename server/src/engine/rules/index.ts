// The registry of rules, in the order they run and are documented.
import type { Rule } from '../rule';
import missingSection from './missing-section';
import emptySection from './empty-section';
import placeholderText from './placeholder-text';
import duplicateSection from './duplicate-section';
import duplicateParagraph from './duplicate-paragraph';
import pseudoHeading from './pseudo-heading';
import actionItemOwner from './action-item-owner';
import timelineUnparsed from './timeline-unparsed';
import timelineOrder from './timeline-order';
import timezoneMissing from './timezone-missing';
import timezoneMixed from './timezone-mixed';
import invalidTime from './invalid-time';
import summaryWindow from './summary-window';
import statedDuration from './stated-duration';
import proseTime from './prose-time';
import milestoneOrder from './milestone-order';
import dateMismatch from './date-mismatch';
import weekdayMismatch from './weekday-mismatch';

export const ALL_RULES: readonly Rule[] = [
  missingSection,
  emptySection,
  placeholderText,
  duplicateSection,
  duplicateParagraph,
  pseudoHeading,
  actionItemOwner,
  timelineUnparsed,
  timelineOrder,
  timezoneMissing,
  timezoneMixed,
  invalidTime,
  summaryWindow,
  statedDuration,
  proseTime,
  milestoneOrder,
  dateMismatch,
  weekdayMismatch,
];

export const RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.id);
