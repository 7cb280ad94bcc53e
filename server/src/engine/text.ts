// Line handling shared by the engine. Lines are split on \r\n, \r and \n alike (LSP rules),
// and every offset stays a UTF-16 index so positions map 1:1 to LSP columns.
import { LINE_MEMO_CAPACITY, StringMemo } from './cache';

export interface Lines {
  lines: string[];
  /** Offset of the first character of each line in the whole text. */
  offsets: number[];
  /** The document's dominant line ending, used when fixes insert new lines. */
  eol: '\n' | '\r\n';
}

const LINE_BREAK = /\r\n|\r|\n/g;

export function splitLines(text: string): Lines {
  if (!text.includes('\r')) return splitLf(text);
  const lines: string[] = [];
  const offsets: number[] = [0];
  let last = 0;
  let crlf = 0;
  let lf = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    lines.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    offsets.push(last);
    if (m[0] === '\r\n') crlf++;
    else lf++;
  }
  lines.push(text.slice(last));
  return { lines, offsets, eol: crlf > lf ? '\r\n' : '\n' };
}

/** splitLines of a text without \r (the usual case): indexOf instead of a regex, on every keystroke. */
function splitLf(text: string): Lines {
  const lines: string[] = [];
  const offsets: number[] = [0];
  let last = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', last)) {
    lines.push(text.slice(last, at));
    last = at + 1;
    offsets.push(last);
  }
  lines.push(text.slice(last));
  return { lines, offsets, eol: '\n' };
}

export function isBlank(line: string): boolean {
  return /^\s*$/.test(line);
}

/** Collapses runs of whitespace and trims. */
export function squash(text: string): string {
  return SQUASHED.get(text);
}

// Memoised (issue 7): mostly masked lines, the same ones on every analysis.
const SQUASHED = new StringMemo((text) => text.replace(/\s+/g, ' ').trim(), LINE_MEMO_CAPACITY);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…' };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
