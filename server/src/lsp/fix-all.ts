// Applies many fixes at once with the engine's applyEdits semantics: a pass takes every fix
// that does not overlap one already taken, then the text is analysed again and the next pass
// takes what is left, until nothing changes.
import { applyEdits, type Fix, type Position, type Problem, type TextEdit } from '../engine';

export type FixPicker = (problem: Problem) => Fix | undefined;

const MAX_PASSES = 10;

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function conflict(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one point would come out in an arbitrary order: one waits for the next pass.
  const sameStart = a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
  return sameStart || (before(a.range.start, b.range.end) && before(b.range.start, a.range.end));
}

/** Whole fixes whose edits overlap no fix taken before them. */
function pass(problems: readonly Problem[], pick: FixPicker): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const problem of problems) {
    const fix = pick(problem);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((e) => taken.some((t) => conflict(e, t)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

/** The text with the picked fixes applied until stable. `analyze` reads a fixed text again. */
export function fixUntilStable(text: string, problems: readonly Problem[], analyze: (text: string) => readonly Problem[], pick: FixPicker): string {
  let current = text;
  let found = problems;
  for (let i = 0; i < MAX_PASSES; i++) {
    const edits = pass(found, pick);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits).text;
    if (next === current) break;
    current = next;
    found = analyze(current);
  }
  return current;
}

const MAX_DIFF_CELLS = 4_000_000;

function splitKeepingEol(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Line edits that turn `before` into `after`, one per changed run of lines (a longest common
 * subsequence of lines), so the editor keeps cursors and markers on untouched lines.
 */
export function diffEdits(before: string, after: string, positionAt: (offset: number) => Position): TextEdit[] {
  if (before === after) return [];
  const a = splitKeepingEol(before);
  const b = splitKeepingEol(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const offsets = [0];
  for (const line of a) offsets.push((offsets[offsets.length - 1] ?? 0) + line.length);
  const edit = (fromLine: number, toLine: number, lines: string[]): TextEdit => ({
    range: { start: positionAt(offsets[fromLine] ?? before.length), end: positionAt(offsets[toLine] ?? before.length) },
    newText: lines.join(''),
  });
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n * m > MAX_DIFF_CELLS) return [edit(head, head + n, b.slice(head, head + m))];
  // lcs[i][j]: common lines of a[head+i..] and b[head+j..] (flattened).
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => lcs[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[head + i] === b[head + j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const edits: TextEdit[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] === b[head + j]) {
      i++;
      j++;
      continue;
    }
    const fromI = i;
    const fromJ = j;
    while ((i < n || j < m) && !(i < n && j < m && a[head + i] === b[head + j])) {
      if (j < m && (i >= n || at(i, j + 1) >= at(i + 1, j))) j++;
      else i++;
    }
    edits.push(edit(head + fromI, head + i, b.slice(head + fromJ, head + j)));
  }
  return edits;
}
