// The public corpus (../shared/corpus: 114 real postmortems and 10 templates) through the real
// CLI: nothing crashes, no rule fails, exit codes are 0 or 1. Then guards for what a hand review
// of the structure rules' reports found (true reports kept, false ones removed), so accuracy does
// not regress. Skipped when ../shared is not beside the checkout.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, type Analysis } from '../../server/src/engine';
import { sniffLanguage } from '../../server/src/config/files';
import { runCli } from '../cli/helpers';

const repoRoot = resolve(import.meta.dirname, '../..');
const CORPUS = join(resolve(repoRoot, '../shared'), 'corpus');
const DOCS = join(CORPUS, 'docs');
const TEMPLATES = join(CORPUS, 'templates');
const present = existsSync(DOCS);

interface FileReport {
  filePath: string;
  messages: { ruleId: string; severity: string; line: number; data: Record<string, unknown> }[];
}

function lintJson(args: string[]): { status: number; files: FileReport[]; stderr: string } {
  const run = runCli(['--format', 'json', ...args]);
  return { status: run.status, files: JSON.parse(run.stdout) as FileReport[], stderr: run.stderr };
}

const docPath = (prefix: string) => {
  const name = readdirSync(DOCS).find((f) => f.startsWith(`${prefix}_`));
  assert.ok(name, `corpus doc ${prefix}`);
  return join(DOCS, name);
};

function doc(prefix: string): Analysis {
  const path = docPath(prefix);
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return analyze(text, { languageId: sniffLanguage(path, text), force: true });
}

const rules = (a: Analysis, ruleId: string) => a.problems.filter((p) => p.ruleId === ruleId);
const missing = (a: Analysis) => rules(a, 'missing-section').map((p) => p.data?.['section']);

describe('corpus', { skip: present ? false : `${DOCS} is not present` }, () => {
  const docs = present ? readdirSync(DOCS).sort() : [];
  const templates = present && existsSync(TEMPLATES) ? readdirSync(TEMPLATES).sort() : [];

  test('every document and template, named explicitly: no crash, no rule error, exit 0 or 1', (t) => {
    assert.equal(docs.length, 114);
    const { status, files, stderr } = lintJson([...docs.map((d) => join(DOCS, d)), ...templates.map((d) => join(TEMPLATES, d))]);
    assert.ok(status === 0 || status === 1, `exit ${status}: ${stderr}`);
    assert.equal(stderr.replace(/^postmortem-lint: \d+ warnings found.*\n/m, ''), '', 'nothing on stderr');
    assert.equal(files.length, docs.length + templates.length);
    const count = (subset: FileReport[]) => {
      const counts = new Map<string, number>();
      for (const f of subset) for (const m of f.messages) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
      return [...counts].sort().map(([r, n]) => `${r} ${n}`).join(', ');
    };
    t.diagnostic(`documents, reports per rule: ${count(files.slice(0, docs.length))}`);
    t.diagnostic(`templates, reports per rule: ${count(files.slice(docs.length))}`);
  });

  test('walking the folder finds the postmortems by their content', (t) => {
    const { status, files, stderr } = lintJson([DOCS]);
    assert.ok(status === 0 || status === 1, `exit ${status}: ${stderr}`);
    const found = new Set(files.map((f) => f.filePath.split('/').pop()));
    const notFound = docs.filter((d) => !found.has(d));
    t.diagnostic(`not detected: ${notFound.join(', ') || 'none'}`);
    // 054 is a narrative with no headings, no times and no postmortem title: nothing to go by.
    assert.deepEqual(notFound, ['054_joshschmelzle-aruba-mtu.md']);
  });

  describe('hand-reviewed verdicts', () => {
    test('"Root Cause and Resolution" covers both sections', () => {
      for (const prefix of ['063', '066', '067', '069', '070', '072', '073', '075', '084', '085', '089', '092']) {
        assert.deepEqual(missing(doc(prefix)), [], prefix);
      }
    });

    test('sections named by the template are found: compound, labelled, emoji, lazy lines', () => {
      assert.deepEqual(missing(doc('068')), [], '068: ":memo: Issue summary" headings');
      assert.deepEqual(missing(doc('096')), [], '096: titles as lazy continuation lines of list items');
      assert.deepEqual(missing(doc('082')), [], '082: "Mitigation and Future Prevention"');
      assert.deepEqual(missing(doc('080')), [], '080: bare titles with sub-labels');
      assert.deepEqual(missing(doc('074')), [], '074: an opening under its own heading is the summary');
    });

    test('true misses are still reported', () => {
      assert.deepEqual(missing(doc('001')), ['resolution'], 'DFDS template has no resolution section');
      assert.deepEqual(missing(doc('020')), ['timeline'], 'no timeline, only prose');
      assert.deepEqual(missing(doc('056')), ['action-items']);
      assert.deepEqual(missing(doc('071')), ['root-cause', 'resolution']);
    });

    test('sub-labels and subsection parts are not duplicate sections', () => {
      for (const prefix of ['039', '076', '077', '079', '080', '081', '083', '086', '096', '099', '100', '101']) {
        assert.deepEqual(rules(doc(prefix), 'duplicate-section').map((p) => p.message), [], prefix);
      }
    });

    test('a separate "Root Cause:" and "Root Cause and Resolution:" heading pair is a duplicate', () => {
      assert.equal(rules(doc('113'), 'duplicate-section').length, 1);
    });

    test('placeholders: leftovers reported, code, comments and status columns not', () => {
      assert.ok(rules(doc('006'), 'placeholder-text').some((p) => p.data?.['placeholder'] === 'HH:mm'), '006 HH:mm');
      assert.deepEqual(rules(doc('018'), 'placeholder-text'), [], '018: ${{ }} expressions in inline code');
      assert.deepEqual(rules(doc('024'), 'placeholder-text'), [], '024: TODO inside an HTML comment');
      assert.deepEqual(rules(doc('055'), 'placeholder-text'), [], '055: TODO/DONE status column');
      assert.ok(rules(doc('032'), 'placeholder-text').some((p) => p.data?.['placeholder'] === 'TBC'), '032 (Time TBC)');
    });

    test('pseudo-headings: title lines among headings, not labels inside sections', () => {
      assert.deepEqual(rules(doc('021'), 'pseudo-heading').map((p) => p.range.start.line), [35], '021 "Action Items" plain line');
      assert.equal(rules(doc('078'), 'pseudo-heading').length, 4, '078 bare section titles under a heading');
      assert.deepEqual(rules(doc('039'), 'pseudo-heading'), [], '039 bold labels inside sub-incident sections');
      assert.deepEqual(rules(doc('081'), 'pseudo-heading'), [], '081 "**Impact:**" glued to its text is a label');
    });

    test('empty sections: metadata headings, sign-offs and titles are not sections', () => {
      assert.deepEqual(rules(doc('019'), 'empty-section'), [], '019 title text as a heading');
      assert.deepEqual(rules(doc('099'), 'empty-section'), [], '099 sign-off heading');
      assert.deepEqual(rules(doc('108'), 'empty-section'), [], '108 empty "#" heading');
      assert.deepEqual(rules(doc('021'), 'empty-section').map((p) => p.message), ['Section "Supporting information" is empty.']);
    });

    test('action-item owners: team prefixes, done items and the word "owners" are read right', () => {
      assert.deepEqual(rules(doc('103'), 'action-item-owner'), [], '103 "Hypha: …" items');
      assert.deepEqual(rules(doc('005'), 'action-item-owner').map((p) => p.message), ['None of the 6 open action items names an owner.']);
      assert.deepEqual(rules(doc('106'), 'action-item-owner').map((p) => p.data?.['count']), [6], '106 [x] items are done');
      assert.deepEqual(rules(doc('038'), 'action-item-owner').map((p) => p.data?.['count']), [7], '038 "(Completed)" subsection');
    });
  });
});
