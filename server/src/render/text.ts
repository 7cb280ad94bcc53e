// Text measurement without a DOM: the renderer is pure and runs in the CLI too, so widths are
// estimated from per-character advances (close enough to lay out labels; long text is cut with
// an ellipsis and the full text stays in the tooltip and the accessible label).

/** Advances (in em/100) of printable ASCII, U+0020..U+007E, in DejaVu Sans: the widest common UI font, so labels fit elsewhere too. */
const ASCII = [32, 40, 46, 84, 64, 95, 78, 28, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 78, 75, 30, 30, 66, 56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 53, 64, 34, 64, 84];
const OTHER = new Map<string, number>([['–', 0.5], ['—', 1], ['“', 0.52], ['”', 0.52], ['…', 1], ['·', 0.32], ['→', 0.84], ['⋯', 1], ['−', 0.84]]);

function advance(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code >= 32 && code < 127) return ASCII[code - 32]! / 100;
  const known = OTHER.get(ch);
  if (known !== undefined) return known;
  return code >= 0x2e80 ? 1 : 0.64;
}

/** Bold (600) text runs about 13% wider. */
const BOLD = 1.13;

export function textWidth(text: string, size: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += advance(ch);
  return w * size * (bold ? BOLD : 1);
}

export function truncate(text: string, max: number, size: number, bold = false): string {
  if (textWidth(text, size, bold) <= max) return text;
  const scale = size * (bold ? BOLD : 1);
  const budget = max - textWidth('…', size, bold);
  let w = 0;
  let out = '';
  for (const ch of text) {
    w += advance(ch) * scale;
    if (w > budget) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** Greedy word wrap into at most `maxLines` lines; the last one ends with "…" when text is left. */
export function wrap(text: string, max: number, size: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = current ? `${current} ${word}` : word;
    if (textWidth(next, size) <= max || !current) {
      current = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      lines.push(truncate(`${current} ${words.slice(i).join(' ')}`, max, size));
      return lines;
    }
    lines.push(current);
    current = word;
  }
  if (current) lines.push(current);
  return lines.map((l) => truncate(l, max, size));
}
