// Meta-tests, markdownlint style: every rule has a docs page that matches its metadata and
// whose examples behave as they say, no page documents an unknown rule, and the README's rules
// table is the generated one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL_RULES, analyze, docsUrl } from '../../../server/src/engine';
import { README, withRulesTable } from '../../../scripts/gen-docs';

const DOCS = resolve(import.meta.dirname, '../../../docs/rules');
const SECTIONS = ['## What it reports', '## Why it matters', '## Examples', '### Reported', '### Not reported', '## How to fix', '## Configuration', '## Disabling inline'];

/** The first fenced block after a heading. */
function example(page: string, heading: string): string {
  const at = page.indexOf(`${heading}\n`);
  const block = /```markdown\n([\s\S]*?)\n```/.exec(page.slice(at));
  assert.ok(at >= 0 && block?.[1], `no example under "${heading}"`);
  return `${block[1]}\n`;
}

describe('rule docs', () => {
  test('every rule has a page and every page is a rule', () => {
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    const missing = ALL_RULES.map((r) => r.id).filter((id) => !pages.includes(id));
    const unknown = pages.filter((p) => !ALL_RULES.some((r) => r.id === p));
    assert.deepEqual(missing, [], `rules without docs/rules/<id>.md: ${missing.join(', ')}`);
    assert.deepEqual(unknown, [], `docs pages for unknown rules: ${unknown.join(', ')}`);
  });

  for (const rule of ALL_RULES) {
    describe(rule.id, () => {
      const path = join(DOCS, `${rule.id}.md`);
      const page = existsSync(path) ? readFileSync(path, 'utf8') : '';

      test('page matches the rule metadata', () => {
        assert.ok(page.startsWith(`# \`${rule.id}\`\n`), 'title is the rule id');
        assert.ok(page.includes(`- Default severity: \`${rule.defaultSeverity}\`\n`), `default severity ${rule.defaultSeverity}`);
        assert.match(page, new RegExp(`^- Fixable: ${rule.fixable ? 'yes' : 'no'}\\b`, 'm'), `fixable: ${rule.fixable}`);
        for (const s of SECTIONS) assert.ok(page.includes(`\n${s}\n`), `section "${s}"`);
        assert.ok(page.includes(`"${rule.id}": "off"`), 'shows how to turn it off');
        assert.ok(page.includes(`postmortem-disable-next-line ${rule.id}`), 'shows the inline disable comment');
        assert.equal(docsUrl(rule.id).split('/').pop(), `${rule.id}.md`, 'the docs URL points at this page');
      });

      test('the "Reported" example is reported and the "Not reported" one is not', () => {
        const fired = (text: string) => analyze(text, { force: true }).problems.filter((p) => p.ruleId === rule.id);
        assert.ok(fired(example(page, '### Reported')).length > 0, 'Reported example fires');
        assert.deepEqual(fired(example(page, '### Not reported')).map((p) => p.message), [], 'Not reported example is clean');
      });
    });
  }
});

describe('README', () => {
  test('the rules table is up to date', () => {
    const readme = readFileSync(README, 'utf8');
    assert.ok(readme === withRulesTable(readme), 'README.md rules table is out of date: run `npm run docs`');
  });
});
