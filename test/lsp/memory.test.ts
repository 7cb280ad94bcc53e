// What the server keeps in memory between analyses (server/src/lsp/memory.ts, issue 7): the
// line memos hold only lines an edit will reuse, and documents being edited keep their caches.
import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { scanLineCached } from '../../server/src/engine/cache';
import { MemoryPolicy, WARM_BUDGET } from '../../server/src/lsp/memory';

/** Whether the line memos still hold what they held when `probe` was taken (frozen results are shared). */
const LINE = '10:04 UTC the edge-proxy team noticed the problem';
const memosKept = (probe: unknown) => scanLineCached(LINE) === probe;

test('memory: the line memos keep the lines of documents being edited, not of documents only opened', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const rewarmed: string[] = [];
    const policy = new MemoryPolicy((uri) => rewarmed.push(uri));
    policy.edited('file:///edited.md');
    policy.beforeAnalysis('file:///edited.md');
    let probe = scanLineCached(LINE);
    // The first document only opened since: the memos stay (the edited one's lines are in them).
    policy.beforeAnalysis('file:///a.md');
    assert.ok(memosKept(probe));
    // A second one: the first's lines will not be reused, so the memos are emptied…
    policy.beforeAnalysis('file:///b.md');
    assert.ok(!memosKept(probe));
    assert.deepEqual(rewarmed, []);
    // …and once things are quiet the edited document is analysed again to warm them.
    mock.timers.tick(10_000);
    assert.deepEqual(rewarmed, ['file:///edited.md']);
    // Analysing the edited document never empties them.
    probe = scanLineCached(LINE);
    policy.beforeAnalysis('file:///edited.md');
    assert.ok(memosKept(probe));
  } finally {
    mock.timers.reset();
  }
});

test('memory: documents being edited keep their caches; others within the budget, newest first', () => {
  const policy = new MemoryPolicy(() => undefined);
  const dropped: string[] = [];
  // Owners are held weakly by the policy: these stay reachable for the whole test.
  const owners = new Map<string, object>();
  const ownerOf = (uri: string) => owners.get(uri) ?? owners.set(uri, { uri }).get(uri) as object;
  const analysed = (uri: string, chars: number) => policy.analysed(uri, ownerOf(uri), chars, () => dropped.push(uri));
  policy.edited('file:///edited.md');
  analysed('file:///edited.md', WARM_BUDGET * 4);
  analysed('file:///a.md', WARM_BUDGET / 2);
  analysed('file:///b.md', WARM_BUDGET / 2);
  assert.deepEqual(dropped, []);
  analysed('file:///c.md', WARM_BUDGET / 2);
  assert.deepEqual(dropped, ['file:///a.md']);
  // Two more edited documents: the first stops counting as edited and joins the budget as the newest.
  policy.edited('file:///d.md');
  policy.edited('file:///e.md');
  assert.ok(!policy.isEditing('file:///edited.md'));
  assert.deepEqual(dropped, ['file:///a.md', 'file:///b.md', 'file:///c.md']);
});

test('memory: a document opened that is over the warm budget counts as being edited, so the first keystroke finds its caches', async () => {
  const { Analyzer } = await import('../../server/src/lsp/analyzer');
  // touched() needs none of the analyzer's collaborators.
  const analyzer = new Analyzer({} as never, {} as never, undefined, {} as never);
  const memory = (analyzer as unknown as { memory: MemoryPolicy }).memory;
  analyzer.touched('file:///big.md', WARM_BUDGET + 1);
  analyzer.touched('file:///small.md', WARM_BUDGET);
  assert.ok(memory.isEditing('file:///big.md'), 'a 2 MB postmortem just opened keeps its parse for the first edit');
  assert.ok(!memory.isEditing('file:///small.md'), 'a document within the budget is only opened');
  analyzer.touched('file:///small.md', WARM_BUDGET);
  assert.ok(memory.isEditing('file:///small.md'), 'until it is edited');
});
