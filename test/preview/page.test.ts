// The real preview page (dist/media/preview.js in the HTML shell, under its CSP) in headless
// Chromium: drawing, keyboard, clicks, the UTC/local toggle, scroll and focus kept across
// updates, state restored after a reload, layouts by width, and hostile text left inert.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { timelineView, type TimelineView } from '../../server/src/render';
import { CLASSIC, makeTimeline, problem } from '../render/fixtures';
import { hostileView } from '../render/hostile';
import { launch, SKIP_CHROMIUM } from './chromium';
import { openPreview, type PreviewPage } from './harness';

const URI = 'file:///work/postmortems/outage.md';

function view(extra: { text?: string } = {}): TimelineView {
  const specs = [...CLASSIC, { text: 'Retro scheduled', vague: 'late in the day' }];
  if (extra.text) specs[0] = { ...specs[0]!, text: extra.text };
  return timelineView(makeTimeline(specs), [problem(13, 'Entry is earlier than the one before it')], { filePath: URI });
}

async function show(p: PreviewPage, v: TimelineView = view()): Promise<void> {
  await p.send({ type: 'update', view: v, uri: URI, name: 'outage.md' });
  await p.page.waitForSelector('#pv-chart svg .pm-event');
}

describe('the preview page', { skip: SKIP_CHROMIUM }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  test('draws the timeline under its CSP, with no violation', async () => {
    const p = await openPreview(browser);
    await show(p);
    const { page } = p;
    assert.equal(await page.locator('.pm-event').count(), 8);
    assert.equal(await page.textContent('#pv-name'), 'Timeline: outage.md');
    assert.equal(await page.getAttribute('.pm-event[data-id="1"]', 'aria-label'), '08:16 PDT — Interruption begins (outage start)');
    assert.equal(await page.locator('svg.pm-horizontal').count(), 1);
    assert.equal(await page.textContent('#pv-local'), 'Local (PDT)');
    assert.deepEqual(await p.violations(), []);
    assert.equal((await p.state())?.uri, URI);
    // Theme colours come through the variables, not inline styles.
    assert.equal(await page.$eval('.pm-k-start', (el) => getComputedStyle(el).fill), 'rgb(241, 76, 76)');
    assert.equal(await page.locator('[style]').count(), 0);
    await page.context().close();
  });

  test('arrow keys move between entries; Enter and clicks reveal them', async () => {
    const p = await openPreview(browser);
    await show(p);
    const { page } = p;
    assert.deepEqual(await page.$$eval('.pm-event', (els) => els.map((e) => e.getAttribute('tabindex'))), ['0', '-1', '-1', '-1', '-1', '-1', '-1', '-1'], 'one tab stop');
    await page.focus('.pm-event[data-id="0"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), '2');
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), '7', 'the unplaced lane is reachable');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.click('.pm-event[data-id="3"]');
    const reveals = (await p.posted()).filter((m) => m.type === 'reveal');
    assert.deepEqual(reveals, [{ type: 'reveal', id: 6 }, { type: 'reveal', id: 3 }]);
    assert.equal(await page.$eval('.pm-event[data-id="3"]', (el) => el.matches(':focus')), true);
    await page.context().close();
  });

  test('the UTC/local toggle redraws every time and is remembered', async () => {
    const p = await openPreview(browser);
    await show(p);
    const { page } = p;
    await page.click('#pv-utc');
    assert.equal(await page.getAttribute('.pm-event[data-id="1"]', 'aria-label'), '15:16 UTC — Interruption begins (outage start)');
    assert.equal(await page.getAttribute('#pv-utc', 'aria-pressed'), 'true');
    assert.equal((await p.state())?.zone, 'utc');
    await page.click('#pv-export-html');
    assert.deepEqual((await p.posted()).filter((m) => m.type === 'export'), [{ type: 'export', format: 'html', zone: 'utc' }]);
    await page.context().close();
  });

  test('updates keep the scroll position and the focused entry', async () => {
    const p = await openPreview(browser, { width: 320, height: 300 });
    await show(p);
    const { page } = p;
    await page.focus('.pm-event[data-id="4"]');
    await page.evaluate(() => window.scrollTo(0, 240));
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 0);
    await p.send({ type: 'update', view: view({ text: 'Configuration push begins (edited)' }), uri: URI, name: 'outage.md' });
    await page.waitForSelector('.pm-event[data-id="0"][aria-label*="(edited)"]', { state: 'attached' });
    assert.equal(await page.evaluate(() => window.scrollY), before);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-id')), '4');
    await page.context().close();
  });

  test('narrow panels get the vertical layout, and it follows resizes', async () => {
    const p = await openPreview(browser, { width: 320 });
    await show(p);
    const { page } = p;
    assert.equal(await page.locator('svg.pm-vertical').count(), 1);
    assert.ok(await page.$eval('svg', (el) => el.getBoundingClientRect().width <= 320));
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.waitForSelector('svg.pm-horizontal');
    await page.context().close();
  });

  test('after a reload the saved state is restored', async () => {
    const p = await openPreview(browser, { height: 300, state: { uri: URI, zone: 'utc', scrollX: 0, scrollY: 120, focusId: 2 } });
    await show(p);
    const { page } = p;
    assert.equal(await page.getAttribute('.pm-event[data-id="1"]', 'aria-label'), '15:16 UTC — Interruption begins (outage start)');
    assert.equal(await page.evaluate(() => window.scrollY), 120);
    assert.equal(await page.getAttribute('.pm-event[data-id="2"]', 'tabindex'), '0');
    await page.context().close();
  });

  test('the cursor\'s entry is highlighted; messages are shown as text', async () => {
    const p = await openPreview(browser);
    await show(p);
    const { page } = p;
    await p.send({ type: 'cursor', line: 13 });
    assert.deepEqual(await page.$$eval('.pm-current', (els) => els.map((e) => e.getAttribute('data-line'))), ['13']);
    await p.send({ type: 'empty', message: '<b>notes.md</b> is not a postmortem' });
    assert.equal(await page.textContent('.pv-empty'), '<b>notes.md</b> is not a postmortem');
    assert.equal(await page.locator('#pv-chart b').count(), 0);
    await page.context().close();
  });

  test('hostile entries stay text: no script runs, nothing violates the CSP', async () => {
    const p = await openPreview(browser);
    const { page } = p;
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await show(p, hostileView());
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await p.violations(), []);
    assert.equal(await page.locator('script').count(), 1);
    assert.equal(await page.locator('#pv-chart img, #pv-chart iframe, #pv-chart a, #pv-chart foreignObject').count(), 0);
    assert.ok((await page.textContent('#pv-chart'))!.includes('<script>window.__pwned'));
    await page.context().close();
  });
});
