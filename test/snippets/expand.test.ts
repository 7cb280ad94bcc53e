// The snippet expander the snippet tests rely on: it must read VS Code's syntax the way VS Code does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expand, parseSnippet, tabStops, variablesOf } from './expand';

const variables = { CURRENT_HOUR: '14', CURRENT_MINUTE: '07', TM_SELECTED_TEXT: '' };

test('tab stops keep their default, choices their first option, mirrors copy them', () => {
  assert.equal(expand('${1:a} $1 ${2|x,y|} $2 $3.', { variables }), 'a a x x .');
  assert.equal(expand('$1 then ${1:later default}', { variables }), 'later default then later default');
  assert.equal(expand(['line ${1:one}', 'line $1$0'], { variables }), 'line one\nline one');
});

test('nested placeholders and variables resolve', () => {
  assert.equal(expand('- ${1:$CURRENT_HOUR:$CURRENT_MINUTE} ${2:at ${3:noon}}', { variables }), '- 14:07 at noon');
  assert.equal(expand('${TM_SELECTED_TEXT:nothing selected} ${CURRENT_HOUR}h', { variables }), 'nothing selected 14h');
});

test('choose and fill override defaults; an unknown choice is an error', () => {
  assert.equal(expand('${1|a,b,c|}-${2:x}', { variables, choose: { 1: 'c' }, fill: { 2: 'y' } }), 'c-y');
  assert.throws(() => expand('${1|a,b|}', { variables, choose: { 1: 'z' } }), /not a choice/);
});

test('escapes: \\$, \\} and \\\\ in text, \\, and \\| in choices', () => {
  assert.equal(expand('cost \\$5 ${1:a\\}b} \\\\', { variables }), 'cost $5 a}b \\');
  assert.deepEqual(tabStops(parseSnippet('${1|a\\,b,c\\|d|}')), [{ index: 1, choices: ['a,b', 'c|d'] }]);
  assert.equal(expand('a $ b ${', { variables }), 'a $ b ${');
});

test('unknown variables, transforms and unclosed placeholders are errors (in our files, mistakes)', () => {
  assert.throws(() => expand('$NOPE', { variables }), /unknown snippet variable \$NOPE/);
  assert.throws(() => expand('${1/a/b/}', { variables }), /transforms/);
  assert.throws(() => parseSnippet('${1:open'), /unclosed placeholder/);
  assert.throws(() => parseSnippet('${1|a,b'), /unclosed choice/);
  // As in VS Code, a lone closing brace at the top level is text.
  assert.equal(expand('close}', { variables }), 'close}');
});

test('tab stops are listed in order of appearance, with what defines them', () => {
  const nodes = parseSnippet('${2:b} ${1|x,y|} $2 ${3:$CURRENT_HOUR} $0');
  assert.deepEqual(tabStops(nodes), [
    { index: 2, placeholder: 'b' }, { index: 1, choices: ['x', 'y'] }, { index: 3, placeholder: '$CURRENT_HOUR' }, { index: 0 },
  ]);
  assert.deepEqual(variablesOf(nodes), ['CURRENT_HOUR']);
});
