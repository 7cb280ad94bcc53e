// A set of line numbers, one byte per line of the range it spans (issue 7: the timeline's lines
// were a Set of a few thousand numbers, built again on every keystroke: a tenth of a megabyte of
// allocation each). The bytes start at the set's first line, not at line 0: a set per timeline
// section, each as long as the document, made 25,000 sections of a 100,000-line document take
// 1.4 GB (docs/reliability.md).

export class LineSet {
  /** bits[i] is line base + i. */
  private bits: Uint8Array;
  private base: number;

  /** An empty set with room for lines `from` to `to`, both included (it grows as needed). */
  constructor(from = 0, to = from - 1) {
    this.base = Math.max(0, from);
    this.bits = new Uint8Array(Math.max(0, to - this.base + 1));
  }

  has(line: number): boolean {
    return this.bits[line - this.base] === 1;
  }

  add(line: number): this {
    if (Number.isInteger(line) && line >= 0) {
      this.room(line, line);
      this.bits[line - this.base] = 1;
    }
    return this;
  }

  /** Lines `from` to `to`, both included. */
  addRange(from: number, to: number): this {
    const first = Math.max(0, from);
    if (to < first) return this;
    this.room(first, to);
    this.bits.fill(1, first - this.base, to - this.base + 1);
    return this;
  }

  delete(line: number): void {
    const i = line - this.base;
    if (i >= 0 && i < this.bits.length) this.bits[i] = 0;
  }

  /** Adds every line of `other`. */
  addAll(other: LineSet): this {
    if (other.bits.length === 0) return this;
    this.room(other.base, other.base + other.bits.length - 1);
    const shift = other.base - this.base;
    for (let i = 0; i < other.bits.length; i++) if (other.bits[i] === 1) this.bits[i + shift] = 1;
    return this;
  }

  /** Makes the bytes span lines `from` to `to` as well as the ones they span now. */
  private room(from: number, to: number): void {
    const end = this.base + this.bits.length;
    if (from >= this.base && to < end) return;
    const base = this.bits.length === 0 ? from : Math.min(from, this.base);
    const last = this.bits.length === 0 ? to : Math.max(to, end - 1);
    // Doubled when it grows at the end, as an array would be, so that adding line by line stays linear.
    const size = Math.max(last - base + 1, to >= end ? this.bits.length * 2 : 0);
    const grown = new Uint8Array(size);
    if (this.bits.length > 0) grown.set(this.bits, this.base - base);
    this.bits = grown;
    this.base = base;
  }
}
