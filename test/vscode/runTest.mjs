// npm run test:vscode: the extension-host suite in VS Code desktop, through @vscode/test-electron
// (downloads VS Code into .vscode-test/ on first use).
//   VSCODE_TEST_VERSION=1.100.3 (default; "stable", "insiders" or any release)
//   VSCODE_EXECUTABLE_PATH=/path/to/code   use an installed VS Code instead of downloading one
// Where VS Code cannot be downloaded (no route to update.code.visualstudio.com, as on the CI
// machines of this project), it says so and runs the same suite inside code-server's extension
// host instead (`npm run test:e2e -- vscode-suite`), unless VSCODE_TEST_NO_FALLBACK=1.
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const version = process.env.VSCODE_TEST_VERSION ?? '1.100.3';

const build = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const extensionTestsPath = await buildSuite();

let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
if (!vscodeExecutablePath) {
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: path.join(root, '.vscode-test') });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    console.error([
      '',
      `test:vscode: cannot download VS Code ${version} (${reason.split('\n')[0]}).`,
      'This machine cannot reach update.code.visualstudio.com. Either set VSCODE_EXECUTABLE_PATH to an',
      'installed VS Code, or run the same suite in code-server (VS Code 1.100.3): npm run test:e2e -- vscode-suite',
      '',
    ].join('\n'));
    if (process.env.VSCODE_TEST_NO_FALLBACK === '1') process.exit(1);
    console.error('test:vscode: running the suite in code-server instead (VSCODE_TEST_NO_FALLBACK=1 to stop here).\n');
    const fallback = spawnSync(process.execPath, [path.join(root, 'scripts/e2e.mjs'), 'vscode-suite'], { cwd: root, stdio: 'inherit', env: { ...process.env, E2E_SKIP_PACKAGE: '1' } });
    process.exit(fallback.status ?? 1);
  }
}

// A throw-away copy of the fixture workspace: the suite changes its settings.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-vscode-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(root, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', path.join(tmp, 'user-data')],
  });
} catch (e) {
  console.error(`test:vscode: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
