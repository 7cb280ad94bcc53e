// The extension under development (dist/, loaded with the extensionDevelopmentPath payload) in a
// real VS Code 1.100.3 (code-server), checked from outside like a user: squiggles, hovers, the
// Problems panel, the status bar, the command palette, settings, snippets.
// One code-server and one browser for the whole file; the tests run in order and share the window.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EXTENSION_ID, EXTENSION_PATH, PACKAGE, ROOT, log, screenshot, startSession, withScreenshot } from './lib/code-server.mjs';
import {
  activeEditor, closePanel, commandOffered, goToLine, hoverOver, openFile, openWorkbench, problemsStatus, readProblems,
  runCommand, squiggles, statusBarItem, waitForProblems, waitForSquiggles,
} from './lib/workbench.mjs';

const POSTMORTEM = 'incidents/2024-03-12-checkout-outage.md';
const POSTMORTEM_NAME = path.basename(POSTMORTEM);
const STRUCTURE_RULES = ['missing-section', 'empty-section', 'placeholder-text', 'duplicate-section', 'duplicate-paragraph', 'pseudo-heading', 'action-item-owner'];
const PROFILE_ITEM = `${EXTENSION_ID}.postmortem.profile`;
const fixtureLines = fs.readFileSync(path.join(ROOT, 'test/e2e/fixtures/workspace', POSTMORTEM), 'utf8').split('\n');
const lineOf = (needle) => fixtureLines.findIndex((l) => l.includes(needle)) + 1;

/** Whether package.json contributes a snippet with this prefix (features land over time). */
function snippetContributed(prefix) {
  for (const s of PACKAGE.contributes?.snippets ?? []) {
    const file = path.join(ROOT, s.path);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes(`"${prefix}"`)) return true;
  }
  return false;
}

/** Whether package.json contributes a command (features land over time). */
function commandContributed(command) {
  return (PACKAGE.contributes?.commands ?? []).some((c) => c.command === command);
}

describe('Postmortem Lint in VS Code 1.100.3 (code-server)', () => {
  let session;
  let page;
  const test = (name, fn, options = {}) => it(name, { timeout: 120_000, ...options }, withScreenshot(() => page, name, fn));

  before(async () => {
    session = await startSession({ name: 'editor' });
    page = session.page;
    await openWorkbench(page, session.server.url({ devPath: EXTENSION_PATH }), { devHost: true });
    log('workbench loaded as [Extension Development Host]');
  });

  after(async () => {
    await session?.close();
  });

  test('shows squiggles on the fixture postmortem', async () => {
    await openFile(page, POSTMORTEM);
    await waitForSquiggles(page, 5);
    const counts = await squiggles(page);
    log(`squiggles in the editor: ${JSON.stringify(counts)}`);
    assert.ok(counts.warning >= 4, 'warning squiggles');
  });

  test('a diagnostic hover names the rule and links its docs', async () => {
    await openFile(page, POSTMORTEM);
    await waitForSquiggles(page, 5);
    await goToLine(page, lineOf('Root cause owner: TBD'), 1);
    const hover = await hoverOver(page, 'TBD', { lineText: 'Root cause owner', hasText: 'placeholder-text' });
    const text = await hover.innerText();
    log(`hover: ${JSON.stringify(text)}`);
    assert.match(text, /placeholder-text/);
    const href = await hover.locator('a', { hasText: 'placeholder-text' }).first().getAttribute('href').catch(() => '');
    log(`hover docs link: ${href}`);
    assert.match(href ?? '', /placeholder-text/);
    await page.keyboard.press('Escape');
  });

  test('the Problems panel lists every structure rule with its docs link', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
    await waitForProblems(page, POSTMORTEM_NAME, (codes) => STRUCTURE_RULES.every((id) => codes.includes(id)));
    await screenshot(page, 'diagnostics', { readme: true });
    const problems = (await readProblems(page)).filter((p) => p.file === POSTMORTEM_NAME);
    for (const p of problems) log(`  problem: ${p.severity} ${p.code} ${p.position} ${p.message}  -> ${p.href}`);
    const codes = new Set(problems.map((p) => p.code));
    for (const id of STRUCTURE_RULES) assert.ok(codes.has(id), `Problems panel shows ${id}`);
    for (const p of problems) {
      assert.equal(p.source, 'postmortem');
      assert.match(p.href, new RegExp(`^https?://.*${p.code}`), `${p.code} links its docs page`);
    }
    const placeholder = problems.find((p) => p.code === 'placeholder-text');
    assert.equal(placeholder?.position, `[Ln ${lineOf('TBD')}, Col ${fixtureLines[lineOf('TBD') - 1].indexOf('TBD') + 1}]`);
    assert.match(await problemsStatus(page), /Warnings: [1-9]/);
    await closePanel(page);
  });

  test('the status bar shows the profile', async () => {
    await openFile(page, POSTMORTEM);
    await page.locator(`[id="${PROFILE_ITEM}"]`).waitFor({ timeout: 30_000 });
    const item = await statusBarItem(page, PROFILE_ITEM);
    log(`status bar item: ${JSON.stringify(item)}`);
    assert.match(item.text, /standard/);
  });

  test('a README that is not a postmortem gets no diagnostics', async () => {
    await openFile(page, 'README.md');
    // The profile item hides once the server answers that the README is not a postmortem.
    await page.locator(`[id="${PROFILE_ITEM}"]`).waitFor({ state: 'hidden', timeout: 30_000 });
    // Round trip: back to the postmortem, whose answer comes after the README's.
    await openFile(page, POSTMORTEM);
    await page.locator(`[id="${PROFILE_ITEM}"]`).waitFor({ timeout: 30_000 });
    const problems = await readProblems(page);
    assert.deepEqual(problems.filter((p) => p.file === 'README.md'), [], 'no problems listed for README.md');
    assert.ok(problems.some((p) => p.file === POSTMORTEM_NAME), 'the postmortem still has its problems');
    await closePanel(page);
    await openFile(page, 'README.md');
    const counts = await squiggles(page);
    assert.deepEqual(counts, { error: 0, warning: 0, info: 0, hint: 0 }, 'no squiggles in README.md');
  });

  test('"Postmortem: Restart Server" runs from the palette', async () => {
    await openFile(page, POSTMORTEM);
    await waitForSquiggles(page, 5);
    assert.ok(await commandOffered(page, 'Postmortem: Restart Server'), 'the palette offers the command');
    // Watch the problem counter from inside the page: a restart clears the server's
    // diagnostics, then the new server publishes them again.
    await page.evaluate(() => {
      const label = () => document.getElementById('status.problems')?.getAttribute('aria-label') ?? '';
      const labels = [label()];
      window.__pmProblemLabels = labels;
      new window.MutationObserver(() => {
        if (labels[labels.length - 1] !== label()) labels.push(label());
      }).observe(document.getElementById('workbench.parts.statusbar'), { attributes: true, childList: true, subtree: true });
    });
    await runCommand(page, 'Postmortem: Restart Server');
    await page.waitForFunction(() => {
      const labels = window.__pmProblemLabels;
      const cleared = labels.findIndex((l) => !/Warnings: [1-9]/.test(l));
      return cleared > 0 && labels.slice(cleared).some((l) => /Warnings: [1-9]/.test(l));
    }, null, { timeout: 60_000 });
    const labels = await page.evaluate(() => window.__pmProblemLabels);
    log(`problem counter during the restart: ${labels.join(' -> ')}`);
    await waitForSquiggles(page, 5);
    await page.locator(`[id="${PROFILE_ITEM}"]`).waitFor({ timeout: 30_000 });
  });

  test('turning a rule off in the settings removes its diagnostic without a restart', async () => {
    const settingsFile = path.join(session.server.workspace, '.vscode/settings.json');
    await openFile(page, POSTMORTEM);
    await waitForProblems(page, POSTMORTEM_NAME, (codes) => codes.includes('placeholder-text'));
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'postmortem.rules': { 'placeholder-text': 'off' } }, null, 2));
    await waitForProblems(page, POSTMORTEM_NAME, (codes) => !codes.includes('placeholder-text') && codes.includes('missing-section'));
    log('placeholder-text gone after "postmortem.rules": {"placeholder-text": "off"}');
    fs.writeFileSync(settingsFile, '{}\n');
    await waitForProblems(page, POSTMORTEM_NAME, (codes) => codes.includes('placeholder-text'));
    log('placeholder-text back after the setting was removed');
    await closePanel(page);
  });

  test('selecting another profile from the status bar changes the required sections', async () => {
    await openFile(page, POSTMORTEM);
    const item = page.locator(`[id="${PROFILE_ITEM}"]`);
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor({ timeout: 30_000 });
    await page.locator('.quick-input-widget input').fill('google-sre');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused', { hasText: 'google-sre' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => /google-sre/.test(document.getElementById(id)?.textContent ?? ''), PROFILE_ITEM, { timeout: 30_000 });
    // google-sre also requires trigger and lessons-learned (only a pseudo-heading here).
    const problems = await waitForProblems(page, POSTMORTEM_NAME, (_codes, rows) => rows.filter((r) => r.code === 'missing-section').length >= 2);
    log(`missing sections under google-sre: ${problems.filter((p) => p.code === 'missing-section').map((p) => p.message).join(' | ')}`);
    // Back to the default through the settings file the command wrote.
    const settingsFile = path.join(session.server.workspace, '.vscode/settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    assert.equal(settings['postmortem.profile'], 'google-sre', 'the choice is saved in the workspace settings');
    fs.writeFileSync(settingsFile, '{}\n');
    await page.waitForFunction((id) => /standard/.test(document.getElementById(id)?.textContent ?? ''), PROFILE_ITEM, { timeout: 30_000 });
    await closePanel(page);
  });

  test('a quick fix from the light bulb turns the pseudo-heading into a heading', async () => {
    const line = lineOf('Lessons Learned');
    await openFile(page, POSTMORTEM);
    await waitForProblems(page, POSTMORTEM_NAME, (codes) => codes.includes('pseudo-heading'));
    await closePanel(page);
    await goToLine(page, line, 3);
    const bulb = page.locator('.editor-group-container.active .monaco-editor .lightBulbWidget');
    await bulb.first().waitFor({ timeout: 30_000 });
    await bulb.first().click();
    const fix = page.locator('.action-widget .monaco-list-row.action', { hasText: 'Convert to heading' }).first();
    await fix.waitFor({ timeout: 30_000 });
    const offered = await page.locator('.action-widget .monaco-list-row.action').allInnerTexts();
    log(`light bulb offers: ${offered.map((o) => o.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ')}`);
    // The preferred fix is focused in the menu: Enter applies it.
    await page.locator('.action-widget .monaco-list-row.action.focused', { hasText: 'Convert to heading' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'quick-fix', { readme: true });
    await page.keyboard.press('Enter');
    await page.waitForFunction((text) => [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line')]
      .some((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ') === text), '## Lessons Learned', { timeout: 30_000 });
    await waitForProblems(page, POSTMORTEM_NAME, (codes) => !codes.includes('pseudo-heading') && codes.includes('missing-section'));
    log('"Lessons Learned" is now "## Lessons Learned" and pseudo-heading is gone');
    await closePanel(page);
    await runCommand(page, 'File: Revert File');
    await waitForProblems(page, POSTMORTEM_NAME, (codes) => codes.includes('pseudo-heading'));
    await closePanel(page);
  });

  test('hovering a timeline time shows it normalised', async () => {
    await openFile(page, POSTMORTEM);
    await waitForSquiggles(page, 5); // the server has analysed the document
    await goToLine(page, lineOf('14:12 Pager alert'), 1);
    const hover = await hoverOver(page, '14:12', { lineText: 'Pager alert', hasText: '2024-03-12' });
    const text = await hover.innerText();
    log(`hover on 14:12: ${JSON.stringify(text)}`);
    assert.match(text, /2024-03-12[T ]14:12/, 'the time with its date');
    assert.match(text, /UTC|Z|\+00:00/, 'and its zone');
    assert.match(text, /T\+0:07/, 'seven minutes after the outage start');
    await screenshot(page, 'hover-time');
    await page.keyboard.press('Escape');
  });

  test('the code lens above the timeline shows TTD, TTM and TTR', async () => {
    await openFile(page, POSTMORTEM);
    await goToLine(page, lineOf('## Timeline'), 1);
    const lens = page.locator('.editor-group-container.active .monaco-editor .codelens-decoration', { hasText: 'TTD' }).first();
    await lens.waitFor({ timeout: 60_000 });
    const text = (await lens.innerText()).replace(/\u00a0/g, ' ');
    log(`code lens: ${JSON.stringify(text)}`);
    // 14:05 start, 14:12 detected, 14:52 mitigated, 15:10 resolved.
    assert.match(text, /TTD 7\s?m/);
    assert.match(text, /TTM 47\s?m/);
    assert.match(text, /TTR 1\s?h 5\s?m|TTR 65\s?m/);
  });

  test('the timeline preview opens beside the editor, lists the events and follows edits and clicks', async (t) => {
    if (!commandContributed('postmortem.openTimelinePreview')) {
      t.skip('"Postmortem: Open Timeline Preview" is not contributed yet');
      return;
    }
    await openFile(page, POSTMORTEM);
    await runCommand(page, 'Postmortem: Open Timeline Preview');
    // Beside: a second editor group holding the webview.
    await page.waitForFunction(() => document.querySelectorAll('.editor-group-container').length >= 2, null, { timeout: 30_000 });
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const events = preview.locator('.pm-event');
    await events.first().waitFor({ timeout: 60_000 });
    const timelineLines = fixtureLines.map((l, i) => [l, i + 1]).filter(([l]) => /^- \d{2}:\d{2} /.test(l));
    assert.equal(await events.count(), timelineLines.length, 'one event per timeline entry');
    const labels = await events.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    log(`preview events: ${labels.join(' | ')}`);
    assert.match(labels.join('\n'), /Outage begins/);
    assert.match(labels.join('\n'), /Mitigated/);
    await screenshot(page, 'timeline-preview', { readme: true });

    // Live: an edit in the editor shows up in the preview.
    const [lastLine, lastNo] = timelineLines[timelineLines.length - 1];
    await page.locator('.editor-group-container .monaco-editor[data-uri$="' + POSTMORTEM_NAME + '"] .view-lines').first().click();
    await goToLine(page, lastNo, lastLine.length + 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('15:30 All-clear sent to customers.');
    await preview.locator('.pm-event', { hasText: 'All-clear' }).first().waitFor({ timeout: 30_000 });
    log('an entry typed in the editor appeared in the preview');

    // A click on an event moves the editor's cursor to its line.
    const target = timelineLines[1];
    await preview.locator(`.pm-event[data-line="${target[1] - 1}"], .pm-event[data-line="${target[1]}"]`).first().click();
    await page.waitForFunction((ln) => (document.querySelector('[id="status.editor.selection"]')?.textContent ?? '').includes(`Ln ${ln},`), target[1], { timeout: 30_000 });
    log(`clicking the event moved the cursor to line ${target[1]}`);
    await runCommand(page, 'File: Revert File');
    await runCommand(page, 'View: Close All Editor Groups').catch(() => {});
  });

  test('the pm-timeline-entry snippet expands', async (t) => {
    if (!snippetContributed('pm-timeline-entry')) {
      t.skip('no snippet with the prefix pm-timeline-entry is contributed yet');
      return;
    }
    await openFile(page, 'notes/scratch.md');
    const editor = activeEditor(page);
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    const hourBefore = new Date().getHours();
    await page.keyboard.type('pm-timeline-entry');
    await page.keyboard.press('Control+Space');
    // The exact prefix is the focused suggestion (pm-timeline-entry-local also matches).
    const suggestion = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused', { has: page.locator('.label-name', { hasText: /^pm-timeline-entry$/ }) });
    await suggestion.waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line')].map((l) => l.textContent ?? '');
      return !lines.some((l) => l.includes('pm-timeline-entry')) && lines.some((l) => /\d{1,2}:\d{2}/.test(l));
    }, null, { timeout: 30_000 });
    const text = (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
    log(`expanded snippet: ${JSON.stringify(text.trim())}`);
    const stamped = text.match(/- (\d{2}):(\d{2}) /);
    assert.ok(stamped, 'a timeline entry "- HH:MM …" is inserted');
    assert.ok([hourBefore, new Date().getHours()].includes(Number(stamped[1])), `stamped with the current hour (${stamped[1]})`);
    await page.keyboard.press('Escape');
    await runCommand(page, 'File: Revert File');
  });
});
