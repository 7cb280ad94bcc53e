// The `postmortem.*` settings: names, types, defaults and descriptions, defined once. The
// server reads them per document (workspace/configuration); package.json's
// contributes.configuration is checked against `contributedConfiguration()` by a drift test.
import { DEFAULT_FILE_GLOBS } from '../server/src/config/files';
import { DEFAULT_PROFILE } from '../server/src/engine/profiles';
import type { RuleSetting } from '../server/src/engine/config';
import type { SeveritySetting } from '../server/src/engine/types';

export const SETTINGS_SECTION = 'postmortem';

export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const satisfies readonly SeveritySetting[];

export interface PostmortemSettings {
  enable: boolean;
  profile: string;
  rules: Record<string, RuleSetting>;
  files: string[];
  ambiguousZones: Record<string, string>;
  /** Milliseconds of quiet after typing before a document is analysed again. */
  debounce: number;
  /** T+ inlay hints on timeline entries. */
  'inlayHints.enabled': boolean;
}

type JsonSchema = Record<string, unknown>;

interface SettingSpec {
  /** Only settings the server reads are in PostmortemSettings; `trace.server` is the client's. */
  scope: 'resource' | 'window';
  schema: JsonSchema;
  default: unknown;
  markdownDescription: string;
  /** Checks a value read from a client; a failing value falls back to the default. */
  accepts(value: unknown): boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

const severity = { type: 'string', enum: [...SEVERITY_SETTINGS] };

export const SETTINGS = {
  enable: {
    scope: 'resource',
    schema: { type: 'boolean' },
    default: true,
    markdownDescription: 'Analyse postmortem documents in this folder.',
    accepts: (v) => typeof v === 'boolean',
  },
  profile: {
    scope: 'resource',
    schema: { type: 'string' },
    default: DEFAULT_PROFILE,
    markdownDescription: 'The profile (required sections and their order): `standard`, `google-sre`, `pagerduty`, `atlassian`, or one defined under `profiles` in `.postmortemrc.json`. A `profile` in `.postmortemrc.json` wins over this setting.',
    accepts: (v) => typeof v === 'string' && v.trim() !== '',
  },
  rules: {
    scope: 'resource',
    schema: {
      type: 'object',
      additionalProperties: { anyOf: [severity, { type: 'object', properties: { severity } }] },
    },
    default: {},
    markdownDescription: 'Severity per rule id, e.g. `{"placeholder-text": "off"}`. Entries in `.postmortemrc.json` win over these.',
    accepts: isObject,
  },
  files: {
    scope: 'resource',
    schema: { type: 'array', items: { type: 'string' } },
    default: [...DEFAULT_FILE_GLOBS],
    markdownDescription: 'Globs (relative to the workspace folder) of files that are always analysed as postmortems. Other Markdown, plain text and HTML files are analysed when they read like a postmortem.',
    accepts: isStringArray,
  },
  ambiguousZones: {
    scope: 'resource',
    schema: { type: 'object', additionalProperties: { type: 'string' } },
    default: {},
    markdownDescription: 'The zone meant by ambiguous abbreviations, e.g. `{"IST": "Asia/Kolkata"}`.',
    accepts: (v) => isObject(v) && Object.values(v).every((x) => typeof x === 'string'),
  },
  debounce: {
    scope: 'resource',
    schema: { type: 'integer', minimum: 0, maximum: 5000 },
    default: 150,
    markdownDescription: 'Milliseconds to wait after the last edit before a document is analysed again.',
    accepts: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 5000,
  },
  'inlayHints.enabled': {
    scope: 'resource',
    schema: { type: 'boolean' },
    default: true,
    markdownDescription: 'Show each timeline entry\'s offset from the outage start (`T+0:10`) as an inlay hint after its time.',
    accepts: (v) => typeof v === 'boolean',
  },
  'trace.server': {
    scope: 'window',
    schema: { type: 'string', enum: ['off', 'messages', 'verbose'] },
    default: 'off',
    markdownDescription: 'Logs the messages between VS Code and the postmortem language server to its output channel.',
    accepts: (v) => v === 'off' || v === 'messages' || v === 'verbose',
  },
} satisfies Record<string, SettingSpec>;

type ServerKey = keyof PostmortemSettings;
const SERVER_KEYS = ['enable', 'profile', 'rules', 'files', 'ambiguousZones', 'debounce', 'inlayHints.enabled'] as const satisfies readonly ServerKey[];

export const DEFAULT_SETTINGS: PostmortemSettings = {
  enable: SETTINGS.enable.default,
  profile: SETTINGS.profile.default,
  rules: {},
  files: [...SETTINGS.files.default],
  ambiguousZones: {},
  debounce: SETTINGS.debounce.default,
  'inlayHints.enabled': SETTINGS['inlayHints.enabled'].default,
};

/** A dotted key ("inlayHints.enabled") as VS Code returns it (nested), or flat as some clients push it. */
function lookup(raw: Record<string, unknown>, key: string): unknown {
  if (key in raw) return raw[key];
  return key.split('.').reduce<unknown>((value, part) => (isObject(value) ? value[part] : undefined), raw);
}

/**
 * Reads the `postmortem` section as a client returned it (any shape, null when unset).
 * A wrong value falls back to its default and is named in `issues`.
 */
export function readSettings(raw: unknown): { settings: PostmortemSettings; issues: string[] } {
  const settings: PostmortemSettings = structuredClone(DEFAULT_SETTINGS);
  const issues: string[] = [];
  if (!isObject(raw)) return { settings, issues };
  for (const key of SERVER_KEYS) {
    const value = lookup(raw, key);
    if (value === undefined || value === null) continue;
    if (SETTINGS[key].accepts(value)) (settings as unknown as Record<string, unknown>)[key] = structuredClone(value);
    else issues.push(`${SETTINGS_SECTION}.${key}: ${JSON.stringify(value)} is not valid; using the default`);
  }
  return { settings, issues };
}

/** The `contributes.configuration` object of package.json. */
export function contributedConfiguration(): { title: string; properties: Record<string, JsonSchema> } {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, spec] of Object.entries(SETTINGS) as [string, SettingSpec][]) {
    properties[`${SETTINGS_SECTION}.${key}`] = { ...spec.schema, default: spec.default, scope: spec.scope, markdownDescription: spec.markdownDescription };
  }
  return { title: 'Postmortem', properties };
}
