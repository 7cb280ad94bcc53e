// `--fix`: applies the safe fixes, re-analyses and repeats until nothing changes (at most
// MAX_PASSES), as ESLint does. Fixes are data; the engine's applyEdits does the editing.
import { applyEdits, compareRanges, type Analysis, type Fix, type Position, type Problem, type Range, type TextEdit } from '../engine';

export const MAX_PASSES = 10;

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: Range, b: Range): boolean {
  // Two insertions at the same point conflict too: their order would be arbitrary.
  const same = a.start.line === b.start.line && a.start.character === b.start.character;
  return same || (before(a.start, b.end) && before(b.start, a.end));
}

/** The first safe fix of each problem, skipping fixes that touch text another one already edits. */
export function safeEdits(problems: readonly Problem[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const fixes = problems.map((p) => p.fixes?.find((f) => f.safe)).filter((f): f is Fix => f !== undefined);
  for (const fix of fixes) {
    if (fix.edits.some((e) => chosen.some((c) => overlaps(e.range, c.range)))) continue;
    chosen.push(...fix.edits);
  }
  return chosen.sort((a, b) => compareRanges(a.range, b.range));
}

export interface FixOutcome {
  text: string;
  /** The analysis of the final text: what remains to report. */
  analysis: Analysis;
  passes: number;
}

export function fixText(text: string, analyzeText: (text: string) => Analysis): FixOutcome {
  let current = text;
  let analysis = analyzeText(current);
  let passes = 0;
  while (passes < MAX_PASSES) {
    const edits = safeEdits(analysis.problems);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits).text;
    if (next === current) break;
    passes++;
    current = next;
    analysis = analyzeText(current);
  }
  return { text: current, analysis, passes };
}
