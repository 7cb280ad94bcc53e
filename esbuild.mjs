// Bundles every entry point. micromark is ESM-only; esbuild turns it into CommonJS for the
// extension host and the CLI. dist/package.json marks the output as CommonJS because the
// project root is "type": "module".
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  // jsonc-parser's "main" is a UMD build that esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  target: 'node20',
  legalComments: 'none',
};
// Node bundles take a package's ESM entry first: jsonc-parser's UMD main hides its requires from
// the bundler ("Cannot find module './impl/format'" at run time). Browser bundles keep the default.
const NODE_FIELDS = { mainFields: ['module', 'main'] };

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.cjs', platform: 'node', format: 'cjs', external: ['vscode'] },
  { entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
];

const optional = [
  { entryPoints: ['client/src/browser.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], target: 'es2022' },
  // "worker": remark's entity decoder has a browser build that needs `document`, absent in a worker.
  { entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/web/server.js', platform: 'browser', format: 'iife', target: 'es2022', conditions: ['worker'] },
  { entryPoints: ['client/src/preview/page.ts'], outfile: 'dist/media/preview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

import { existsSync } from 'node:fs';
const all = [...builds, ...optional.filter((b) => existsSync(b.entryPoints[0]))].map((b) => (b.platform === 'node' ? { ...NODE_FIELDS, ...b } : b));

mkdirSync('dist', { recursive: true });
writeFileSync('dist/package.json', '{ "type": "commonjs" }\n');

if (watch) {
  for (const b of all) {
    const ctx = await esbuild.context({ ...common, ...b });
    await ctx.watch();
  }
  console.log('esbuild: watching');
} else {
  await Promise.all(all.map((b) => esbuild.build({ ...common, ...b })));
}
