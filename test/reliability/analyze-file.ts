// Child process of the bad-input measurements and tests: analyses one file as the CLI reads it
// (bytes decoded as UTF-8, BOM dropped) and prints one JSON line: what came out, CPU and memory.
// Usage: node --import tsx test/reliability/analyze-file.ts FILE
import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/engine';

const path = process.argv[2] as string;
const text = readFileSync(path).toString('utf8').replace(/^\uFEFF/, '');
const before = process.cpuUsage();
const started = performance.now();
const analysis = analyze(text, { force: true });
const cpu = process.cpuUsage(before);
const counts: Record<string, number> = {};
for (const p of analysis.problems) counts[p.ruleId] = (counts[p.ruleId] ?? 0) + 1;
console.log(JSON.stringify({
  chars: text.length,
  lines: analysis.doc.lines.length,
  blocks: analysis.doc.blocks.length,
  problems: counts,
  messages: analysis.problems.slice(0, 3).map((p) => p.message),
  ruleErrors: analysis.ruleErrors.map((e) => `${e.ruleId}: ${e.message.split('\n')[0]}`),
  timelineEntries: analysis.timeline?.entries.length ?? 0,
  cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  wallMs: Math.round(performance.now() - started),
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
}));
