// Builds the JSON schema of .postmortemrc files from the engine's own lists (rule ids and
// descriptions, severities, built-in profiles), so schemas/postmortemrc.schema.json can be
// checked for drift and regenerated: UPDATE_SCHEMA=1 node scripts/test.mjs manifest
import { ALL_RULES } from '../../server/src/engine/rules';
import { BUILTIN_PROFILES, CANONICAL_SECTIONS } from '../../server/src/engine/profiles';
import { SEVERITY_SETTINGS } from '../../common/settings';

export const SCHEMA_PATH = 'schemas/postmortemrc.schema.json';

export function rcSchema(): Record<string, unknown> {
  const rules = Object.fromEntries(ALL_RULES.map((rule) => [rule.id, { $ref: '#/definitions/ruleSetting', description: `${rule.description} Default: ${rule.defaultSeverity}.` }]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/postmortem-tools/postmortem-lint/blob/main/schemas/postmortemrc.schema.json',
    title: 'Postmortem Lint configuration',
    description: 'A .postmortemrc.json or .postmortemrc.jsonc file: it applies to postmortems in its folder and below, and wins over editor settings.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      profile: { type: 'string', description: 'The profile: which sections a postmortem needs, in what order.', examples: Object.keys(BUILTIN_PROFILES) },
      profiles: { type: 'object', description: 'Profiles of your own, by name.', additionalProperties: { $ref: '#/definitions/profile' } },
      rules: { type: 'object', description: 'Severity (or options) per rule id.', additionalProperties: false, properties: rules },
      files: { type: 'array', description: 'Globs, relative to this file\'s folder, of files always analysed as postmortems.', items: { type: 'string' } },
      ambiguousZones: { type: 'object', description: 'The IANA zone meant by an ambiguous abbreviation, e.g. {"IST": "Asia/Kolkata"}.', additionalProperties: { type: 'string' } },
    },
    definitions: {
      severity: { enum: [...SEVERITY_SETTINGS] },
      ruleSetting: {
        anyOf: [
          { $ref: '#/definitions/severity' },
          { type: 'boolean', description: 'true: warning; false: off.' },
          { type: 'object', properties: { severity: { $ref: '#/definitions/severity' } }, description: 'A severity and the rule\'s options.' },
        ],
      },
      profile: {
        type: 'object',
        properties: {
          extends: { type: 'string', description: 'A built-in or configured profile to start from.', examples: Object.keys(BUILTIN_PROFILES) },
          description: { type: 'string' },
          sections: { type: 'array', items: { $ref: '#/definitions/section' } },
        },
      },
      section: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'string', description: 'A canonical section id, or one of your own.', examples: CANONICAL_SECTIONS.map((s) => s.id) },
          title: { type: 'string' },
          required: { type: 'boolean' },
          synonyms: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  };
}
