// Runs the real CLI bundle (dist/cli.js, built by scripts/test.mjs) in a child process, and
// makes throw-away folders of postmortems for it. POSTMORTEM_CLI points at another bundle.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const CLI = process.env['POSTMORTEM_CLI'] ?? join(repoRoot, 'dist/cli.js');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd = repoRoot): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder removed when the process exits; `files` maps relative paths to contents. */
export function tempTree(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'pm-cli-'));
  process.on('exit', () => rmSync(root, { recursive: true, force: true }));
  for (const [rel, content] of Object.entries(files)) writeTree(root, rel, content);
  return root;
}

export function writeTree(root: string, rel: string, content: string | Buffer): string {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** A complete postmortem that no rule reports. */
export const CLEAN = `# Checkout outage on 2024-03-05

## Summary

For forty minutes on 2024-03-05 the checkout service answered most requests with errors.
A release with a broken payment client caused it; rolling the release back ended it.

## Timeline (all times UTC)

- 10:00 Release 42 starts rolling out
- 10:05 Error-rate alert fires and the on-call engineer is paged
- 10:20 Rollback of release 42 starts
- 10:40 Error rate back to normal, incident resolved

## Root Cause

The payment client in release 42 opened a new connection for every request and exhausted the pool.

## Resolution

Release 42 was rolled back and the connection pool drained within minutes.

## Action Items

- Add a connection-pool saturation alert (owner: @dana)
- Run the payment client under load before release (owner: @omar)
`;

/** The same postmortem with problems for several rules (the timeline is kept clean). */
export const FLAWED = `# Checkout outage on 2024-03-05

## Summary

For forty minutes on 2024-03-05 the checkout service answered most requests with errors.
A release with a broken payment client caused it; rolling the release back ended it.

**Timeline (all times UTC)**

- 10:00 Release 42 starts rolling out
- 10:40 Error rate back to normal, incident resolved

## Root Cause

TBD

## Action Items

- Add a connection-pool saturation alert
`;
