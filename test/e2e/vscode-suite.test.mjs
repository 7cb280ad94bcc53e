// Runs the @vscode/test-electron suite (test/vscode, mocha in the extension host) inside
// code-server's extension host: the workbench URL's payload carries extensionDevelopmentPath and
// extensionTestsPath, exactly what @vscode/test-electron passes to VS Code desktop on its command
// line. The suite writes a JSON summary to POSTMORTEM_SUITE_RESULT (the extension host's stdout
// is not visible in code-server); this test waits for that file and reports every outcome.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_PATH, log, OUTPUT, screenshot, startSession, waitForFile } from './lib/code-server.mjs';
import { SUITE_ENTRY, buildSuite } from '../vscode/build.mjs';

describe('the test-electron suite inside code-server', () => {
  let session;
  let resultFile;

  before(async () => {
    const entry = process.env.E2E_SUITE_BUILT === '1' && fs.existsSync(SUITE_ENTRY) ? SUITE_ENTRY : await buildSuite();
    fs.mkdirSync(OUTPUT, { recursive: true });
    resultFile = path.join(OUTPUT, 'vscode-suite-result.json');
    fs.rmSync(resultFile, { force: true });
    // The extension host inherits code-server's environment.
    session = await startSession({ name: 'vscode-suite', env: { POSTMORTEM_SUITE_RESULT: resultFile } });
    session.entry = entry;
  });

  after(async () => {
    await session?.close();
  });

  it('passes in VS Code 1.100.3 (code-server)', { timeout: 300_000 }, async () => {
    const { page, server } = session;
    await page.goto(server.url({ devPath: EXTENSION_PATH, testsPath: session.entry }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    try {
      await waitForFile(resultFile, 240_000);
    } catch (e) {
      await screenshot(page, 'failure-vscode-suite');
      throw new Error(`${e.message}: the suite did not finish; see test-output/e2e/code-server-vscode-suite.log`, { cause: e });
    }
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    for (const o of result.outcomes) log(`  ${o.state === 'passed' ? 'ok  ' : o.state === 'failed' ? 'FAIL' : 'skip'} ${o.title}${o.durationMs != null ? ` (${o.durationMs} ms)` : ''}${o.error ? `\n${o.error}` : ''}`);
    log(`extension-host suite: ${result.outcomes.length} tests, ${result.failures} failed, in VS Code ${result.vscodeVersion}, ${result.durationMs} ms`);
    assert.ok(result.outcomes.length > 0, 'the suite ran tests');
    assert.equal(result.failures, 0, `${result.failures} extension-host test(s) failed`);
  });
});
