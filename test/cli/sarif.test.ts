// `--format sarif` is valid SARIF 2.1.0: checked with ajv against the schema published by the
// SARIF SDK team in @microsoft/jest-sarif (sarif-2.1.0-rtm.5.json, the 2.1.0 release schema),
// read from node_modules, so no network is needed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { ALL_RULES, docsUrl } from '../../server/src/engine';
import { CLEAN, FLAWED, runCli, tempTree } from './helpers';

const require = createRequire(import.meta.url);

/**
 * The schema is draft-04; ajv reads it as draft-07 once its `id` is spelled `$id` (it uses no
 * other draft-04-only keyword). Its `language` pattern has a stray `]`, valid only in non-Unicode
 * regular expressions, hence `unicodeRegExp: false`.
 */
function sarifValidator() {
  const path = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const isUri = (s: string) => URL.canParse(s);
  ajv.addFormat('uri', isUri);
  ajv.addFormat('uri-reference', (s: string) => isUri(s) || URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile({ ...schema, $id: String(id) });
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
  }[];
}

describe('--format sarif', () => {
  const validate = sarifValidator();

  test('the validator rejects a broken log (it really checks)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: {} }] }), false);
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  });

  test('output validates against the SARIF 2.1.0 schema', () => {
    const dir = tempTree({ 'flawed.md': FLAWED, 'clean.md': CLEAN, 'sub dir/second flawed.md': FLAWED });
    const run = runCli(['--format', 'sarif', 'flawed.md', 'clean.md', 'sub dir/second flawed.md'], dir);
    const log = JSON.parse(run.stdout) as unknown;
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
  });

  test('an empty run validates too', () => {
    const dir = tempTree({ 'clean.md': CLEAN });
    const log = JSON.parse(runCli(['--format', 'sarif', 'clean.md'], dir).stdout) as SarifLog;
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(log.runs[0]?.results, []);
  });

  test('describes every rule with its docs page, and places results', () => {
    const dir = tempTree({ 'flawed.md': FLAWED, 'sub dir/x.md': FLAWED });
    const log = JSON.parse(runCli(['--format', 'sarif', 'flawed.md', 'sub dir/x.md'], dir).stdout) as SarifLog;
    const run = log.runs[0];
    assert.ok(run);
    assert.equal(run.tool.driver.name, 'postmortem-lint');
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id), ALL_RULES.map((r) => r.id));
    for (const r of run.tool.driver.rules) assert.equal(r.helpUri, docsUrl(r.id));
    const placeholder = run.results.find((r) => r.ruleId === 'placeholder-text');
    assert.deepEqual(placeholder && {
      index: placeholder.ruleIndex, level: placeholder.level, text: placeholder.message.text,
      location: placeholder.locations[0]?.physicalLocation,
    }, {
      index: ALL_RULES.findIndex((r) => r.id === 'placeholder-text'), level: 'warning', text: 'Template placeholder "TBD" left in the text.',
      location: { artifactLocation: { uri: 'flawed.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 15, startColumn: 1, endLine: 15, endColumn: 4 } },
    });
    const owner = run.results.find((r) => r.ruleId === 'action-item-owner');
    assert.equal(owner?.level, 'note', 'information maps to note');
    assert.ok(run.results.some((r) => r.locations[0]?.physicalLocation.artifactLocation.uri === 'sub%20dir/x.md'), 'relative URIs are percent-encoded');
    assert.match(run.originalUriBaseIds['%SRCROOT%']?.uri ?? '', /^file:\/\/.*\/$/);
  });
});
