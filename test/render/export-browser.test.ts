// The HTML and SVG exports of a postmortem full of injection attempts, opened in headless
// Chromium: no injected script runs (no flag set, no dialog, no console output), and the DOM
// holds no script, no event-handler attribute, no link, no image, no frame. The HTML page is
// also opened with its CSP removed, to show the escaping holds on its own.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../server/src/engine';
import { renderHtml, renderSvg, timelineView, type TimelineView } from '../../server/src/render';
import { launch, SKIP_CHROMIUM } from '../preview/chromium';
import { hostilePostmortem, hostileView, PAYLOADS } from './hostile';

const ORIGIN = 'https://export.test';

function parsedView(): TimelineView {
  const analysis = analyze(hostilePostmortem(), { force: true });
  return timelineView(analysis.timeline!, analysis.problems, { filePath: 'postmortems/<img src=x onerror=alert(1)>.md' });
}

interface Opened {
  page: Page;
  dialogs: string[];
  console: string[];
  errors: string[];
}

async function open(browser: Browser, body: string, contentType: string): Promise<Opened> {
  const context = await browser.newContext();
  await context.route(`${ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType, body }));
  const page = await context.newPage();
  const opened: Opened = { page, dialogs: [], console: [], errors: [] };
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => opened.console.push(m.text()));
  page.on('pageerror', (e) => opened.errors.push(e.message));
  await page.goto(`${ORIGIN}/export`, { waitUntil: 'load' });
  return opened;
}

/** Everything an injection could have left behind. */
async function assertInert(o: Opened): Promise<void> {
  const found = await o.page.evaluate(`(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: window.__pwned,
      scripts: document.querySelectorAll('script').length,
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + ' ' + a.name)),
      styled: all.filter((el) => el.hasAttribute('style')).length,
      dangerous: document.querySelectorAll('img, iframe, a, object, embed, foreignObject, use, image').length,
      text: document.documentElement.textContent,
    };
  })()`) as { pwned: unknown; scripts: number; handlers: string[]; styled: number; dangerous: number; text: string };
  assert.equal(found.pwned, undefined, 'an injected script ran');
  assert.deepEqual(o.dialogs, []);
  assert.deepEqual(o.console, []);
  assert.deepEqual(o.errors, []);
  assert.equal(found.scripts, 0);
  assert.deepEqual(found.handlers, []);
  assert.equal(found.styled, 0);
  assert.equal(found.dangerous, 0);
  assert.match(found.text, /img src=x onerror=/, 'the payloads are there, as text');
}

describe('exports of a hostile postmortem in a browser', { skip: SKIP_CHROMIUM }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  test('control: the same checks catch a payload that was not escaped', async () => {
    const o = await open(browser, `<!DOCTYPE html><p>${PAYLOADS[0]}</p><p>img src=x onerror=</p>`, 'text/html');
    await assert.rejects(assertInert(o), /an injected script ran/);
    await o.page.context().close();
  });

  for (const [name, make] of [['hand-made', hostileView], ['parsed', parsedView]] as const) {
    test(`the HTML export (${name}) runs nothing, even without its CSP`, async () => {
      const html = renderHtml(make());
      for (const page of [html, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')]) {
        const o = await open(browser, page, 'text/html');
        await assertInert(o);
        assert.equal(await o.page.locator('svg').count(), 2);
        assert.ok(await o.page.locator('tbody tr').count() >= 14);
        await o.page.context().close();
      }
    });

    test(`the SVG export (${name}) is well-formed XML and runs nothing`, async () => {
      const svg = renderSvg(make());
      const o = await open(browser, svg, 'image/svg+xml');
      assert.equal(await o.page.evaluate('document.documentElement.tagName'), 'svg');
      assert.equal(await o.page.evaluate('document.getElementsByTagName("parsererror").length'), 0);
      await assertInert(o);
      await o.page.context().close();
    });
  }
});
