// Screenshots of the real preview page on the seed postmortems, for docs/images/ and the README:
// the engine analyses each seed, the renderer's view goes to the page (dist/media/preview.js under its
// CSP) in headless Chromium with VS Code-like theme variables.
//   node esbuild.mjs && npx tsx test/preview/screenshots.ts [SEEDS_DIR]
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sniffLanguage } from '../../server/src/config/files';
import { analyze } from '../../server/src/engine';
import { timelineView } from '../../server/src/render';
import { HAVE_CHROMIUM, launch } from './chromium';
import { openPreview } from './harness';
import type { ThemeName } from './themes';

const SEEDS = process.argv[2] ?? '/work/shared/seeds';
const OUT = fileURLToPath(new URL('../../docs/images/', import.meta.url));

interface Shot {
  seed: string;
  theme: ThemeName;
  width: number;
  suffix: string;
  /** Entry to give the keyboard focus (shows the focus ring). */
  focus?: number;
  cursorLine?: number;
  zone?: 'local' | 'utc';
}

async function main(): Promise<void> {
  if (!HAVE_CHROMIUM) throw new Error('Chromium is needed: apt-get install -y chromium');
  mkdirSync(OUT, { recursive: true });
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  const shots: Shot[] = [];
  for (const seed of seeds) {
    shots.push({ seed, theme: 'dark', width: 1000, suffix: 'dark' }, { seed, theme: 'light', width: 1000, suffix: 'light' });
  }
  const has = (prefix: string) => seeds.find((s) => s.startsWith(prefix));
  if (has('004')) shots.push({ seed: has('004')!, theme: 'dark', width: 340, suffix: 'narrow-dark', focus: 2, cursorLine: 15 });
  if (has('003')) shots.push({ seed: has('003')!, theme: 'light', width: 340, suffix: 'narrow-light' }, { seed: has('003')!, theme: 'hc', width: 1000, suffix: 'high-contrast', focus: 3 });
  if (has('002')) shots.push({ seed: has('002')!, theme: 'light', width: 1000, suffix: 'utc-light', zone: 'utc' });
  const browser = await launch();
  try {
    for (const shot of shots) {
      const path = join(SEEDS, shot.seed);
      const text = readFileSync(path, 'utf8');
      const analysis = analyze(text, { force: true, languageId: sniffLanguage(path, text) });
      if (!analysis.timeline) throw new Error(`${shot.seed}: no timeline`);
      const uri = pathToFileURL(path).href;
      const view = timelineView(analysis.timeline, analysis.problems, { filePath: uri });
      const p = await openPreview(browser, { theme: shot.theme, width: shot.width, height: 400, state: { uri, zone: shot.zone ?? 'local', scrollX: 0, scrollY: 0 } });
      await p.send({ type: 'update', view, uri, name: shot.seed });
      await p.page.waitForSelector('#pv-chart svg');
      if (shot.cursorLine !== undefined) await p.send({ type: 'cursor', line: shot.cursorLine });
      if (shot.focus !== undefined) {
        await p.page.focus(`.pm-event[data-id="${shot.focus}"]`);
        // Keyboard focus (not a click) is what :focus-visible shows.
        await p.page.keyboard.press('ArrowRight');
        await p.page.keyboard.press('ArrowLeft');
      }
      await p.page.evaluate('window.scrollTo(0, 0)');
      const violations = await p.violations();
      if (violations.length) throw new Error(`${shot.seed}: CSP violations ${violations.join(', ')}`);
      const file = join(OUT, `preview-${basename(shot.seed, '.txt').slice(0, 3)}-${shot.suffix}.png`);
      await p.page.screenshot({ path: file, fullPage: true });
      await p.page.context().close();
      console.log(file);
    }
  } finally {
    await browser.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
