// LineSet (engine/line-set.ts) against a Set of numbers: the same answers after any sequence of
// adds, ranges, deletes and unions, whatever line its bytes start at and whichever way it grows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineSet } from '../../server/src/engine/line-set';

type Op = { kind: 'add'; line: number } | { kind: 'range'; from: number; to: number } | { kind: 'delete'; line: number } | { kind: 'union'; lines: number[]; from: number; to: number };

const line = fc.integer({ min: -3, max: 300 });
const op: fc.Arbitrary<Op> = fc.oneof(
  line.map((l) => ({ kind: 'add' as const, line: l })),
  fc.tuple(line, line).map(([from, to]) => ({ kind: 'range' as const, from, to })),
  line.map((l) => ({ kind: 'delete' as const, line: l })),
  fc.tuple(fc.array(line, { maxLength: 8 }), line, line).map(([lines, from, to]) => ({ kind: 'union' as const, lines, from, to })),
);

function apply(set: LineSet, model: Set<number>, o: Op): void {
  switch (o.kind) {
    case 'add':
      set.add(o.line);
      if (o.line >= 0) model.add(o.line);
      return;
    case 'range':
      set.addRange(o.from, o.to);
      for (let l = Math.max(0, o.from); l <= o.to; l++) model.add(l);
      return;
    case 'delete':
      set.delete(o.line);
      model.delete(o.line);
      return;
    case 'union': {
      const other = new LineSet(o.from, o.to);
      for (const l of o.lines) other.add(l);
      set.addAll(other);
      for (const l of o.lines) if (l >= 0) model.add(l);
    }
  }
}

test('LineSet answers as a Set of line numbers does, from any first line', () => {
  fc.assert(fc.property(line, line, fc.array(op, { maxLength: 40 }), (from, to, ops) => {
    const set = new LineSet(from, to);
    const model = new Set<number>();
    for (const o of ops) apply(set, model, o);
    for (let l = -5; l <= 310; l++) assert.equal(set.has(l), model.has(l), `line ${l}`);
  }), { numRuns: 2000 });
});

test('a set made for a section spans only its lines', () => {
  const set = new LineSet(90_000, 90_009).addRange(90_000, 90_009);
  assert.equal(set.has(90_005), true);
  assert.equal(set.has(5), false);
  // Lines before its first one are added by moving the start, not by filling from line 0.
  set.add(89_990);
  assert.equal(set.has(89_990), true);
  assert.equal(set.has(89_995), false);
  assert.equal(set.has(90_009), true);
});
