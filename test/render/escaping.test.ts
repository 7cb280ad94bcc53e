// Document text is untrusted: every place it is written into escapes it for that context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { escapeAttr, escapeText, h, renderHtml, renderMermaid, renderSvg, serialize, timelineView } from '../../server/src/render';
import { assertWellFormedXml } from './fixtures';

/** Attribute names of every real tag (text is escaped, so every "<x" left is a tag). */
function attributeNames(markup: string): string[] {
  return [...markup.matchAll(/<[A-Za-z][^>]*>/g)].flatMap((m) => [...m[0].replace(/="[^"]*"/g, '').matchAll(/\s([^\s=/>]+)/g)].map((a) => a[1]!));
}
import { hostilePostmortem, hostileView, PAYLOADS } from './hostile';

function parsedView() {
  const analysis = analyze(hostilePostmortem(), { force: true });
  assert.ok(analysis.timeline, 'the hostile document has a timeline');
  return timelineView(analysis.timeline, analysis.problems, { filePath: 'postmortems/<img src=x onerror=alert(1)>".md' });
}

test('text and attribute escaping', () => {
  assert.equal(escapeText('<a & b>'), '&lt;a &amp; b&gt;');
  assert.equal(escapeAttr(`"x' <y> &\n`), '&quot;x&#39; &lt;y&gt; &amp;&#10;');
  assert.equal(escapeText('a\u0000b\u0007c\uD800d'), 'a\uFFFDb\uFFFDc\uFFFDd', 'characters XML cannot hold are replaced');
  assert.equal(serialize(h('text', { 'aria-label': '"><script>' }, '</text><script>')), '<text aria-label="&quot;&gt;&lt;script&gt;">&lt;/text&gt;&lt;script&gt;</text>');
});

test('the element builder refuses handlers, inline styles, links and scripts', () => {
  assert.throws(() => h('g', { onclick: 'x' }), /refusing attribute "onclick"/);
  assert.throws(() => h('g', { ONLOAD: 'x' }), /refusing attribute/);
  assert.throws(() => h('rect', { style: 'fill:red' }), /refusing attribute "style"/);
  assert.throws(() => h('a', {}), /refusing element/);
  assert.throws(() => h('script', {}), /refusing element/);
  assert.throws(() => h('use', { href: '#x' }), /refusing/);
  assert.throws(() => h('g', { 'x" onload="y': '1' }), /refusing attribute/);
});

test('a hostile document renders as inert text in the SVG', () => {
  for (const view of [hostileView(), parsedView()]) for (const layout of ['horizontal', 'vertical'] as const) {
    const svg = renderSvg(view, { layout, width: layout === 'vertical' ? 320 : 1200 });
    assertWellFormedXml(svg);
    assert.doesNotMatch(svg, /<(script|img|iframe|a|foreignObject)\b/i);
    assert.deepEqual(attributeNames(svg).filter((a) => /^on|^style$|href$/i.test(a)), []);
    assert.doesNotMatch(svg, /<\/svg>[\s\S]*<\/svg>/, 'exactly one svg element closes');
    assert.equal(svg.match(/<style>/g)?.length, 1);
  }
  assert.ok(parsedView().events.length >= PAYLOADS.length, 'every payload line of the document is an entry');
  assert.match(renderSvg(hostileView()), /&lt;script&gt;window.__pwned = &quot;script&quot;/);
});

test('a hostile document renders as inert text in the HTML export', () => {
  for (const view of [hostileView(), parsedView()]) {
  const html = renderHtml(view);
  assert.equal(html.match(/<script/gi), null);
  assert.equal(html.match(/<style>/g)?.length, 1);
  assert.equal(html.match(/<\/style>/g)?.length, 1, 'no document text closes the stylesheet');
  assert.equal(html.match(/<svg /g)?.length, 2);
  assert.equal(html.match(/<\/svg>/g)?.length, 2);
  assert.doesNotMatch(html, /<(img|iframe|a|b)\b/i);
  assert.deepEqual(attributeNames(html).filter((a) => /^on|^style$|href$|^src$/i.test(a)), []);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
  assert.match(html, /<title>Timeline of &lt;img src=x onerror=alert\(1\)&gt;".md<\/title>/);
  }
});

test('a hostile document cannot become Mermaid syntax', () => {
  for (const view of [hostileView(), parsedView()]) {
  const text = renderMermaid(view);
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[1], 'gantt');
  for (const line of lines.slice(2)) {
    assert.match(line, /^ {4}(title |dateFormat |axisFormat |section |%% |[^:%]+ :(crit, |active, |done, )?(milestone, )?(phase|event)\d+, )/, line);
  }
  assert.doesNotMatch(text, /[<>"`{}]|%%\{|^\s*click/m);
  assert.doesNotMatch(text.split('\n').slice(1).join('\n').replace(/^ {4}%% /gm, ''), /%%/);
  }
});
