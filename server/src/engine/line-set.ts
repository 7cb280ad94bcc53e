// A set of line numbers, one byte per line (issue 7: the timeline's lines were a Set of a few
// thousand numbers, built again on every keystroke: a tenth of a megabyte of allocation each).

export class LineSet {
  private bits: Uint8Array;

  constructor(size = 0) {
    this.bits = new Uint8Array(size);
  }

  has(line: number): boolean {
    return this.bits[line] === 1;
  }

  add(line: number): this {
    if (Number.isInteger(line) && line >= 0) {
      this.room(line + 1);
      this.bits[line] = 1;
    }
    return this;
  }

  /** Lines `from` to `to`, both included. */
  addRange(from: number, to: number): this {
    if (to < from || to < 0) return this;
    this.room(to + 1);
    this.bits.fill(1, Math.max(0, from), to + 1);
    return this;
  }

  delete(line: number): void {
    if (line >= 0 && line < this.bits.length) this.bits[line] = 0;
  }

  /** Adds every line of `other`. */
  addAll(other: LineSet): this {
    this.room(other.bits.length);
    for (let i = 0; i < other.bits.length; i++) if (other.bits[i] === 1) this.bits[i] = 1;
    return this;
  }

  private room(size: number): void {
    if (size <= this.bits.length) return;
    const grown = new Uint8Array(Math.max(size, this.bits.length * 2));
    grown.set(this.bits);
    this.bits = grown;
  }
}
