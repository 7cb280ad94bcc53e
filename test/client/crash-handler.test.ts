// The client's crash handler without the editor: a crashed server is restarted 4 times within
// 3 minutes and the user is told each time ("restarting (n/4)…"); the 5th crash stops it with a
// message naming the restart command; old crashes age out; a manual restart starts a new count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { CrashHandler, MAX_RESTARTS, RESTART_WINDOW_MS } from '../../client/src/crash-handler';

const RESTART = 2;
const DO_NOT_RESTART = 1;

function handler() {
  const shown: string[] = [];
  let clock = 1_000_000;
  const h = new CrashHandler({ restarting: (m) => shown.push(`warning: ${m}`), stopped: (m) => shown.push(`error: ${m}`) }, () => clock);
  return { h, shown, advance: (ms: number) => (clock += ms) };
}

test('crashes 1–4 restart the server and say so; the 5th within 3 minutes stops it and says how to restart', () => {
  const { h, shown, advance } = handler();
  for (let n = 1; n <= MAX_RESTARTS; n++) {
    const r = h.closed();
    assert.equal(r instanceof Promise, false);
    assert.deepEqual(r, { action: RESTART, message: `Postmortem language server crashed; restarting (${n}/4)…`, handled: true });
    advance(10_000);
  }
  assert.deepEqual(h.closed(), {
    action: DO_NOT_RESTART, handled: true,
    message: "Postmortem language server crashed 5 times in 3 minutes and was stopped; run 'Postmortem: Restart Server' to start it again (details in the 'Postmortem Lint' output).",
  });
  assert.deepEqual(shown.map((s) => s.replace(/ \(\d\/4\)…$| times in 3 minutes.*$/, '')), [
    ...[1, 2, 3, 4].map(() => 'warning: Postmortem language server crashed; restarting'),
    'error: Postmortem language server crashed 5',
  ]);
});

test('crashes older than 3 minutes no longer count; a manual restart starts a new count', () => {
  const { h, advance } = handler();
  for (let i = 0; i < 20; i++) {
    // One crash a minute: never 5 within 3 minutes, so always restarted, at most at 3/4.
    const r = h.closed();
    assert.equal((r as { action: number }).action, RESTART, `crash ${i}`);
    assert.match((r as { message: string }).message, /restarting \([123]\/4\)/);
    advance(RESTART_WINDOW_MS / 3);
  }
  const fresh = handler();
  for (let i = 0; i < MAX_RESTARTS; i++) fresh.h.closed();
  fresh.h.reset();
  assert.match((fresh.h.closed() as { message: string }).message, /restarting \(1\/4\)/);
  // After giving up, a restart by the user gets 4 more restarts.
  for (let i = 0; i < 4; i++) fresh.h.closed();
  assert.equal((fresh.h.closed() as { action: number }).action, RESTART, 'the count started again after it stopped');
});

test('connection errors: continue for the first 3, then shut down (the library default)', () => {
  const { h } = handler();
  assert.deepEqual([1, 2, 3, 4, undefined].map((count) => (h.error(new Error('x'), undefined, count) as { action: number }).action), [1, 1, 1, 2, 2]);
});

test('the action values are vscode-languageclient\'s enums, and the command named is the restart command', () => {
  const main = createRequire(import.meta.url).resolve('vscode-languageclient');
  const lib = readFileSync(new URL('client.js', pathToFileURL(main)), 'utf8');
  for (const [name, value] of [['ErrorAction["Continue"]', 1], ['ErrorAction["Shutdown"]', 2], ['CloseAction["DoNotRestart"]', DO_NOT_RESTART], ['CloseAction["Restart"]', RESTART]] as const) {
    assert.ok(lib.includes(`${name} = ${value}]`), `${name} = ${value}`);
  }
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { contributes: { commands: { command: string; title: string; category: string }[] } };
  const restart = pkg.contributes.commands.find((c) => c.command === 'postmortem.restartServer');
  assert.equal(`${restart?.category}: ${restart?.title}`, 'Postmortem: Restart Server');
});
