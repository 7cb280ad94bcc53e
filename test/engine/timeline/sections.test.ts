// timelineSections: a timeline nested in another is dropped. The sweep in line order must say
// exactly what the pairwise check it replaced said (docs/reliability.md: 50,000 headings).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Outline, Section } from '../../../server/src/engine/outline';
import { timelineSections } from '../../../server/src/engine/timeline/entries';

const pairwise = (all: Section[]) => all.filter((s) => !all.some((o) => o !== s && o.line < s.line && o.endLine >= s.endLine));

test('timelineSections = the pairwise nesting check, on random section layouts', () => {
  const section = fc.record({ line: fc.nat(40), length: fc.nat(30), timeline: fc.boolean(), part: fc.boolean() });
  fc.assert(
    fc.property(fc.array(section, { maxLength: 25 }), (specs) => {
      const sections = specs.map((x) => ({ id: x.timeline ? 'timeline' : 'summary', line: x.line, endLine: x.line + x.length, part: x.part ? true : undefined }) as unknown as Section);
      const outline = { sections } as unknown as Outline;
      const all = sections.filter((s) => s.id === 'timeline' && !s.part);
      assert.deepEqual(timelineSections(outline), pairwise(all));
    }),
    { seed: 0x5eed2024, numRuns: 2000 },
  );
});

test('a timeline inside another is read as part of it; siblings on the same line both stay', () => {
  const s = (line: number, endLine: number) => ({ id: 'timeline', line, endLine }) as unknown as Section;
  const outer = s(2, 30);
  const inner = s(5, 10);
  const twinA = s(40, 50);
  const twinB = s(40, 45);
  assert.deepEqual(timelineSections({ sections: [outer, inner, twinA, twinB] } as unknown as Outline), [outer, twinA, twinB]);
});
