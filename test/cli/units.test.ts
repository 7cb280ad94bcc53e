// The CLI's pure parts, in process: argument parsing, workflow-command escaping, fix selection.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLintArgs, UsageError } from '../../server/src/cli/args';
import { escapeData, escapeProperty } from '../../server/src/cli/format/github';
import { fixText, MAX_PASSES, safeEdits } from '../../server/src/cli/fix';
import { analyze, range, type Analysis, type Problem } from '../../server/src/engine';

describe('parseLintArgs', () => {
  test('defaults', () => {
    assert.deepEqual(parseLintArgs(['a.md']), { format: 'text', fix: false, paths: ['a.md'], help: false, version: false });
  });

  test('every option, both spellings, and -- before paths', () => {
    assert.deepEqual(parseLintArgs(['--format', 'sarif', '--profile=google-sre', '--config', 'c.json', '--fix', '--max-warnings', '0', 'a.md', '--', '--odd-name.md']), {
      format: 'sarif', profile: 'google-sre', config: 'c.json', fix: true, maxWarnings: 0, paths: ['a.md', '--odd-name.md'], help: false, version: false,
    });
  });

  test('a lone dash is a path', () => {
    assert.deepEqual(parseLintArgs(['-']).paths, ['-']);
  });

  test('problems are UsageErrors', () => {
    assert.throws(() => parseLintArgs(['--max-warnings', '1.5', 'a.md']), UsageError);
    assert.throws(() => parseLintArgs(['--profile=', 'a.md']), /needs a profile name/);
  });
});

describe('github escaping', () => {
  test('data escapes %, CR and LF', () => {
    assert.equal(escapeData('100% done\r\nnext'), '100%25 done%0D%0Anext');
  });

  test('properties also escape : and ,', () => {
    assert.equal(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
  });
});

function problem(startLine: number, startChar: number, endChar: number, newText: string, safe = true): Problem {
  const r = range(startLine, startChar, startLine, endChar);
  return { ruleId: 'x', severity: 'warning', message: 'm', range: r, fixes: [{ title: 't', safe, edits: [{ range: r, newText }] }] };
}

describe('safe fixes', () => {
  test('only safe fixes; overlapping ones wait for the next pass', () => {
    const edits = safeEdits([problem(0, 0, 5, 'a'), problem(0, 3, 8, 'b'), problem(1, 0, 1, 'c', false), problem(2, 0, 0, 'd'), problem(2, 0, 0, 'e')]);
    assert.deepEqual(edits.map((e) => e.newText), ['a', 'd']);
  });

  test('a fix whose edits would overlap another is skipped whole', () => {
    const r1 = range(0, 0, 0, 2);
    const multi: Problem = { ruleId: 'x', severity: 'warning', message: 'm', range: r1, fixes: [{ title: 't', safe: true, edits: [{ range: range(1, 0, 1, 1), newText: 'y' }, { range: range(0, 1, 0, 3), newText: 'z' }] }] };
    assert.deepEqual(safeEdits([problem(0, 0, 2, 'a'), multi]).map((e) => e.newText), ['a']);
  });

  test('fixing stops after MAX_PASSES even if a fix keeps producing work', () => {
    let calls = 0;
    const analyzeText = (text: string): Analysis => {
      calls++;
      const base = analyze(text);
      return { ...base, problems: [problem(0, 0, 0, 'x')] };
    };
    const outcome = fixText('', analyzeText);
    assert.equal(outcome.passes, MAX_PASSES);
    assert.equal(outcome.text, 'x'.repeat(MAX_PASSES));
    assert.equal(calls, MAX_PASSES + 1);
  });
});
