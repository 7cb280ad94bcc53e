// The Markdown injection grammar (syntaxes/postmortem.injection.tmLanguage.json), tokenized by
// vscode-textmate + vscode-oniguruma with a minimal Markdown host grammar (fixtures/).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findTimes } from '../../server/src/engine/timeline';
import { INJECTION_PATH, INJECTION_SCOPE, postmortemSpans, tokenize } from './tokenize';

const TIME = 'constant.numeric.time.postmortem';
const INVALID = 'invalid.illegal.time.postmortem';
const DATE = 'constant.numeric.date.postmortem';
const ZONE = 'support.constant.timezone.postmortem';
const DURATION = 'constant.numeric.duration.postmortem';
const RELATIVE = 'constant.numeric.duration.relative.postmortem';
const SEVERITY = 'keyword.other.severity.postmortem';

type Span = [string, string];
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Text (one paragraph line) and every postmortem-scoped span in it, in order. */
const MATCHES: [string, Span[]][] = [
  // 12-hour clocks
  ['The first alert fired at 8:16 AM.', [['8:16 AM', TIME]]],
  ['At 10:35 Am the rollback started.', [['10:35 Am', TIME]]],
  ['Paged at 8:00 a.m. and again later.', [['8:00 a.m.', TIME]]],
  ['03:26pm: traffic recovered', [['03:26pm', TIME]]],
  ['11:59:59 PM marks the cut-off', [['11:59:59 PM', TIME]]],
  ['Deploy went out at 8am, reverted by 2 PM', [['8am', TIME], ['2 PM', TIME]]],
  ['Resolved at 8:16 AM PST.', [['8:16 AM', TIME], ['PST', ZONE]]],
  ['9:30 AM (PT) standup', [['9:30 AM', TIME], ['PT', ZONE]]],
  ['8:00 a.m. ET sharp', [['8:00 a.m.', TIME], ['ET', ZONE]]],
  ['2:30 PM – 9:00 PM: degraded', [['2:30 PM', TIME], ['9:00 PM', TIME]]],
  ['between 11am-2pm ET', [['11am', TIME], ['2pm', TIME], ['ET', ZONE]]],
  // 24-hour clocks
  ['14:18 error rate rises', [['14:18', TIME]]],
  ['Restarted at 08:00:00 exactly', [['08:00:00', TIME]]],
  ['9:05 first page', [['9:05', TIME]]],
  ['Cutover 23:59:59.999 UTC', [['23:59:59.999', TIME], ['UTC', ZONE]]],
  ['from 10:30 to 12:50 WAT', [['10:30', TIME], ['12:50', TIME], ['WAT', ZONE]]],
  ['14:00-16:30 UTC maintenance', [['14:00', TIME], ['16:30', TIME], ['UTC', ZONE]]],
  ['08:00Z start', [['08:00', TIME], ['Z', ZONE]]],
  ['14:00+05:30 in Mumbai', [['14:00', TIME], ['+05:30', ZONE]]],
  ['14:00 +0530 in Mumbai', [['14:00', TIME], ['+0530', ZONE]]],
  ['10:30 (UTC+3) in Nairobi', [['10:30', TIME], ['UTC+3', ZONE]]],
  ['10:30 (+3 GMT) in Nairobi', [['10:30', TIME], ['+3 GMT', ZONE]]],
  ['10:00 Eastern Time call', [['10:00', TIME], ['Eastern Time', ZONE]]],
  ['09:00 CEST, 08:00 BST, 16:00 JST', [['09:00', TIME], ['CEST', ZONE], ['08:00', TIME], ['BST', ZONE], ['16:00', TIME], ['JST', ZONE]]],
  ['14:00 hrs handover', [['14:00 hrs', TIME]]],
  // military
  ['0800 HRS: shift starts', [['0800 HRS', TIME]]],
  ['1200-HRS status call', [['1200-HRS', TIME]]],
  ['At 0830 hours the DB failed', [['0830 hours', TIME]]],
  ['0945 HRS GMT escalation', [['0945 HRS', TIME], ['GMT', ZONE]]],
  ['Fixed by 2200 UTC, 1400Z or 0930 PST', [['2200', TIME], ['UTC', ZONE], ['1400', TIME], ['Z', ZONE], ['0930', TIME], ['PST', ZONE]]],
  // ISO 8601
  ['2025-09-29T16:54:16Z alert', [['2025-09-29T16:54:16', TIME], ['Z', ZONE]]],
  ['2021-12-13T08:00:00.123-07:00 deploy', [['2021-12-13T08:00:00.123', TIME], ['-07:00', ZONE]]],
  ['2021-12-13T08:00+05:30 deploy', [['2021-12-13T08:00', TIME], ['+05:30', ZONE]]],
  ['2021-12-13T08:00 UTC deploy', [['2021-12-13T08:00', TIME], ['UTC', ZONE]]],
  // bracketed
  ['[08:47] Paged the on-call', [['08:47', TIME]]],
  ['[2021-12-13 08:00 UTC] rollout', [['2021-12-13', DATE], ['08:00', TIME], ['UTC', ZONE]]],
  ['[03-26 16:46] node drained', [['03-26', DATE], ['16:46', TIME]]],
  ['[+7.5 hrs] rollback complete', [['+7.5 hrs', RELATIVE]]],
  ['[SEV-1] Checkout outage', [['SEV-1', SEVERITY]]],
  // dates
  ['On 2021-12-13 the cluster', [['2021-12-13', DATE]]],
  ['2021-12-13 08:00 first error', [['2021-12-13', DATE], ['08:00', TIME]]],
  ['On September 30, 2020 we', [['September 30, 2020', DATE]]],
  ['Sep 30th: recovery', [['Sep 30th', DATE]]],
  ['Thursday, November 17th, 2016 at noon', [['Thursday, November 17th, 2016', DATE]]],
  ['on 30 September 2020 the', [['30 September 2020', DATE]]],
  ['Tuesday 5th of March, again', [['Tuesday 5th of March', DATE]]],
  ['12/13/2021 and 24-10-2024', [['12/13/2021', DATE], ['24-10-2024', DATE]]],
  // zones stated for the document
  ['Timeline (all times UTC)', [['UTC', ZONE]]],
  ['All times in PDT (UTC-7).', [['PDT', ZONE], ['UTC-7', ZONE]]],
  ['All times are in CET.', [['CET', ZONE]]],
  ['Timezone: WAT', [['WAT', ZONE]]],
  ['times are in Pacific Time', [['Pacific Time', ZONE]]],
  ['all times Pacific', [['Pacific', ZONE]]],
  ['The office is on GMT+3 and UTC-07:00', [['GMT+3', ZONE], ['UTC-07:00', ZONE]]],
  // durations
  ['The outage lasted 3 hours.', [['3 hours', DURATION]]],
  ['Time to recovery: 54h10m', [['54h10m', DURATION]]],
  ['Detected after 47 minutes', [['47 minutes', DURATION]]],
  ['about 1.5 hrs, then 30min, then 250 ms', [['1.5 hrs', DURATION], ['30min', DURATION], ['250 ms', DURATION]]],
  ['a 3-hour outage', [['3-hour', DURATION]]],
  ['1h 30m, 5m30s, 2d3h, 24h', [['1h 30m', DURATION], ['5m30s', DURATION], ['2d3h', DURATION], ['24h', DURATION]]],
  ['over twenty four hours', [['twenty four hours', DURATION]]],
  ['half an hour later', [['half an hour', DURATION]]],
  ['T+15m: paged', [['T+15m', RELATIVE]]],
  ['T-5m, T+1h30m and T + 2 hours', [['T-5m', RELATIVE], ['T+1h30m', RELATIVE], ['T + 2 hours', RELATIVE]]],
  // severities
  ['SEV-1 declared', [['SEV-1', SEVERITY]]],
  ['SEV1, Sev 2, sev-3', [['SEV1', SEVERITY], ['Sev 2', SEVERITY], ['sev-3', SEVERITY]]],
  ['Severity: 2', [['Severity: 2', SEVERITY]]],
  ['P1 incident, downgraded to P2, not a P0', [['P1', SEVERITY], ['P2', SEVERITY], ['P0', SEVERITY]]],
  ['P1/P2 and SEV-1/P1', [['P1', SEVERITY], ['P2', SEVERITY], ['SEV-1', SEVERITY], ['P1', SEVERITY]]],
  // impossible time
  ['Recovered at 13:55 PM', [['13:55 PM', INVALID]]],
];

/** Lines where nothing may be scoped. */
const NO_MATCHES: string[] = [
  'Upgraded to 1.20.3 then v2.10.1',
  'Hosts 10.0.0.1 and 192.168.0.1:8080 and fe80::1:20',
  'MAC 00:11:22:33:44:55 and SMPTE 14:00:00:00',
  'Founded in 2021; since 1999; in 2020, we',
  'Ratios 16:9, 1:1000 and 3:1',
  'Pages 10-12 and 1/2 of the doc',
  'AP1, P1x, MP3, p99 latency and P10',
  'GET /api/P1 returned 503',
  'BUDGET, GET, IT team, ET phone home, ETA soon',
  'The PST file and a CET module',
  'UTC is what we use',
  'All times are approximate.',
  'saving 24m DAI and 4022m CPU',
  'HTTP 500s and 503s',
  'T-3pool is a token',
  'The SEVERITY field and severe issues',
  'May 2020 and March',
  'Footnote [1] and [link][ref]',
  '[08:47](https://status.example.com/08:47) link text',
  '25:10 is not a time and neither is 1:5',
  'ticket 1234-5678 and order 12345',
];

describe('injection grammar: what it scopes', () => {
  for (const [text, expected] of MATCHES) {
    test(JSON.stringify(text), async () => {
      assert.deepEqual(await postmortemSpans(text), expected);
    });
  }
});

describe('injection grammar: what it leaves alone', () => {
  for (const text of NO_MATCHES) {
    test(JSON.stringify(text), async () => {
      assert.deepEqual(await postmortemSpans(text), []);
    });
  }
});

describe('injection grammar: Markdown context', () => {
  test('nothing is scoped inside a fenced code block, scoped again after it', async () => {
    const doc = ['```', '2021-12-13T08:00Z 14:18 UTC SEV-1 3 hours', '[08:47] P1', '```', '14:18 UTC'].join('\n');
    const lines = await tokenize(doc);
    for (const line of lines.slice(0, 4)) {
      for (const t of line) {
        assert.ok(!t.scopes.some((s) => s.endsWith('.postmortem')), `scoped "${t.text}" in code: ${t.scopes.join(' ')}`);
      }
    }
    assert.deepEqual(await postmortemSpans(doc), [['14:18', TIME], ['UTC', ZONE]]);
  });

  test('nothing is scoped inside a tilde fence with a language', async () => {
    const doc = ['~~~log', '08:00:00 SEV-1 UTC+3', '~~~'].join('\n');
    assert.deepEqual(await postmortemSpans(doc), []);
  });

  test('nothing is scoped inside inline code, around it is', async () => {
    assert.deepEqual(await postmortemSpans('At 14:18 we ran `sleep 30 minutes; date -d 08:00 UTC` for P1'), [['14:18', TIME], ['P1', SEVERITY]]);
    assert.deepEqual(await postmortemSpans('``a `14:18` b``'), []);
  });

  test('nothing is scoped inside an indented code block', async () => {
    assert.deepEqual(await postmortemSpans('Before:\n\n    14:18:00 ERROR SEV-1\n'), []);
  });

  test('nothing is scoped inside HTML comments (disable directives stay plain)', async () => {
    assert.deepEqual(await postmortemSpans('<!-- postmortem-disable-next-line timezone-missing 14:18 -->'), []);
    assert.deepEqual(await postmortemSpans('Text <!-- 14:18 UTC --> and 15:00'), [['15:00', TIME]]);
    assert.deepEqual(await postmortemSpans('<!--\n14:18 SEV-1\n-->\n\n15:00'), [['15:00', TIME]]);
  });

  test('nothing is scoped inside front matter', async () => {
    assert.deepEqual(await postmortemSpans('---\ndate: 2016-11-18 15:05:00\nseverity: SEV-2\n---\n\nAt 15:05 UTC'), [['15:05', TIME], ['UTC', ZONE]]);
  });

  test('nothing is scoped in link destinations, HTML attributes or math', async () => {
    assert.deepEqual(await postmortemSpans('[status page](https://status.example.com/2021-12-13T08:00Z)'), []);
    assert.deepEqual(await postmortemSpans('<time datetime="2021-12-13T08:00Z">then</time> at 08:00'), [['08:00', TIME]]);
    assert.deepEqual(await postmortemSpans('$14:18 + 3 hours$ and 14:18'), [['14:18', TIME]]);
  });

  test('headings, list items and bold text are scoped, with exact scope stacks', async () => {
    const [heading, , item, , bold] = await tokenize('## Timeline (all times UTC)\n\n- 8:16 AM PST: SEV-1\n\n**14:18** done');
    assert.deepEqual(heading?.find((t) => t.text === 'UTC')?.scopes, ['text.html.markdown', 'markup.heading.markdown', 'entity.name.section.markdown', ZONE]);
    const inItem = ['text.html.markdown', 'markup.list.unnumbered.markdown', 'meta.paragraph.markdown'];
    assert.deepEqual(item?.find((t) => t.text === '8:16 AM')?.scopes, [...inItem, TIME]);
    assert.deepEqual(item?.find((t) => t.text === 'PST')?.scopes, [...inItem, ZONE]);
    assert.deepEqual(item?.find((t) => t.text === 'SEV-1')?.scopes, [...inItem, SEVERITY]);
    assert.deepEqual(bold?.find((t) => t.text === '14:18')?.scopes, ['text.html.markdown', 'meta.paragraph.markdown', 'markup.bold.markdown', TIME]);
  });

  test('a block that starts with a time still opens its paragraph and keeps inline Markdown', async () => {
    const [top, , item] = await tokenize('14:18 **rollback** of `v2`\n\n- 14:18 **rollback**');
    assert.deepEqual(top?.find((t) => t.text === '14:18')?.scopes, ['text.html.markdown', 'meta.paragraph.markdown', TIME]);
    assert.ok(top?.find((t) => t.text === 'rollback')?.scopes.includes('markup.bold.markdown'), 'bold lost after a leading time');
    assert.ok(top?.find((t) => t.text === 'v2')?.scopes.includes('markup.inline.raw.string.markdown'), 'inline code lost after a leading time');
    assert.deepEqual(item?.find((t) => t.text === '14:18')?.scopes, ['text.html.markdown', 'markup.list.unnumbered.markdown', 'meta.paragraph.markdown', TIME]);
    assert.ok(item?.find((t) => t.text === 'rollback')?.scopes.includes('markup.bold.markdown'), 'bold lost in a list item');
  });

  test('a bracketed time wins over the shortcut reference link, a real link does not', async () => {
    const [line] = await tokenize('[08:47] paged');
    assert.ok(line && !line.some((t) => t.scopes.some((s) => s.startsWith('meta.link'))), 'bracketed time read as a link');
    assert.deepEqual(line?.find((t) => t.text === '08:47')?.scopes, ['text.html.markdown', 'meta.paragraph.markdown', TIME]);
    const [ref] = await tokenize('[incident-123] and [08:47][ref]');
    assert.ok(ref?.some((t) => t.scopes.includes('meta.link.reference.markdown')));
  });

  test('the zone stays scoped across a multi-line paragraph and a table row', async () => {
    assert.deepEqual(await postmortemSpans('| 14:18 | UTC+1 | P2 |\n| --- | --- | --- |\n| 2021-12-13 | 3 hours | SEV 3 |'), [
      ['14:18', TIME], ['UTC+1', ZONE], ['P2', SEVERITY], ['2021-12-13', DATE], ['3 hours', DURATION], ['SEV 3', SEVERITY],
    ]);
  });
});

describe('injection grammar: the file', () => {
  const grammar = JSON.parse(readFileSync(INJECTION_PATH, 'utf8')) as { scopeName: string; injectionSelector: string };

  test('is the one package.json contributes, injected into Markdown', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] } };
    const entry = pkg.contributes.grammars.find((g) => g.scopeName === INJECTION_SCOPE);
    assert.deepEqual(entry, { scopeName: INJECTION_SCOPE, path: './syntaxes/postmortem.injection.tmLanguage.json', injectTo: ['text.html.markdown'] });
    assert.equal(grammar.scopeName, INJECTION_SCOPE);
    assert.match(grammar.injectionSelector, /^L:text\.html\.markdown /);
    for (const excluded of ['markup.fenced_code', 'markup.inline.raw', 'markup.raw', 'comment', 'meta.embedded']) {
      assert.ok(grammar.injectionSelector.split(' ').includes(`-${excluded}`), `selector does not exclude ${excluded}`);
    }
  });

  test('uses only the documented scope names', () => {
    const names = new Set<string>();
    JSON.stringify(grammar, (key, value: unknown) => {
      if (key === 'name' && typeof value === 'string' && value.endsWith('.postmortem')) names.add(value);
      return value;
    });
    assert.deepEqual([...names].sort(), [TIME, DATE, ZONE, DURATION, RELATIVE, SEVERITY, INVALID].sort());
  });

  test('is up to date with syntaxes/build-injection-grammar.mjs', () => {
    const result = spawnSync(process.execPath, [`${ROOT}syntaxes/build-injection-grammar.mjs`, '--check'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });
});

describe('injection grammar: robustness', () => {
  test('pathological lines tokenize quickly (no catastrophic backtracking)', async () => {
    const lines = [
      '1'.repeat(5000), '1:'.repeat(2500), `SEV ${' '.repeat(5000)}1`, 'twenty '.repeat(800), 'May '.repeat(1200),
      '1,'.repeat(2500), 'T+1 '.repeat(1500), '1 a.m.'.repeat(900), `all times ${'in the '.repeat(700)}`,
      '12:00 AM PST 2021-12-13T08:00Z 3 hours P1 SEV-1 [08:47] all times UTC '.repeat(80),
    ];
    await tokenize('warm up 14:00 UTC');
    for (const line of lines) {
      const before = process.cpuUsage();
      await tokenize(line);
      const used = process.cpuUsage(before);
      const ms = (used.user + used.system) / 1000;
      assert.ok(ms < 2000, `${JSON.stringify(line.slice(0, 30))}… took ${Math.round(ms)} ms`);
    }
  });

  test('every zone abbreviation it highlights is one the engine reads', () => {
    const generator = pathToFileURL(`${ROOT}syntaxes/build-injection-grammar.mjs`).href;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(generator)}).then((m) => console.log(JSON.stringify(m.ABBREVIATIONS)))`], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const abbreviations = JSON.parse(result.stdout) as string[];
    assert.ok(abbreviations.length > 40);
    for (const abbr of abbreviations) {
      const zone = findTimes(`at 14:00 ${abbr} we`)[0]?.zone;
      assert.equal(zone?.abbr, abbr, `the engine does not read ${abbr} after a time`);
      assert.ok(!zone.unknown, `the engine does not know ${abbr}`);
    }
  });

  const SHARED = `${ROOT}../shared/`;
  const corpus = [`${SHARED}seeds`, `${SHARED}corpus/docs`, `${SHARED}corpus/templates`]
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => `${dir}/${f}`));

  test('real postmortems (../shared): times are found, and nothing inside code fences is scoped', { skip: corpus.length === 0 && 'no ../shared corpus here' }, async () => {
    let times = 0;
    for (const path of corpus) {
      const text = readFileSync(path, 'utf8');
      const lines = await tokenize(text);
      let fence: string | undefined;
      text.split(/\r?\n/).forEach((raw, i) => {
        const marker = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
        const inFence = fence !== undefined || marker !== undefined;
        if (fence === undefined && marker) fence = marker;
        else if (fence !== undefined && marker?.startsWith(fence) && raw.trim() === marker) fence = undefined;
        for (const token of lines[i] ?? []) {
          const scope = token.scopes.find((x) => x.endsWith('.postmortem'));
          if (scope === TIME) times++;
          assert.ok(!(inFence && scope), `${path}:${i + 1}: "${token.text}" scoped ${scope} inside a code fence`);
        }
      });
    }
    assert.ok(times > 500, `only ${times} times found in ${corpus.length} documents`);
  });
});
