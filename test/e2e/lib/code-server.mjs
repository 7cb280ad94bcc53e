// Starts a real VS Code (code-server, installed by scripts/install-code-server.sh) and a headless
// Chromium driven by playwright-core. Every session gets fresh, throw-away state under a temp
// folder: HOME, user data, extensions, the Chromium profile and a copy of the fixture workspace.
import { chromium } from 'playwright-core';
import { spawn, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The extension under development: this checkout, or another build named by E2E_EXTENSION_PATH. */
export const EXTENSION_PATH = path.resolve(process.env.E2E_EXTENSION_PATH ?? ROOT);
export const FIXTURES = path.join(ROOT, 'test/e2e/fixtures/workspace');
export const OUTPUT = path.join(ROOT, 'test-output/e2e');
export const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR ?? path.join(ROOT, '.e2e/code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p)) ?? '/usr/bin/chromium';
export const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
export const EXTENSION_ID = `${PACKAGE.publisher}.${PACKAGE.name}`;

const t0 = Number(process.env.E2E_T0 ?? Date.now());
export function log(...args) {
  console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s]`, ...args);
}

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'chat.commandCenter.enabled': false,
  'github.copilot.enable': false,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  // VS Code for the Web saves after a delay by default; desktop does not. Tests revert their edits.
  'files.autoSave': 'off',
};

async function freePort() {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  await once(srv, 'close');
  return port;
}

function rmrf(p) {
  fs.rmSync(p, { recursive: true, force: true, maxRetries: 3 });
}

export function assertInstalled() {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed in ${CODE_SERVER_DIR}: run "bash scripts/install-code-server.sh" (npm run test:e2e does it for you)`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
}

/**
 * A fresh code-server. Options:
 * - name: label for logs and the output folder;
 * - env: extra environment for code-server (and so for its extension host);
 * - settings: user settings merged over the defaults;
 * - vsix: a VSIX to install with --install-extension into the fresh extensions dir before start.
 */
export async function startCodeServer({ name = 'session', env = {}, settings = {}, vsix } = {}) {
  assertInstalled();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `pm-e2e-${name}-`));
  const home = path.join(tmp, 'home');
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  for (const d of [home, path.join(userData, 'User'), extensions]) fs.mkdirSync(d, { recursive: true });
  fs.cpSync(FIXTURES, workspace, { recursive: true });
  const userSettingsFile = path.join(userData, 'User/settings.json');
  fs.writeFileSync(userSettingsFile, JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const port = await freePort();
  fs.writeFileSync(path.join(tmp, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  fs.mkdirSync(OUTPUT, { recursive: true });
  const logFile = path.join(OUTPUT, `code-server-${name}.log`);

  const csEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    EXTENSIONS_GALLERY: '{}', // no marketplace, no open-vsx calls
    VSCODE_CLI: undefined,
    ELECTRON_RUN_AS_NODE: undefined,
    ...env,
  };
  for (const k of Object.keys(csEnv)) if (csEnv[k] === undefined) delete csEnv[k];
  const common = ['--config', path.join(tmp, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions];

  if (vsix) {
    const out = execFileSync(process.execPath, [CODE_SERVER_ENTRY, ...common, '--install-extension', vsix], { env: csEnv, encoding: 'utf8', timeout: 120_000 });
    log(`installed ${path.basename(vsix)}: ${out.trim().split('\n').filter((l) => !/^\[.*\] info/.test(l)).join(' ')}`);
  }

  const logFd = fs.openSync(logFile, 'w');
  const started = Date.now();
  const child = spawn(process.execPath, [CODE_SERVER_ENTRY, ...common,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened'],
  { detached: true, stdio: ['ignore', logFd, logFd], env: csEnv }); // own process group: killed as a whole
  fs.closeSync(logFd);
  const base = `http://127.0.0.1:${port}`;

  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await Promise.race([exited, new Promise((r) => setTimeout(r, 100, null))]);
    if (state) throw new Error(`code-server exited (${JSON.stringify(state)}) before it was up; see ${logFile}`);
    try {
      if ((await globalThis.fetch(`${base}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s; see ${logFile}`);
  }
  log(`code-server "${name}" up on ${base} in ${Date.now() - started} ms (log: ${path.relative(ROOT, logFile)})`);

  let stopped = false;
  return {
    name, tmp, home, userData, extensions, workspace, port, base, logFile, userSettingsFile, pid: child.pid,
    /** The workbench URL for a folder, with optional development payload entries. */
    url({ folder = workspace, devPath, testsPath } = {}) {
      let u = `${base}/?folder=${encodeURIComponent(folder)}`;
      const payload = [];
      if (devPath) payload.push(['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${devPath}`]);
      if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://127.0.0.1:${port}${testsPath}`]);
      if (payload.length) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return u;
    },
    async stop({ keep = false } = {}) {
      if (stopped) return;
      stopped = true;
      // VS Code's own logs (extension host, output channels such as the language server's) are kept.
      try {
        fs.cpSync(path.join(userData, 'logs'), path.join(OUTPUT, `logs-${name}`), { recursive: true });
      } catch { /* no logs written */ }
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const gone = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(r, 3000, false))]);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* whole group already gone */ }
      if (!gone) await exited;
      if (!keep) rmrf(tmp);
    },
  };
}

/** Headless Debian Chromium with a fresh profile; the page may only talk to 127.0.0.1. */
export async function launchBrowser(tmp) {
  const chromeHome = path.join(tmp, 'chrome-home');
  const context = await chromium.launchPersistentContext(path.join(tmp, 'chrome-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, HOME: chromeHome, XDG_CONFIG_HOME: path.join(chromeHome, '.config'), XDG_CACHE_HOME: path.join(chromeHome, '.cache') },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const blocked = new Set();
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(u) || /^(data|blob|vscode-webview|vscode-file):/.test(u)) return route.continue();
    blocked.add(u);
    return route.abort();
  });
  const page = context.pages()[0] ?? await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => {
    consoleLines.push(`[${m.type()}] ${m.text()}`);
    if (consoleLines.length > 2000) consoleLines.shift();
  });
  return { context, page, blocked, consoleLines };
}

/** A code-server and a browser together; `close()` ends both and deletes the temp folder. */
export async function startSession(options = {}) {
  const server = await startCodeServer(options);
  let browser;
  try {
    browser = await launchBrowser(server.tmp);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return {
    server,
    ...browser,
    async close() {
      if (browser.blocked.size) log(`blocked non-local requests from the page: ${[...browser.blocked].slice(0, 10).join(', ')}`);
      fs.writeFileSync(path.join(OUTPUT, `browser-console-${server.name}.log`), browser.consoleLines.join('\n'));
      await browser.context.close().catch(() => {});
      await server.stop({ keep: process.env.E2E_KEEP === '1' });
    },
  };
}

/** Screenshot into test-output/e2e (always) and docs/images (with E2E_SCREENSHOTS=1, for the README). */
export async function screenshot(page, name, { readme = false, locator } = {}) {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const target = locator ?? page;
  await target.screenshot({ path: path.join(OUTPUT, `${name}.png`) });
  if (readme && process.env.E2E_SCREENSHOTS === '1') {
    const dir = path.join(ROOT, 'docs/images');
    fs.mkdirSync(dir, { recursive: true });
    await target.screenshot({ path: path.join(dir, `${name}.png`) });
    log(`README screenshot docs/images/${name}.png`);
  }
}

/** Wraps a test body: on failure, a screenshot of the page goes to test-output/e2e/. */
export function withScreenshot(getPage, name, fn) {
  return async (t) => {
    try {
      await fn(t);
    } catch (e) {
      const page = getPage();
      const file = `failure-${name.replace(/[^\w.-]+/g, '-')}`;
      if (page) {
        await screenshot(page, file).catch(() => {});
        const toasts = await page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts().catch(() => []);
        for (const t of toasts) log(`  notification on screen: ${t}`);
      }
      log(`FAILED "${name}": screenshot test-output/e2e/${file}.png`);
      throw e;
    }
  };
}

/** Resolves when `file` exists (it is written by another process), watching its folder. */
export function waitForFile(file, ms) {
  const dir = path.dirname(file);
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(dir, () => {
      if (fs.existsSync(file)) done();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`${path.relative(ROOT, file)} did not appear within ${ms / 1000} s`));
    }, ms);
    function done() {
      clearTimeout(timer);
      watcher.close();
      resolve();
    }
    if (fs.existsSync(file)) done();
  });
}
