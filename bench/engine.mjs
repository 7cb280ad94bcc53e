// In-process engine timing. `buildEngine(dir)` bundles the pure engine (as the server and CLI
// bundle it) into dir/engine.cjs; run as a script, this file loads that bundle in a fresh process
// and times analyze() over the given files:
//
//   node bench/engine.mjs cold BUNDLE FILE...     one cold pass (fresh process: JIT and caches cold)
//   node bench/engine.mjs edits BUNDLE FILE N SEED  N single-character edits, warm cache, per-edit times
//
// It prints one JSON line: wall and CPU milliseconds (CPU from process.cpuUsage, less sensitive
// to other processes on a busy machine than wall time).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rng } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function buildEngine(dir) {
  const esbuild = await import('esbuild');
  const outfile = join(dir, 'engine.cjs');
  await esbuild.build({
    stdin: { contents: "export { analyze, ParseCache } from './server/src/engine';\nexport { clearMemos } from './server/src/engine/cache';\n", resolveDir: ROOT, loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning', mainFields: ['module', 'main'],
  });
  return outfile;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function languageOf(file) {
  return file.endsWith('.html') ? 'html' : file.endsWith('.txt') ? 'plaintext' : 'markdown';
}

function cold(engine, files) {
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const w0 = performance.now();
  const c0 = cpuMs();
  let problems = 0;
  texts.forEach((text, i) => {
    problems += engine.analyze(text, { force: true, languageId: languageOf(files[i]) }).problems.length;
  });
  return { wallMs: performance.now() - w0, cpuMs: cpuMs() - c0, files: files.length, bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0), problems };
}

function edits(engine, file, count, seed) {
  const r = rng(seed);
  const cache = new engine.ParseCache();
  let text = readFileSync(file, 'utf8');
  engine.analyze(text, { force: true, cache });
  const wall = [];
  const cpu = [];
  for (let i = 0; i < count; i++) {
    const at = Math.floor(r() * text.length);
    text = text.slice(0, at) + 'abcdefghijklmnopqrstuvwxyz0123456789 :'[Math.floor(r() * 38)] + text.slice(at);
    const w0 = performance.now();
    const c0 = cpuMs();
    engine.analyze(text, { force: true, cache });
    cpu.push(cpuMs() - c0);
    wall.push(performance.now() - w0);
  }
  return { wallMs: wall, cpuMs: cpu };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [mode, bundle, ...rest] = process.argv.slice(2);
  const engine = createRequire(import.meta.url)(bundle);
  const result = mode === 'cold' ? cold(engine, rest) : edits(engine, rest[0], Number(rest[1]), Number(rest[2]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
