// The five postmortems the product was specified from (../shared/seeds), read the way the CLI
// reads a file named on the command line. Skipped when ../shared is not beside the checkout.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, type Analysis } from '../../server/src/engine';
import { sniffLanguage } from '../../server/src/config/files';

const repoRoot = resolve(import.meta.dirname, '../..');
const SEEDS = join(resolve(repoRoot, '../shared'), 'seeds');
const present = existsSync(SEEDS);

function seed(prefix: string): Analysis {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`));
  assert.ok(name, `seed ${prefix} not found in ${SEEDS}`);
  const path = join(SEEDS, name);
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return analyze(text, { languageId: sniffLanguage(path, text), force: true });
}

const of = (a: Analysis, ruleId: string) => a.problems.filter((p) => p.ruleId === ruleId);
/** The recognised sections as "title -> id" (compound titles list every id they cover). */
const sections = (a: Analysis) => a.outline.sections.filter((s) => s.id).map((s) => `${s.title} -> ${(s.covers ?? [s.id]).join('+')}${s.part ? ' (part)' : ''}`);

describe('seeds', { skip: present ? false : `${SEEDS} is not present` }, () => {
  test('every seed reads like a postmortem, and no rule fails', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const name = readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`)) ?? prefix;
      const path = join(SEEDS, name);
      const text = readFileSync(path, 'utf8');
      const detected = analyze(text, { languageId: sniffLanguage(path, text) });
      assert.equal(detected.isPostmortem, true, `${prefix} is detected without a file-name match`);
      assert.deepEqual(detected.ruleErrors, [], prefix);
    }
  });

  test('000: no timeline and no action items; its sections are found', () => {
    const a = seed('000');
    assert.deepEqual(of(a, 'missing-section').map((p) => p.data?.['section']), ['timeline', 'action-items']);
    assert.deepEqual(sections(a), ['Precursors -> root-cause', 'The Effects -> impact', 'Resolutions -> resolution']);
  });

  test('001: all standard sections (HTML headings); the repeated paragraph is reported', () => {
    const a = seed('001');
    assert.deepEqual(of(a, 'missing-section'), []);
    assert.deepEqual(sections(a), [
      'Issue Summary -> summary', 'Timeline (+3 GMT) -> timeline', 'Root Cause -> root-cause',
      'Resolution and Recovery -> resolution', 'Corrective and preventive measures -> action-items',
    ]);
    const dup = of(a, 'duplicate-paragraph');
    assert.equal(dup.length, 1);
    assert.equal(dup[0]?.range.start.line, 17);
    assert.equal(dup[0]?.data?.['firstLine'], 16);
    assert.ok(dup[0]?.fixes?.some((f) => f.safe), 'removing the repeat is a safe fix');
  });

  test('002: all standard sections; the empty "## Postmortem" and the bare timeline title are reported', () => {
    const a = seed('002');
    assert.deepEqual(of(a, 'missing-section'), []);
    assert.deepEqual(sections(a), [
      'Issue Summary -> summary', 'Timeline(West African Time) -> timeline', 'Root Cause -> root-cause',
      'Resolution and Recovery -> resolution', 'Corrective and Preventative Measures -> action-items',
    ]);
    assert.deepEqual(of(a, 'empty-section').map((p) => [p.range.start.line, p.message]), [[2, 'Section "Postmortem" is empty.']]);
    assert.deepEqual(of(a, 'pseudo-heading').map((p) => p.range.start.line), [15]);
  });

  test('003: plain text with bare title lines has every standard section', () => {
    const a = seed('003');
    assert.equal(a.doc.languageId, 'plaintext');
    assert.deepEqual(of(a, 'missing-section'), []);
    assert.deepEqual(of(a, 'pseudo-heading'), [], 'plain text has no headings to convert to');
    assert.deepEqual(sections(a), [
      'Issue Summary -> summary', 'Timeline (all times Eastern Time) -> timeline', 'Root Cause -> root-cause',
      'Resolution and Recovery -> resolution', 'Corrective and Preventive Measures -> action-items',
    ]);
  });

  test('004: a timeline titled inside a list, the opening as its summary', () => {
    const a = seed('004');
    assert.deepEqual(of(a, 'missing-section'), []);
    assert.deepEqual(sections(a), [
      'Timeline (all hours, Pacific time) -> timeline', 'Apparent reason -> root-cause (part)', 'Root cause -> root-cause',
      'Resolution and recovery -> resolution', 'Corrective and preventive measures -> action-items',
    ]);
    assert.deepEqual(of(a, 'duplicate-section'), [], '"Apparent reason" and "Root cause" are not duplicates');
  });
});
