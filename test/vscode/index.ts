// Entry point loaded by the extension host (`extensionTestsPath`): runs the mocha suite in
// ./suite. The same bundle runs in VS Code desktop (@vscode/test-electron, `npm run test:vscode`)
// and in code-server's extension host (`npm run test:e2e`, via the workbench payload). In
// code-server the extension host's stdout is not visible, so when POSTMORTEM_SUITE_RESULT names a
// file, a JSON summary with every test's outcome is written there as well.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface Outcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export async function run(): Promise<void> {
  // mocha 12 is ESM-only: load it with import(), which CommonJS may use too.
  const { default: Mocha } = await import('mocha');
  const resultFile = process.env.POSTMORTEM_SUITE_RESULT;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: !resultFile, reporter: 'spec' });
  const dir = path.join(__dirname, 'suite');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.cjs')).sort()) mocha.addFile(path.join(dir, file));
  await mocha.loadFilesAsync();

  const outcomes: Outcome[] = [];
  const started = Date.now();
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => outcomes.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: Error) => outcomes.push({ title: t.fullTitle(), state: 'failed', error: err?.stack ?? String(err) }));
    runner.on('pending', (t) => outcomes.push({ title: t.fullTitle(), state: 'pending' }));
  });
  if (resultFile) {
    const summary = { failures, durationMs: Date.now() - started, vscodeVersion: vscode.version, outcomes };
    fs.writeFileSync(`${resultFile}.tmp`, JSON.stringify(summary, null, 2));
    fs.renameSync(`${resultFile}.tmp`, resultFile);
  }
  if (failures > 0) throw new Error(`${failures} test(s) failed.`);
}
