// What a rule is: metadata plus one check. A check reads the analysis context and reports
// problems; fixes travel as data on the report.
import type { Config } from './config';
import { DOCUMENT_TOO_LARGE } from './parse/limits';
import type { PostmortemDocument } from './document';
import type { Outline } from './outline';
import type { Profile } from './profiles';
import type { Timeline } from './timeline/model';
import type { LineTokens } from './timeline/scan';
import type { Fix, Range, RelatedInfo, Severity } from './types';

export interface RuleMeta {
  id: string;
  /** One sentence: what the rule reports. Shown in the README table and the docs. */
  description: string;
  defaultSeverity: Severity;
  tags: string[];
  /** Whether some of its reports carry a fix. */
  fixable: boolean;
}

export interface Report {
  message: string;
  range: Range;
  data?: Record<string, unknown>;
  fixes?: Fix[];
  related?: RelatedInfo[];
}

export interface RuleContext {
  doc: PostmortemDocument;
  outline: Outline;
  profile: Profile;
  config: Config;
  /** Options from the rule's configuration object (everything but `severity`). */
  options: Record<string, unknown>;
  /** The timeline, built once per analysis on first use. */
  readonly timeline: Timeline;
  /** Time, date and vague-time tokens of a line (masked), cached per analysis. */
  tokens(line: number): LineTokens;
  report(report: Report): void;
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): void;
}

export const DOCS_BASE = 'https://github.com/postmortem-tools/postmortem-lint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  // The size-limit notice is not a rule: its page is the reliability doc's limits section.
  if (ruleId === DOCUMENT_TOO_LARGE) return DOCS_BASE.replace(/rules\/$/, 'reliability.md#limits');
  return `${DOCS_BASE}${ruleId}.md`;
}
