// "New Postmortem from Template" without the editor: templates come from the snippet file (a
// built-in profile's whole template, a configured profile composed of section snippets), the
// file name from the date and the title, and the quick pick puts the profile in effect first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'jsonc-parser';
import { analyze, BUILTIN_PROFILES } from '../../server/src/engine';
import { parseSnippets, postmortemFileName, slugify, templateFor, templateItems, uniqueName } from '../../client/src/commands/templates';
import type { ProfileSummary } from '../../common/protocol';
import { expand } from '../snippets/expand';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SNIPPET_TEXT = readFileSync(`${ROOT}snippets/postmortem.code-snippets`, 'utf8');
const snippets = parseSnippets(SNIPPET_TEXT);
const VARIABLES = { CURRENT_YEAR: '2024', CURRENT_MONTH: '03', CURRENT_DATE: '12', CURRENT_HOUR: '14', CURRENT_MINUTE: '07' };

const builtin = (name: string): ProfileSummary => {
  const p = BUILTIN_PROFILES[name];
  assert.ok(p);
  return { name, description: p.description, builtin: true, sections: p.sections };
};

const team: ProfileSummary = {
  name: 'team', description: 'Ours', builtin: false,
  sections: [{ id: 'summary', title: 'Summary', required: true }, { id: 'timeline', title: 'Timeline', required: true }, { id: 'customer-comms', title: 'Customer communication', required: true }],
};

test('a built-in profile\'s template is its snippet, word for word, with the title in the first field', () => {
  const file = parse(SNIPPET_TEXT) as Record<string, { prefix: string; body: string[] }>;
  for (const name of Object.keys(BUILTIN_PROFILES)) {
    const own = Object.values(file).find((s) => s.prefix === `pm-template-${name}`);
    assert.ok(own, `pm-template-${name} exists`);
    assert.equal(templateFor(builtin(name), snippets), own.body.join('\n'));
  }
  const titled = templateFor(builtin('standard'), snippets, 'Checkout outage: $5 refunds {EU}');
  assert.ok(titled.startsWith('# ${1:Checkout outage: \\$5 refunds {EU\\}}\n\n- **Date:** ${2:$CURRENT_YEAR-'), titled.slice(0, 80));
});

test('a configured profile gets the standard header and its sections\' snippets, tab stops renumbered', () => {
  const template = templateFor(team, snippets, 'Checkout outage');
  const lines = template.split('\n');
  assert.deepEqual(lines.filter((l) => l.startsWith('#')), ['# ${1:Checkout outage}', '## Summary', '## Timeline', '## Customer communication']);
  assert.equal(lines.find((l) => l.startsWith('${6:')), '${6:What happened, who was affected, for how long, and how it was resolved, in two or three sentences.}');
  assert.match(template, /^- \$\{7:\$CURRENT_HOUR:\$CURRENT_MINUTE\} \$\{8\|UTC,/m);
  assert.match(template, /^- \$\{10:\$CURRENT_HOUR:\$CURRENT_MINUTE\} \$8 — Detected: \$\{11:/m);
  assert.ok(template.endsWith('## Customer communication\n\n${16:What belongs under "Customer communication".}\n$0'));
});

test('every template expands into a postmortem its profile accepts (no missing section)', () => {
  const config = { profile: 'team', profiles: { team: { sections: team.sections } } };
  const cases: [ProfileSummary, object][] = [...Object.keys(BUILTIN_PROFILES).map((n): [ProfileSummary, object] => [builtin(n), { profile: n }]), [team, config]];
  for (const [profile, cfg] of cases) {
    const text = expand(templateFor(profile, snippets, 'Checkout outage'), { variables: VARIABLES });
    const analysis = analyze(text, { config: cfg, force: true });
    assert.equal(analysis.profile.name, profile.name);
    assert.deepEqual(analysis.problems.filter((p) => p.ruleId === 'missing-section').map((p) => p.message), [], profile.name);
    assert.match(text, /^# Checkout outage$/m);
  }
});

test('the file is named YYYY-MM-DD-<slug>.md from the local date and the title', () => {
  assert.equal(postmortemFileName(new Date(2024, 2, 12, 23, 59), 'Checkout outage: 502s on /pay (EU)'), '2024-03-12-checkout-outage-502s-on-pay-eu.md');
  assert.equal(postmortemFileName(new Date(2020, 8, 30), 'Café déjà vu'), '2020-09-30-cafe-deja-vu.md');
  assert.equal(slugify('  '), 'incident');
  assert.equal(slugify('!!!'), 'incident');
  const long = slugify('The database failover that took the whole checkout flow down for three hours on a Friday');
  assert.ok(long.length <= 60 && !long.endsWith('-'), long);
  assert.equal(long, 'the-database-failover-that-took-the-whole-checkout-flow-down');
});

test('an existing file is not overwritten: -2, -3 are tried', async () => {
  const taken = new Set(['2024-03-12-x.md', '2024-03-12-x-2.md']);
  assert.equal(await uniqueName('2024-03-12-x.md', async (n) => taken.has(n)), '2024-03-12-x-3.md');
  assert.equal(await uniqueName('2024-03-12-y.md', async (n) => taken.has(n)), '2024-03-12-y.md');
});

test('the quick pick lists the profile in effect first, built-in and configured ones', () => {
  const items = templateItems({ current: 'team', profiles: [builtin('standard'), builtin('google-sre'), team] });
  assert.deepEqual(items.map((i) => [i.label, i.description]), [['team', 'current · from .postmortemrc'], ['standard', 'built-in'], ['google-sre', 'built-in']]);
  assert.equal(items[0]?.detail, 'Ours — Summary, Timeline, Customer communication');
});
