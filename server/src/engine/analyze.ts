// The engine's entry point: text in, analysis out. Parses once, builds the outline for the
// profile, runs every enabled rule in isolation, then applies inline directives.
import { mergeConfigs, type Config, type ConfigIssue } from './config';
import { tooLargeProblem } from './parse/limits';
import { parseDocument, type LanguageId, type ParseCache, type PostmortemDocument } from './document';
import { readsLikePostmortem } from './detect';
import { DisabledLines, findDirectives } from './directives';
import { buildOutline, type Outline } from './outline';
import { BUILTIN_PROFILES, DEFAULT_PROFILE, resolveProfile, type Profile } from './profiles';
import type { Rule, RuleContext } from './rule';
import { ALL_RULES } from './rules';
import { compareRanges, type Problem, type SeveritySetting } from './types';
import { buildTimeline, buildTimelineSteps, lineTokens } from './timeline/build';
import type { Timeline } from './timeline/model';

export interface AnalyzeOptions {
  config?: Config;
  languageId?: LanguageId;
  cache?: ParseCache;
  /** Analyse even if the document does not read like a postmortem (glob match, explicit file). */
  force?: boolean;
  rules?: readonly Rule[];
}

export interface RuleError {
  ruleId: string;
  message: string;
}

export interface Analysis {
  doc: PostmortemDocument;
  outline: Outline;
  profile: Profile;
  isPostmortem: boolean;
  problems: Problem[];
  /** Rules that threw: isolated, reported to the log, the others still ran. */
  ruleErrors: RuleError[];
  configIssues: ConfigIssue[];
  /** Built for postmortems only. */
  timeline?: Timeline;
}

export function ruleSeverity(rule: Rule, config: Config): SeveritySetting {
  const setting = config.rules?.[rule.id];
  if (setting === undefined) return rule.defaultSeverity;
  if (typeof setting === 'string') return setting;
  return setting.severity ?? rule.defaultSeverity;
}

function ruleOptions(rule: Rule, config: Config): Record<string, unknown> {
  const setting = config.rules?.[rule.id];
  if (!setting || typeof setting === 'string') return {};
  const { severity: _severity, ...options } = setting;
  return options;
}

export function selectProfile(config: Config): { profile: Profile; issues: ConfigIssue[] } {
  const name = config.profile ?? DEFAULT_PROFILE;
  const profile = resolveProfile(name, config.profiles);
  if (profile) return { profile, issues: [] };
  const known = [...Object.keys(BUILTIN_PROFILES), ...Object.keys(config.profiles ?? {})].join(', ');
  return { profile: BUILTIN_PROFILES[DEFAULT_PROFILE] as Profile, issues: [{ path: 'profile', message: `unknown profile "${name}" (known: ${known}); using "${DEFAULT_PROFILE}"` }] };
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const steps = analysisSteps(text, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * analyze(), a phase or a part of one per step: parse, outline, the tokens of every line (a batch
 * of lines per step), the timeline (a few blocks or entries per step), then each rule. The
 * language server runs a large document a step at a time and answers requests in between, or
 * stops when the document changed (issue 7). The result is the same as analyze().
 */
export function* analysisSteps(text: string, options: AnalyzeOptions = {}): Generator<void, Analysis, void> {
  const config = mergeConfigs(options.config);
  const { profile, issues } = selectProfile(config);
  const doc = parseDocument(text, { languageId: options.languageId, cache: options.cache });
  yield;
  const outline = buildOutline(doc, profile);
  yield;
  const isPostmortem = options.force === true || readsLikePostmortem(doc, outline);
  const analysis: Analysis = { doc, outline, profile, isPostmortem, problems: [], ruleErrors: [], configIssues: issues };
  if (!isPostmortem) return analysis;
  if (doc.oversize) {
    // Too large to analyse (engine/parse/limits.ts): one notice, and no rule runs.
    analysis.problems.push(tooLargeProblem(doc.oversize, doc.lines[0] ?? ''));
    return analysis;
  }
  const disabled = new DisabledLines(findDirectives(doc.lines), doc.lines.length);
  const { tokens, scan } = lineTokens(doc);
  const timelineOptions = { ambiguousZones: config.ambiguousZones };
  let timeline: Timeline | undefined;
  const getTimeline = (): Timeline => (timeline ??= buildTimeline(doc, outline, timelineOptions, tokens));
  yield;
  // The tokens of every line, a batch of lines per step (the first use of tokens would scan them all).
  yield* scan();
  yield;
  try {
    // The timeline, a few blocks or entries per step; as getTimeline() builds it.
    timeline = yield* buildTimelineSteps(doc, outline, timelineOptions, tokens);
  } catch {
    // Reported below, as before: by each rule that reads it and as the 'timeline' error.
  }
  for (const rule of options.rules ?? ALL_RULES) {
    yield;
    const severity = ruleSeverity(rule, config);
    if (severity === 'off') continue;
    const context: RuleContext = {
      doc, outline, profile, config, options: ruleOptions(rule, config), tokens,
      get timeline() {
        return getTimeline();
      },
      report(r) {
        if (disabled.isDisabled(rule.id, r.range.start.line)) return;
        analysis.problems.push({ ruleId: rule.id, severity, ...r });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      analysis.ruleErrors.push({ ruleId: rule.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  try {
    analysis.timeline = getTimeline();
  } catch (error) {
    analysis.ruleErrors.push({ ruleId: 'timeline', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  analysis.problems.sort((a, b) => compareRanges(a.range, b.range) || a.ruleId.localeCompare(b.ruleId));
  options.cache?.sweep();
  return analysis;
}
