// Drift checks: package.json's settings agree with common/settings.ts, and the .postmortemrc
// schema agrees with the engine (its rule list, and what validateConfig accepts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { contributedConfiguration, DEFAULT_SETTINGS, readSettings } from '../../common/settings';
import { validateConfig } from '../../server/src/engine/config';
import { RULE_IDS } from '../../server/src/engine/rules';
import { ROOT } from './harness';
import { rcSchema, SCHEMA_PATH } from './rc-schema';

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(`${ROOT}${path}`, 'utf8')) as Record<string, unknown>;

test('package.json contributes.configuration matches common/settings.ts', () => {
  const pkg = readJson('package.json') as { contributes: Record<string, unknown> };
  const expected = contributedConfiguration();
  if (process.env.UPDATE_MANIFEST === '1') {
    // Read-modify-write of the one field, as the team does with the shared package.json.
    pkg.contributes.configuration = expected;
    writeFileSync(`${ROOT}package.json`, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  assert.deepEqual(pkg.contributes.configuration, expected,
    'package.json contributes.configuration is out of date with common/settings.ts. Run: UPDATE_MANIFEST=1 node scripts/test.mjs manifest');
});

test('the README documents every setting', () => {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Settings\n')) ?? '';
  for (const key of Object.keys(contributedConfiguration().properties)) assert.ok(section.includes(`\`${key}\``), `README "## Settings" mentions ${key}`);
});

test(`${SCHEMA_PATH} is generated from the engine's rules and profiles`, () => {
  const expected = rcSchema();
  if (process.env.UPDATE_SCHEMA === '1') writeFileSync(`${ROOT}${SCHEMA_PATH}`, `${JSON.stringify(expected, null, 2)}\n`);
  assert.deepEqual(readJson(SCHEMA_PATH), expected, `${SCHEMA_PATH} is out of date (a rule was added or renamed?). Run: UPDATE_SCHEMA=1 node scripts/test.mjs manifest`);
});

const VALID: unknown[] = [
  {},
  { $schema: './node_modules/postmortem-lint/schemas/postmortemrc.schema.json', profile: 'google-sre' },
  { profile: 'team' },
  { rules: { 'missing-section': 'off', 'placeholder-text': true, 'duplicate-section': { severity: 'error' }, 'duplicate-paragraph': { severity: 'hint', minWords: 5 } } },
  { rules: { 'pseudo-heading': { minWords: 3 } } },
  { profiles: { team: { extends: 'standard', description: 'Ours', sections: [{ id: 'timeline', required: false }, { id: 'customer-comms', title: 'Customer communication', synonyms: ['comms'] }] } } },
  { files: ['incidents/**/*.md'], ambiguousZones: { IST: 'Asia/Kolkata' } },
];

const INVALID: unknown[] = [
  [], 'standard', null, 42,
  { profile: 3 },
  { profiles: [] }, { profiles: { team: 3 } }, { profiles: { team: { extends: 5 } } },
  { profiles: { team: { sections: [{ title: 'no id' }] } } },
  { profiles: { team: { sections: [{ id: 'x', synonyms: 'comms' }] } } },
  { profiles: { team: { sections: [{ id: 'x', required: 'yes' }] } } },
  { rules: [] }, { rules: { 'no-such-rule': 'off' } }, { rules: { 'missing-section': 'loud' } },
  { rules: { 'missing-section': { severity: 'loud' } } }, { rules: { 'missing-section': 3 } },
  { files: 'incidents/**' }, { files: [1] },
  { ambiguousZones: { IST: 1 } }, { ambiguousZones: [] },
  { unknownSetting: true },
];

test('the schema and validateConfig agree on valid and invalid configurations', () => {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(readJson(SCHEMA_PATH));
  for (const sample of [...VALID, ...INVALID]) {
    const engineOk = validateConfig(sample, RULE_IDS).issues.length === 0;
    const schemaOk = validate(sample);
    assert.equal(schemaOk, engineOk, `${JSON.stringify(sample)}: schema says ${schemaOk ? 'valid' : JSON.stringify(validate.errors)}, engine says ${engineOk ? 'valid' : 'invalid'}`);
    assert.equal(engineOk, VALID.includes(sample), `${JSON.stringify(sample)} is in the wrong list`);
  }
});

test('settings read from a client fall back per key to their defaults', () => {
  assert.deepEqual(readSettings(null), { settings: DEFAULT_SETTINGS, issues: [] });
  const { settings, issues } = readSettings({ profile: 'pagerduty', rules: 'off', debounce: 2.5, files: ['docs/**'], extra: 1 });
  assert.equal(settings.profile, 'pagerduty');
  assert.deepEqual(settings.rules, {});
  assert.equal(settings.debounce, DEFAULT_SETTINGS.debounce);
  assert.deepEqual(settings.files, ['docs/**']);
  assert.deepEqual(issues.map((i) => i.split(':')[0]), ['postmortem.rules', 'postmortem.debounce']);
});
