// Runs every test that needs no editor: test/**/*.test.ts except the real-VS-Code suites.
// Usage: node scripts/test.mjs [filter]   (filter: substring of the test file path)
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const EDITOR_SUITES = ['test/e2e', 'test/vscode'];
const filter = process.argv[2];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (EDITOR_SUITES.some((s) => path.startsWith(s))) return [];
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.test.ts') ? [path] : [];
  });
}

const files = walk('test').filter((f) => !filter || f.includes(filter)).sort();
if (files.length === 0) {
  console.error(`No test files${filter ? ` match "${filter}"` : ''}.`);
  process.exit(1);
}
// LSP and CLI tests run the bundles, so they must be fresh.
const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
