// Runs the real preview page outside VS Code: the HTML from client/src/preview/html.ts, the
// bundle dist/media/preview.js and the stylesheets from media/, served from a fake webview origin
// (the CSP's cspSource), with a stand-in for acquireVsCodeApi that records what the page posts
// and VS Code-like theme variables. Used by the page tests and the screenshot script.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { makeNonce, previewHtml } from '../../client/src/preview/html';
import type { FromPage, PreviewState, ToPage } from '../../client/src/preview/messages';
import { THEMES, type ThemeName } from './themes';

export const ORIGIN = 'https://webview.test';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const FILES: Record<string, { path: string; type: string }> = {
  '/dist/media/preview.js': { path: 'dist/media/preview.js', type: 'text/javascript' },
  '/media/timeline.css': { path: 'media/timeline.css', type: 'text/css' },
  '/media/preview.css': { path: 'media/preview.css', type: 'text/css' },
};

export interface PageOptions {
  theme?: ThemeName;
  width?: number;
  height?: number;
  state?: PreviewState;
}

export interface PreviewPage {
  page: Page;
  /** Messages the page posted to the extension. */
  posted(): Promise<FromPage[]>;
  state(): Promise<PreviewState | undefined>;
  violations(): Promise<string[]>;
  send(message: ToPage): Promise<void>;
}

export async function openPreview(browser: Browser, options: PageOptions = {}): Promise<PreviewPage> {
  const theme = THEMES[options.theme ?? 'dark'];
  const context = await browser.newContext({ viewport: { width: options.width ?? 900, height: options.height ?? 700 }, colorScheme: theme.scheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const nonce = makeNonce();
  const html = previewHtml({
    cspSource: ORIGIN,
    nonce,
    scriptUri: `${ORIGIN}/dist/media/preview.js`,
    styleUris: [`${ORIGIN}/theme.css`, `${ORIGIN}/media/timeline.css`, `${ORIGIN}/media/preview.css`],
  });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    if (path === '/theme.css') return route.fulfill({ status: 200, contentType: 'text/css', body: theme.css });
    const file = FILES[path];
    if (!file) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: file.type, body: readFileSync(`${ROOT}${file.path}`) });
  });
  // Not subject to the page's CSP: stands in for the webview host. A string, because tsx adds
  // helpers to compiled functions that do not exist in the page.
  await page.addInitScript(`(() => {
    const state = ${JSON.stringify(options.state ?? null)};
    window.__posted = [];
    window.__violations = [];
    window.__state = state === null ? undefined : state;
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(m),
      getState: () => window.__state,
      setState: (s) => { window.__state = s; },
    });
    document.addEventListener('DOMContentLoaded', () => document.body.classList.add(${JSON.stringify(theme.bodyClass)}));
  })();`);
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => ((window as unknown as { __posted: FromPage[] }).__posted).some((m) => m.type === 'ready'));
  return {
    page,
    posted: () => page.evaluate(() => (window as unknown as { __posted: FromPage[] }).__posted),
    state: () => page.evaluate(() => (window as unknown as { __state: PreviewState | undefined }).__state),
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    send: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
  };
}
