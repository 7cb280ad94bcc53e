#!/usr/bin/env node
// npm run test:e2e [-- FILTER...]
// End-to-end tests in a real VS Code: code-server 4.100.3 (VS Code 1.100.3) driven by
// playwright-core and Debian's Chromium. Steps:
//   1. install code-server into .e2e/code-server (scripts/install-code-server.sh; instant when done)
//   2. build the VSIX (npm run package: production bundles) into .e2e/postmortem-lint.vsix
//   3. build the extension-host suite (test/vscode) into .e2e/vscode-suite
//   4. run test/e2e/*.test.mjs one file at a time (one code-server at a time) with node:test,
//      inside a network namespace with only loopback (unshare -n) when the machine allows it.
// FILTER: substrings of test file names (e.g. `editor`, `vsix`, `vscode-suite`).
// Env: E2E_SCREENSHOTS=1 also writes the README screenshots to docs/images/;
//      E2E_SKIP_INSTALL=1, E2E_SKIP_PACKAGE=1 skip steps 1 and 2 (when already done);
//      E2E_NO_UNSHARE=1 runs without network isolation; E2E_KEEP=1 keeps the temp folders.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const t0 = Date.now();
const timings = [];
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
function step(name, fn) {
  const start = Date.now();
  console.log(`\n== e2e: ${name}`);
  const result = fn();
  timings.push([name, Date.now() - start]);
  return result;
}
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.error) throw r.error;
  return r.status ?? 1;
}
function finish(code) {
  console.log('\n== e2e: timings');
  for (const [name, ms] of timings) console.log(`   ${name.padEnd(44)} ${secs(ms).padStart(8)}`);
  console.log(`   ${'total'.padEnd(44)} ${secs(Date.now() - t0).padStart(8)}`);
  console.log(code === 0 ? 'e2e: PASS' : `e2e: FAIL (screenshots and logs in test-output/e2e/)`);
  process.exit(code);
}

const filters = process.argv.slice(2);
const VSIX = path.join(ROOT, '.e2e', 'postmortem-lint.vsix');
const OUTPUT = path.join(ROOT, 'test-output', 'e2e');
fs.rmSync(OUTPUT, { recursive: true, force: true });
fs.mkdirSync(OUTPUT, { recursive: true });

if (process.env.E2E_SKIP_INSTALL !== '1') {
  if (step('install code-server (scripts/install-code-server.sh)', () => run('bash', ['scripts/install-code-server.sh'])) !== 0) finish(1);
}

const all = fs.readdirSync('test/e2e').filter((f) => f.endsWith('.test.mjs')).sort();
const files = all.filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).map((f) => path.join('test/e2e', f));
if (files.length === 0) {
  console.error(`no e2e test file matches ${filters.join(', ')} (have: ${all.join(', ')})`);
  finish(2);
}

const needsVsix = files.some((f) => /package|vsix/.test(f));
let packageFailed = false;
if (needsVsix && process.env.E2E_SKIP_PACKAGE !== '1') {
  fs.mkdirSync(path.dirname(VSIX), { recursive: true });
  fs.rmSync(VSIX, { force: true }); // never test a stale VSIX
  // On failure the other tests still run; package.test.mjs then fails on the missing VSIX.
  packageFailed = step('npm run package (production build + VSIX)', () => run('npm', ['run', '--silent', 'package', '--', '--out', VSIX])) !== 0;
}
if (!needsVsix || packageFailed || process.env.E2E_SKIP_PACKAGE === '1') {
  // The tests load dist/ as the extension under development: make sure it is built.
  if (step('build bundles (node esbuild.mjs)', () => run(process.execPath, ['esbuild.mjs'])) !== 0) finish(1);
}

let suiteBuilt = false;
if (files.some((f) => f.includes('vscode-suite'))) {
  const status = step('build the extension-host suite (test/vscode)', () => run(process.execPath, ['test/vscode/build.mjs']));
  if (status !== 0) finish(1);
  suiteBuilt = true;
}

// Network isolation: a new network namespace holding only a loopback interface.
function canUnshare() {
  if (process.env.E2E_NO_UNSHARE === '1') return 'disabled by E2E_NO_UNSHARE=1';
  const probe = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up && ip -o link show lo | grep -q UP'], { encoding: 'utf8' });
  if (probe.error) return `unshare not available (${probe.error.code})`;
  if (probe.status !== 0) return `unshare -n failed: ${(probe.stderr || '').trim().split('\n')[0] || `exit ${probe.status}`}`;
  return null;
}
const noIsolation = canUnshare();
const nodeArgs = ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files];
const env = { ...process.env, E2E_T0: String(Date.now()), E2E_VSIX: VSIX, E2E_SUITE_BUILT: suiteBuilt ? '1' : '0' };
let status;
if (noIsolation) {
  console.log(`\n== e2e: network NOT isolated: ${noIsolation}; the tests run with the machine's network (the browser still blocks every non-loopback request)`);
  status = step(`run ${files.length} test file(s)`, () => run(process.execPath, nodeArgs, { env }));
} else {
  console.log('\n== e2e: network isolated: the tests, code-server and Chromium run under `unshare -n` with only loopback up');
  env.E2E_NETWORK_ISOLATED = '1';
  status = step(`run ${files.length} test file(s) under unshare -n`, () =>
    run('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, ...nodeArgs], { env }));
}
if (packageFailed) console.log('\n== e2e: npm run package FAILED (see its output above)');
finish(status === 0 && !packageFailed ? 0 : 1);
