// The structure rules' quick fixes that --fix does not apply (they add text to write): each one
// removes its problem, lands where a reader expects it, and leaves a template that the
// placeholder rules keep reporting until it is written.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, type Problem } from '../../../server/src/engine';

const DOC = `# Payments API degraded

## Summary

Card payments failed for about an hour after a certificate rotation on the gateway.

## Timeline (all times CET)

- 09:10 New certificate deployed
- 10:05 Previous certificate restored

## Root cause

## Action items

- Validate certificate chains in CI (owner: @ines)
`;

function apply(text: string, problem: Problem | undefined): string {
  const fix = problem?.fixes?.[0];
  assert.ok(fix, 'the problem has a quick fix');
  assert.equal(fix.safe, false, 'not applied by --fix');
  return applyEdits(text, fix.edits).text;
}

const problems = (text: string, ruleId: string) => analyze(text, { force: true }).problems.filter((p) => p.ruleId === ruleId);

describe('quick fixes', () => {
  test('missing-section inserts the section in profile order, at its siblings\' level', () => {
    const fixed = apply(DOC, problems(DOC, 'missing-section').find((p) => p.data?.['section'] === 'resolution'));
    const lines = fixed.split('\n');
    assert.deepEqual(lines.filter((l) => l.startsWith('## ')), ['## Summary', '## Timeline (all times CET)', '## Root cause', '## Resolution', '## Action items']);
    assert.deepEqual(problems(fixed, 'missing-section'), []);
    assert.deepEqual(problems(fixed, 'empty-section').map((p) => p.message), [
      'Section "Root cause" is empty.', 'Section "Resolution" holds only template placeholders.',
    ], 'the scaffold still needs writing');
    assert.equal(problems(fixed, 'placeholder-text').length, 1);
  });

  test('missing-section at the end of a document without a trailing newline', () => {
    const text = '# Outage\n\n## Summary\n\nThe site was down for ten minutes because a disk filled up on the web server.';
    const fixed = apply(text, problems(text, 'missing-section').find((p) => p.data?.['section'] === 'action-items'));
    assert.ok(fixed.startsWith(`${text}\n\n## Action Items\n\n| Action | Owner | Due |`), fixed);
    assert.ok(fixed.endsWith('| YYYY-MM-DD |\n'), 'one final newline');
  });

  test('missing-section at the end of a document that ends with a newline', () => {
    const text = '# Outage\n\n## Summary\n\nThe site was down for ten minutes because a disk filled up on the web server.\n';
    const fixed = apply(text, problems(text, 'missing-section').find((p) => p.data?.['section'] === 'action-items'));
    assert.ok(fixed.startsWith(`${text}\n## Action Items\n\n| Action | Owner | Due |`), fixed);
    assert.ok(fixed.endsWith('| YYYY-MM-DD |\n'), 'one final newline');
  });

  test('empty-section fills the heading with its scaffold', () => {
    const fixed = apply(DOC, problems(DOC, 'empty-section')[0]);
    assert.ok(fixed.includes('## Root cause\n\n_Explain the underlying cause and the contributing factors._\n\n## Action items'), fixed);
    assert.deepEqual(problems(fixed, 'empty-section').map((p) => p.message), ['Section "Root cause" holds only template placeholders.']);
  });

  test('CRLF documents get CRLF in inserted text', () => {
    const crlf = DOC.replace(/\n/g, '\r\n');
    const fixed = apply(crlf, problems(crlf, 'missing-section')[0]);
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
  });
});
