// Measures every bad input of test/reliability/inputs.ts in its own child process, through the
// engine and through the CLI bundle: CPU time, wall time, peak memory (max RSS) and what came out.
// Prints the Markdown table of docs/reliability.md. Not part of `npm test` (timings vary with
// the machine); run: node --import tsx test/reliability/measure.ts [name…]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BAD_INPUTS } from './inputs';

const ROOT = resolve(import.meta.dirname, '../..');
const TIMEOUT_MS = 180_000;
const only = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'pm-bad-'));

/** `/usr/bin/time -v` when present: peak memory of the whole child (Node's own maxRSS otherwise). */
function timed(args: string[]): { status: number | null; stdout: string; stderr: string; wallMs: number; cpuMs?: number; maxRssMb?: number; timedOut: boolean } {
  const useTime = spawnSync('/usr/bin/time', ['-v', 'true']).status === 0;
  const started = performance.now();
  const run = spawnSync(useTime ? '/usr/bin/time' : process.execPath, useTime ? ['-v', process.execPath, ...args] : args, { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 256 << 20 });
  const wallMs = Math.round(performance.now() - started);
  const stderr = run.stderr ?? '';
  const num = (re: RegExp) => Number(re.exec(stderr)?.[1]);
  const user = num(/User time \(seconds\): ([\d.]+)/);
  const sys = num(/System time \(seconds\): ([\d.]+)/);
  const rssKb = num(/Maximum resident set size \(kbytes\): (\d+)/);
  return {
    status: run.status, stdout: run.stdout ?? '', stderr: stderr.replace(/\tCommand being timed:[\s\S]*$/, '').trim(), wallMs,
    cpuMs: Number.isFinite(user) ? Math.round((user + sys) * 1000) : undefined,
    maxRssMb: Number.isFinite(rssKb) ? Math.round(rssKb / 1024) : undefined,
    timedOut: run.error !== undefined && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT',
  };
}

const rows: string[] = [];
for (const input of BAD_INPUTS) {
  if (only.length && !only.includes(input.name)) continue;
  const data = input.make();
  const file = join(dir, `${input.name}.md`);
  writeFileSync(file, data);
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  const engine = timed(['--import', 'tsx', 'test/reliability/analyze-file.ts', file]);
  let engineOut = engine.timedOut ? 'TIMEOUT' : engine.status !== 0 ? `CRASH: ${engine.stderr.split('\n').find((l) => /Error/.test(l)) ?? engine.stderr.slice(0, 120)}` : '';
  if (!engineOut) {
    const r = JSON.parse(engine.stdout.trim().split('\n').pop() as string) as { problems: Record<string, number>; ruleErrors: string[]; cpuMs: number; blocks: number; timelineEntries: number; messages: string[] };
    engineOut = `analyse ${r.cpuMs} ms; ${Object.entries(r.problems).map(([k, v]) => `${k}×${v}`).join(', ') || 'no problems'}${r.ruleErrors.length ? `; RULE ERRORS ${r.ruleErrors.join(' / ')}` : ''}; ${r.timelineEntries} timeline entries`;
    if (r.problems['document-too-large']) engineOut = `stops: "${r.messages[0]}"`;
  }
  const cli = timed(['dist/cli.js', '--format', 'json', file]);
  const cliOut = cli.timedOut ? 'TIMEOUT' : `exit ${cli.status}${cli.stderr ? `, stderr "${cli.stderr.split('\n')[0]?.replace(dir + '/', '')}"` : ''}`;
  const mb = (size / 1024 / 1024).toFixed(size < 1 << 20 ? 2 : 1);
  rows.push(`| ${input.description} | ${mb} MB | ${engine.cpuMs ?? '?'} ms / ${engine.maxRssMb ?? '?'} MB | ${engineOut} | ${cli.wallMs} ms / ${cli.maxRssMb ?? '?'} MB | ${cliOut} |`);
  console.error(`${input.name}: done`);
}
rmSync(dir, { recursive: true, force: true });
console.log('| input | size | engine: CPU / peak RSS | engine: behaviour | CLI: wall / peak RSS | CLI: behaviour |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
