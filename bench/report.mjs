// The benchmark's figures as Markdown: the table `npm run bench` prints, and the same table
// written into docs/benchmarks.md between its markers, so the page always shows the last full
// run (the prose around it explains the figures and is written by hand).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';

export const TARGETS = {
  coldRatio: 0.5,
  editP95Ms: 15,
  twoMbMs: 2000,
  manyDocsRssMb: 150,
  vsixBytes: 2 * 1024 * 1024,
  activationMs: 100,
};

const DOC = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const BEGIN = '<!-- bench:results:begin (written by `npm run bench`) -->';
const END = '<!-- bench:results:end -->';

const f0 = (x) => (x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));
const f1 = (x) => (x === undefined ? '—' : x.toFixed(1));
const f2 = (x) => (x === undefined ? '—' : x.toFixed(2));
const verdict = (ok) => (ok === undefined ? '' : ok ? 'met' : 'MISSED');

export function table(r) {
  const rows = [];
  const m = r.machine;
  rows.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}; load average ${m.loadAverage.join(' ')} at start, ${m.loadAverageAtEnd?.join(' ') ?? '?'} at end. Medians of ${r.options.runs} alternating runs.`);
  rows.push('');
  if (r.cold) {
    rows.push('| cold analysis | files | size | postmortem-lint wall / CPU ms | markdownlint-cli2 wall / CPU ms | ratio wall / CPU | engine in-process wall / CPU ms | target ≤ 0.5 |');
    rows.push('|---|---:|---:|---:|---:|---:|---:|---|');
    for (const c of r.cold) {
      rows.push(`| ${c.dataset} | ${c.files} | ${f0(c.bytes / 1024)} KB | ${f0(c.postmortemLint.wallMs)} / ${f0(c.postmortemLint.cpuMs)} | ${f0(c.markdownlintCli2.wallMs)} / ${f0(c.markdownlintCli2.cpuMs)} | ${f2(c.ratioWall)} / ${f2(c.ratioCpu)} | ${f0(c.engineInProcess.wallMs)} / ${f0(c.engineInProcess.cpuMs)} | ${verdict(c.ratioCpu <= TARGETS.coldRatio)} |`);
    }
    const two = r.cold.find((c) => c.dataset === 'generated 2 MB');
    if (two) rows.push(`| 2 MB analysed (engine, in-process) | | | | | | ${f0(two.engineInProcess.wallMs)} / ${f0(two.engineInProcess.cpuMs)} | target < 2,000 ms: ${verdict(two.engineInProcess.cpuMs < TARGETS.twoMbMs)} |`);
    rows.push('');
  }
  if (r.editLatency) {
    rows.push('| edit latency, 200 KB (debounce 0) | edits | p50 ms | p95 ms | p99 ms | max ms | server CPU per edit | target p95 ≤ 15 ms |');
    rows.push('|---|---:|---:|---:|---:|---:|---:|---|');
    for (const l of [r.editLatency.pull, r.editLatency.push]) rows.push(`| LSP ${l.mode} (didChange → diagnostics), wall | ${l.edits} | ${f1(l.p50Ms)} | ${f1(l.p95Ms)} | ${f1(l.p99Ms)} | ${f1(l.maxMs)} | ${f1(l.serverCpuPerEditMs)} ms (mean) | ${verdict(l.p95Ms <= TARGETS.editP95Ms)} |`);
    const e = r.editLatency.engine;
    if (e) rows.push(`| engine in-process, wall (CPU) | ${e.edits} | ${f1(e.p50WallMs)} (${f1(e.p50CpuMs)}) | ${f1(e.p95WallMs)} (${f1(e.p95CpuMs)}) | ${f1(e.p99WallMs)} (${f1(e.p99CpuMs)}) | | | |`);
    rows.push('');
  }
  rows.push('| memory and start-up | value | target |');
  rows.push('|---|---:|---|');
  if (r.editLatency) rows.push(`| server RSS after ${r.editLatency.pull.edits + r.editLatency.pull.warmup} edits of the 200 KB document | ${f0(r.editLatency.pull.rssAfterEditsMb)} MB (peak ${f0(r.editLatency.pull.peakRssMb)} MB) | |`);
  if (r.manyDocuments) rows.push(`| server RSS with ${r.manyDocuments.documents} documents open (${f1(r.manyDocuments.bytes / 2 ** 20)} MB of text, all analysed) | ${f0(r.manyDocuments.rssMb)} MB (peak ${f0(r.manyDocuments.peakRssMb)} MB, idle ${f0(r.manyDocuments.idleRssMb)} MB) | ≤ 150 MB: ${verdict(r.manyDocuments.rssMb <= TARGETS.manyDocsRssMb)} |`);
  if (r.editLatency) rows.push(`| server start-up, dev bundle (spawn → initialize answered), wall / CPU | ${f0(r.editLatency.pull.serverStartupMs)} / ${f0(r.editLatency.pull.serverStartupCpuMs)} ms | |`);
  if (r.responsiveness) {
    const s = r.responsiveness;
    rows.push(`| ${s.probe} on another document while a 2 MB document is analysed (${f0(s.analysisMs)} ms) | p50 ${f0(s.duringAnalysisP50Ms)} ms, max ${f0(s.duringAnalysisMaxMs)} ms (idle ${f0(median(s.idleLatencyMs))} ms) | never blocks |`);
    rows.push(`| ${s.probe} while the 2 MB document is re-analysed after an edit (${f0(s.reanalysisMs)} ms) | ${f0(s.duringReanalysisMs[0])} ms | |`);
  }
  if (r.extension) {
    const a = r.extension.activation;
    rows.push(`| extension activation, dev bundle (load + activate(), fake vscode), wall / CPU | ${f0(a.totalMs)} / ${f0(a.cpuMs)} ms (load ${f0(a.codeLoadingMs)} + activate ${f0(a.activateCallMs)}) | |`);
    rows.push(`| extension activation, production (minified) bundle, wall / CPU | ${f0(a.productionTotalMs)} / ${f0(a.productionCpuMs)} ms | ≤ 100 ms: ${verdict(a.productionCpuMs <= TARGETS.activationMs)} (CPU) |`);
    const starts = r.extension.vsix.productionServerStartupMs;
    rows.push(`| server start-up, production bundle (spawn → initialize answered), wall / CPU | ${f0(median(starts.map((x) => x.startupMs)))} / ${f0(median(starts.map((x) => x.startupCpuMs)))} ms | |`);
    rows.push(`| VSIX size (production build, vsce package --no-dependencies) | ${f0(r.extension.vsix.vsixBytes / 1024)} KB | ≤ 2 MB: ${verdict(r.extension.vsix.vsixBytes <= TARGETS.vsixBytes)} |`);
  }
  return rows.join('\n');
}


/** Puts the table of `result` between the markers of docs/benchmarks.md; returns the path. */
export function writeDocs(result) {
  const page = readFileSync(DOC, 'utf8');
  const from = page.indexOf(BEGIN);
  const to = page.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${DOC} has no ${BEGIN} … ${END} markers`);
  const body = `\n\nMeasured ${result.date.slice(0, 16).replace('T', ' ')} UTC in ${result.durationS} s (bench/results/latest.json).\n\n${table(result)}\n\n`;
  writeFileSync(DOC, page.slice(0, from + BEGIN.length) + body + page.slice(to));
  return DOC;
}
