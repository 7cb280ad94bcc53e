// The property tests with many more cases than `npm test` runs, and a fresh seed each night.
// Usage: node scripts/property-nightly.mjs [--runs N] [--seed S] [--measure]
//   FC_RUNS / --runs  cases per property (default 2000; `npm test` uses each property's own default)
//   FC_SEED / --seed  seed (default: today's date, so a night's failure replays all day)
//   --measure         then measure every bad input (test/reliability/measure.ts; slow)
// A failure prints fast-check's counterexample, seed and path; replay it with the same
// FC_SEED and FC_RUNS: `FC_SEED=… FC_RUNS=… node --import tsx --test test/property/<file>`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const today = new Date();
const runs = option('runs') ?? process.env.FC_RUNS ?? '2000';
const seed = option('seed') ?? process.env.FC_SEED ?? String(today.getUTCFullYear() * 10_000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate());

const files = [
  ...readdirSync('test/property').filter((f) => f.endsWith('.test.ts')).map((f) => join('test/property', f)),
  // The LSP random-edit property runs over the real server: it needs the bundles.
  'test/reliability/lsp.test.ts',
].sort();

console.log(`property tests: FC_RUNS=${runs} FC_SEED=${seed} (${files.length} files)`);
const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const env = { ...process.env, FC_RUNS: runs, FC_SEED: seed };
const started = Date.now();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-timeout=7200000', ...files], { stdio: 'inherit', env });
console.log(`property tests: ${result.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s (FC_RUNS=${runs} FC_SEED=${seed})`);
if (result.status !== 0) process.exit(result.status ?? 1);

if (args.includes('--measure')) {
  const measure = spawnSync(process.execPath, ['--import', 'tsx', 'test/reliability/measure.ts'], { stdio: 'inherit' });
  process.exit(measure.status ?? 1);
}
