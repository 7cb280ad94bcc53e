// Measures every bad input of test/reliability/inputs.ts in its own child process, through the
// engine and through the CLI bundle: CPU time, wall time, peak memory (max RSS) and what came out.
// Each input is run RUNS times through each (a fresh process every time) and the median is
// printed. Prints the machine and the Markdown table of docs/reliability.md. Not part of
// `npm test` (timings vary with the machine); needs the bundles (npm run build). Run:
//   node --import tsx test/reliability/measure.ts [--runs N] [name…]      (N defaults to 3)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BAD_INPUTS } from './inputs';

const ROOT = resolve(import.meta.dirname, '../..');
const TIMEOUT_MS = Number(process.env.MEASURE_TIMEOUT_MS ?? 300_000);
const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(argv[runsAt + 1]) : 3;
const only = argv.filter((_, i) => i !== runsAt && i !== runsAt + 1);
const dir = mkdtempSync(join(tmpdir(), 'pm-bad-'));

interface Timed { status: number | null; stdout: string; stderr: string; wallMs: number; cpuMs?: number; maxRssMb?: number; timedOut: boolean }

/**
 * Runs `node ARGS` under `/usr/bin/time -v` (peak memory of the whole child) in its own process
 * group, so a run that times out is killed with everything it started.
 */
function timed(args: string[]): Promise<Timed> {
  const useTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const child = spawn(useTime ? '/usr/bin/time' : process.execPath, useTime ? ['-v', process.execPath, ...args] : args, { cwd: ROOT, detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    process.kill(-(child.pid as number), 'SIGKILL');
  }, TIMEOUT_MS);
  return new Promise((done) => child.on('close', (code) => {
    clearTimeout(timer);
    const num = (re: RegExp) => Number(re.exec(stderr)?.[1]);
    const user = num(/User time \(seconds\): ([\d.]+)/);
    const sys = num(/System time \(seconds\): ([\d.]+)/);
    const rssKb = num(/Maximum resident set size \(kbytes\): (\d+)/);
    const status = /Exit status: (\d+)/.exec(stderr)?.[1];
    done({
      status: status !== undefined ? Number(status) : code, stdout, stderr: stderr.replace(/\s*(?:Command exited with non-zero status \d+\s*)?\tCommand being timed:[\s\S]*$/, '').trim(),
      wallMs: Math.round(performance.now() - started), timedOut,
      cpuMs: Number.isFinite(user) ? Math.round((user + sys) * 1000) : undefined,
      maxRssMb: Number.isFinite(rssKb) ? Math.round(rssKb / 1024) : undefined,
    });
  }));
}

const median = (xs: (number | undefined)[]): number | undefined => {
  const v = xs.filter((x): x is number => x !== undefined).sort((a, b) => a - b);
  return v.length ? (v[Math.floor((v.length - 1) / 2)] as number) : undefined;
};
/** RUNS runs of `node ARGS`: the last one (for its output), with the median of each figure. */
async function repeated(args: string[]): Promise<Timed & { runs: Timed[] }> {
  const all: Timed[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await timed(args);
    all.push(t);
    if (t.timedOut) break;
  }
  const last = all[all.length - 1] as Timed;
  return { ...last, runs: all, wallMs: median(all.map((t) => t.wallMs)) as number, cpuMs: median(all.map((t) => t.cpuMs)), maxRssMb: median(all.map((t) => t.maxRssMb)) };
}

const cpuModel = /model name\s*:\s*(.*)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? cpus()[0]?.model;
const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');
console.log(`machine: ${cpus().length} × ${cpuModel}, Node ${process.version}, ${process.platform}; load average before: ${load()}; median of ${RUNS} runs`);

const rows: string[] = [];
for (const input of BAD_INPUTS) {
  if (only.length && !only.includes(input.name)) continue;
  const data = input.make();
  const file = join(dir, `${input.name}.md`);
  writeFileSync(file, data);
  const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  const engine = await repeated(['--import', 'tsx', 'test/reliability/analyze-file.ts', file]);
  let engineOut = engine.timedOut ? 'TIMEOUT' : engine.status !== 0 ? `CRASH: ${engine.stderr.split('\n').find((l) => /Error/.test(l)) ?? engine.stderr.slice(0, 120)}` : '';
  if (!engineOut) {
    const r = JSON.parse(engine.stdout.trim().split('\n').pop() as string) as { problems: Record<string, number>; ruleErrors: string[]; cpuMs: number; blocks: number; timelineEntries: number; messages: string[] };
    // The analysis alone (no process start, no module loading), median of the runs.
    const analyse = median(engine.runs.map((t) => (JSON.parse(t.stdout.trim().split('\n').pop() ?? '{}') as { cpuMs?: number }).cpuMs));
    engineOut = `analyse ${analyse} ms; ${Object.entries(r.problems).map(([k, v]) => `${k}×${v}`).join(', ') || 'no problems'}${r.ruleErrors.length ? `; RULE ERRORS ${r.ruleErrors.join(' / ')}` : ''}; ${r.timelineEntries} timeline entries`;
    if (r.problems['document-too-large']) engineOut = `stops: "${r.messages[0]}"`;
  }
  const cli = await repeated(['dist/cli.js', '--format', 'json', file]);
  const cliOut = cli.timedOut ? 'TIMEOUT' : `exit ${cli.status}${cli.stderr ? `, stderr "${cli.stderr.split('\n')[0]?.replace(dir + '/', '')}"` : ''}`;
  const mb = (size / 1024 / 1024).toFixed(size < 1 << 20 ? 2 : 1);
  const row = (`| ${input.description} | ${mb} MB | ${engine.cpuMs ?? '?'} ms / ${engine.maxRssMb ?? '?'} MB | ${engineOut} | ${cli.wallMs} ms / ${cli.cpuMs ?? '?'} ms / ${cli.maxRssMb ?? '?'} MB | ${cliOut} |`);
  rows.push(row);
  console.error(row);
}
rmSync(dir, { recursive: true, force: true });
console.log(`load average after: ${load()}`);
console.log('| input | size | engine: CPU / peak RSS | engine: behaviour | CLI: wall / CPU / peak RSS | CLI: behaviour |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
