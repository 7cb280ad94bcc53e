// snippets/*.code-snippets (Markdown and plain text): the files are valid, every snippet is well
// formed, and what the snippets insert is what the engine expects (profile templates, sections,
// timeline entries, action items, disable comments).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { analyze, BUILTIN_PROFILES, CANONICAL_SECTIONS, type LanguageId } from '../../server/src/engine';
import { normalizeTitle } from '../../server/src/engine/profiles';
import { RULE_IDS } from '../../server/src/engine/rules';
import { expand, parseSnippet, tabStops, variablesOf } from './expand';
import { postmortemSpans } from '../grammar/tokenize';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The snippet files package.json contributes, and the document language each is for. */
const FILES: { path: string; language: LanguageId }[] = [
  { path: './snippets/postmortem.code-snippets', language: 'markdown' },
  { path: './snippets/postmortem.plaintext.code-snippets', language: 'plaintext' },
];

interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}

/** The rule ids of product.md. The engine's RULE_IDS may grow beyond them, never lose one. */
const PRODUCT_RULE_IDS = [
  'missing-section', 'empty-section', 'placeholder-text', 'duplicate-section', 'duplicate-paragraph', 'pseudo-heading',
  'action-item-owner', 'timeline-unparsed', 'timeline-order', 'timezone-missing', 'timezone-mixed', 'invalid-time',
  'summary-window', 'stated-duration', 'prose-time', 'milestone-order', 'date-mismatch', 'weekday-mismatch',
];

/** The variables our snippets may use, with the values the tests give them (a winter and a summer day). */
const WINTER = { CURRENT_YEAR: '2024', CURRENT_MONTH: '01', CURRENT_DATE: '15', CURRENT_HOUR: '14', CURRENT_MINUTE: '07', CURRENT_TIMEZONE_OFFSET: '+02:00', TM_SELECTED_TEXT: '' };
const SUMMER = { ...WINTER, CURRENT_MONTH: '07', CURRENT_DATE: '04', CURRENT_HOUR: '09', CURRENT_MINUTE: '30', CURRENT_TIMEZONE_OFFSET: '-07:00' };

function load(path: string): Record<string, Snippet> {
  const errors: ParseError[] = [];
  const value = parse(readFileSync(`${ROOT}${path}`, 'utf8'), errors, { allowTrailingComma: false, disallowComments: false }) as unknown;
  assert.deepEqual(errors.map((e) => `${printParseErrorCode(e.error)} at ${e.offset}`), [], path);
  assert.ok(value && typeof value === 'object' && !Array.isArray(value), `${path} is not an object of snippets`);
  return value as Record<string, Snippet>;
}

const files = FILES.map((f) => {
  const snippets = load(f.path);
  const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));
  const snippet = (prefix: string): Snippet => {
    const s = byPrefix.get(prefix);
    assert.ok(s, `${f.path}: no snippet with prefix ${prefix}`);
    return s;
  };
  return { ...f, snippets, byPrefix, snippet };
});
const markdown = files[0] as (typeof files)[number];
const { snippet } = markdown;

/** Fills the tab stops whose default is a reminder to replace ("@owner") as a user would. */
function filled(s: Snippet): Record<number, string> {
  const fill: Record<number, string> = {};
  for (const t of tabStops(parseSnippet(s.body))) {
    if (t.placeholder === '@owner') fill[t.index] = '@alice';
  }
  return fill;
}

function ruleChoices(s: Snippet): string[] {
  const withRules = tabStops(parseSnippet(s.body)).filter((t) => t.choices?.includes('missing-section'));
  assert.equal(withRules.length, 1, `${s.prefix}: expected one rule-id choice`);
  return withRules[0]?.choices ?? [];
}

function headings(text: string, level: number): string[] {
  const marker = `${'#'.repeat(level)} `;
  return text.split('\n').filter((l) => l.startsWith(marker)).map((l) => l.slice(marker.length));
}

for (const file of files) {
  describe(`snippets file ${file.path}`, () => {
    const { snippets } = file;

    test('is JSON with comments, and every snippet has a pm- prefix, a body and a description', () => {
      assert.ok(Object.keys(snippets).length >= 10);
      for (const [name, s] of Object.entries(snippets)) {
        assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], `${name}: unexpected keys`);
        assert.equal(typeof s.prefix, 'string', `${name}: prefix`);
        assert.match(s.prefix, /^pm-[a-z0-9-]+$/, `${name}: prefix`);
        assert.ok(Array.isArray(s.body) && s.body.length > 0 && s.body.every((l) => typeof l === 'string'), `${name}: body`);
        assert.equal(typeof s.description, 'string', `${name}: description`);
        assert.ok(s.description.length >= 20, `${name}: description too short`);
      }
    });

    test('prefixes are unique', () => {
      const prefixes = Object.values(snippets).map((s) => s.prefix);
      assert.deepEqual(prefixes.filter((p, i) => prefixes.indexOf(p) !== i), []);
    });

    test('bodies parse, use known variables only, and number their tab stops 1..n in order', () => {
      for (const s of Object.values(snippets)) {
        const nodes = parseSnippet(s.body);
        for (const v of variablesOf(nodes)) assert.ok(v in WINTER, `${s.prefix}: variable $${v}`);
        const order = tabStops(nodes).map((t) => t.index).filter((i) => i !== 0);
        assert.deepEqual(order, order.map((_, i) => i + 1), `${s.prefix}: tab stops out of order`);
        assert.ok(s.body.join('\n').includes('$0'), `${s.prefix}: no final cursor $0`);
        for (const t of tabStops(nodes)) {
          if (t.choices) assert.equal(new Set(t.choices).size, t.choices.length, `${s.prefix}: duplicate choices in $${t.index}`);
        }
        // Expands without error, on any day.
        expand(s.body, { variables: WINTER });
        expand(s.body, { variables: SUMMER });
      }
    });

    test(`is contributed by package.json for ${file.language}`, () => {
      const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { contributes: { snippets: { language: string; path: string }[] } };
      assert.ok(pkg.contributes.snippets.some((e) => e.language === file.language && e.path === file.path));
    });

    test('the zones offered are the same in every snippet, and in every file', () => {
      const all = files.flatMap((f) => Object.values(f.snippets));
      const zoneLists = all.flatMap((s) => tabStops(parseSnippet(s.body)).filter((t) => t.choices?.includes('UTC')).map((t) => t.choices?.join(',')));
      assert.ok(zoneLists.length >= 8);
      assert.equal(new Set(zoneLists).size, 1, 'zone choice lists differ');
    });
  });
}

test('the plain-text snippets are a subset of the Markdown ones, by prefix', () => {
  const plain = files[1]?.byPrefix ?? new Map<string, Snippet>();
  for (const prefix of plain.keys()) assert.ok(markdown.byPrefix.has(prefix), `${prefix} has no Markdown counterpart`);
});

for (const file of files) {
  describe(`profile templates (${file.language})`, () => {
    for (const [name, profile] of Object.entries(BUILTIN_PROFILES)) {
      describe(`pm-template-${name}`, () => {
        const s = file.snippet(`pm-template-${name}`);
        const run = (text: string, force = true) => analyze(text, { config: { profile: name }, languageId: file.language, force });

        test('has the profile\'s sections as titles, in the profile\'s order and with its titles', () => {
          const text = expand(s.body, { variables: WINTER });
          const titles = run(text).outline.sections.filter((x) => x.id && !x.parent?.id).map((x) => normalizeTitle(x.title));
          assert.deepEqual(titles, profile.sections.map((x) => normalizeTitle(x.title)));
          if (file.language === 'markdown') {
            assert.equal(headings(text, 1).length, 1, 'one title');
            assert.deepEqual(headings(text, 2), profile.sections.map((x) => x.title));
          }
        });

        test('offers a choice of severity and a time zone', () => {
          const stops = tabStops(parseSnippet(s.body));
          assert.ok(stops.some((t) => t.choices?.[0] === 'SEV-1' && t.choices.includes('SEV-4')), 'no severity choice');
          assert.ok(stops.some((t) => t.choices?.[0] === 'UTC' && t.choices.includes('PST')), 'no time zone choice');
        });

        for (const [day, variables] of [['winter', WINTER], ['summer', SUMMER]] as const) {
          test(`expanded with its defaults (${day}): every required section present, nothing flagged but an owner to fill in`, () => {
            const text = expand(s.body, { variables });
            const analysis = run(text);
            assert.deepEqual(analysis.ruleErrors, []);
            assert.equal(analysis.profile.name, name);
            const present = new Set(analysis.outline.sections.map((x) => x.id));
            for (const section of profile.sections.filter((x) => x.required)) assert.ok(present.has(section.id), `missing ${section.id}`);
            assert.deepEqual(analysis.problems.filter((p) => p.ruleId === 'missing-section'), []);
            // The owner default "@owner" is a reminder the engine may report (it does in tables); nothing else is.
            assert.deepEqual(analysis.problems.filter((p) => p.ruleId !== 'action-item-owner').map((p) => `${p.ruleId}: ${p.message}`), []);
            assert.ok(analysis.problems.every((p) => text.split('\n')[p.range.start.line]?.includes('@owner')));
          });
        }

        test('once the owner is filled in, the engine reports nothing', () => {
          const analysis = run(expand(s.body, { variables: WINTER, fill: filled(s) }));
          assert.deepEqual(analysis.problems.map((p) => `${p.ruleId}@${p.range.start.line + 1}: ${p.message}`), []);
        });

        test('reads as a postmortem without force, and its timeline has the four milestones in its zone', () => {
          const analysis = run(expand(s.body, { variables: WINTER }), false);
          assert.ok(analysis.isPostmortem);
          const entries = analysis.timeline?.entries ?? [];
          assert.deepEqual(entries.map((e) => e.kind), ['start', 'detect', 'mitigate', 'resolve']);
          assert.ok(entries.every((e) => e.zone?.zone.abbr === 'UTC' && e.time?.hour === 14 && e.time.minute === 7));
        });
      });
    }

    test('there is a template for every built-in profile and no other', () => {
      const templates = [...file.byPrefix.keys()].filter((p) => p.startsWith('pm-template-')).sort();
      assert.deepEqual(templates, Object.keys(BUILTIN_PROFILES).map((n) => `pm-template-${n}`).sort());
    });
  });
}

describe('section snippets', () => {
  for (const def of CANONICAL_SECTIONS) {
    test(`pm-section-${def.id} inserts a "${def.title}" section the engine recognises, with content`, () => {
      const s = snippet(`pm-section-${def.id}`);
      const text = expand(s.body, { variables: WINTER, fill: filled(s) });
      assert.deepEqual(headings(text, 2), [def.title]);
      const analysis = analyze(text, { force: true });
      const section = analysis.outline.sections[0];
      assert.equal(section?.id, def.id);
      assert.ok(!section.part);
      assert.deepEqual(analysis.problems.filter((p) => ['empty-section', 'placeholder-text', 'pseudo-heading'].includes(p.ruleId)), []);
    });
  }
});

test('pm-frontmatter marks any document as a postmortem', () => {
  const text = `${expand(snippet('pm-frontmatter').body, { variables: WINTER })}Notes from the call.\n`;
  assert.ok(text.startsWith('---\ntype: postmortem\ntitle: Short incident title\ndate: 2024-01-15\nseverity: SEV-1\n---\n'));
  const analysis = analyze(text);
  assert.ok(analysis.isPostmortem);
  assert.deepEqual(analysis.problems.filter((p) => p.ruleId !== 'missing-section').map((p) => p.ruleId), []);
});

describe('timeline snippets', () => {
  const KINDS: Record<string, string> = { 'Impact started': 'start', Detected: 'detect', Escalated: 'escalate', Mitigated: 'mitigate', Resolved: 'resolve', Update: 'other' };

  function timelineOf(entryText: string, languageId: LanguageId = 'markdown') {
    const title = languageId === 'markdown' ? '## Timeline' : 'Timeline';
    const analysis = analyze(`Outage\n\n${title}\n${languageId === 'markdown' ? '\n' : ''}${entryText}\n`, { force: true, languageId });
    assert.deepEqual(analysis.ruleErrors, []);
    return analysis;
  }

  for (const file of files) {
    test(`pm-timeline-entry (${file.language}): current time, the chosen zone and kind`, () => {
      const s = file.snippet('pm-timeline-entry');
      const [zones, kinds] = tabStops(parseSnippet(s.body)).map((t) => t.choices);
      assert.ok(zones && kinds);
      assert.equal(zones[0], 'UTC');
      assert.deepEqual(Object.keys(KINDS), kinds);
      for (const zone of zones) {
        for (const kind of kinds) {
          const text = expand(s.body, { variables: WINTER, choose: { 1: zone, 2: kind } });
          assert.ok(text.includes(`14:07 ${zone} `) && text.endsWith(`${kind}: what happened`), text);
          const entry = timelineOf(text, file.language).timeline?.entries[0];
          assert.equal(entry?.kind, KINDS[kind], text);
          assert.equal(entry?.zone?.zone.abbr, zone, text);
          assert.ok(!entry?.zone?.zone.unknown && !entry?.zone?.zone.ambiguous, text);
          assert.equal(entry?.time?.hour, 14);
          assert.equal(entry?.time?.minute, 7);
        }
      }
    });

    test(`pm-timeline-entry-local (${file.language}): stamped with this machine's UTC offset`, () => {
      for (const [variables, offset] of [[WINTER, 120], [SUMMER, -420]] as const) {
        const text = expand(file.snippet('pm-timeline-entry-local').body, { variables, choose: { 1: 'Detected' } });
        const entry = timelineOf(text, file.language).timeline?.entries[0];
        assert.equal(entry?.kind, 'detect');
        assert.equal(entry?.zone?.zone.fixedOffsetMinutes, offset, text);
        assert.equal(entry?.offsetMinutes, offset, text);
      }
    });
  }

  test('pm-timeline-entry (markdown) is a list item', () => {
    assert.equal(expand(snippet('pm-timeline-entry').body, { variables: WINTER }), '- 14:07 UTC — Impact started: what happened');
  });

  test('pm-timeline-table and pm-timeline-row: a table the engine reads, row after row', () => {
    const table = expand(snippet('pm-timeline-table').body, { variables: WINTER, choose: { 2: 'Impact started' } });
    const row = expand(snippet('pm-timeline-row').body, { variables: { ...WINTER, CURRENT_MINUTE: '42' }, choose: { 2: 'Resolved' } });
    const analysis = timelineOf(`${table}\n${row}`);
    const entries = analysis.timeline?.entries ?? [];
    assert.deepEqual(entries.map((e) => [e.source, e.kind, e.time?.raw]), [['table', 'start', '14:07 UTC'], ['table', 'resolve', '14:42 UTC']]);
    assert.equal(analysis.timeline?.milestones.durationMinutes, 35);
    // Only the sections this small document lacks are reported.
    assert.deepEqual(analysis.problems.filter((p) => p.ruleId !== 'missing-section').map((p) => p.ruleId), []);
  });

  test('an inserted entry is highlighted by the Markdown grammar', async () => {
    const zones = tabStops(parseSnippet(snippet('pm-timeline-entry').body))[0]?.choices ?? [];
    for (const zone of zones) {
      const text = expand(snippet('pm-timeline-entry').body, { variables: WINTER, choose: { 1: zone } });
      assert.deepEqual(await postmortemSpans(text), [['14:07', 'constant.numeric.time.postmortem'], [zone, 'support.constant.timezone.postmortem']]);
    }
    const local = expand(snippet('pm-timeline-entry-local').body, { variables: WINTER });
    assert.deepEqual(await postmortemSpans(local), [['14:07', 'constant.numeric.time.postmortem'], ['UTC+02:00', 'support.constant.timezone.postmortem']]);
  });
});

describe('action item snippets', () => {
  const doc = (items: string) => `# Outage\n\n## Summary\n\nThe checkout API returned errors for an hour after a bad deploy.\n\n## Action Items\n\n${items}\n`;
  const ownerProblems = (text: string) => analyze(text, { force: true }).problems.filter((p) => p.ruleId === 'action-item-owner');

  test('pm-action-table and pm-action-row: the owner column is checked', () => {
    const table = snippet('pm-action-table');
    const row = snippet('pm-action-row');
    const unfilled = ownerProblems(doc(`${expand(table.body, { variables: WINTER })}\n${expand(row.body, { variables: WINTER })}`));
    assert.deepEqual(unfilled.map((p) => p.data), [{ reason: 'empty-owner-cell' }, { reason: 'empty-owner-cell' }]);
    const done = ownerProblems(doc(`${expand(table.body, { variables: WINTER, fill: filled(table) })}\n${expand(row.body, { variables: WINTER, fill: filled(row) })}`));
    assert.deepEqual(done, []);
  });

  for (const file of files) {
    test(`pm-action-item (${file.language}): an item with an owner`, () => {
      const s = file.snippet('pm-action-item');
      const text = expand(s.body, { variables: WINTER, fill: filled(s) });
      assert.match(text, /^- (?:\[ \] )?Fix the cause so it cannot happen again \(owner: @alice, due 2024-01-15\)$/);
      const other = '- Add an alert on checkout error rate';
      const whole = file.language === 'markdown' ? doc(`${text}\n${other}`) : `Outage\n\nSummary\nThe checkout API returned errors for an hour after a bad deploy.\n\nAction Items\n${text}\n${other}\n`;
      // The snippet's item has an owner; the hand-written one next to it is the one reported.
      const problems = analyze(whole, { force: true, languageId: file.language }).problems.filter((p) => p.ruleId === 'action-item-owner');
      assert.deepEqual(problems.map((p) => p.range.start.line), [whole.split('\n').indexOf(other)]);
    });
  }
});

describe('disable comment snippets', () => {
  const DISABLE = ['pm-disable-next-line', 'pm-disable-line', 'pm-disable', 'pm-enable', 'pm-disable-file'];

  test('the rule-id choices list every rule of the engine (update the snippets when a rule is added)', () => {
    const expected = [...new Set([...PRODUCT_RULE_IDS, ...RULE_IDS])].sort();
    for (const file of files) {
      for (const prefix of DISABLE) {
        const choices = ruleChoices(file.snippet(prefix));
        assert.deepEqual([...choices].sort(), expected, `${file.path} ${prefix}: rule ids differ from the engine's RULE_IDS`);
      }
    }
  });

  test('each inserts the directive the engine reads, naming the chosen rule', () => {
    const placeholder = 'Detected at HH:MM by the on-call.';
    const base = (lines: string[]) => analyze(['# Outage', '', '## Summary', '', ...lines, ''].join('\n'), { force: true }).problems.filter((p) => p.ruleId === 'placeholder-text');
    assert.equal(base([placeholder]).length, 1);
    const choose = { 1: 'placeholder-text' };
    const nextLine = expand(snippet('pm-disable-next-line').body, { variables: WINTER, choose });
    assert.equal(nextLine, '<!-- postmortem-disable-next-line placeholder-text -->\n');
    assert.deepEqual(base([nextLine.trimEnd(), placeholder]), []);
    const sameLine = expand(snippet('pm-disable-line').body, { variables: WINTER, choose });
    assert.deepEqual(base([placeholder + sameLine]), []);
    const block = expand(snippet('pm-disable').body, { variables: { ...WINTER, TM_SELECTED_TEXT: placeholder }, choose });
    assert.equal(block, `<!-- postmortem-disable placeholder-text -->\n${placeholder}\n<!-- postmortem-enable placeholder-text -->`);
    assert.deepEqual(base([block, '', placeholder]).map((p) => p.range.start.line), [8]);
    const file = expand(snippet('pm-disable-file').body, { variables: WINTER, choose });
    assert.deepEqual(base([placeholder, '', file.trimEnd()]), []);
    assert.equal(expand(snippet('pm-enable').body, { variables: WINTER, choose }), '<!-- postmortem-enable placeholder-text -->');
  });
});
