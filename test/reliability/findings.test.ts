// What the property tests and the bad-input runs found, one regression test each. The fixed
// ones pass; the ones reported to their owners are `todo` (they run, and say so, without
// failing the suite) until fixed. docs/reliability.md lists them all.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, parseDocument, type Problem } from '../../server/src/engine';

const rules = (text: string, ruleId: string) => analyze(text, { force: true }).problems.filter((p) => p.ruleId === ruleId);
const kinds = (text: string) => parseDocument(text).blocks.map((b) => b.kind);
/** The chunked parse must equal the whole-document parse (the incremental guarantee). */
const sameAsWhole = (text: string) => assert.deepEqual(parseDocument(text).blocks, parseDocument(text, { whole: true }).blocks);

describe('fixed', () => {
  test('an unclosed `---` on line 1 no longer turns every later list into a paragraph', () => {
    // micromark-extension-frontmatter 2.0.0 bug (micromark/micromark-extension-frontmatter#5):
    // while the author types the front matter, the timeline list stopped being a list.
    const text = '---\ntitle: Outage\n\n## Timeline\n\n- 10:00 UTC alert\n- 10:30 UTC resolved\n\n> quoted\n';
    assert.deepEqual(kinds(text), ['thematicBreak', 'paragraph', 'heading', 'listItem', 'listItem', 'paragraph']);
    assert.equal(parseDocument(text).blocks.at(-1)?.quoted, true);
    sameAsWhole(text);
    // A closed front matter is still front matter, BOM and trailing blanks included.
    for (const fm of ['---\ntitle: Outage\n---\n', '\uFEFF---\ntitle: Outage\n---\n', '--- \ntitle: Outage\n---\t\n']) {
      const doc = parseDocument(`${fm}\n- 10:00 UTC alert\n`);
      assert.deepEqual(doc.blocks.map((b) => b.kind), ['frontmatter', 'listItem'], JSON.stringify(fm));
      assert.deepEqual(doc.frontMatter, { title: 'Outage' });
    }
  });

  test('a link reference definition inside a list item is seen by every chunk', () => {
    // `- [08:47]: x` defines the label 08:47 document-wide; a later chunk's `[08:47]` is a link.
    sameAsWhole('# Summary\n\n- [08:47]: x\n\n# Timeline\n\n- [08:47] alert\n');
    sameAsWhole('# Summary\n\n> [a]: <http://x y>\n\n# Timeline\n\n[a]\n');
  });

  test('a fence the chunk splitter misread (inside an HTML block) does not split the document wrongly', () => {
    sameAsWhole('# Summary\n\n<ul>\n```\n\n# Summary\n\n```\n\n# Summary\n\n');
    sameAsWhole('# A\n\ntext <!-- x\n```\ny -->\n\n# B\n\n```\n\n# C\n');
    sameAsWhole('# A\n\n``` a`b\n\n# B\n\n```\n\n# C\n');
  });

  test('an HTML comment, list or script left open carries on into the next chunk', () => {
    sameAsWhole('<h2>Summary</h2><!--\n\n\n# Summary\n\n\n<h2>Summary</h2>\n\n\n# Summary\n\n');
    sameAsWhole('<ul>\n\n# A\n\n<li>10:00 alert</li>\n\n# B\n\n</ul>\n');
    sameAsWhole('\uFEFF<!--\n\n## Summary\n\ntext\n\n## Timeline\n');
    sameAsWhole('<?php\n\n# A\n\n?>\n\n# B\n');
  });

  test('a long table is parsed in chunks that read exactly as the whole table', () => {
    const rows = Array.from({ length: 450 }, (_, i) => `| 10:${String(i % 60).padStart(2, '0')} | event ${i} | ${i % 3 ? '@ana' : ''} |`);
    const text = `# Postmortem\n\n## Action Items\n\n| Time | Action | Owner |\n|---|:--|--:|\n${rows.join('\n')}\n\n## After\n\n| a |\n|---|\n| b |\n`;
    sameAsWhole(text);
    const tables = new Set(parseDocument(text).blocks.filter((b) => b.kind === 'tableRow').map((b) => b.table));
    assert.deepEqual([...tables], [0, 1], 'the split table keeps one table id');
  });

  test('a line of thousands of leading spaces no longer backtracks for seconds (outline label regex)', () => {
    // `>>>>…` and `[[[[…` are masked to spaces; /^(\s*)([^:]{1,60}?)\s*:/ was cubic on them.
    for (const text of [`# Postmortem\n\n## Summary\n\n${'>'.repeat(20_000)} deep\n`, `# Postmortem\n\n${' '.repeat(20_000)}x\n`]) {
      const started = process.cpuUsage();
      analyze(text, { force: true });
      const used = process.cpuUsage(started);
      // Not a timing test: a generous bound that only a regression to backtracking would break.
      assert.ok(used.user + used.system < 20_000_000, `${(used.user + used.system) / 1000} ms`);
    }
  });

  test('--fix never deletes inline HTML or a comment on a title line (pseudo-heading)', () => {
    const text = '## Summary\n\nx\n\n**Root Cause** <!-- TODO: ask Bob -->\n\nx\n\n<span style="color:red">Timeline</span>\n\n- 10:00 a\n\nSummary<!--\n\nhidden\n-->\n';
    for (const p of rules(text, 'pseudo-heading')) {
      const fix = p.fixes?.[0];
      assert.ok(fix, 'the quick fix is still offered');
      assert.equal(fix.safe, false, `"${p.message}": not applied by --fix`);
    }
    const plain = '## Summary\n\nx\n\n**Root Cause:**\n\nx\n';
    assert.equal(rules(plain, 'pseudo-heading')[0]?.fixes?.[0]?.safe, true, 'a plain title line is still fixed by --fix');
  });

  // Found by the nightly-style property run (FC_SEED=20261121 FC_RUNS=400, "fix-all … (mutated
  // real postmortems)"): corpus 080 without its first line. Its sections are all title lines
  // ("Issue Summary", "Timeline:", "Resolution:"…); once --fix turns the first into a heading,
  // the document has headings, so the two-line "Resolution:" paragraph inside the timeline is read
  // as a label, hence a timeline entry, and timeline-unparsed reports it ("gives no time").
  // Fixed: without any heading, the safe fix converts every title line at once.
  test('pseudo-heading: --fix in a document without headings keeps how the other title lines read', () => {
    const text = 'Issue Summary\n\nDuration:\nThe outage persisted for 3 hours, from 01:00 AM to 04:00 AM (UTC).\n\nTimeline:\n\nDetection Time: 01:15 AM (UTC)\nDetection Method: An automated monitoring alert signaled abnormal server response times.\n\nEscalation:\nThe incident was escalated to the DevOps team.\n\nResolution:\nAdjusted load balancer settings to evenly distribute traffic.\n\nRoot Cause and Resolution:\n\nCause:\nThe load balancer misconfiguration resulted in skewed traffic distribution.\n';
    const p = rules(text, 'pseudo-heading')[0];
    assert.equal(p?.fixes?.[0]?.safe, true, 'applied by --fix');
    assert.deepEqual(added(text, p), []);
    const fixed = applyEdits(text, p!.fixes![0]!.edits).text;
    assert.deepEqual(fixed.split('\n').filter((l) => l.startsWith('#')), ['# Issue Summary', '# Timeline', '## Resolution', '# Root Cause and Resolution', '## Cause']);
    assert.deepEqual(rules(fixed, 'pseudo-heading'), [], 'nothing left to convert');
    const single = p!.fixes![1];
    assert.equal(single?.title, 'Convert to heading "# Issue Summary"', 'one line alone is still offered');
    assert.equal(single?.safe, false, 'but not by --fix: it changes how the rest reads');
  });

  // Fixed: no fix is offered where the repeat is its section's only content.
  test('duplicate-paragraph: a repeat that is its section\'s only content is reported without a fix that would empty the section', () => {
    const text = '# Outage\n\n## Summary\n\nThe database failed over and the checkout API returned errors for twenty minutes.\n\n## Impact\n\nThe database failed over and the checkout API returned errors for twenty minutes.\n\n## Timeline\n\n- 10:00 UTC alert\n';
    const [p] = rules(text, 'duplicate-paragraph');
    assert.equal(p?.message, 'This paragraph repeats the one on line 5; "Impact" needs its own text.');
    assert.deepEqual(p?.fixes, []);
    const more = text.replace('## Timeline', 'Checkout retries doubled the load on the replica while it caught up.\n\n## Timeline');
    assert.equal(rules(more, 'duplicate-paragraph')[0]?.fixes?.[0]?.safe, true, 'with other text beside it, the repeat is removed by --fix');
    assert.deepEqual(added(more, rules(more, 'duplicate-paragraph')[0]), []);
  });

  // Fixed: no Markdown scaffold under an HTML heading.
  test('empty-section: no Markdown scaffold under an HTML heading, where its blank line would end the HTML block', () => {
    const text = '<h2>Summary</h2>\nResolution and Recovery\n\n\n# Summary\n\n';
    const p = rules(text, 'empty-section').find((q) => q.range.start.line === 0);
    assert.ok(p, 'reported');
    assert.equal(p.fixes?.length ?? 0, 0);
    const markdown = rules(text, 'empty-section').find((q) => q.range.start.line === 4);
    assert.equal(markdown?.fixes?.length, 1, 'the Markdown heading still gets its scaffold');
  });

  test('pseudo-heading: a disable comment after "###Title" is not part of the title', () => {
    const [p] = rules('###Posmortem <!-- postmortem-disable-line missing-section -->\n\n## Summary\n\nx\n', 'pseudo-heading');
    assert.equal(p?.message, '"Posmortem" is meant as a heading but has no space after "###"; write "### Posmortem".');
    assert.equal(p?.range.end.character, 12);
  });

  // Fixed: in a document without headings the section is written in the document's own title style.
  test('missing-section: in a document titled by plain lines, the inserted section is a title line too, and the rest reads the same', () => {
    const text = 'Timeline:\n- 10:00 AM alert\n- 11:00 AM fixed\n\nRoot Cause:\nA full disk on the database server.\n\nResolution:\nOld logs were deleted.\n\nAction Items:\n- Add disk alerts (owner: @ana)\n';
    const fix = rules(text, 'missing-section')[0]?.fixes?.[0];
    assert.ok(fix?.edits[0]?.newText.startsWith('Summary:\n\n'), fix?.edits[0]?.newText);
    const scaffold = ['placeholder-text', 'empty-section'];
    assert.deepEqual(added(text, rules(text, 'missing-section')[0]).filter((id) => !scaffold.includes(id)), []);
  });
});

/** What a fix adds: rule ids whose count grows. */
function added(text: string, problem: Problem | undefined): string[] {
  const fix = problem?.fixes?.[0];
  assert.ok(fix, 'the problem has a fix');
  const before = analyze(text, { force: true }).problems;
  const after = analyze(applyEdits(text, fix.edits).text, { force: true }).problems;
  const count = (list: Problem[], id: string) => list.filter((p) => p.ruleId === id).length;
  return [...new Set(after.map((p) => p.ruleId))].filter((id) => count(after, id) > count(before, id));
}

describe('reported to their owners (todo until fixed)', () => {

  // Same run ("each quick fix … (postmortem-shaped text)"): the missing-section scaffold gives the
  // document a heading beside a bold title line, which then reads as a second "Corrective and
  // Preventive Measures" section. The known missing-section finding above, with duplicate-section.
  test('missing-section: the inserted heading turns a bold title line into a duplicate section', { todo: 'rules/missing-section.ts: same as the finding above (not applied by --fix: the fix is not safe)' }, () => {
    const text = '\uFEFF# Post-mortem\n**Corrective and Preventive Measures**\n\n\n### Corrective and Preventive Measures\n\n';
    const scaffold = ['placeholder-text', 'empty-section'];
    assert.deepEqual(added(text, rules(text, 'missing-section')[0]).filter((id) => !scaffold.includes(id)), []);
  });
});
