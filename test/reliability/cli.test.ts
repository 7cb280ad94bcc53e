// The CLI under bad input and bad usage (issue 8): missing paths, unreadable files and folders,
// folders without postmortems, invalid configuration, unknown options and formats, binary files,
// invalid UTF-8, a closed pipe. Each gives one clear line per problem on stderr, exit 2 where it
// is a usage or I/O error, never a stack trace; and nothing is written unless --fix is given
// (every run is checked against a checksum of the whole tree before and after).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEAN, CLI, runCli, tempTree, writeTree } from '../cli/helpers';
import { invalidUtf8, bytes } from './inputs';

/** sha256 of every file's path, mode and content under `root`. */
function checksum(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const info = statSync(path);
      hash.update(`${path}\0${info.mode}\0`);
      if (info.isDirectory()) {
        if (info.mode & 0o400) walk(path);
      } else if (info.mode & 0o400) hash.update(readFileSync(path));
    }
  };
  walk(root);
  return hash.digest('hex');
}

const STACK = /^\s+at |node:internal|Error: .*\n\s+at /m;

/** Runs the CLI in `root` and checks it wrote nothing there. */
function run(root: string, args: string[], options: { as?: 'nobody' } = {}) {
  const before = checksum(root);
  let result;
  if (options.as === 'nobody') {
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args], { cwd: root, encoding: 'utf8' });
    result = { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  } else result = runCli(args, root);
  assert.equal(checksum(root), before, `postmortem-lint ${args.join(' ')} wrote to the tree`);
  assert.doesNotMatch(result.stderr, STACK, 'no stack trace');
  return result;
}

/** stderr: exactly `n` lines, each a "postmortem-lint: …" message. */
function messages(stderr: string, n?: number): string[] {
  const lines = stderr.split('\n').filter(Boolean);
  for (const l of lines) assert.match(l, /^postmortem-lint: \S/, `a message line: ${l}`);
  if (n !== undefined) assert.equal(lines.length, n, `${n} line(s): ${stderr}`);
  return lines;
}

const isRoot = process.getuid?.() === 0;
// Dropping to "nobody" needs a checkout that user can read (not so in a root-only temp clone).
const canDropPrivileges = isRoot && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', `require('node:fs').accessSync(${JSON.stringify(CLI)}, 4)`]).status === 0;
const SAFE_FIX = '# Outage\n\n## Summary\n\nThe disk filled up and the API failed for an hour.\n\n**Timeline**\n\n- 10:00 UTC alert fired\n- 11:00 UTC disk cleaned\n\n## Root Cause\n\nLogs.\n\n## Resolution\n\nLogs deleted.\n\n## Action Items\n\n- Rotate logs (owner: @ana)\n';

describe('CLI: bad paths and files', () => {
  test('a missing path: one line, exit 2', () => {
    const root = tempTree({ 'postmortems/a.md': CLEAN });
    const r = run(root, ['postmortems/a.md', 'no/such/file.md']);
    assert.equal(r.status, 2);
    assert.deepEqual(messages(r.stderr, 1), ['postmortem-lint: no/such/file.md: no such file or directory']);
  });

  test('an unreadable file and an unreadable folder: one line each, exit 2', { skip: !isRoot || canDropPrivileges ? false : 'root without setpriv: permissions do not apply' }, () => {
    const root = tempTree({ 'postmortems/a.md': CLEAN, 'postmortems/locked/b.md': CLEAN, 'c-postmortem.md': CLEAN });
    chmodSync(root, 0o755);
    chmodSync(join(root, 'postmortems'), 0o755);
    chmodSync(join(root, 'c-postmortem.md'), 0o000);
    chmodSync(join(root, 'postmortems/locked'), 0o000);
    try {
      const as = canDropPrivileges ? 'nobody' as const : undefined;
      const file = run(root, ['c-postmortem.md'], { as });
      assert.equal(file.status, 2);
      assert.deepEqual(messages(file.stderr, 1), ['postmortem-lint: c-postmortem.md: cannot read file: permission denied']);
      const dir = run(root, ['postmortems'], { as });
      assert.equal(dir.status, 2);
      assert.match(messages(dir.stderr, 1)[0] as string, /cannot read directory .*locked: permission denied$/);
    } finally {
      chmodSync(join(root, 'postmortems/locked'), 0o755);
      chmodSync(join(root, 'c-postmortem.md'), 0o644);
    }
  });

  test('a folder without postmortems: one line, exit 2', () => {
    const root = tempTree({ 'docs/readme.md': '# Readme\n\nHow to build.\n', 'empty/.keep': '' });
    for (const dir of ['docs', 'empty']) {
      const r = run(root, [dir]);
      assert.equal(r.status, 2, `${dir}: ${r.stderr}`);
      assert.match(messages(r.stderr, 1)[0] as string, new RegExp(`^postmortem-lint: ${dir}: no postmortem`));
    }
    // Beside a folder that has some, the empty one is still reported.
    writeTree(root, 'postmortems/a.md', CLEAN);
    const both = run(root, ['postmortems', 'empty']);
    assert.equal(both.status, 2);
    messages(both.stderr, 1);
  });

  test('a binary file named explicitly: one line, exit 2; found in a folder: skipped', () => {
    const root = tempTree({ 'postmortems/a.md': CLEAN, 'postmortems/blob.md': Buffer.from(bytes(4096, 3)) });
    const r = run(root, ['postmortems/blob.md']);
    assert.equal(r.status, 2);
    assert.deepEqual(messages(r.stderr, 1), ['postmortem-lint: postmortems/blob.md: binary file (it contains NUL bytes), not checked']);
    const dir = run(root, ['--format', 'json', 'postmortems']);
    assert.equal(dir.status, 0, dir.stderr);
    assert.deepEqual((JSON.parse(dir.stdout) as { filePath: string }[]).map((f) => f.filePath), ['postmortems/a.md']);
  });

  test('invalid UTF-8 is analysed (U+FFFD in its place), and --fix never rewrites it', () => {
    const root = tempTree({ 'postmortem.md': Buffer.from(invalidUtf8()), 'fixable-postmortem.md': Buffer.concat([Buffer.from(SAFE_FIX), Buffer.from([0xff, 0xfe, 0x0a])]) });
    const r = run(root, ['--format', 'json', 'postmortem.md']);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const [file] = JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[];
    assert.ok(file && file.messages.length > 0, 'output produced');
    // --fix on a file that is not valid UTF-8 would write U+FFFD over every invalid byte.
    const original = readFileSync(join(root, 'fixable-postmortem.md'));
    const fix = runCli(['--fix', 'fixable-postmortem.md'], root);
    assert.doesNotMatch(fix.stderr, STACK);
    assert.deepEqual(readFileSync(join(root, 'fixable-postmortem.md')), original, 'the file is left byte for byte');
    assert.equal(fix.status, 2);
    assert.match(messages(fix.stderr, 1)[0] as string, /fixable-postmortem\.md: not valid UTF-8/);
  });

  test('a 20 MB file: the size-limit notice, no crash', () => {
    const root = tempTree({ 'big-postmortem.md': `${CLEAN}\n`.repeat(Math.ceil((20 << 20) / CLEAN.length)) });
    const r = run(root, ['--format', 'json', 'big-postmortem.md']);
    assert.equal(r.status, 0, r.stderr);
    const [file] = JSON.parse(r.stdout) as { messages: { ruleId: string; message: string; line: number }[] }[];
    assert.deepEqual(file?.messages.map((m) => [m.ruleId, m.line]), [['document-too-large', 1]]);
    assert.match(file?.messages[0]?.message ?? '', /^File too large to analyse \(20(\.\d)? MB > limit 2 MB\)/);
  });

  test('a closed pipe (`| head`) ends the CLI quietly, without a stack trace', () => {
    const root = tempTree(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`postmortems/${i}.md`, CLEAN.replace('## Summary', `## Summary\n\n${'TBD '.repeat(200)}`)])));
    // One large write (the JSON report) into a pipe whose reader has gone: EPIPE.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" --format json postmortems | head -c 1 >/dev/null`], { cwd: root, encoding: 'utf8' });
    assert.doesNotMatch(r.stderr, STACK);
    assert.equal(r.stderr, '');
  });
});

describe('CLI: bad configuration and usage', () => {
  const usage: [string[], RegExp][] = [
    [['--frobnicate', 'x.md'], /^postmortem-lint: unknown option "--frobnicate" \(see --help\)$/],
    [['--format', 'xml', 'x.md'], /^postmortem-lint: invalid --format "xml"/],
    [['--max-warnings', 'lots', 'x.md'], /^postmortem-lint: invalid --max-warnings "lots"/],
    [['--format'], /^postmortem-lint: option --format needs a value/],
    [['--fix', '--fix', 'x.md'], /^postmortem-lint: /],
    [[], /^postmortem-lint: no PATH given/],
    [['timeline'], /^postmortem-lint: timeline needs a FILE/],
    [['timeline', '--format', 'pdf', 'postmortems/a.md'], /^postmortem-lint: invalid --format "pdf" for timeline/],
    [['--profile', 'nope', 'postmortems/a.md'], /^postmortem-lint: --profile: unknown profile "nope"/],
    [['--config', 'missing.json', 'postmortems/a.md'], /^postmortem-lint: missing\.json: cannot read configuration: no such file or directory$/],
  ];
  for (const [args, expected] of usage) {
    test(`postmortem-lint ${args.join(' ')}: one line, exit 2`, () => {
      const root = tempTree({ 'postmortems/a.md': CLEAN });
      const r = run(root, args);
      assert.equal(r.status, 2);
      assert.match(messages(r.stderr, 1)[0] as string, expected);
    });
  }

  test('an invalid .postmortemrc: its problems, each on one line, exit 2', () => {
    const root = tempTree({ 'postmortems/a.md': CLEAN, 'postmortems/.postmortemrc.json': '{ "profile": 3, "rules": { "nope": "off", "placeholder-text": "loud" } }' });
    const r = run(root, ['postmortems']);
    assert.equal(r.status, 2);
    const lines = messages(r.stderr);
    assert.equal(lines.length, 3, r.stderr);
    assert.ok(lines.every((l) => l.startsWith('postmortem-lint: postmortems/.postmortemrc.json:')), r.stderr);
    const broken = run(tempTree({ 'postmortems/a.md': CLEAN, 'postmortems/.postmortemrc.json': '{ "profile": ' }), ['postmortems']);
    assert.equal(broken.status, 2);
    assert.ok(messages(broken.stderr).length >= 1);
  });

  test('configuration is data: a JavaScript config is never loaded or run', () => {
    const marker = (root: string) => existsSync(join(root, 'ran'));
    const js = "require('fs').writeFileSync(__dirname + '/ran', 'x'); module.exports = { profile: 'google-sre' };";
    const root = tempTree({ 'postmortems/a.md': CLEAN, 'postmortems/.postmortemrc.js': js, 'postmortems/.postmortemrc.cjs': js, 'postmortems/.postmortemrc.mjs': "import('fs').then((fs) => fs.writeFileSync(new URL('./ran', import.meta.url), 'x'));", 'postmortem.config.js': js });
    const r = run(root, ['--format', 'json', 'postmortems']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(marker(root) || marker(join(root, 'postmortems')), false, 'no JavaScript ran');
    const explicit = run(root, ['--config', 'postmortems/.postmortemrc.js', 'postmortems/a.md']);
    assert.equal(explicit.status, 2);
    assert.equal(marker(root) || marker(join(root, 'postmortems')), false, 'no JavaScript ran');
  });
});

describe('CLI: writes only with --fix', () => {
  test('--fix changes only the files it fixes, and a second run changes nothing', () => {
    const root = tempTree({ 'postmortems/fix-me.md': SAFE_FIX, 'postmortems/clean.md': CLEAN, 'postmortems/notes.txt': 'not a postmortem\n' });
    const clean = readFileSync(join(root, 'postmortems/clean.md'));
    runCli(['--fix', 'postmortems'], root);
    assert.notEqual(readFileSync(join(root, 'postmortems/fix-me.md'), 'utf8'), SAFE_FIX, 'the safe fix was applied');
    assert.deepEqual(readFileSync(join(root, 'postmortems/clean.md')), clean);
    const before = checksum(root);
    runCli(['--fix', 'postmortems'], root);
    assert.equal(checksum(root), before, 'fixing is idempotent');
    writeFileSync(join(root, 'postmortems/fix-me.md'), SAFE_FIX);
    run(root, ['postmortems']);
    run(root, ['--format', 'sarif', 'postmortems']);
    run(root, ['timeline', '--format', 'html', 'postmortems/fix-me.md']);
  });
});
