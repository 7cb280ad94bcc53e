// findPlaceholders was made linear (a 1 MB line of "?? TBD" took minutes: every match scanned
// the line before it, the code spans and the matches so far). Its results must not change: the
// quadratic version is kept here as the model, and both are compared on lines built from the
// things it reads (placeholders, URLs, link targets, code spans, whitespace).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeSpans, findPlaceholders, IN_URL, INSTRUCTION, isPlaceholderOnly, PATTERNS } from '../../server/src/engine/placeholders';
import { atom, params } from './arbitraries';

// The model: the previous search, verbatim in its logic, over the engine's own patterns and code
// spans (what changed is how matches are filtered, not what is matched).

function insideUrl(line: string, index: number): boolean {
  const before = line.slice(0, index);
  const urlStart = Math.max(before.lastIndexOf('http://'), before.lastIndexOf('https://'), before.lastIndexOf(']('));
  return urlStart >= 0 && !/\s/.test(line.slice(urlStart, index));
}

function model(line: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  const code = codeSpans(line);
  if (INSTRUCTION.test(line)) {
    const start = line.search(/\S/);
    return [{ start, end: line.trimEnd().length, text: line.trim() }];
  }
  for (const re of [...PATTERNS, ...IN_URL]) {
    re.lastIndex = 0;
    const inUrlToo = IN_URL.includes(re);
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if ((!inUrlToo && insideUrl(line, m.index)) || code.some(([from, to]) => m !== null && m.index >= from && m.index < to)) continue;
      if (!out.some((o) => m && m.index < o.end && m.index + m[0].length > o.start)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function modelOnly(line: string): boolean {
  const found = model(line);
  if (found.length === 0) return false;
  let rest = line;
  for (const f of [...found].reverse()) rest = rest.slice(0, f.start) + rest.slice(f.end);
  return !/[\p{L}\p{N}]/u.test(rest.replace(/^\s*[-*+]\s+/, ''));
}

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('TBD', 'TODO', 'HH:mm', 'hh:mm:ss', 'XX:XX', 'YYYY-MM-DD', '??', '???', '?', '[Insert date]', '[your name](x)', '<insert owner>', '{{owner}}', '${{ x }}', 'lorem ipsum', 'insert_diagram.png', '/your-username/', 'Time to detection:', ': ?') },
  { weight: 3, arbitrary: fc.constantFrom('http://', 'https://', '](', '(', '/', ' ', '  ', '\t', '`', '``', '- ', '* ', '_', ':', 'a', 'word', '.', '\u00A0') },
  { weight: 1, arbitrary: atom.filter((a) => !/[\r\n]/.test(a)) },
);
const line = fc.array(piece, { maxLength: 16 }).map((a) => a.join(''));

describe('findPlaceholders (linear) = the previous quadratic version', () => {
  test('same matches and same "placeholders only" verdict', () => {
    fc.assert(fc.property(line, (text) => {
      assert.deepEqual([...findPlaceholders(text)].map((p) => ({ ...p })), model(text));
      assert.equal(isPlaceholderOnly(text), modelOnly(text));
    }), params(3000));
  });
});
