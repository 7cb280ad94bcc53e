// Runs the README's Neovim configuration in headless Neovim against the bundled server and
// checks that diagnostics arrive. Skipped when `nvim` is not installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT, SERVER, withTimeout } from './harness';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const available = nvim.status === 0;

/** The Lua block of the README section on Neovim: the test proves the documented config works. */
function readmeConfig(): string {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Using the server from other editors (Neovim)'));
  const lua = section && /```lua\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(lua, 'README has a ```lua block under "## Using the server from other editors (Neovim)"');
  return lua;
}

// Polls inside Neovim with a deadline (vim.wait), then prints what it got and quits.
const CHECK = `
local ok = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, { code = d.code, lnum = d.lnum, source = d.source })
end
io.stdout:write('RESULT ' .. vim.fn.json_encode({ ok = ok, diagnostics = out }) .. '\\n')
vim.cmd('qa!')
`;

test('Neovim (headless) gets diagnostics from the server with the README configuration', { skip: available ? false : 'nvim is not on PATH' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pm-nvim-'));
  try {
    writeFileSync(join(dir, 'init.lua'), readmeConfig());
    writeFileSync(join(dir, 'check.lua'), CHECK);
    copyFileSync(`${FIXTURES}checkout-outage.md`, join(dir, 'checkout-outage.md'));
    const child = spawn('nvim', ['--headless', '--clean', '-u', join(dir, 'init.lua'), '-c', `luafile ${join(dir, 'check.lua')}`, join(dir, 'checkout-outage.md')], {
      cwd: dir,
      env: { ...process.env, POSTMORTEM_LSP: SERVER },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const code = await withTimeout(new Promise<number | null>((resolve) => child.on('exit', resolve)), 'nvim to exit', 30_000).finally(() => child.kill());
    assert.equal(code, 0);
    const line = /RESULT (.*)/.exec(stdout)?.[1];
    assert.ok(line, `nvim printed a result (stdout: ${stdout})`);
    const result = JSON.parse(line) as { ok: boolean; diagnostics: { code: string; lnum: number; source: string }[] };
    assert.equal(result.ok, true);
    assert.deepEqual(result.diagnostics.map((d) => `${d.code}@${d.lnum}`).sort(), ['missing-section@0', 'placeholder-text@4']);
    assert.ok(result.diagnostics.every((d) => d.source === 'postmortem'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
