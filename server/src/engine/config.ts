// Configuration as data (.postmortemrc.json, editor settings). Validation gives messages a
// person can act on; an invalid entry is dropped, never thrown.
import type { ProfileConfig } from './profiles';
import type { SeveritySetting } from './types';

export type RuleSetting = SeveritySetting | { severity?: SeveritySetting; [option: string]: unknown };

export interface Config {
  profile?: string;
  profiles?: Record<string, ProfileConfig>;
  rules?: Record<string, RuleSetting>;
  /** Globs of files analysed as postmortems (server and CLI; relative to the config's folder). */
  files?: string[];
  /** Zone meant by ambiguous abbreviations, e.g. {"IST": "Asia/Kolkata"}. */
  ambiguousZones?: Record<string, string>;
}

export interface ConfigIssue {
  path: string;
  message: string;
}

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const KEYS = ['$schema', 'profile', 'profiles', 'rules', 'files', 'ambiguousZones'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks a parsed config; returns what is usable and what is wrong with the rest. */
export function validateConfig(raw: unknown, knownRules: readonly string[]): { config: Config; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const config: Config = {};
  if (!isObject(raw)) return { config, issues: [{ path: '', message: 'the configuration must be a JSON object' }] };
  for (const key of Object.keys(raw)) if (!KEYS.includes(key)) issues.push({ path: key, message: `unknown setting "${key}" (expected one of ${KEYS.slice(1).join(', ')})` });
  if (raw.profile !== undefined) {
    if (typeof raw.profile === 'string') config.profile = raw.profile;
    else issues.push({ path: 'profile', message: 'must be a profile name (string)' });
  }
  if (raw.profiles !== undefined) {
    if (!isObject(raw.profiles)) issues.push({ path: 'profiles', message: 'must be an object of profile definitions' });
    else config.profiles = validateProfiles(raw.profiles, issues);
  }
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) issues.push({ path: 'rules', message: 'must be an object mapping rule ids to a severity' });
    else config.rules = validateRules(raw.rules, knownRules, issues);
  }
  if (raw.files !== undefined) {
    if (Array.isArray(raw.files) && raw.files.every((f) => typeof f === 'string')) config.files = raw.files as string[];
    else issues.push({ path: 'files', message: 'must be an array of glob strings' });
  }
  if (raw.ambiguousZones !== undefined) {
    if (isObject(raw.ambiguousZones) && Object.values(raw.ambiguousZones).every((v) => typeof v === 'string')) config.ambiguousZones = raw.ambiguousZones as Record<string, string>;
    else issues.push({ path: 'ambiguousZones', message: 'must map abbreviations to IANA zone names, e.g. {"IST": "Asia/Kolkata"}' });
  }
  return { config, issues };
}

function validateRules(rules: Record<string, unknown>, known: readonly string[], issues: ConfigIssue[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(rules)) {
    if (!known.includes(id)) {
      issues.push({ path: `rules.${id}`, message: `unknown rule "${id}"` });
      continue;
    }
    if (typeof value === 'string' && SEVERITIES.includes(value)) out[id] = value as SeveritySetting;
    else if (typeof value === 'boolean') out[id] = value ? 'warning' : 'off';
    else if (isObject(value) && (value.severity === undefined || SEVERITIES.includes(String(value.severity)))) out[id] = value as RuleSetting;
    else issues.push({ path: `rules.${id}`, message: `must be one of ${SEVERITIES.join(', ')} or {"severity": …, options}` });
  }
  return out;
}

function validateProfiles(profiles: Record<string, unknown>, issues: ConfigIssue[]): Record<string, ProfileConfig> {
  const out: Record<string, ProfileConfig> = {};
  for (const [name, value] of Object.entries(profiles)) {
    const path = `profiles.${name}`;
    if (!isObject(value)) {
      issues.push({ path, message: 'must be an object with "sections" and optionally "extends"' });
      continue;
    }
    if (value.extends !== undefined && typeof value.extends !== 'string') {
      issues.push({ path: `${path}.extends`, message: 'must be a profile name' });
      continue;
    }
    const sections = value.sections;
    if (sections !== undefined && (!Array.isArray(sections) || !sections.every((s) => isObject(s) && typeof s.id === 'string' && (s.title === undefined || typeof s.title === 'string') && (s.required === undefined || typeof s.required === 'boolean') && (s.synonyms === undefined || (Array.isArray(s.synonyms) && s.synonyms.every((x) => typeof x === 'string')))))) {
      issues.push({ path: `${path}.sections`, message: 'must be an array of {"id", "title"?, "required"?, "synonyms"?}' });
      continue;
    }
    out[name] = value as ProfileConfig;
  }
  return out;
}

/** Later layers win; rule and profile maps merge key by key. */
export function mergeConfigs(...layers: (Config | undefined)[]): Config {
  const out: Config = {};
  for (const c of layers) {
    if (!c) continue;
    if (c.profile !== undefined) out.profile = c.profile;
    if (c.files !== undefined) out.files = c.files;
    if (c.profiles) out.profiles = { ...out.profiles, ...c.profiles };
    if (c.rules) out.rules = { ...out.rules, ...c.rules };
    if (c.ambiguousZones) out.ambiguousZones = { ...out.ambiguousZones, ...c.ambiguousZones };
  }
  return out;
}
