// Public surface of the pure engine: used by the language server, the CLI and the tests.
export { analyze, ruleSeverity, selectProfile } from './analyze';
export type { Analysis, AnalyzeOptions, RuleError } from './analyze';
export { parseDocument, ParseCache } from './document';
export type { PostmortemDocument, Block, LanguageId } from './document';
export { buildOutline, contentLines } from './outline';
export type { Outline, Section } from './outline';
export { validateConfig, mergeConfigs } from './config';
export type { Config, ConfigIssue, RuleSetting } from './config';
export { BUILTIN_PROFILES, DEFAULT_PROFILE, CANONICAL_SECTIONS, resolveProfile } from './profiles';
export type { Profile, ProfileConfig } from './profiles';
export { ALL_RULES, RULE_IDS } from './rules';
export { docsUrl } from './rule';
export type { Rule, RuleMeta } from './rule';
export * from './types';
export { applyEdits } from './edits';
export { parseConfigText } from './config-text';
export type { ConfigError, ParsedConfig } from './config-text';
