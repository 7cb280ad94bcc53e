// parse/events.ts builds the blocks from micromark's events; before, they came from remark's
// mdast tree (mdast-blocks.ts here). The two must agree exactly, on real postmortems, on generated
// ones and edits of them, and on random Markdown made of the constructs that have rules of their
// own in mdast (task lists, hard breaks, setext headings, references, code in tables…).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { eventsToBlocks } from '../../../server/src/engine/parse/events';
import { tokenize } from '../../../server/src/engine/parse/micromark';
import { INITIAL_HTML_STATE } from '../../../server/src/engine/parse/html';
import { frontMatterEnd } from '../../../server/src/engine/parse/chunks';
import { defuse } from '../../../server/src/engine/parse/guard';
import { generatePostmortem, rng } from '../../../bench/generate.mjs';
import { mdastToBlocks } from './mdast-blocks';

const SHARED = fileURLToPath(new URL('../../../../shared/', import.meta.url));

/** remark with the syntax the engine's micromark has (parse/micromark.ts): GFM without literal autolinks. */
function gfmWithoutLiteralAutolinks(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}
const body = unified().use(remarkParse).use(gfmWithoutLiteralAutolinks);
const withFrontMatter = unified().use(remarkParse).use(gfmWithoutLiteralAutolinks).use(remarkFrontmatter, ['yaml', 'toml']);

/** Both readings of `text`, read as the engine reads a chunk (guarded, lines joined by \n). */
function both(text: string) {
  const lines = text.split(/\r\n|\r|\n/);
  const source = defuse(lines).join('\n');
  const frontMatter = frontMatterEnd(lines) > 0;
  const tree = (frontMatter ? withFrontMatter : body).parse(source) as Root;
  const reference = mdastToBlocks(tree, lines, 0);
  const { last, ...events } = eventsToBlocks(tokenize(source, frontMatter), source, lines, INITIAL_HTML_STATE);
  const end = tree.children[tree.children.length - 1];
  return { events, reference, last, end };
}

function assertSame(text: string): void {
  const { events, reference, last, end } = both(text);
  assert.deepStrictEqual(events, reference, JSON.stringify(text.slice(0, 300)));
  // The last top-level block (parse/chunks.ts checks whether a chunk ends inside it).
  if (end?.type === 'code' || end?.type === 'html') {
    assert.equal(last?.type, end.type);
    assert.equal(last?.startLine, (end.position?.start.line ?? 0) - 1);
    assert.equal(last?.endLine, (end.position?.end.line ?? 0) - 1);
    if (end.type === 'html') assert.equal(last?.value, end.value);
  } else assert.notEqual(last?.type === 'code' || last?.type === 'html', true, JSON.stringify(text.slice(0, 300)));
}

test('blocks from events equal blocks from mdast: the real postmortems and seeds', (t) => {
  const dirs = [join(SHARED, 'corpus/docs'), join(SHARED, 'seeds')].filter(existsSync);
  if (dirs.length === 0) return t.skip('no ../shared');
  let n = 0;
  for (const dir of dirs) {
    for (const file of readdirSync(dir).sort()) {
      assertSame(readFileSync(join(dir, file), 'utf8'));
      n++;
    }
  }
  assert.ok(n > 100, `${n} documents`);
});

test('blocks from events equal blocks from mdast: generated postmortems and random edits of them', () => {
  const r = rng(7);
  const pieces = ['**', '*', '_', '`', '\n', '\n\n', '- [ ] ', '  ', '\t', '|', '\\', '&amp;', '<b>', '[x](y)', '![i](j)', '~~', '> ', '1. ', '```\n', '---\n', '===\n'];
  assertSame(generatePostmortem(40, 3));
  for (const size of [4, 8]) {
    const text = generatePostmortem(size, size);
    assertSame(text);
    for (let i = 0; i < 40; i++) {
      const at = Math.floor(r() * text.length);
      assertSame(text.slice(0, at) + (pieces[Math.floor(r() * pieces.length)] as string) + text.slice(at));
    }
  }
});

/** Constructs with rules of their own in mdast, and the text between them. */
const ATOMS = [
  'text', 'Word ', ' ', '  ', '    ', '\t', '\n', '\n\n', '  \n', '\\\n', ':', '08:16 UTC', '\u00a0', 'é', '😀', '\0',
  '# ', '## ', '### Timeline', ' ##', '===', '---', '***', '\n===\n', '\n---\n',
  '- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] ', '[ ] ', '> ', '>', '  - ', '    - ',
  '**', '*', '_', '__', '~', '~~', '`', '``', '```', '~~~', '```js\n', '\n```\n',
  '[', ']', '(', ')', '[a](http://x "t")', '[a]', '[a][]', '[a][b]', '[b]: http://y\n', '![img](p.png)', '![alt *x*][b]',
  '<http://a.b>', '<a@b.co>', 'www.x.com', 'http://x.y/*z*', '[^1]', '[^1]: note\n', '[^n]:',
  '<', '>', '<b>', '</b>', '<br>', '<div>\n', '</div>\n', '<!--', '-->', '<!-- c -->', '<pre>\n', '</pre>\n', '<?x ?>', '<![CDATA[x]]>', '<!X >', '<script>',
  '&amp;', '&#35;', '&#x41;', '&nbsp;', '&bogus;', '\\*', '\\|', '\\\\',
  '|', '| a | b |\n|---|:-:|\n', '| 1 | `x\\|y` |\n', '|-|\n', '\n| h |\n| - |\n| `a\\|b` **c** |\n',
];

test('blocks from events equal blocks from mdast: random Markdown (fast-check)', () => {
  const markdown = fc.array(fc.constantFrom(...ATOMS), { maxLength: 60 }).map((a) => a.join(''));
  const frontMatter = fc.tuple(fc.constantFrom('---\n', '+++\n', '---\ntitle: x\n---\n', '+++\na = 1\n+++\n', ''), markdown).map(([f, m]) => f + m);
  fc.assert(fc.property(fc.oneof(markdown, frontMatter), (text) => assertSame(text)), { numRuns: 4000 });
});

test('a parse leaves nothing on the shared parser: labels and footnotes defined in one text are unknown in the next', () => {
  const textOf = (text: string) => eventsToBlocks(tokenize(text, false), text, text.split('\n'), INITIAL_HTML_STATE).blocks.map((b) => b.text);
  assert.deepStrictEqual(textOf('[b]: http://x\n\n[a][b] and x[^1]\n\n[^1]: note'), ['', 'a and x', '']);
  assert.deepStrictEqual(textOf('[a][b] and x[^1]'), ['[a][b] and x[^1]']);
});
