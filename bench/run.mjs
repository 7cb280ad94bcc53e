// `npm run bench`: the performance figures of issue 7, printed as a table and written to
// bench/results/latest.json. Uses the built bundles in dist/ (run `npm run build` first).
//
//   node bench/run.mjs [--runs N] [--edits N] [--push-edits N] [--quick] [--only cold,lsp,memory,responsive,client]
//
// 1. Cold analysis: postmortem-lint against markdownlint-cli2 (whole processes, same files,
//    same run, alternating order) on ../shared/corpus/docs (skipped when absent) and generated
//    200 KB and 2 MB postmortems; plus our engine's in-process time.
// 2. Edit latency over LSP against the real server: single-character edits at random places
//    (fixed seed) in the 200 KB postmortem, didChange to that version's diagnostics, pull mode
//    (textDocument/diagnostic) and push mode (publishDiagnostics with the version). The bench
//    client sets postmortem.debounce to 0, so this is analysis latency without the debounce.
// 3. Server RSS after the edits, and with 200 documents of mixed sizes open.
// 4. Request latency (hover, else completion) while a 2 MB document is analysed.
// 5. Extension activation time (fake `vscode` harness) and VSIX size.
//
// The machine is shared and noisy: every figure is a median (or percentile) over several runs,
// wall time is reported next to CPU time (user + system), and the load average is recorded.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEngine } from './engine.mjs';
import { generatePostmortem } from './generate.mjs';
import { load1, machine, median, percentile, round, runJson, timeProcess } from './stats.mjs';
import { table, TARGETS, writeDocs } from './report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'docs');
const OURS = join(ROOT, 'dist', 'cli.js');
const MARKDOWNLINT = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');


function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const quick = process.argv.includes('--quick');
const RUNS = Number(option('runs', quick ? 3 : 5));
const EDITS = Number(option('edits', quick ? 100 : 1000));
const PUSH_EDITS = Number(option('push-edits', quick ? 50 : 300));
const ONLY = option('only', 'cold,lsp,memory,responsive,client').split(',');

const log = (...args) => console.error('[bench]', ...args);

function generateFiles(dir) {
  const files = {};
  // "2 MB" is 2,000,000 bytes: the engine does not analyse documents over 2 MiB (parse/limits.ts).
  for (const [name, kb, seed] of [['postmortem-200k.md', 200, 1], ['postmortem-2m.md', 1953, 2]]) {
    const path = join(dir, name);
    writeFileSync(path, generatePostmortem(kb, seed));
    files[name] = path;
  }
  return files;
}

/** Mixed sizes: the real corpus (or small generated ones without it), 40 medium, 10 large. */
function manyDocuments(dir) {
  const out = [];
  const docs = join(dir, 'many');
  mkdirSync(docs);
  const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md')).map((f) => join(CORPUS, f)) : [];
  let n = 0;
  const add = (kb) => {
    const path = join(docs, `postmortem-${String(n).padStart(3, '0')}-${kb}k.md`);
    writeFileSync(path, generatePostmortem(kb, 100 + n++));
    out.push(path);
  };
  for (let i = 0; i < 10; i++) add(200);
  for (let i = 0; i < 40; i++) add(i % 2 ? 32 : 64);
  out.push(...corpus.slice(0, 150 - 0));
  while (out.length < 200) add([4, 8, 16][out.length % 3]);
  const manifest = join(dir, 'many.txt');
  writeFileSync(manifest, out.slice(0, 200).join('\n'));
  return manifest;
}

async function cold(datasets, engine) {
  const results = [];
  for (const [name, files] of datasets) {
    log(`cold: ${name} (${files.length} files), ${RUNS} alternating runs`);
    const ours = [];
    const theirs = [];
    const inProcess = [];
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours'];
      for (const who of order) {
        const t = who === 'ours' ? await timeProcess(process.execPath, [OURS, ...files], { cwd: tmpdir() }) : await timeProcess(process.execPath, [MARKDOWNLINT, ...files], { cwd: tmpdir() });
        if (t.exitCode !== undefined && t.exitCode > 1) throw new Error(`${who} exited ${t.exitCode} on ${name}`);
        (who === 'ours' ? ours : theirs).push({ ...t, load: load1() });
      }
      inProcess.push(await runJson([join(ROOT, 'bench', 'engine.mjs'), 'cold', engine, ...files], { timeoutMs: 600_000 }));
    }
    const m = (list, key) => median(list.map((x) => x[key]));
    results.push({
      dataset: name, files: files.length, bytes: inProcess[0]?.bytes, runs: RUNS,
      postmortemLint: { wallMs: m(ours, 'wallMs'), cpuMs: m(ours, 'cpuMs'), runs: ours },
      markdownlintCli2: { wallMs: m(theirs, 'wallMs'), cpuMs: m(theirs, 'cpuMs'), runs: theirs },
      engineInProcess: { wallMs: m(inProcess, 'wallMs'), cpuMs: m(inProcess, 'cpuMs'), runs: inProcess },
      ratioWall: m(ours, 'wallMs') / m(theirs, 'wallMs'),
      ratioCpu: m(ours, 'cpuMs') / m(theirs, 'cpuMs'),
    });
  }
  return results;
}

function latencySummary(r) {
  return { mode: r.mode, edits: r.edits, warmup: r.warmup, p50Ms: percentile(r.times, 50), p95Ms: percentile(r.times, 95), p99Ms: percentile(r.times, 99), maxMs: Math.max(...r.times), firstAnalysisMs: r.firstAnalysisMs, rssAfterEditsMb: r.memoryAfterEdits.rssMb, peakRssMb: r.memoryAfterEdits.peakRssMb, serverStartupMs: r.startupMs, serverStartupCpuMs: r.startupCpuMs, serverCpuPerEditMs: r.serverCpuPerEditMs, times: r.times.map((t) => round(t, 2)) };
}

/** Runs one part of the bench; a failure is recorded in the result and the other parts still run. */
async function section(result, name, fn) {
  try {
    await fn();
  } catch (error) {
    log(`${name} failed:`, error);
    (result.errors ??= {})[name] = String(error?.message ?? error).slice(0, 2000);
  }
}

async function main() {
  const started = new Date();
  const work = mkdtempSync(join(tmpdir(), 'postmortem-bench-'));
  const result = { date: started.toISOString(), machine: machine(), options: { runs: RUNS, edits: EDITS, pushEdits: PUSH_EDITS, quick }, targets: TARGETS };
  try {
    const files = generateFiles(work);
    const engine = await buildEngine(work);
    if (ONLY.includes('cold')) await section(result, 'cold', async () => {
      const datasets = [];
      if (existsSync(CORPUS)) datasets.push(['corpus', readdirSync(CORPUS).sort().map((f) => join(CORPUS, f))]);
      else log(`cold: ${CORPUS} is absent; corpus skipped`);
      datasets.push(['generated 200 KB', [files['postmortem-200k.md']]], ['generated 2 MB', [files['postmortem-2m.md']]]);
      result.cold = await cold(datasets, engine);
      result.coldCorpusSkipped = !existsSync(CORPUS);
    });
    if (ONLY.includes('lsp')) await section(result, 'lsp', async () => {
      log(`edit latency: pull, ${EDITS} edits on 200 KB`);
      const pull = await runJson([join(ROOT, 'bench', 'lsp.mjs'), 'latency', files['postmortem-200k.md'], String(EDITS), '7', 'pull'], { timeoutMs: 3_600_000 });
      log(`edit latency: push, ${PUSH_EDITS} edits on 200 KB`);
      const push = await runJson([join(ROOT, 'bench', 'lsp.mjs'), 'latency', files['postmortem-200k.md'], String(PUSH_EDITS), '8', 'push'], { timeoutMs: 3_600_000 });
      result.editLatency = { pull: latencySummary(pull), push: latencySummary(push) };
      log('edit latency: engine in-process, 300 edits on 200 KB');
      const inProcess = await runJson([join(ROOT, 'bench', 'engine.mjs'), 'edits', engine, files['postmortem-200k.md'], '300', '7'], { timeoutMs: 3_600_000 });
      result.editLatency.engine = { edits: 300, p50WallMs: percentile(inProcess.wallMs, 50), p95WallMs: percentile(inProcess.wallMs, 95), p99WallMs: percentile(inProcess.wallMs, 99), p50CpuMs: percentile(inProcess.cpuMs, 50), p95CpuMs: percentile(inProcess.cpuMs, 95), p99CpuMs: percentile(inProcess.cpuMs, 99) };
    });
    if (ONLY.includes('memory')) await section(result, 'memory', async () => {
      log('memory: 200 documents open');
      result.manyDocuments = await runJson([join(ROOT, 'bench', 'lsp.mjs'), 'many', manyDocuments(work)], { timeoutMs: 3_600_000 });
    });
    if (ONLY.includes('responsive')) await section(result, 'responsive', async () => {
      log('responsiveness: requests while a 2 MB document is analysed');
      const small = join(work, 'postmortem-small.md');
      writeFileSync(small, generatePostmortem(4, 9));
      const r = await runJson([join(ROOT, 'bench', 'lsp.mjs'), 'responsive', files['postmortem-2m.md'], small], { timeoutMs: 3_600_000 });
      const lat = r.duringAnalysis.map((d) => d.latencyMs);
      result.responsiveness = { ...r, duringAnalysisP50Ms: percentile(lat, 50), duringAnalysisP90Ms: percentile(lat, 90), duringAnalysisMaxMs: lat.length ? Math.max(...lat) : undefined };
    });
    if (ONLY.includes('client')) await section(result, 'client', async () => {
      log('extension: activation (fake vscode harness) and VSIX size');
      const activations = [];
      for (let i = 0; i < RUNS; i++) activations.push(await runJson([join(ROOT, 'bench', 'client.mjs'), 'activation']));
      const vsix = await runJson([join(ROOT, 'bench', 'client.mjs'), 'vsix'], { timeoutMs: 900_000, env: { POSTMORTEM_BENCH_RUNS: String(RUNS) } });
      result.extension = {
        activation: {
          harness: 'fake vscode module; require(dist/extension.cjs) + activate(context), fresh process per run',
          codeLoadingMs: median(activations.map((a) => a.codeLoadingMs)), activateCallMs: median(activations.map((a) => a.activateCallMs)), totalMs: median(activations.map((a) => a.totalMs)), cpuMs: median(activations.map((a) => a.cpuMs)),
          productionTotalMs: median(vsix.activation.map((a) => a.totalMs)), productionCpuMs: median(vsix.activation.map((a) => a.cpuMs)),
          runs: activations, production: vsix.activation,
        },
        vsix,
      };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  result.machine.loadAverageAtEnd = machine().loadAverage;
  result.durationS = round((Date.now() - started.getTime()) / 1000, 0);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  // Every run's and edit's figure goes to a git-ignored file; latest.json keeps the summary.
  writeFileSync(join(ROOT, 'bench', 'results', 'latest-raw.json.tmp'), `${JSON.stringify(result)}\n`);
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), `${JSON.stringify(summary(result), null, 2)}\n`);
  console.log(table(result));
  // Only a full run goes into docs/benchmarks.md: a partial or quick one would replace figures with gaps.
  if (!quick && ONLY.length === 5 && !result.errors) log(`wrote ${writeDocs(result)}`);
}

/** The result without per-run and per-edit lists (medians and percentiles stay). */
function summary(result) {
  return JSON.parse(JSON.stringify(result, (key, value) => (['runs', 'times', 'duringAnalysis', 'settledTrace', 'production'].includes(key) && Array.isArray(value) ? undefined : value)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
