// Builds the extension-host suite into .e2e/vscode-suite/ as CommonJS (.cjs: the project is
// "type": "module", and VS Code loads a test entry ending in .cjs with require()), after a
// type check against test/vscode/tsconfig.json. mocha and vscode stay external.
//   node test/vscode/build.mjs          -> prints the path of the entry (index.cjs)
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
export const SUITE_OUT = path.join(root, '.e2e/vscode-suite');
export const SUITE_ENTRY = path.join(SUITE_OUT, 'index.cjs');

export async function buildSuite({ typecheck = true } = {}) {
  if (typecheck) {
    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(here, 'tsconfig.json'), '--noEmit'], { stdio: 'inherit' });
    if (tsc.status !== 0) throw new Error('test/vscode does not type-check');
  }
  fs.rmSync(SUITE_OUT, { recursive: true, force: true });
  const tests = fs.readdirSync(path.join(here, 'suite')).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(here, 'suite', f));
  await esbuild.build({
    entryPoints: [path.join(here, 'index.ts'), ...tests],
    outbase: here,
    outdir: SUITE_OUT,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return SUITE_ENTRY;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildSuite());
}
