// Applies text edits given as LSP ranges. The one place fixes are applied: the CLI's --fix,
// tests and the fix-all code action all use it.
import { splitLines } from './text';
import type { TextEdit } from './types';

function offsetAt(offsets: number[], textLength: number, line: number, character: number): number {
  if (line >= offsets.length) return textLength;
  const start = offsets[line] ?? textLength;
  const next = line + 1 < offsets.length ? (offsets[line + 1] ?? textLength) : textLength;
  return Math.min(start + character, next);
}

/**
 * Applies non-overlapping edits; an edit that overlaps one already taken is skipped, so
 * several fixes can be applied in one pass and the rest on the next (as ESLint does).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number; skipped: number } {
  const { offsets } = splitLines(text);
  const spans = edits.map((e) => ({
    start: offsetAt(offsets, text.length, e.range.start.line, e.range.start.character),
    end: offsetAt(offsets, text.length, e.range.end.line, e.range.end.character),
    newText: e.newText,
  }));
  const order = spans.map((_, i) => i).sort((a, b) => (spans[a]?.start ?? 0) - (spans[b]?.start ?? 0) || a - b);
  const taken: typeof spans = [];
  let skipped = 0;
  for (const i of order) {
    const s = spans[i];
    if (!s) continue;
    const last = taken[taken.length - 1];
    if (last && (s.start < last.end || (s.start === last.end && s.start === last.start && last.start !== last.end))) {
      skipped++;
      continue;
    }
    taken.push(s);
  }
  let out = '';
  let at = 0;
  for (const s of taken) {
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  out += text.slice(at);
  return { text: out, applied: taken.length, skipped };
}
