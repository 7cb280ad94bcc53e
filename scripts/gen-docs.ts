// Writes the rules table into README.md (between the rules-table markers) from the rules'
// metadata, so the table cannot drift from the code. `npm run docs`; test/engine/rules/docs.test.ts
// fails when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES, type Rule } from '../server/src/engine';

export const README = resolve(import.meta.dirname, '../README.md');
const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function rulesTable(rules: readonly Rule[] = ALL_RULES): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${cell(r.description)} | ${r.defaultSeverity} | ${r.fixable ? 'yes' : 'no'} |`);
  return ['| Rule | What it reports | Default severity | Fixable |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README with its rules table regenerated; throws when the markers are missing. */
export function withRulesTable(readme: string, rules: readonly Rule[] = ALL_RULES): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${rulesTable(rules)}\n${readme.slice(end)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const before = readFileSync(README, 'utf8');
  const after = withRulesTable(before);
  if (after === before) console.log('README.md rules table is up to date.');
  else {
    writeFileSync(README, after);
    console.log(`README.md rules table updated (${ALL_RULES.length} rules); docs pages are in ${join('docs', 'rules')}/.`);
  }
}
