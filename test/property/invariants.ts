// What must hold for every analysis, whatever the text: the checks the properties share.
import { splitLines } from '../../server/src/engine/text';
import type { Analysis, Position, Range } from '../../server/src/engine';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** LSP line splitting (\r\n, \r, \n), independent of the engine's own. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function positionProblem(lines: string[], p: Position, what: string): string | undefined {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `${what}: not a position ${JSON.stringify(p)}`;
  if (p.line >= lines.length) return `${what}: line ${p.line} ≥ ${lines.length} lines`;
  const line = lines[p.line] as string;
  if (p.character > line.length) return `${what}: character ${p.character} > line ${p.line} length ${line.length}`;
  if (p.character > 0 && p.character < line.length && isHigh(line.charCodeAt(p.character - 1)) && isLow(line.charCodeAt(p.character))) {
    return `${what}: character ${p.character} splits a surrogate pair on line ${p.line}`;
  }
  return undefined;
}

export function rangeProblem(lines: string[], r: Range, what: string): string | undefined {
  const bad = positionProblem(lines, r.start, `${what} start`) ?? positionProblem(lines, r.end, `${what} end`);
  if (bad) return bad;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `${what}: start after end ${JSON.stringify(r)}`;
  return undefined;
}

/** Every range an analysis hands out (problems, related information, fix edits, timeline entries). */
export function rangeViolations(text: string, analysis: Analysis): string[] {
  const lines = lspLines(text);
  const out: string[] = [];
  const check = (r: Range, what: string) => {
    const bad = rangeProblem(lines, r, what);
    if (bad) out.push(bad);
  };
  for (const p of analysis.problems) {
    const id = `${p.ruleId} "${p.message.slice(0, 60)}"`;
    check(p.range, id);
    for (const r of p.related ?? []) check(r.range, `${id} related`);
    for (const f of p.fixes ?? []) for (const e of f.edits) check(e.range, `${id} fix "${f.title.slice(0, 40)}"`);
  }
  for (const e of analysis.timeline?.entries ?? []) {
    check({ start: { line: e.line, character: e.start }, end: { line: e.line, character: e.end } }, `timeline entry "${e.text.slice(0, 40)}"`);
    if (e.endLine < e.line || e.endLine >= lines.length) out.push(`timeline entry "${e.text.slice(0, 40)}": endLine ${e.endLine} outside ${e.line}..${lines.length - 1}`);
  }
  for (const b of analysis.doc.blocks) {
    if (b.startLine < 0 || b.endLine < b.startLine || b.endLine >= lines.length) out.push(`block ${b.kind} lines ${b.startLine}..${b.endLine} outside the ${lines.length} lines`);
  }
  for (const s of analysis.outline.sections) {
    check({ start: { line: s.line, character: s.startChar }, end: { line: s.line, character: s.endChar } }, `section "${s.title.slice(0, 40)}"`);
  }
  return out;
}

/** The engine's line model must be the LSP's. */
export function lineModelViolation(text: string, analysis: Analysis): string | undefined {
  const lines = lspLines(text);
  if (analysis.doc.lines.length !== lines.length) return `engine has ${analysis.doc.lines.length} lines, LSP ${lines.length}`;
  const i = lines.findIndex((l, n) => l !== analysis.doc.lines[n]);
  if (i >= 0) return `line ${i} differs`;
  const { offsets } = splitLines(text);
  return offsets.length === lines.length ? undefined : 'offsets and lines disagree';
}

/** Problems per rule, for "a fix adds no problem" comparisons (positions shift, counts do not grow). */
export function countByRule(analysis: Analysis): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of analysis.problems) counts.set(p.ruleId, (counts.get(p.ruleId) ?? 0) + 1);
  return counts;
}

export function grownRules(before: Analysis, after: Analysis, allowed: readonly string[] = []): string[] {
  const a = countByRule(before);
  const out: string[] = [];
  for (const [rule, n] of countByRule(after)) if (n > (a.get(rule) ?? 0) && !allowed.includes(rule)) out.push(`${rule}: ${a.get(rule) ?? 0} → ${n}`);
  return out;
}
