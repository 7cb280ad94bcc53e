// The CLI contract (product.md): arguments, exit codes, file walking, configuration, --fix.
// Every test runs the real bundle in a child process.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN, FLAWED, runCli, tempTree, writeTree, type CliRun } from './helpers';

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };

/** Exit 2 with exactly one line on stderr and no stack trace. */
function assertFatal(run: CliRun, pattern: RegExp): void {
  assert.equal(run.status, 2, `exit code; stderr: ${run.stderr}`);
  const lines = run.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${run.stderr}`);
  assert.match(lines[0] ?? '', /^postmortem-lint: /);
  assert.match(lines[0] ?? '', pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
}

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

describe('usage', () => {
  test('--help prints the usage and exits 0', () => {
    const run = runCli(['--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: postmortem-lint \[options\] PATH\.\.\./);
    for (const option of ['--format', '--profile', '--config', '--fix', '--max-warnings']) assert.ok(run.stdout.includes(option), option);
  });

  test('--version prints the package version', () => {
    const run = runCli(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout.trim(), pkg.version);
  });

  const bad: [string[], RegExp][] = [
    [['--bogus', 'x.md'], /unknown option "--bogus"/],
    [['-x', 'x.md'], /unknown option "-x"/],
    [['--format', 'xml', 'x.md'], /invalid --format "xml"/],
    [['--format'], /--format needs a value/],
    [['--format', '--fix', 'x.md'], /--format needs a value/],
    [['--max-warnings', 'many', 'x.md'], /invalid --max-warnings "many"/],
    [['--max-warnings=-1', 'x.md'], /invalid --max-warnings "-1"/],
    [['--fix=yes', 'x.md'], /--fix takes no value/],
    [['--profile', 'a', '--profile', 'b', 'x.md'], /more than once/],
    [[], /no PATH given/],
  ];
  for (const [args, pattern] of bad) {
    test(`usage error: ${args.join(' ') || '(no arguments)'}`, () => assertFatal(runCli(args), pattern));
  }

  test('a missing path is an I/O error', () => {
    const dir = tempTree();
    assertFatal(runCli(['nope.md'], dir), /^postmortem-lint: nope\.md: no such file or directory$/);
  });

  test('--option=value is accepted', () => {
    const dir = tempTree({ 'pm.md': CLEAN });
    const run = runCli(['--format=json', '--max-warnings=0', 'pm.md'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [{ filePath: 'pm.md', messages: [] }]);
  });
});

describe('output and exit codes', () => {
  test('text: path:line:col severity rule-id message, 1-based', () => {
    const dir = tempTree({ 'flawed.md': FLAWED });
    const run = runCli(['flawed.md'], dir);
    assert.equal(run.status, 0, 'warnings only: exit 0');
    assert.deepEqual(lines(run.stdout), [
      'flawed.md:1:1 warning missing-section Missing section "Resolution": the "standard" profile requires one.',
      'flawed.md:8:3 warning pseudo-heading "Timeline (all times UTC)" is used as a section title but is not a heading; make it a level-2 heading.',
      'flawed.md:13:4 warning empty-section Section "Root Cause" holds only template placeholders.',
      'flawed.md:15:1 warning placeholder-text Template placeholder "TBD" left in the text.',
      'flawed.md:17:4 information action-item-owner The open action item names no owner.',
    ]);
    assert.equal(run.stderr, '');
  });

  test('a clean postmortem prints nothing and exits 0', () => {
    const dir = tempTree({ 'clean.md': CLEAN });
    const run = runCli(['clean.md'], dir);
    assert.deepEqual([run.status, run.stdout, run.stderr], [0, '', '']);
  });

  test('--max-warnings: exit 1 only when warnings exceed it', () => {
    const dir = tempTree({ 'flawed.md': FLAWED });
    assert.equal(runCli(['--max-warnings', '4', 'flawed.md'], dir).status, 0);
    const over = runCli(['--max-warnings', '3', 'flawed.md'], dir);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /4 warnings found, more than --max-warnings 3/);
  });

  test('errors exit 1', () => {
    const dir = tempTree({ 'flawed.md': FLAWED, '.postmortemrc.json': '{ "rules": { "placeholder-text": "error" } }' });
    const run = runCli(['flawed.md'], dir);
    assert.equal(run.status, 1);
    assert.ok(run.stdout.includes('flawed.md:15:1 error placeholder-text'), run.stdout);
  });

  test('json: one element per file, 1-based positions, data', () => {
    const dir = tempTree({ 'a/flawed.md': FLAWED, 'a/clean.md': CLEAN });
    const run = runCli(['--format', 'json', 'a/flawed.md', 'a/clean.md'], dir);
    const files = JSON.parse(run.stdout) as { filePath: string; messages: Record<string, unknown>[] }[];
    assert.deepEqual(files.map((f) => f.filePath), ['a/flawed.md', 'a/clean.md']);
    assert.deepEqual(files[1]?.messages, []);
    assert.deepEqual(files[0]?.messages[0], {
      ruleId: 'missing-section', severity: 'warning', message: 'Missing section "Resolution": the "standard" profile requires one.',
      line: 1, column: 1, endLine: 1, endColumn: 32, data: { section: 'resolution', profile: 'standard' },
    });
    const placeholder = files[0]?.messages.find((m) => m['ruleId'] === 'placeholder-text');
    assert.deepEqual(placeholder, {
      ruleId: 'placeholder-text', severity: 'warning', message: 'Template placeholder "TBD" left in the text.',
      line: 15, column: 1, endLine: 15, endColumn: 4, data: { placeholder: 'TBD' },
    });
  });

  test('github: workflow commands with 1-based ranges', () => {
    const dir = tempTree({ 'flawed.md': FLAWED });
    const out = lines(runCli(['--format', 'github', 'flawed.md'], dir).stdout);
    assert.equal(out[0], '::warning file=flawed.md,line=1,col=1,endLine=1,endColumn=32,title=missing-section::Missing section "Resolution"%3A the "standard" profile requires one.'.replace('%3A', ':'));
    assert.equal(out[4], '::notice file=flawed.md,line=17,col=4,endLine=17,endColumn=16,title=action-item-owner::The open action item names no owner.');
  });

  test('github: file names with commas and colons are escaped', () => {
    const dir = tempTree({ 'a,b:c postmortem.md': FLAWED });
    const out = runCli(['--format', 'github', '.'], dir).stdout;
    assert.ok(out.includes('file=a%2Cb%3Ac postmortem.md,line=1'), out);
  });
});

describe('files', () => {
  const incident = FLAWED;
  const readme = '# Widget\n\nA library for widgets.\n\n## Install\n\nnpm install widget\n\n## Usage\n\nCall `widget()`.\n';

  test('directories are walked for postmortems by name or by content', () => {
    const dir = tempTree({
      'docs/postmortems/2024-01-db.md': '# DB slowdown\n\nShort note, no sections yet.\n',
      'docs/notes/checkout.md': incident,
      'docs/notes/checkout.txt': 'Issue Summary\nSomething broke for an hour.\n\nTimeline\n10:00 UTC it broke\n\nRoot Cause\nA bad deploy.\n',
      'docs/README.md': readme,
      'docs/notes/data.json': '{"summary": "not a document"}',
      'node_modules/pkg/postmortem.md': incident,
      '.hidden/postmortem.md': incident,
      'docs/.draft-postmortem.md': incident,
      'docs/postmortems/binary-postmortem.md': Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]),
    });
    const run = runCli(['--format', 'json', '.'], dir);
    assert.equal(run.stderr, '', 'a walked binary file is skipped silently');
    const files = (JSON.parse(run.stdout) as { filePath: string }[]).map((f) => f.filePath);
    assert.deepEqual(files, ['docs/notes/checkout.md', 'docs/notes/checkout.txt', 'docs/postmortems/2024-01-db.md']);
  });

  test('a file named explicitly is always analysed, whatever it looks like', () => {
    const dir = tempTree({ 'README.md': readme, 'notes.log': incident });
    const run = runCli(['--format', 'json', 'README.md', 'notes.log'], dir);
    const files = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    assert.deepEqual(files.map((f) => f.filePath), ['README.md', 'notes.log']);
    assert.ok(files[0]?.messages.some((m) => m.ruleId === 'missing-section'));
    assert.ok(files[1]?.messages.some((m) => m.ruleId === 'pseudo-heading'), 'an unknown extension is read as Markdown');
  });

  test('a binary file named explicitly is an error; the others are still checked', () => {
    const dir = tempTree({ 'image-postmortem.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), 'flawed.md': FLAWED });
    const run = runCli(['image-postmortem.md', 'flawed.md'], dir);
    assertFatal(run, /image-postmortem\.md: binary file \(it contains NUL bytes\), not checked/);
    assert.ok(run.stdout.includes('flawed.md:15:1 warning placeholder-text'), 'other files reported');
  });

  test('a UTF-8 byte order mark does not shift columns', () => {
    const dir = tempTree({ 'plain.md': FLAWED, 'bom.md': `\uFEFF${FLAWED}` });
    const plain = runCli(['plain.md'], dir).stdout.replaceAll('plain.md', 'x');
    const bom = runCli(['bom.md'], dir).stdout.replaceAll('bom.md', 'x');
    assert.equal(bom, plain);
  });

  test('CRLF line endings report the same positions', () => {
    const dir = tempTree({ 'lf.md': FLAWED, 'crlf.md': FLAWED.replace(/\n/g, '\r\n') });
    assert.equal(runCli(['crlf.md'], dir).stdout.replaceAll('crlf.md', 'x'), runCli(['lf.md'], dir).stdout.replaceAll('lf.md', 'x'));
  });

  test('an HTML postmortem is understood', () => {
    const html = '<h1>Login outage</h1>\n<h2>Summary</h2>\n<p>Logins failed for twenty minutes after a certificate expired on the identity provider.</p>\n<h2>Timeline (UTC)</h2>\n<ul>\n<li>09:00 certificate expires</li>\n<li>09:20 new certificate deployed</li>\n</ul>\n<h2>Root cause</h2>\n<p>No alert on certificate expiry.</p>\n<h2>Action items</h2>\n<ul>\n<li>Alert 30 days before expiry (owner: @lee)</li>\n</ul>\n';
    const dir = tempTree({ 'incidents/login.html': html });
    const run = runCli(['--format', 'json', '.'], dir);
    const files = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; data: Record<string, unknown> }[] }[];
    assert.equal(files[0]?.filePath, 'incidents/login.html');
    assert.deepEqual(files[0]?.messages.map((m) => [m.ruleId, m.data['section']]), [['missing-section', 'resolution']]);
  });
});

describe('configuration', () => {
  test('.postmortemrc.json is found up the tree, per directory', () => {
    const dir = tempTree({
      'team-a/.postmortemrc.json': '{ "rules": { "missing-section": "off" } }',
      'team-a/sub/flawed-postmortem.md': FLAWED,
      'team-b/flawed-postmortem.md': FLAWED,
    });
    const out = runCli(['.'], dir).stdout;
    assert.ok(!out.includes('team-a/sub/flawed-postmortem.md:1:1 warning missing-section'), out);
    assert.ok(out.includes('team-b/flawed-postmortem.md:1:1 warning missing-section'), out);
    assert.ok(out.includes('team-a/sub/flawed-postmortem.md:15:1 warning placeholder-text'), out);
  });

  test('.postmortemrc.jsonc takes comments and trailing commas', () => {
    const dir = tempTree({ '.postmortemrc.jsonc': '{\n  // quiet\n  "rules": { "placeholder-text": "off", },\n}\n', 'flawed.md': FLAWED });
    const out = runCli(['flawed.md'], dir).stdout;
    assert.ok(!out.includes('placeholder-text'), out);
    assert.ok(out.includes('empty-section'), out);
  });

  test('config `files` globs are relative to the config folder', () => {
    const dir = tempTree({
      '.postmortemrc.json': '{ "files": ["reviews/**"] }',
      'reviews/db.md': '# DB slowdown\n\nShort note.\n',
      'postmortems/ignored.md': '# Not matched any more\n\nShort note.\n',
    });
    const files = (JSON.parse(runCli(['--format', 'json', '.'], dir).stdout) as { filePath: string }[]).map((f) => f.filePath);
    assert.deepEqual(files, ['reviews/db.md']);
  });

  test('a broken config: exit 2 with path:line:col', () => {
    const dir = tempTree({ '.postmortemrc.json': '{\n  "rules": {\n    "placeholder-text": "loud"\n  }\n}\n', 'flawed.md': FLAWED });
    assertFatal(runCli(['flawed.md'], dir), /^postmortem-lint: \.postmortemrc\.json:3:5: rules\.placeholder-text: must be one of/);
  });

  test('invalid JSON in a config: exit 2 with its position', () => {
    const dir = tempTree({ '.postmortemrc.json': '{ "rules": { ', 'flawed.md': FLAWED });
    assertFatal(runCli(['flawed.md'], dir), /^postmortem-lint: \.postmortemrc\.json:1:\d+: invalid JSON/);
  });

  test('--config FILE replaces discovery', () => {
    const dir = tempTree({ '.postmortemrc.json': '{ "rules": { "missing-section": "off" } }', 'ci.json': '{ "rules": { "missing-section": "error" } }', 'flawed.md': FLAWED });
    const run = runCli(['--config', 'ci.json', 'flawed.md'], dir);
    assert.equal(run.status, 1);
    assert.ok(run.stdout.includes('flawed.md:1:1 error missing-section'), run.stdout);
  });

  test('--config with a missing file: exit 2', () => {
    const dir = tempTree({ 'flawed.md': FLAWED });
    assertFatal(runCli(['--config', 'nope.json', 'flawed.md'], dir), /nope\.json: cannot read configuration: no such file or directory/);
  });

  test('--profile overrides the configured profile', () => {
    const dir = tempTree({ '.postmortemrc.json': '{ "profile": "standard" }', 'clean.md': CLEAN });
    const run = runCli(['--format', 'json', '--profile', 'google-sre', 'clean.md'], dir);
    const sections = (JSON.parse(run.stdout) as { messages: { ruleId: string; data: { section?: string } }[] }[])[0]?.messages.filter((m) => m.ruleId === 'missing-section').map((m) => m.data.section);
    assert.deepEqual(sections, ['impact', 'trigger', 'detection', 'lessons-learned']);
  });

  test('an unknown --profile is a usage error', () => {
    const dir = tempTree({ 'clean.md': CLEAN });
    assertFatal(runCli(['--profile', 'nasa', 'clean.md'], dir), /--profile: unknown profile "nasa" \(known: standard, google-sre, pagerduty, atlassian\)$/);
  });
});

describe('--fix', () => {
  test('applies safe fixes, writes the file and reports what remains', () => {
    const text = `${CLEAN.replace('## Timeline (all times UTC)', '**Timeline (all times UTC)**')}\nThe payment client in release 42 opened a new connection for every request and exhausted the pool.\n`;
    const dir = tempTree({ 'pm.md': text });
    const before = runCli(['pm.md'], dir).stdout;
    assert.match(before, /pseudo-heading/);
    assert.match(before, /duplicate-paragraph/);
    assert.equal(readFileSync(join(dir, 'pm.md'), 'utf8'), text, 'without --fix nothing is written');

    const run = runCli(['--fix', 'pm.md'], dir);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '', 'nothing remains');
    assert.equal(readFileSync(join(dir, 'pm.md'), 'utf8'), CLEAN);
    const again = runCli(['--fix', 'pm.md'], dir);
    assert.equal(again.stdout, '');
    assert.equal(readFileSync(join(dir, 'pm.md'), 'utf8'), CLEAN, 'a second run changes nothing');
  });

  test('keeps a byte order mark and CRLF line endings', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const dir = tempTree({ 'pm.md': `\uFEFF${crlf(CLEAN.replace('## Timeline (all times UTC)', '**Timeline (all times UTC)**'))}` });
    runCli(['--fix', 'pm.md'], dir);
    assert.equal(readFileSync(join(dir, 'pm.md'), 'utf8'), `\uFEFF${crlf(CLEAN)}`);
  });

  test('files without a fixable problem are not rewritten', () => {
    const dir = tempTree();
    const path = writeTree(dir, 'flawed.md', FLAWED.replace('**Timeline (all times UTC)**', '## Timeline (all times UTC)'));
    const before = readFileSync(path, 'utf8');
    const run = runCli(['--fix', 'flawed.md'], dir);
    assert.match(run.stdout, /placeholder-text/, 'unfixable problems are still reported');
    assert.equal(readFileSync(path, 'utf8'), before);
  });
});
