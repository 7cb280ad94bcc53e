// Template placeholders people leave in postmortems. Shared by placeholder-text and
// empty-section (a section holding only placeholders is empty).
import { LINE_MEMO_CAPACITY, StringMemo } from './cache';

export const PATTERNS: readonly RegExp[] = [
  /\b(?:TBD|TBA|TBC|TODO|FIXME)\b/g,
  /\b[Hh]{2}:[Mm]{2}(?::[Ss]{2})?\b/g,
  /\b[Xx]{2}:[Xx]{2}\b/g,
  /\b(?:YYYY|yyyy)[-/.](?:MM|mm)[-/.](?:DD|dd)\b|\b(?:DD|dd)[-/.](?:MM|mm)[-/.](?:YYYY|yyyy)\b|\b(?:MM|mm)[-/.](?:DD|dd)[-/.](?:YYYY|yyyy)\b/g,
  /\[(?:insert|add|describe|enter|your|name of|link to|fill in|placeholder|tbd|todo)\b[^\]\n]{0,80}\](?!\()/gi,
  /<(?:insert|your|describe|add|enter)\b[^<>\n]{0,80}>/gi,
  // Not `${{ … }}`: GitHub Actions expressions are code, not template slots.
  /(?<!\$)\{\{[^{}\n]{1,60}\}\}/g,
  /\blorem ipsum\b/gi,
  /(?<![\w?])\?{2,}(?![\w?])/g,
  // A field whose whole value is a lone "?": "Time to detection: ?".
  /(?<=^\s*(?:[-*+]\s+)?[^\s:?][^:?]{0,59}:[ \t]*)\?(?=[ \t]*$)/g,
];

/** Template slots inside links and image paths: `insert_diagram.png`, `github.com/your-username/…`. */
export const IN_URL: readonly RegExp[] = [
  /(?<=[(/])insert_[\w-]+(?:\.\w+)?/g,
  /(?<=\/)your-(?:user-?name|user|org(?:anization)?|repo(?:sitory)?|account|domain|project)\b/g,
];

/** A whole line of template instruction, e.g. `_Your name goes here._`. */
export const INSTRUCTION = /^\s*(?:[-*+]\s+)?[_*](?:your|describe|list|link|put|add|enter|explain|summari[sz]e|schedule|include|insert|write|provide|document)\b[^\n]{0,300}[_*]\s*$/i;

export interface PlaceholderMatch {
  start: number;
  end: number;
  text: string;
}

/** Spans of inline code (`…`): literal text such as commands, never a placeholder. */
export function codeSpans(line: string): [number, number][] {
  if (!line.includes('`')) return [];
  const spans: [number, number][] = [];
  const re = /(`+)[^`]+?\1(?!`)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** The placeholders of a line (memoised by line text, issue 7: frozen, shared results). */
export function findPlaceholders(line: string): readonly PlaceholderMatch[] {
  return PLACEHOLDERS.get(line);
}

const NONE: readonly PlaceholderMatch[] = Object.freeze([]);
// Most lines have none: they share one empty array.
const PLACEHOLDERS = new StringMemo((line: string) => {
  const found = findUncached(line);
  return found.length > 0 ? found : NONE;
}, LINE_MEMO_CAPACITY);

function findUncached(line: string): PlaceholderMatch[] {
  const out: PlaceholderMatch[] = [];
  const code = codeSpans(line);
  if (INSTRUCTION.test(line)) {
    const start = line.search(/\S/);
    return [{ start, end: line.trimEnd().length, text: line.trim() }];
  }
  // Per-character marks instead of a scan of the line, the code spans and the matches so far
  // for every match: a 1 MB line of "?? TBD" (250,000 matches) was quadratic (minutes).
  const inCode = new Uint8Array(line.length + 1);
  for (const [from, to] of code) inCode.fill(1, from, to);
  const taken = new Uint8Array(line.length + 1);
  const inUrl = urlTester(line);
  for (const re of [...PATTERNS, ...IN_URL]) {
    re.lastIndex = 0;
    const inUrlToo = IN_URL.includes(re);
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if ((!inUrlToo && inUrl(m.index)) || inCode[m.index]) continue;
      const end = m.index + m[0].length;
      if (taken.subarray(m.index, end).includes(1)) continue;
      taken.fill(1, m.index, end);
      out.push({ start: m.index, end, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * insideUrl(index) for every index of the line, in linear time: whether the last `http://`,
 * `https://` or `](` that ends at or before `index` is followed by no whitespace up to it.
 */
function urlTester(line: string): (index: number) => boolean {
  if (!line.includes('http://') && !line.includes('https://') && !line.includes('](')) return () => false;
  // lastStart[i]: start of the last marker that ends at or before i (-1 if none).
  const lastStart = new Int32Array(line.length + 1).fill(-1);
  for (const marker of ['http://', 'https://', '](']) {
    for (let at = line.indexOf(marker); at >= 0; at = line.indexOf(marker, at + 1)) {
      const end = at + marker.length;
      if (end <= line.length && (lastStart[end] as number) < at) lastStart[end] = at;
    }
  }
  for (let i = 1; i <= line.length; i++) if ((lastStart[i] as number) < (lastStart[i - 1] as number)) lastStart[i] = lastStart[i - 1] as number;
  // lastSpace[i]: the last whitespace position before i (-1 if none).
  const lastSpace = new Int32Array(line.length + 1).fill(-1);
  for (let i = 1; i <= line.length; i++) lastSpace[i] = /\s/.test(line[i - 1] as string) ? i - 1 : (lastSpace[i - 1] as number);
  return (index) => {
    const start = lastStart[index] as number;
    return start >= 0 && (lastSpace[index] as number) < start;
  };
}

/** True when a line has content but nothing except placeholders, punctuation and filler. */
export function isPlaceholderOnly(line: string): boolean {
  const found = findPlaceholders(line);
  if (found.length === 0) return false;
  // The line without its placeholders, in one pass (they are sorted and do not overlap).
  const kept: string[] = [];
  let at = 0;
  for (const f of found) {
    kept.push(line.slice(at, f.start));
    at = Math.max(at, f.end);
  }
  kept.push(line.slice(at));
  return !/[\p{L}\p{N}]/u.test(kept.join('').replace(/^\s*[-*+]\s+/, ''));
}
