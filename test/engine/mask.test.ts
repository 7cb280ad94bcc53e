// maskLine: markup becomes spaces (so columns stay valid), text stays as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskLine } from '../../server/src/engine/mask';

const masked = (line: string) => {
  const out = maskLine(line);
  assert.equal(out.length, line.length, 'same length: columns in the masked line are columns in the line');
  return out.replace(/\s+/g, ' ').trim();
};

test('emphasis, links, tags and list markers are masked', () => {
  assert.equal(masked('- **10:00** _alert_ fired, see [the graph](https://x.test/g) <b>now</b>'), '10:00 alert fired, see the graph now');
});

test('a code span keeps its text as written: no emphasis or tags inside it', () => {
  assert.equal(masked('- 10:00 ran `DROP TABLE __tmp_x` and `a<b>c`'), '10:00 ran DROP TABLE __tmp_x and a<b>c');
  assert.equal(masked('``a `tick` inside`` then **bold**'), 'a `tick` inside then bold');
  assert.equal(masked('`- not a list marker` mid-line - dash'), '- not a list marker mid-line - dash');
});

test('underscores inside a word are part of it; a run at a word\'s edge is emphasis', () => {
  assert.equal(masked('alert for my__var and snake_case_name, __bold__ and _em_'), 'alert for my__var and snake_case_name, bold and em');
});

test('an unclosed backtick is masked like any marker', () => {
  assert.equal(masked('10:00 a ` stray tick'), '10:00 a stray tick');
});

test('a long line with many backticks is masked in linear time (code spans not looked for past 4,096 characters)', () => {
  const line = '`a '.repeat(200_000);
  const started = process.cpuUsage();
  assert.equal(maskLine(line).length, line.length);
  const used = process.cpuUsage(started);
  // Not a timing test: a generous bound that only a quadratic search would break.
  assert.ok(used.user + used.system < 5_000_000, `${(used.user + used.system) / 1000} ms`);
});
