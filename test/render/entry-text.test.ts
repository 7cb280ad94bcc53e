// An event's text as the preview and the exports show it: the entry as written, without markup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { renderSvg, timelineView } from '../../server/src/render';

const DOC = `# Outage

## Timeline (all times UTC, 2024-06-04)

- 10:00 outage begins, ran \`DROP TABLE __tmp_x\` and \`a<b>c\`
- 10:05 **alert** fired for my__var and AT&amp;T
- 11:00 resolved, see [the dashboard](https://dash.example.test/x)
`;

test('code spans, words with underscores and entities are shown as written', () => {
  const a = analyze(DOC, { force: true });
  const view = timelineView(a.timeline!, a.problems, { filePath: 'pm.md' });
  assert.deepEqual(view.events.map((e) => e.text), [
    'outage begins, ran DROP TABLE __tmp_x and a<b>c',
    'alert fired for my__var and AT&T',
    'resolved, see the dashboard',
  ]);
  // Shown, and escaped where it is drawn.
  const svg = renderSvg(view, { layout: 'horizontal', width: 960 });
  assert.ok(svg.includes('a&lt;b&gt;c'), 'the code span\'s "<b>" is text in the SVG');
  assert.ok(svg.includes('AT&amp;T'));
});
