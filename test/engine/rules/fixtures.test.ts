// Fixture tests, markdownlint / remark-lint style. Each file in test/fixtures/<rule-id>/ ends with
// a comment block listing every diagnostic expected in it, in the CLI's own text format without
// the path (`line:col severity rule-id message`):
//
//   <!-- expected
//   @config {"profile": "google-sre"}      optional: configuration for this file
//   @detect                                optional: analyse only if it reads like a postmortem
//   12:1 warning missing-section Missing section "Timeline": the "standard" profile requires one.
//   -->
//
// The block is removed before the file is analysed. Every rule that has a fixture folder is
// compared exactly, in every fixture. Files whose problems have safe fixes are fixed as `--fix`
// does: the fixed problems must be gone, nothing new may appear, a second run must change
// nothing, and `<name>.fixed.<ext>` (when present) is the exact expected result.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { ALL_RULES, analyze, type Analysis, type Config } from '../../../server/src/engine';
import { sniffLanguage } from '../../../server/src/config/files';
import { formatProblem } from '../../../server/src/cli/format';
import { fixText } from '../../../server/src/cli/fix';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const BLOCK = /\n?<!-- expected\n([\s\S]*?)-->\s*$/;

interface Fixture {
  path: string;
  name: string;
  text: string;
  expected: string[];
  config: Config;
  detect: boolean;
}

function readFixture(path: string): Fixture {
  const raw = readFileSync(path, 'utf8');
  const block = BLOCK.exec(raw);
  assert.ok(block, `${path} must end with an <!-- expected … --> block`);
  const lines = (block[1] ?? '').split('\n').map((l) => l.trimEnd()).filter(Boolean);
  const configLine = lines.find((l) => l.startsWith('@config '));
  return {
    path,
    name: basename(path),
    text: raw.slice(0, block.index).replace(/\n*$/, '\n'),
    expected: lines.filter((l) => !l.startsWith('@')),
    config: configLine ? (JSON.parse(configLine.slice('@config '.length)) as Config) : {},
    detect: lines.includes('@detect'),
  };
}

const ruleDirs = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const covered = new Set(ruleDirs.filter((d) => ALL_RULES.some((r) => r.id === d)));
const fixtures = ruleDirs.flatMap((dir) => readdirSync(join(FIXTURES, dir))
  .filter((f) => !/\.fixed\.[a-z]+$/.test(f))
  .map((f) => ({ dir, fixture: readFixture(join(FIXTURES, dir, f)) })));

function analyzer(f: Fixture): (text: string) => Analysis {
  return (text) => analyze(text, { config: f.config, languageId: sniffLanguage(f.path, text), force: !f.detect });
}

function report(analysis: Analysis): string[] {
  return analysis.problems.filter((p) => covered.has(p.ruleId)).map(formatProblem);
}

describe('fixtures', () => {
  test('every folder is a rule id', () => {
    assert.deepEqual(ruleDirs.filter((d) => !covered.has(d)), []);
  });

  test('every rule has fixtures that fire and fixtures that do not', () => {
    for (const rule of ALL_RULES) {
      const own = fixtures.filter((x) => x.dir === rule.id).map((x) => x.fixture);
      const fires = own.filter((f) => f.expected.some((l) => l.split(' ')[2] === rule.id));
      assert.ok(own.length > 0, `test/fixtures/${rule.id}/ has no fixtures`);
      assert.ok(fires.length > 0, `no fixture in test/fixtures/${rule.id}/ expects ${rule.id}`);
      assert.ok(fires.length < own.length, `every fixture in test/fixtures/${rule.id}/ expects ${rule.id}: add one where it must not fire`);
    }
  });

  for (const { dir, fixture } of fixtures) {
    describe(`${dir}/${fixture.name}`, () => {
      const analyzeText = analyzer(fixture);
      const before = analyzeText(fixture.text);

      test('diagnostics match the expected block', () => {
        assert.deepEqual(before.ruleErrors, []);
        assert.deepEqual(report(before), fixture.expected);
      });

      const safe = before.problems.filter((p) => covered.has(p.ruleId) && p.fixes?.some((f) => f.safe));
      if (safe.length === 0) return;

      test('safe fixes remove their problems and add none; a second run changes nothing', () => {
        const outcome = fixText(fixture.text, analyzeText);
        assert.notEqual(outcome.text, fixture.text, 'the fixes changed the text');
        for (const rule of covered) {
          const left = before.problems.filter((p) => p.ruleId === rule && !p.fixes?.some((f) => f.safe)).length;
          assert.equal(outcome.analysis.problems.filter((p) => p.ruleId === rule).length, left, `${rule} after fixing:\n${report(outcome.analysis).join('\n')}`);
        }
        assert.equal(fixText(outcome.text, analyzeText).text, outcome.text, 'second run');
        const ext = extname(fixture.path);
        const expectedPath = `${fixture.path.slice(0, -ext.length)}.fixed${ext}`;
        if (existsSync(expectedPath)) assert.equal(outcome.text, readFileSync(expectedPath, 'utf8'));
      });
    });
  }
});
