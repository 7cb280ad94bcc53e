// Tight lists at the margin ("- a\n- b\n…", a long timeline) are cut between items (issue 7: a
// 5 KB list took 50 ms to re-parse on every keystroke). After a blank line, outside fences and
// HTML blocks, nothing is open, so a margin item with content starts a top-level item; the next
// margin item with content closes it (not a lazy line: such an item may interrupt a paragraph)
// and starts another one at the top level. So each item of such a run reads the same whether the
// run is parsed whole or cut before it. The guard (guard.ts) counts delimiters per item of such
// a run, as micromark resolves them per paragraph, so that it too reads a cut run alike.

/** Bullet marker, or `1` and the delimiter of an ordered one; with content on the line. */
const ITEM = /^(?:([-*+])|\d{1,9}([.)]))(?: {1,4}|\t)\S/;
/** `- - -`, `* * *`: a thematic break wins over a list item (and a run of them is left alone). */
const BREAK_LIKE = /^[-*_ \t]+$/;

/**
 * What kind of item `line` starts at the margin: its bullet (`-`, `*`, `+`), or `.`/`)` for an
 * ordered item; undefined when it does not start one that has content on its line.
 */
export function itemKind(line: string): string | undefined {
  const m = ITEM.exec(line);
  if (!m || BREAK_LIKE.test(line)) return undefined;
  return m[1] ?? `o${m[2] ?? ''}`;
}

/**
 * Whether an item of kind `next` right after an item of kind `previous` starts a new top-level
 * item: any bullet does (a bullet item with content may interrupt a paragraph); an ordered
 * item only in the same list (same delimiter), else it would have to start at 1 to interrupt
 * the previous item's paragraph, and `2.` would be a lazy continuation line.
 */
export function continuesItems(previous: string, next: string): boolean {
  return next[0] !== 'o' || previous === next;
}

/**
 * The state of a run of margin items, line by line: '' at the start and after a blank line,
 * the kind of the last item while every line since is such an item, undefined otherwise.
 * `cut` says whether the line starts an item that continues the run (a place to cut it).
 */
export function stepItems(state: string | undefined, line: string): { state: string | undefined; cut: boolean } {
  if (state === undefined) return { state: undefined, cut: false };
  const kind = itemKind(line);
  if (kind === undefined) return { state: undefined, cut: false };
  if (state === '') return { state: kind, cut: false };
  return continuesItems(state, kind) ? { state: kind, cut: true } : { state: undefined, cut: false };
}
