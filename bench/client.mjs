// Extension-side measurements:
//
//   node bench/client.mjs activation [BUNDLE]       load + activate() time in a fake `vscode` harness
//   node bench/client.mjs vsix                      VSIX size: production build and `vsce package`
//                                                  in a temporary copy of the project (the
//                                                  checkout's dist/ is left alone)
//
// Each prints one JSON line.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The extension's entry point as package.json names it (dist/extension.js or .cjs). */
const MAIN = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).main.replace(/^\.\//, '');

/**
 * A `vscode` module where every property is a function that returns another such fake, so
 * activate() runs its real code path (creating the client, registering commands, the status
 * item, the preview) without an editor. The language client's start() fails asynchronously
 * (there is no editor behind it); that is after activate() has returned and is not timed.
 */
function fakeVscode() {
  const cache = new Map();
  const handler = {
    get(target, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      if (!cache.has(target)) cache.set(target, new Map());
      const props = cache.get(target);
      if (!props.has(prop)) props.set(prop, fake());
      return props.get(prop);
    },
    set(target, prop, value) {
      if (!cache.has(target)) cache.set(target, new Map());
      cache.get(target).set(prop, value);
      return true;
    },
    apply: () => fake(),
    construct: () => fake(),
  };
  const fake = (target = function vscodeFake() {}) => new Proxy(target, handler);
  const root = function vscode() {};
  // The few values that code checks rather than calls.
  cache.set(root, new Map([['version', '1.100.0']]));
  return fake(root);
}

async function activation(extension) {
  const vscode = fakeVscode();
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  const subscriptions = [];
  const context = {
    subscriptions,
    extensionPath: ROOT,
    extensionUri: pathToFileURL(ROOT),
    asAbsolutePath: (p) => join(ROOT, p),
    extensionMode: 3,
    globalState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    storageUri: undefined,
    globalStorageUri: pathToFileURL(tmpdir()),
    logUri: pathToFileURL(tmpdir()),
    environmentVariableCollection: {},
    secrets: { get: async () => undefined, store: async () => undefined },
  };
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const c0 = cpu();
  const t0 = performance.now();
  const require = createRequire(import.meta.url);
  const mod = require(extension);
  const loadedMs = performance.now() - t0;
  const t1 = performance.now();
  let error;
  try {
    mod.activate(context);
  } catch (e) {
    error = String(e?.stack ?? e).split('\n').slice(0, 3).join(' | ');
  }
  const activateMs = performance.now() - t1;
  return { codeLoadingMs: loadedMs, activateCallMs: activateMs, totalMs: loadedMs + activateMs, cpuMs: cpu() - c0, subscriptions: subscriptions.length, error };
}

function sizeOf(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    total += s.isDirectory() ? sizeOf(path) : s.size;
  }
  return total;
}

function vsix() {
  const work = mkdtempSync(join(tmpdir(), 'postmortem-vsix-'));
  try {
    const skip = new Set(['node_modules', '.git', '.e2e', 'test-output', 'dist', '.vscode-test']);
    for (const name of readdirSync(ROOT)) {
      if (skip.has(name) || name.endsWith('.vsix')) continue;
      cpSync(join(ROOT, name), join(work, name), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
    execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: work, stdio: 'ignore' });
    const out = join(work, 'bench.vsix');
    const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    const pack = () => execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: work, encoding: 'utf8', stdio: 'pipe' });
    let note;
    try {
      pack();
    } catch (error) {
      // The checkout's .vscodeignore may not admit the bundles yet (e.g. *.cjs): measure as if it did, and say so.
      note = `vsce package failed as checked out (${String(error.stderr || error.stdout || error.message).replace(/\s+/g, ' ').trim().slice(0, 200)}); measured with "!dist/**/*.cjs" added to .vscodeignore`;
      appendFileSync(join(work, '.vscodeignore'), '\n!dist/**/*.cjs\n');
      pack();
    }
    // Activation and server start-up of the production bundles, each in a fresh process.
    const runs = Number(process.env.POSTMORTEM_BENCH_RUNS ?? 5);
    const run = (args, env = {}) => JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' }).trim().split('\n').pop());
    const activation = [];
    const serverStartupMs = [];
    for (let i = 0; i < runs; i++) {
      activation.push(run([join(ROOT, 'bench', 'client.mjs'), 'activation', join(work, MAIN)]));
      serverStartupMs.push(run([join(ROOT, 'bench', 'lsp.mjs'), 'startup'], { POSTMORTEM_BENCH_SERVER: join(work, 'dist', 'server.js') }));
    }
    const dist = {};
    for (const name of [MAIN.replace(/^dist\//, ''), 'server.js', 'cli.js']) if (existsSync(join(work, 'dist', name))) dist[name] = statSync(join(work, 'dist', name)).size;
    return { vsixBytes: statSync(out).size, note, productionBundles: dist, distBytes: sizeOf(join(work, 'dist')), activation, productionServerStartupMs: serverStartupMs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [what, arg] = process.argv.slice(2);
  Promise.resolve(what === 'activation' ? activation(arg ?? join(ROOT, MAIN)) : vsix()).then((result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  }, (error) => {
    console.error(error);
    process.exit(1);
  });
}
