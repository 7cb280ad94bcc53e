// What a user does in the VS Code workbench, as playwright steps: open a file, run a command
// from the palette, read the Problems panel, the status bar, hovers. Every wait is on a selector
// or a condition, with a timeout.

/** Loads the workbench and waits for the explorer to list the workspace. */
export async function openWorkbench(page, url, { devHost = false } = {}) {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  if (devHost) await page.waitForFunction(() => document.title.includes('[Extension Development Host]'), null, { timeout: 30_000 });
}

/**
 * Opens a workspace file from the Explorer, as a user would: expands its folders, then clicks
 * it (Quick Open depends on the file search index, which is slow to build on a busy machine).
 */
export async function openFile(page, relative, { timeout = 60_000 } = {}) {
  const parts = relative.split('/');
  const name = parts[parts.length - 1];
  const explorer = page.locator('.explorer-folders-view');
  if (!(await explorer.isVisible())) await page.keyboard.press('Control+Shift+E');
  await explorer.waitFor({ timeout });
  for (let i = 0; i < parts.length; i++) {
    const row = explorer.locator(`.monaco-list-row[aria-level="${i + 1}"][aria-label^="${parts[i]}"]`).first();
    await row.waitFor({ timeout });
    if (i < parts.length - 1) {
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
      await page.waitForFunction(([p, level]) => [...document.querySelectorAll(`.explorer-folders-view .monaco-list-row[aria-level="${level}"]`)]
        .some((r) => (r.getAttribute('aria-label') ?? '').startsWith(p) && r.getAttribute('aria-expanded') === 'true'), [parts[i], i + 1], { timeout });
    } else {
      await row.dblclick(); // double click: a pinned editor, not a preview
    }
  }
  const tab = page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`);
  await tab.waitFor({ timeout });
  const editor = activeEditor(page);
  await editor.locator('.view-lines').waitFor({ timeout });
  // Focus the editor and start at the top: squiggles are only rendered for visible lines.
  await runCommand(page, 'View: Focus Active Editor Group');
  await page.keyboard.press('Control+Home');
  await page.waitForFunction(() => (document.querySelector('[id="status.editor.selection"]')?.textContent ?? '').includes('Ln 1,'), null, { timeout }).catch(() => {});
  return editor;
}

/** The editor of the active editor group. */
export function activeEditor(page) {
  return page.locator('.editor-group-container.active .monaco-editor[data-uri]').first();
}

/** Opens the command palette (F1) in file mode ('') or with a command filter ('>…'). */
async function quickInput(page, prefix) {
  const widget = page.locator('.quick-input-widget');
  if (await widget.isVisible()) await page.keyboard.press('Escape');
  await page.locator('.monaco-workbench').focus().catch(() => {});
  await page.keyboard.press('F1');
  const input = widget.locator('input');
  await input.waitFor({ timeout: 30_000 });
  await input.fill(prefix);
}

/** Runs a command by its palette title ("Postmortem: Restart Server"). */
export async function runCommand(page, title) {
  await quickInput(page, `>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row.focused', { has: page.locator('.label-name', { hasText: title }) });
  await row.waitFor({ timeout: 30_000 });
  await page.locator('.quick-input-widget input').press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 }).catch(() => {});
}

/** Whether a command title is offered in the palette. */
export async function commandOffered(page, title) {
  await quickInput(page, `>${title}`);
  const list = page.locator('.quick-input-list');
  const row = list.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: title }) }).first();
  const none = page.locator('.quick-input-message', { hasText: /No matching/ }); // VS Code: "No matching commands"
  await Promise.race([row.waitFor({ timeout: 30_000 }), none.waitFor({ timeout: 30_000 })]).catch(() => {});
  const offered = await row.isVisible();
  await page.keyboard.press('Escape');
  return offered;
}

/**
 * Opens the Problems panel (maximised if its virtual list cannot render every row) and returns
 * its markers: file, severity, message, source, code, the code's docs link and position.
 */
export async function readProblems(page) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  await panel.waitFor({ timeout: 30_000 });
  // The list is virtual: when its rows do not all fit, maximise the panel so they render.
  const cutOff = await page.evaluate(() => {
    const list = document.querySelector('.markers-panel .monaco-list');
    const rows = list?.querySelector('.monaco-list-rows');
    const panel = document.querySelector('.part.panel');
    const maximized = !!panel && panel.clientHeight > window.innerHeight * 0.6;
    return !maximized && !!list && !!rows && parseFloat(rows.style.height || '0') > list.clientHeight;
  });
  if (cutOff) await runCommand(page, 'View: Toggle Maximized Panel');
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')]
      .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')));
    let file = '';
    const out = [];
    for (const row of rows) {
      const level = row.getAttribute('aria-level');
      if (level === '1') {
        file = row.querySelector('.label-name')?.textContent ?? '';
        continue;
      }
      if (level !== '2') continue; // level 3: a marker's related information
      const text = (sel) => (row.querySelector(sel)?.textContent ?? '').trim();
      out.push({
        file,
        severity: row.querySelector('.marker-icon')?.classList.contains('error') ? 'error' : row.querySelector('.marker-icon')?.classList.contains('warning') ? 'warning' : 'info',
        message: text('.marker-message'),
        source: text('.marker-source'),
        code: text('.marker-code'),
        href: row.querySelector('a.monaco-link')?.getAttribute('href') ?? '',
        position: text('.marker-line'),
        ariaLabel: row.getAttribute('aria-label') ?? '',
      });
    }
    return out;
  });
}

/** Closes the panel (Problems, Output, …) and gives the editor its space back. */
export async function closePanel(page) {
  if (await page.locator('.part.panel').isVisible()) await runCommand(page, 'View: Hide Panel');
  await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 30_000 });
}

/** The aria-label of the problems counter in the status bar ("Warnings: 7, …"). */
export async function problemsStatus(page) {
  return (await page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
}

/** The squiggles in the active editor, by severity class. */
export async function squiggles(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor[data-uri]');
    const count = (c) => editor?.querySelectorAll(`.squiggly-${c}`).length ?? 0;
    return { error: count('error'), warning: count('warning'), info: count('info'), hint: count('hint') };
  });
}

/** Waits until the active editor shows at least `min` squiggles (any severity). */
export async function waitForSquiggles(page, min = 1, { timeout = 60_000 } = {}) {
  await page.waitForFunction((n) => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor[data-uri]');
    return (editor?.querySelectorAll('.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint').length ?? 0) >= n;
  }, min, { timeout });
}

/** The text of a status bar item found by its id (extension items: `<publisher>.<name>.<item id>`). */
export async function statusBarItem(page, id) {
  const item = page.locator(`[id="${id}"]`);
  if (!(await item.isVisible())) return undefined;
  return { text: (await item.innerText()).trim(), ariaLabel: (await item.getAttribute('aria-label')) ?? '' };
}

/** Moves the cursor to a 1-based line and column through "Go to Line" (Ctrl+G). */
export async function goToLine(page, line, column = 1) {
  await quickInput(page, `:${line}:${column}`);
  await page.locator('.quick-input-widget input').press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 30_000 });
}

/** The text of the active editor's model, read through the DOM's view lines (visible part). */
export async function visibleText(page) {
  return activeEditor(page).locator('.view-lines').innerText();
}

/**
 * Waits until the Problems panel's rule codes for a file satisfy `accept(codes, rows)` and
 * returns that file's rows. Opens the panel first if needed.
 */
export async function waitForProblems(page, file, accept, { timeout = 60_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const rows = (await readProblems(page)).filter((p) => p.file === file);
    if (accept(rows.map((r) => r.code), rows)) return rows;
    if (Date.now() > deadline) throw new Error(`Problems panel for ${file} never matched; last: ${rows.map((r) => r.code).join(', ') || 'none'}`);
    // Wait for the next change of the panel (or 2 s, then read again).
    await page.waitForFunction((before) => {
      const list = document.querySelector('.markers-panel .monaco-list-rows');
      return (list?.textContent ?? '') !== before;
    }, await page.evaluate(() => document.querySelector('.markers-panel .monaco-list-rows')?.textContent ?? ''), { timeout: 2_000 }).catch(() => {});
  }
}

/**
 * Moves the mouse over `text` on the first line of the active editor that contains it (after
 * `lineText`, when given) and returns the hover that appears, as a user pointing at it would.
 */
export async function hoverOver(page, text, { lineText = text, hasText, timeout = 30_000 } = {}) {
  const box = await page.evaluate(([needle, line]) => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor[data-uri]');
    const lines = [...(editor?.querySelectorAll('.view-line') ?? [])];
    const el = lines.find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(line));
    if (!el) return null;
    const walker = document.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(needle);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + needle.length);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    return null;
  }, [text, lineText]);
  if (!box) throw new Error(`"${text}" is not on a visible line of the active editor`);
  await page.mouse.move(box.x, box.y - 40);
  await page.mouse.move(box.x, box.y, { steps: 4 });
  const hover = page.locator('.monaco-hover:visible', hasText ? { hasText } : {}).first();
  await hover.waitFor({ timeout });
  return hover;
}
