// What stays in memory between analyses (issue 7: with 200 documents open the server held
// 360 MB, most of it the engine's line memos full of lines of documents nobody was editing).
// Two parts, both keeping the document being typed in warm:
// - the line memos (engine/cache.ts) are shared by every document and hold up to
//   2 × LINE_MEMO_CAPACITY lines each. They only pay off for a document edited again, so before
//   a document that is not being edited is analysed they are emptied of every other such
//   document's lines, and the documents being edited are re-analysed once things are quiet to
//   warm them again;
// - a document's parse cache and last analysis are kept for the documents being edited, and
//   for the most recently analysed others up to WARM_BUDGET characters of text.
import { clearMemos, WarmCaches } from '../engine/cache';

/** Text of documents not being edited whose parse and analysis stay cached. */
export const WARM_BUDGET = 256 * 1024;
/** How many recently edited documents count as being edited. */
const EDITING = 2;
/** Quiet time after the memos were emptied before the documents being edited are warmed again. */
const REWARM_MS = 500;

export class MemoryPolicy {
  /** Recently edited documents, oldest first. */
  private readonly editing: string[] = [];
  /** Documents analysed since the line memos were last emptied. */
  private readonly inMemos = new Set<string>();
  private readonly warm = new WarmCaches(WARM_BUDGET);
  /** What `analysed` was last told about each document being edited, for when it stops being one. */
  private readonly held = new Map<string, { owner: object; chars: number; drop: () => void }>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `rewarm(uri)` analyses a document again so that its lines are in the memos. */
  constructor(private readonly rewarm: (uri: string) => void) {}

  isEditing(uri: string): boolean {
    return this.editing.includes(uri);
  }

  /** The document was edited (not just opened). */
  edited(uri: string): void {
    const at = this.editing.indexOf(uri);
    if (at === this.editing.length - 1 && at >= 0) return;
    if (at >= 0) this.editing.splice(at, 1);
    this.editing.push(uri);
    if (this.editing.length <= EDITING) return;
    const old = this.editing.shift() as string;
    const last = this.held.get(old);
    this.held.delete(old);
    // No longer exempt: its caches now count against the budget like any other document's.
    if (last) this.analysed(old, last.owner, last.chars, last.drop);
  }

  closed(uri: string): void {
    const at = this.editing.indexOf(uri);
    if (at >= 0) this.editing.splice(at, 1);
    this.inMemos.delete(uri);
    this.held.delete(uri);
  }

  /** Before a full analysis of `uri`: empties the memos of lines no edit will reuse. */
  beforeAnalysis(uri: string): void {
    if (!this.isEditing(uri)) {
      const stale = [...this.inMemos].some((u) => u !== uri && !this.isEditing(u));
      if (stale) {
        clearMemos();
        this.inMemos.clear();
        if (this.editing.length > 0) this.scheduleRewarm();
      }
    }
    this.inMemos.add(uri);
  }

  /**
   * After an analysis of `uri` (`owner` is its state, `chars` its length): documents being
   * edited keep their caches; the others while they are among the most recent within budget.
   */
  analysed(uri: string, owner: object, chars: number, drop: () => void): void {
    if (this.isEditing(uri)) {
      this.held.set(uri, { owner, chars, drop });
      return;
    }
    // A document edited since its turn came is spared (it is out of the budget's list now).
    this.warm.used(owner, chars, () => {
      if (!this.isEditing(uri)) drop();
    });
  }

  private scheduleRewarm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const uri of this.editing) this.rewarm(uri);
    }, REWARM_MS);
    // Never keeps a server (or a test) alive by itself.
    (this.timer as { unref?: () => void }).unref?.();
  }
}
